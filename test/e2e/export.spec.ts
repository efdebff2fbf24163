/**
 * "Exporteren…" and the print view against the real `raadsmap serve`: every format downloaded and
 * read back (Markdown text, the Word zip's document.xml, the PDF's text via pdf.js, the W3C
 * AnnotationCollection), filters by letter and tag changing the counts, an export with nothing in
 * it, the dialog from the reader with its letter preselected, and the print view on screen and in
 * print media.
 */
import type { Download, Locator, Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { expect, screenshot, test } from './fixtures';
import { LETTER, QUOTES, seedAnouk, seedSecondLetter } from './notes-fixtures';

/** A second letter with one note and one position, so a letter filter has something to leave out. */
const seedSecond = (page: Page) =>
  seedSecondLetter(page, {
    note: 'Goed idee, wel eerst een proef in onze raad.',
    tags: ['digitaal'],
    position: { stance: 'tegen', reasoning: 'Eerst de beveiliging op orde.' },
  });

async function openNotes(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Mijn notities', exact: true }).click();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
}

async function openDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Exporteren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exporteren' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /Gemeenten 2024/ })).toBeVisible();
  return dialog;
}

async function exportAs(dialog: Locator, format: RegExp): Promise<{ download: Download; bytes: Buffer }> {
  const page = dialog.page();
  await dialog.getByRole('radio', { name: format }).check();
  const waiting = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exporteren', exact: true }).click();
  const download = await waiting;
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false })
    .promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}

test('every format from the dialog: the downloaded files hold the positions, notes and quotes', async ({
  app: page,
}) => {
  await seedAnouk(page);
  await openNotes(page);
  const dialog = await openDialog(page);
  await expect(dialog.getByRole('radio', { name: /^Word/ })).toBeChecked();
  await expect(dialog.getByText('Een standpuntbepaling voor uw fractie, om verder te bewerken.')).toBeVisible();
  await screenshot(page, 'export-dialog');

  // Word: a zip with word/document.xml holding the stances, the reasoning and the quotes.
  const docx = await exportAs(dialog, /^Word/);
  expect(docx.download.suggestedFilename()).toMatch(/\.docx$/);
  const done = dialog.getByTestId('export-done');
  await expect(done).toContainText(
    `2 standpunten en 5 notities uit 1 brief geëxporteerd naar ${docx.download.suggestedFilename()}.`,
  );
  await screenshot(page, 'export-dialog-done');
  const files = unzipSync(new Uint8Array(docx.bytes));
  const xml = strFromU8(files['word/document.xml']!);
  expect(xml).toContain('Voor met amendement');
  expect(xml).toContain('Democratie versterken is de kern van ons programma.');
  expect(xml).toContain('belastinggebied moet er echt komen');
  expect(xml).toContain('Vraag aan de griffie: wat betekent dit voor de OZB?');

  // Markdown: text with the positions and the quoted passages.
  const md = await exportAs(dialog, /^Markdown/);
  expect(md.download.suggestedFilename()).toMatch(/\.md$/);
  const text = md.bytes.toString('utf8');
  expect(text).toContain('Voor met amendement');
  expect(text).toContain('Democratie versterken is de kern van ons programma');
  expect(text).toContain('zijn de financiën beter beheersbaar');
  expect(text).toContain('Sterk punt voor de Kadernota');
  await expect(done).toContainText(md.download.suggestedFilename());

  // PDF: a real PDF whose text holds the stance and reasoning.
  const pdf = await exportAs(dialog, /^PDF/);
  expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfWords = await pdfText(new Uint8Array(pdf.bytes));
  expect(pdfWords).toContain('Voor met amendement');
  expect(pdfWords).toContain('Democratie versterken is de kern van ons programma.');

  // W3C Web Annotation: an AnnotationCollection with the five annotations and their quotes.
  const w3c = await exportAs(dialog, /^W3C Web Annotation/);
  expect(w3c.download.suggestedFilename()).toMatch(/\.jsonld$/);
  const collection = JSON.parse(w3c.bytes.toString('utf8')) as {
    type: string | string[];
    items?: Array<{ type: string; target: unknown }>;
    first?: { items: Array<{ type: string; target: unknown }> };
  };
  expect([collection.type].flat()).toContain('AnnotationCollection');
  const items = collection.items ?? collection.first?.items ?? [];
  expect(items).toHaveLength(5);
  expect(JSON.stringify(items)).toContain(QUOTES.belastinggebied.exact);
  expect(JSON.stringify(items)).toContain('Koppelen aan ons warmteplan.');

  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Exporteren…' })).toBeFocused();
});

