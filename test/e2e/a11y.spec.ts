import { expect, screenshot, test } from './fixtures';
import { expectNoHorizontalScroll, expectNoViolations } from './axe';

for (const colorScheme of ['light', 'dark'] as const) {
  for (const locale of ['nl', 'en'] as const) {
    for (const zoom of [100, 200] as const) {
      test(`axe: library and reader, ${colorScheme}, ${locale}, ${zoom}%`, async ({ app: page }) => {
        // 200 % zoom of a 1280×900 window is a 640×450 CSS viewport.
        if (zoom === 200) await page.setViewportSize({ width: 640, height: 450 });
        await page.emulateMedia({ colorScheme });
        if (locale === 'en') {
          await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        }
        const name = `${colorScheme}-${locale}-${zoom}`;
        await expectNoViolations(page, `library ${name}`);
        await screenshot(page, `a11y-library-${name}`);

        await page.getByRole('link', { name: 'Gemeenten 2024' }).click();
        await expect(page.getByTestId('reader-ready')).toBeVisible();
        await expectNoViolations(page, `reader ${name}`);
        await screenshot(page, `a11y-reader-${name}`);

        if (zoom === 200) {
          // Reflow: no horizontal scrolling at 200 %.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
        }
      });
    }
  }
}

test('axe: the import dialog with an error message', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Brief importeren…' }).click();
  await page.getByLabel('Bestand').setInputFiles({ name: 'leeg.txt', mimeType: 'text/plain', buffer: Buffer.from('') });
  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'import dialog');
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const locale of ['nl', 'en'] as const) {
    for (const zoom of [100, 200] as const) {
      test(`axe: search suggestions, results and the reader with marks, ${colorScheme}, ${locale}, ${zoom}%`, async ({
        app: page,
      }) => {
        if (zoom === 200) await page.setViewportSize({ width: 640, height: 450 });
        await page.emulateMedia({ colorScheme });
        if (locale === 'en') {
          await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        }
        const name = `${colorScheme}-${locale}-${zoom}`;
        const field = page.getByRole('combobox', {
          name: locale === 'nl' ? 'Zoeken in alle brieven' : 'Search all letters',
        });

        // Suggestions open, one active.
        await field.click();
        await field.pressSequentially('gemeen', { delay: 20 });
        await expect(page.getByRole('listbox')).toBeVisible();
        await field.press('ArrowDown');
        await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
        await expectNoViolations(page, `search suggestions ${name}`);
        await screenshot(page, `a11y-search-suggestions-${name}`);

        // Results, with a hit focused by the keyboard.
        await field.press('Escape');
        await field.fill('gemeente');
        await field.press('Enter');
        await expect(page.locator('.search-summary')).toHaveText(
          locale === 'nl' ? /resultaten in 1 brief/ : /results in 1 letter/,
        );
        await page.keyboard.press('ArrowDown');
        await expect(page.locator('a.hit__link').first()).toBeFocused();
        await expectNoViolations(page, `search results ${name}`);
        await screenshot(page, `a11y-search-results-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `search results ${name}`);

        // The reader with every match marked and the find bar.
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('reader-ready')).toBeVisible();
        const count = page.locator('.findbar__count');
        const of = locale === 'nl' ? 'van' : 'of';
        await expect(count).toHaveText(new RegExp(`^\\d+ ${of} \\d+$`));
        const first = Number((await count.textContent())!.split(' ')[0]);
        await page.keyboard.press('F3');
        await expect(count).toHaveText(new RegExp(`^${first + 1} ${of} \\d+$`));
        await expect(page.locator('mark.find-match.is-current')).toBeInViewport();
        await expectNoViolations(page, `reader with marks ${name}`);
        await screenshot(page, `a11y-reader-find-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `reader with marks ${name}`);
      });
    }
  }
}

test('axe: search tips, "Bedoelde u", the stop-word message and filters in use', async ({ app: page }) => {
  await page.goto(page.url().replace(/#.*$/, '') + '#/zoeken?q=');
  await expect(page.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible();
  await expectNoViolations(page, 'search tips');
  await screenshot(page, 'a11y-search-tips');

  const field = page.getByRole('combobox', { name: 'Zoeken in alle brieven' });
  await field.fill('energietransitei');
  await field.press('Enter');
  await expect(page.locator('.search-notice--suggest')).toBeVisible();
  await expectNoViolations(page, 'did you mean');

  await field.fill('de het een');
  await field.press('Enter');
  await expect(page.locator('.search-notice')).toContainText('Alleen veelvoorkomende woorden');
  await expectNoViolations(page, 'stop words');

  await field.fill('gemeente');
  await field.press('Enter');
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByRole('checkbox', { name: /Gemeenten 2024/ }).check();
  await expect(filters.getByRole('combobox', { name: 'Onderdeel' })).toBeVisible();
  await filters.getByRole('checkbox', { name: 'Alleen mijn notities' }).check();
  await expect(page.getByText('Alleen uw eigen notities en aantekeningen worden doorzocht')).toBeVisible();
  await expectNoViolations(page, 'filters in use');
  await screenshot(page, 'a11y-search-filters');
});
