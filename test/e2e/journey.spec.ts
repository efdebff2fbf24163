import { expect, screenshot, startServe, test } from './fixtures';

const DECISION_LABELS = ['1a', '1b', '1c', '1d', '1e'];

test('library → letter → table of contents → decisions 1a–1e', async ({ app: page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliotheek' })).toBeVisible();
  const row = page.getByRole('row', { name: /Gemeenten 2024/ });
  await expect(row).toContainText('8 mei 2019');
  await expect(row).toContainText('Lbr. 19/030');
  await expect(row.getByRole('cell').last()).toHaveText('5');
  await screenshot(page, 'library-nl-light');

  await page.getByRole('link', { name: 'Gemeenten 2024' }).click();
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Gemeenten 2024' })).toBeFocused();
  await expect(page).toHaveTitle('Gemeenten 2024 — Raadsmap');

  // Metadata as the author wrote it.
  const metadata = page.locator('dl.metadata');
  await expect(metadata).toContainText('8 mei 2019');
  await expect(metadata).toContainText('COS/U201900264');
  await expect(metadata).toContainText('Lbr. 19/030');
  await expect(metadata).toContainText('Gemeenten 2024');
  await expect(metadata.locator('dt', { hasText: 'Bijlage(n)' })).toBeVisible();
  await screenshot(page, 'reader-nl-light');

  // The decisions, each once, with their full text.
  const cards = page.locator('.decision-card');
  await expect(cards).toHaveCount(5);
  for (const [i, label] of DECISION_LABELS.entries()) {
    await expect(cards.nth(i)).toHaveAttribute('data-label', label);
  }
  await expect(page.locator('#besluit-1c')).toContainText(
    'Uitbreiding van het gemeentelijk belastinggebied is daarbij een belangrijke voorwaarde',
  );
  await expect(page.locator('.decisions__stem')).toHaveText(
    "'Gemeenten 2024' vast te stellen als verenigingsstrategie, met daarin als uitwerking:",
  );

  // Headings as headings, and the footer gone from the text.
  const text = page.locator('.letter-text');
  await expect(text.getByRole('heading', { name: 'Aanleiding' })).toBeVisible();
  await expect(text.getByRole('heading', { name: 'Rode draden', level: 3 })).toBeVisible();
  await expect(text).not.toContainText('Nassaulaan');
  await expect(text).not.toContainText('info@vng.nl');
  await expect(text).toContainText('hoe ze het leveren en hoe ze communiceren.');

  // Jump via the table of contents.
  const toc = page.getByRole('navigation', { name: 'Inhoudsopgave' });
  await toc.getByRole('link', { name: 'Wat gaan we als vereniging doen?' }).click();
  const target = page.getByRole('heading', { name: 'Wat gaan we als vereniging doen?' });
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  await expect(page).toHaveURL(/#\/brief\/lbr-19-030\/s\d+$/);
  await screenshot(page, 'reader-toc-jump');

  // From a decision to its place in the letter's text.
  await page.locator('#besluit-1e').getByRole('link').click();
  await expect(page.locator('.letter-list__item[data-decision="1e"]').last()).toBeInViewport();

  // Back to the library.
  await page.getByRole('link', { name: 'Terug naar de bibliotheek' }).click();
  await expect(page.getByTestId('library-ready')).toBeVisible();
});

test('English, larger text and dark theme are kept across a restart', async ({ app: page, serve, dataDir }) => {
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.getByRole('button', { name: 'Larger text' }).click();
  await expect(page.locator('output')).toHaveText('125%');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('link', { name: 'Gemeenten 2024' }).click();
  await expect(page.getByRole('heading', { name: 'Requested decisions' }).first()).toBeVisible();
  // The interface speaks English; the letter itself stays marked as Dutch for screen readers.
  await expect(page.locator('.letter-text')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('#doc-title')).toHaveAttribute('lang', 'nl');
  await screenshot(page, 'reader-en-dark-125');

  // Stop the app and start it again on the same data folder.
  await serve.stop();
  const restarted = await startServe(dataDir);
  try {
    await page.goto(restarted.url);
    await expect(page.getByTestId('library-ready')).toBeVisible();
    await page.getByRole('link', { name: 'Gemeenten 2024' }).click();
    await expect(page.getByTestId('reader-ready')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(fontSize).toBe('20px');
  } finally {
    await restarted.stop();
  }
});

test('the whole journey works keyboard-only', async ({ app: page }) => {
  // Skip link first.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Direct naar de inhoud' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Tab to the letter in the library and open it.
  const letterLink = page.getByRole('link', { name: 'Gemeenten 2024' });
  for (let i = 0; i < 15 && !(await letterLink.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(letterLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Gemeenten 2024' })).toBeFocused();

  // Tab into the table of contents and jump to "Aanleiding".
  await page.keyboard.press('Shift+Tab');
  const tocLink = page.getByRole('navigation', { name: 'Inhoudsopgave' }).getByRole('link', { name: 'Aanleiding' });
  for (let i = 0; i < 30 && !(await tocLink.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(tocLink).toBeFocused();
  await page.keyboard.press('Enter');
  const heading = page.locator('.letter-text').getByRole('heading', { name: 'Aanleiding' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();

  // Decisions reachable: the next Tab stops inside the text after the jump target, and the
  // decisions block is reachable from the table of contents too.
  const decisionsLink = page
    .getByRole('navigation', { name: 'Inhoudsopgave' })
    .getByRole('link', { name: /^Gevraagde besluiten \(5\)$/ });
  await decisionsLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Gevraagde besluiten' }).first()).toBeFocused();
  await expect(page.locator('.decision-card')).toHaveCount(5);

  // Text size by keyboard.
  const larger = page.getByRole('button', { name: 'Tekst groter' });
  await larger.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('output')).toHaveText('110%');
});