test('filters: one letter, one tag and fewer parts change the counts', async ({ app: page }) => {
  await seedAnouk(page);
  await seedSecond(page);
  await openNotes(page);
  const dialog = await openDialog(page);
  const done = dialog.getByTestId('export-done');

  // Everything: both letters.
  await exportAs(dialog, /^Markdown/);
  await expect(done).toContainText('3 standpunten en 6 notities uit 2 brieven geëxporteerd');

  // Only "Gemeenten 2024".
  await dialog.getByRole('checkbox', { name: /Gemeenten 2024/ }).check();
  const one = await exportAs(dialog, /^Markdown/);
  await expect(done).toContainText('2 standpunten en 5 notities uit 1 brief geëxporteerd');
  expect(one.bytes.toString('utf8')).not.toContain('digitaal stemmen');
  await dialog.getByRole('checkbox', { name: /Gemeenten 2024/ }).uncheck();

  // Only the tag "belastinggebied": the question and the position that rests on it.
  await dialog.getByRole('checkbox', { name: 'belastinggebied' }).check();
  const tagged = await exportAs(dialog, /^Markdown/);
  await expect(done).toContainText('1 standpunt en 1 notitie uit 1 brief geëxporteerd');
  expect(tagged.bytes.toString('utf8')).toContain('Vraag aan de griffie');
  expect(tagged.bytes.toString('utf8')).not.toContain('Sterk punt voor de Kadernota');
  await dialog.getByRole('checkbox', { name: 'belastinggebied' }).uncheck();

  // Only positions.
  for (const part of ['Gemarkeerde passages', 'Notities', 'Open vragen']) {
    await dialog.getByRole('checkbox', { name: part, exact: true }).uncheck();
  }
  await exportAs(dialog, /^Markdown/);
  await expect(done).toContainText('3 standpunten en 0 notities uit 2 brieven geëxporteerd');

  // Nothing to include: the dialog says so and will not export.
  await dialog.getByRole('checkbox', { name: 'Standpunten', exact: true }).uncheck();
  await expect(dialog.getByText('Kies minstens één onderdeel om mee te nemen.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Exporteren', exact: true })).toBeDisabled();
  await screenshot(page, 'export-dialog-no-parts');
});

test('an export with no notes at all still succeeds', async ({ app: page }) => {
  await openNotes(page);
  const dialog = await openDialog(page);
  const { download, bytes } = await exportAs(dialog, /^Word/);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  expect(unzipSync(new Uint8Array(bytes))['word/document.xml']).toBeDefined();
  await expect(dialog.getByTestId('export-done')).toContainText('Er paste niets bij deze keuze');
  await screenshot(page, 'export-dialog-empty');
});

