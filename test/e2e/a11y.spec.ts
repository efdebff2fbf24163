import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoViolations(page: Page, context: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
  // axe must actually have checked something.
  expect(results.passes.length, `axe passes on ${context}`).toBeGreaterThan(10);
}

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
