/**
 * Highlights and notes in the reader, against a real `raadsmap serve`: marking with the mouse and
 * with the keyboard only, notes in the margin with autosave, tags with autocomplete, delete with
 * undo, overlapping highlights, notes that stay text, a crash right after "Opgeslagen", colour
 * meanings, and the "Nakijken" panel with a colleague's imported notes.
 */
import type { Page } from '@playwright/test';
import { api, importAnnotations, openLetter, rangeOf, selectWithMouse, webAnnotation } from './annotations-helpers';
import { expect, screenshot, startServe, test } from './fixtures';

const BELASTING = 'Door samen met het Rijk uitwerking te geven aan een groter gemeentelijk belastinggebied';

function card(page: Page, text: string | RegExp) {
  return page.getByTestId('note-card').filter({ hasText: text });
}

/** The open note's text field. */
function noteField(page: Page) {
  return page.locator('.note-editor').getByLabel('Notitie', { exact: true });
}

test('mouse: highlight, note, tags with autocomplete, edit, delete and undo; all kept after a reload', async ({
  app: page,
}) => {
  await openLetter(page);

  // A tag on the letter first, so the note's tag field has something to complete.
  const letterTags = page.getByRole('combobox', { name: 'Labels van deze brief' });
  await letterTags.fill('financiën');
  await letterTags.press('Enter');
  await expect(page.locator('.letter-tags .chip')).toHaveText(['financiën']);

  await selectWithMouse(page, 'p030', BELASTING);
  const toolbar = page.getByRole('toolbar', { name: 'Markeren' });
  await expect(toolbar.getByRole('button', { name: /Belangrijk/ })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Notitie toevoegen' })).toBeVisible();
  await screenshot(page, 'notes-selection-toolbar');

  await toolbar.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(toolbar).toBeHidden();
  await expect(page.locator('mark.hl')).toHaveText(BELASTING);
  await expect(noteField(page)).toBeFocused();
  await page.keyboard.type('Vraag voor de griffie: wat betekent dit voor onze OZB?');
  await expect(page.locator('.note-editor .save-status')).toHaveText(/Opgeslagen/);

  // Tags: type part of an existing one, pick it from the list; a comma adds a new one.
  const tags = page.locator('.note-editor').getByRole('combobox', { name: 'Labels' });
  await tags.pressSequentially('fin');
  const option = page.getByRole('option', { name: /financiën/ });
  await expect(option).toBeVisible();
  await tags.press('ArrowDown');
  await expect(tags).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await tags.press('Enter');
  await tags.pressSequentially('belastinggebied,');
  const chips = page.locator('.note-editor .chip');
  await expect(chips).toHaveText(['financiën', 'belastinggebied']);
  // Backspace in the empty field removes the last chip; add it again.
  await tags.press('Backspace');
  await expect(chips).toHaveText(['financiën']);
  await tags.pressSequentially('belastinggebied');
  await tags.press('Enter');
  await expect(chips).toHaveText(['financiën', 'belastinggebied']);
  await expect(page.locator('.note-editor .save-status')).toHaveText(/Opgeslagen/);
  await screenshot(page, 'notes-note-editor');

  // Edit: other words, another colour.
  await noteField(page).fill('Vraag voor de griffie: wat betekent een groter belastinggebied voor onze OZB?');
  await page.locator('.note-editor').getByRole('radio', { name: 'Vraag' }).check();
  await expect(page.locator('.note-editor .save-status')).toHaveText(/Opgeslagen/);
  await page.locator('.note-editor').getByRole('button', { name: 'Sluiten' }).click();
  const note = card(page, 'groter belastinggebied voor onze OZB');
  await expect(note).toContainText('Vraag');
  await expect(note.locator('.chip')).toHaveText(['belastinggebied', 'financiën']);
  await expect(note.getByRole('button')).toBeFocused();
  await expect(page.locator('mark.hl')).toHaveClass(/hl--blauw/);
  await screenshot(page, 'notes-margin');

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.locator('article[data-annotations-ready="true"]')).toBeVisible();
  await expect(page.locator('mark.hl.hl--blauw')).toHaveText(BELASTING);
  await expect(card(page, 'groter belastinggebied voor onze OZB').locator('.chip')).toHaveText([
    'belastinggebied',
    'financiën',
  ]);
  await expect(page.locator('.letter-tags .chip')).toHaveText(['financiën']);

  // Delete, with undo.
  await card(page, 'groter belastinggebied').getByRole('button').click();
  await page.locator('.note-editor').getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Notitie verwijderd.' })).toBeVisible();
  await expect(page.locator('mark.hl')).toHaveCount(0);
  await expect(page.getByTestId('note-card')).toHaveCount(0);
  const undo = page.getByRole('button', { name: /Ongedaan maken/ });
  await expect(undo).toBeFocused();
  await screenshot(page, 'notes-undo-toast');
  await undo.click();
  await expect(card(page, 'groter belastinggebied voor onze OZB')).toBeVisible();
  await expect(card(page, 'groter belastinggebied').getByRole('button')).toBeFocused();
  await expect(page.locator('mark.hl')).toHaveText(BELASTING);

  // Delete again, undo with Ctrl+Z.
  await card(page, 'groter belastinggebied').getByRole('button').click();
  await page.locator('.note-editor').getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByTestId('note-card')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(card(page, 'groter belastinggebied voor onze OZB')).toBeVisible();
  const list = await api<Array<{ note: string; tags: string[] }>>(page, 'annotations.list', {
    documentId: 'lbr-19-030',
  });
  expect(list).toHaveLength(1);
  expect(list[0]!.tags).toEqual(['belastinggebied', 'financiën']);
});