test('from the reader: "Mijn standpunten" opens the dialog with the letter chosen; in English too', async ({
  app: page,
}) => {
  await seedAnouk(page);
  await seedSecond(page);
  await page.goto(`${new URL(page.url()).origin}/#/brief/${LETTER}`);
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  await page.getByTestId('positions-overview').getByRole('button', { name: 'Exporteren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exporteren' });
  await expect(dialog.getByRole('checkbox', { name: /Gemeenten 2024/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /digitale stemming/i })).not.toBeChecked();
  await exportAs(dialog, /^PDF/);
  await expect(dialog.getByTestId('export-done')).toContainText('2 standpunten en 5 notities uit 1 brief');
  await screenshot(page, 'export-dialog-reader');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await page.getByTestId('positions-overview').getByRole('button', { name: 'Export…' }).click();
  const en = page.getByRole('dialog', { name: 'Export' });
  await expect(en.getByText('A position paper for your group, to edit further.')).toBeVisible();
  await en.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(en.getByTestId('export-done')).toContainText('2 positions and 5 notes from 1 letter exported to');
  await screenshot(page, 'export-dialog-en');
});

test('print view: the decision table, reasoning and quotes, on screen and in print media', async ({ app: page }) => {
  await seedAnouk(page);
  await seedSecond(page);
  await openNotes(page);
  const dialog = await openDialog(page);
  await dialog.getByRole('button', { name: 'Afdrukken…' }).click();
  await expect(page).toHaveURL(/#\/afdrukken/);
  await expect(page.getByTestId('print-ready')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Notities en standpunten' })).toBeVisible();

  const letter = page.getByRole('article', { name: 'Gemeenten 2024' });
  const table = letter.getByRole('table', { name: 'Standpunten bij Gemeenten 2024' });
  await expect(table.getByRole('row')).toHaveCount(6); // header + 1a–1e
  await expect(table.getByRole('row', { name: /^1a/ })).toContainText('Voor');
  await expect(table.getByRole('row', { name: /^1c/ })).toContainText('Voor met amendement');
  await expect(table.getByRole('row', { name: /^1b/ })).toContainText('nog niets vastgelegd');
  await expect(letter).toContainText('Democratie versterken is de kern van ons programma.');
  await expect(letter.locator('blockquote').filter({ hasText: QUOTES.belastinggebied.exact }).first()).toBeVisible();
  await expect(letter).toContainText('Vraag aan de griffie: wat betekent dit voor de OZB?');
  await expect(page.getByRole('article', { name: /digitale stemming/i })).toContainText('Tegen');
  await screenshot(page, 'print-view');

  // Print media: no header or toolbar, black on white; every letter from a new page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken', exact: true })).toBeHidden();
  const colors = await page.locator('.page--print').evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.color, background: getComputedStyle(document.body).backgroundColor };
  });
  expect(colors.color).toBe('rgb(0, 0, 0)');
  expect(colors.background).toBe('rgb(255, 255, 255)');
  const breaks = await page
    .locator('.print-letter')
    .evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
  expect(breaks).toEqual(['auto', 'page']);
  await screenshot(page, 'print-view-print-media');
  await page.emulateMedia({ media: 'screen' });

  // The button prints (window.print, stubbed here: a real print dialog would block the test).
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole('button', { name: 'Afdrukken', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // One letter and one tag: the address carries the choice.
  await page.goto(
    `${new URL(page.url()).origin}/#/afdrukken?brief=${LETTER}&label=belastinggebied&deel=positions&deel=annotations&deel=notes`,
  );
  await expect(page.getByTestId('print-ready')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.locator('.print-head__meta')).toContainText('labels: belastinggebied');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Voor met amendement');
  await screenshot(page, 'print-view-filtered');
});

test('print view in dark mode and English keeps the content; print media is black on white', async ({ app: page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await seedAnouk(page);
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await page.goto(`${new URL(page.url()).origin}/#/afdrukken`);
  await expect(page.getByTestId('print-ready')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes and positions' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Positions on Gemeenten 2024' })).toContainText(
    'For, with an amendment',
  );
  await screenshot(page, 'print-view-dark-en');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const color = await page.locator('.page--print').evaluate((el) => getComputedStyle(el).color);
  expect(color).toBe('rgb(0, 0, 0)');
  await screenshot(page, 'print-view-dark-en-print-media');
});