test('keyboard only: mark a passage, pick a colour, add a note', async ({ app: page }) => {
  await openLetter(page);
  // From the title, Tab to "Passage markeren".
  await page.locator('#doc-title').focus();
  const markButton = page.getByRole('button', { name: /^Passage markeren/ });
  for (let i = 0; i < 20 && !(await markButton.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(markButton).toBeFocused();
  await page.keyboard.press('Enter');
  const bar = page.getByRole('region', { name: 'Passage markeren met het toetsenbord' });
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('Shift');
  await expect(markButton).toHaveAttribute('aria-pressed', 'true');

  // The first paragraph has focus, with its first word chosen.
  const focused = page.locator('[data-block-id]:focus');
  await expect(focused).toHaveAttribute('data-block-id', 'p001');
  await expect(focused).toHaveAttribute('role', 'textbox');
  await expect(page.locator('[data-pending]')).toHaveText('In');
  await expect(page.getByTestId('notes-live')).toContainText('Gekozen: In');

  // Down to the next paragraph ("'Gemeenten 2024' vast te stellen…", decision 1), then words.
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('data-block-id', 'p002');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('data-block-id', 'p005');
  // "We gaan -op basis van wederkerigheid- …": word by word to "wederkerigheid", then extend.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-pending]')).toHaveText('wederkerigheid');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-pending]')).toHaveText('basis van wederkerigheid');
  await expect(page.getByTestId('notes-live')).toContainText('basis van wederkerigheid (3 woorden)');
  await screenshot(page, 'notes-keyboard-marking');
  await page.keyboard.press('1');
  await expect(page.locator('mark.hl.hl--geel')).toHaveText('basis van wederkerigheid');
  await expect(page.getByTestId('notes-live')).toContainText('Gemarkeerd als Belangrijk');
  await expect(focused).toHaveAttribute('data-block-id', 'p005');

  // A whole sentence (Ctrl+Shift+→) into the toolbar (Enter), then "Notitie toevoegen".
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(page.locator('[data-pending]')).toHaveText(/^We verkennen de wenselijkheid .*\.$/);
  await page.keyboard.press('Enter');
  const toolbar = page.getByRole('toolbar', { name: 'Markeren' });
  await expect(toolbar.getByRole('button', { name: /Belangrijk/ })).toBeFocused();
  await screenshot(page, 'notes-keyboard-toolbar');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(toolbar.getByRole('button', { name: 'Notitie toevoegen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(noteField(page)).toBeFocused();
  await page.keyboard.type('Navragen bij de fractie.');
  await expect(page.locator('.note-editor .save-status')).toHaveText(/Opgeslagen/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.note-editor')).toHaveCount(0);
  await expect(card(page, 'Navragen bij de fractie.').getByRole('button')).toBeFocused();
  // Enter on the card opens its note again.
  await page.keyboard.press('Enter');
  await expect(noteField(page)).toHaveValue('Navragen bij de fractie.');
  await page.keyboard.press('Escape');

  // M starts marking again anywhere; N marks with a note; Escape stops and keeps the place.
  await page.keyboard.press('m');
  await expect(bar).toBeVisible();
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(page.locator('[data-pending]')).toHaveCount(0);
  const list = await api<Array<{ quote: { exact: string }; note: string }>>(page, 'annotations.list', {
    documentId: 'lbr-19-030',
  });
  expect(list.map((a) => a.quote.exact)).toContain('basis van wederkerigheid');
  expect(list.find((a) => a.note === 'Navragen bij de fractie.')).toBeTruthy();
});

test('overlapping highlights are drawn stacked and counted for screen readers', async ({ app: page }) => {
  await openLetter(page);
  await selectWithMouse(page, 'p030', 'Voldoende geld is daarbij een belangrijke randvoorwaarde');
  await page
    .getByRole('toolbar', { name: 'Markeren' })
    .getByRole('button', { name: /Belangrijk/ })
    .click();
  await expect(page.locator('mark.hl')).toHaveCount(1);
  await selectWithMouse(page, 'p030', 'een belangrijke randvoorwaarde. Omdat de gemeentelijke middelen');
  await page
    .getByRole('toolbar', { name: 'Markeren' })
    .getByRole('button', { name: /Oneens/ })
    .click();

  // "een belangrijke randvoorwaarde" carries both: the red one nested in the yellow one.
  const inner = page.locator('mark.hl.hl--geel mark.hl.hl--rood');
  await expect(inner).toHaveCount(1);
  await expect(inner).toContainText('een belangrijke randvoorwaarde');
  await expect(inner.locator('..')).toHaveClass(/hl--lane-0/);
  await expect(inner).toHaveClass(/hl--lane-1/);
  await expect(page.locator('mark.hl.hl--geel .visually-hidden')).toHaveText('(2 markeringen: Belangrijk, Oneens)');
  // The overlap text is not part of the letter: selecting across it still gives the letter's words.
  const cards = page.locator('[data-paragraph="p030"]').getByTestId('note-card');
  await expect(cards).toHaveCount(2);
  await page.locator('#par-p030').scrollIntoViewIfNeeded();
  await screenshot(page, 'notes-overlap');
  await selectWithMouse(page, 'p030', 'daarbij een belangrijke randvoorwaarde. Omdat');
  await page.getByRole('toolbar', { name: 'Markeren' }).getByRole('button', { name: /Eens/ }).first().click();
  const list = await api<Array<{ quote: { exact: string } }>>(page, 'annotations.list', { documentId: 'lbr-19-030' });
  expect(list.map((a) => a.quote.exact)).toContain('daarbij een belangrijke randvoorwaarde. Omdat');
  await expect(page.locator('mark.hl.hl--lane-2')).not.toHaveCount(0);
});

test('notes stay text: markup, long notes, emoji and right-to-left text', async ({ app: page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openLetter(page);
  const probe = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await selectWithMouse(page, 'p009', 'De grote verantwoordelijkheden');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await noteField(page).fill(probe);
  await expect(page.locator('.note-editor .save-status')).toHaveText(/Opgeslagen/);
  await page.locator('.note-editor').getByRole('button', { name: 'Sluiten' }).click();
  await expect(card(page, probe)).toBeVisible();
  await expect(page.locator('.margin-notes img, .margin-notes script')).toHaveCount(0);

  // 100 000 characters with emoji and Arabic: saved whole, shown shortened, direction by content.
  const long = `🗳️ ${'Lange notitie met veel woorden. '.repeat(3125)}`.slice(0, 100_000);
  await selectWithMouse(page, 'p010', 'Binnen de vereniging van gemeenten');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await noteField(page).fill(long);
  await expect(page.locator('.note-editor .save-status')).toHaveText(/Opgeslagen/);
  await page.locator('.note-editor').getByRole('button', { name: 'Sluiten' }).click();
  const rtl = 'ملاحظة باللغة العربية';
  await selectWithMouse(page, 'p011', 'Ook deze opgaven');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await noteField(page).fill(rtl);
  await expect(noteField(page)).toHaveAttribute('dir', 'auto');
  await expect(page.locator('.note-editor .save-status')).toHaveText(/Opgeslagen/);
  await page.locator('.note-editor').getByRole('button', { name: 'Sluiten' }).click();
  const rtlPreview = card(page, rtl).locator('.note-card__preview');
  await expect(rtlPreview).toHaveAttribute('dir', 'auto');
  expect(await rtlPreview.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  await page.reload();
  await expect(page.locator('article[data-annotations-ready="true"]')).toBeVisible();
  await expect(card(page, probe)).toBeVisible();
  await expect(card(page, '🗳️ Lange notitie')).toContainText('…');
  const list = await api<Array<{ note: string }>>(page, 'annotations.list', { documentId: 'lbr-19-030' });
  expect(list.map((a) => a.note)).toContain(long);
  expect(list.map((a) => a.note)).toContain(probe);
  await card(page, '🗳️ Lange notitie').getByRole('button').click();
  await expect(noteField(page)).toHaveValue(long);
  expect(dialogs).toEqual([]);
});

test('a note that says "Opgeslagen" survives killing the app', async ({ app: page, serve, dataDir }) => {
  await openLetter(page);
  await selectWithMouse(page, 'p012', 'rode draden');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(noteField(page)).toBeFocused();
  await page.keyboard.type('Belangrijk voor de fractievergadering van dinsdag.');
  await expect(page.locator('.note-editor .save-status')).toHaveText(/Opgeslagen/);
  const exited = new Promise((resolve) => serve.process.once('exit', resolve));
  serve.process.kill('SIGKILL');
  await exited;

  const again = await startServe(dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByTestId('library-ready')).toBeVisible();
    await openLetter(page);
    await expect(card(page, 'Belangrijk voor de fractievergadering van dinsdag.')).toBeVisible();
    await expect(page.locator('mark.hl')).toHaveText('rode draden');
  } finally {
    await again.stop();
  }
});

test('typing and leaving at once loses nothing', async ({ app: page }) => {
  await openLetter(page);
  await selectWithMouse(page, 'p013', 'verschillen opgaven');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(noteField(page)).toBeFocused();
  await page.keyboard.type('Snel getypt en meteen weg');
  // Straight to the library (no pause, no blur first): the editor sends what was typed as it closes.
  await page.getByRole('link', { name: 'Terug naar de bibliotheek' }).click();
  await expect(page.getByTestId('library-ready')).toBeVisible();
  await expect
    .poll(async () =>
      (await api<Array<{ note: string }>>(page, 'annotations.list', { documentId: 'lbr-19-030' })).map((a) => a.note),
    )
    .toEqual(['Snel getypt en meteen weg']);
});

test('colour meanings are the user’s own', async ({ app: page }) => {
  await openLetter(page);
  await page.getByRole('button', { name: 'Kleuren benoemen…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Betekenis van de kleuren' });
  await expect(dialog).toBeVisible();
  const blue = dialog.getByRole('textbox', { name: 'Blauw' });
  await expect(blue).toHaveValue('Vraag');
  await blue.fill('Vraag aan griffie');
  await expect(dialog.locator('.save-status')).toHaveText(/Opgeslagen/);
  // An empty meaning is refused with a message, never saved.
  await dialog.getByRole('textbox', { name: 'Paars' }).fill('');
  await expect(dialog.getByText('Geef deze kleur een betekenis')).toBeVisible();
  await screenshot(page, 'notes-colors-dialog');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();
  const legend = page.getByRole('list', { name: 'Kleuren en hun betekenis' });
  await expect(legend).toContainText('Vraag aan griffie');
  await expect(legend).toContainText('Uitzoeken');

  await selectWithMouse(page, 'p014', 'gelijksoortige');
  const toolbar = page.getByRole('toolbar', { name: 'Markeren' });
  await toolbar.getByRole('button', { name: /Vraag aan griffie/ }).click();
  await expect(page.locator('[data-paragraph="p014"]').getByTestId('note-card')).toContainText('Vraag aan griffie');
  await page.reload();
  await expect(page.locator('article[data-annotations-ready="true"]')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Kleuren en hun betekenis' })).toContainText('Vraag aan griffie');
});

test('a colleague’s notes: "van Pieter", and an orphan re-attached from "Nakijken"', async ({ app: page }) => {
  await openLetter(page);
  await importAnnotations(page, [
    webAnnotation(
      '7d3c0a52-3a48-4c38-9f1d-0c2f6f8b1a01',
      'Voldoende geld is daarbij een belangrijke randvoorwaarde',
      'Eens, maar hoe dan?',
    ),
    webAnnotation(
      '7d3c0a52-3a48-4c38-9f1d-0c2f6f8b1a02',
      'Gemeenten krijgen een eigen belastinggebied van tien procent',
      'Deze zin stond in de vorige versie.',
    ),
  ]);
  await page.reload();
  await expect(page.locator('article[data-annotations-ready="true"]')).toBeVisible();
  await expect(card(page, 'Eens, maar hoe dan?')).toContainText('van Pieter de Vries');

  const panel = page.getByRole('region', { name: /Nakijken/ });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Verweesd');
  await expect(panel).toContainText('Gemeenten krijgen een eigen belastinggebied van tien procent');
  await expect(panel).toContainText('Deze zin stond in de vorige versie.');
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'notes-review-panel');

  await panel.getByRole('button', { name: /Opnieuw koppelen/ }).click();
  await expect(page.getByRole('region', { name: 'Notitie opnieuw koppelen' })).toBeVisible();
  await selectWithMouse(page, 'p030', BELASTING);
  const toolbar = page.getByRole('toolbar', { name: 'Notitie koppelen' });
  await screenshot(page, 'notes-reattach');
  await toolbar.getByRole('button', { name: 'Notitie hier koppelen' }).click();
  await expect(panel).toBeHidden();
  await expect(card(page, 'Deze zin stond in de vorige versie.')).toBeVisible();
  await expect(page.locator(`mark.hl[data-annotation-id="7d3c0a52-3a48-4c38-9f1d-0c2f6f8b1a02"]`)).toHaveText(
    BELASTING,
  );
  const list = await api<Array<{ id: string; anchor: string }>>(page, 'annotations.list', { documentId: 'lbr-19-030' });
  expect(list.every((a) => a.anchor === 'anchored')).toBe(true);
});

test('an orphan re-attached with the keyboard', async ({ app: page }) => {
  await openLetter(page);
  await importAnnotations(page, [
    webAnnotation('0b7a4a1e-9a5c-4d55-8a0e-6f61c1b1e001', 'Een zin die er nooit stond', 'Wees zuinig.'),
  ]);
  const { start, end } = await rangeOf(page, 'p001', 'In de ALV');
  expect(end).toBeGreaterThan(start);
  await page.reload();
  await expect(page.locator('article[data-annotations-ready="true"]')).toBeVisible();
  const panel = page.getByRole('region', { name: /Nakijken/ });
  await panel.getByRole('button', { name: /Opnieuw koppelen/ }).focus();
  await page.keyboard.press('Enter');
  const bar = page.getByRole('region', { name: 'Notitie opnieuw koppelen' });
  await bar.getByRole('button', { name: 'Met het toetsenbord kiezen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-block-id]:focus')).toHaveAttribute('data-block-id', 'p001');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-pending]')).toHaveText('In de ALV');
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('notes-live')).toContainText('opnieuw gekoppeld');
  await expect(card(page, 'Wees zuinig.').getByRole('button')).toBeFocused();
  const list = await api<Array<{ position: { start: number; end: number }; anchor: string }>>(
    page,
    'annotations.list',
    { documentId: 'lbr-19-030' },
  );
  expect(list[0]).toMatchObject({ position: { start, end }, anchor: 'anchored' });
});

test('typing and reloading at once loses nothing', async ({ app: page }) => {
  await openLetter(page);
  await selectWithMouse(page, 'p013', 'verschillen opgaven');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(noteField(page)).toBeFocused();
  await page.keyboard.type('Getypt vlak voor het sluiten');
  // The window closes (reload) before the autosave delay: the page flushes while it unloads.
  await page.reload();
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  await expect
    .poll(async () =>
      (await api<Array<{ note: string }>>(page, 'annotations.list', { documentId: 'lbr-19-030' })).map((a) => a.note),
    )
    .toEqual(['Getypt vlak voor het sluiten']);
});

test('a save that fails says so, keeps the text and saves it on "Opnieuw proberen"', async ({ app: page }) => {
  await openLetter(page);
  await selectWithMouse(page, 'p015', 'maatschappelijke vraagstukken');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(noteField(page)).toBeFocused();
  // The connection to the app breaks for a moment.
  await page.route('**/api/annotations.update', (route) => route.fulfill({ status: 503, body: 'even niet' }));
  await page.keyboard.type('Dit mag niet verloren gaan');
  const status = page.locator('.note-editor .save-status');
  await expect(status.getByRole('alert')).toContainText('Niet opgeslagen.');
  await expect(noteField(page)).toHaveValue('Dit mag niet verloren gaan');
  await screenshot(page, 'notes-save-error');
  await page.unroute('**/api/annotations.update');
  await status.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(status).toHaveText(/Opgeslagen/);
  const list = await api<Array<{ note: string }>>(page, 'annotations.list', { documentId: 'lbr-19-030' });
  expect(list.map((a) => a.note)).toEqual(['Dit mag niet verloren gaan']);
});
