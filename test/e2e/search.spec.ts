/**
 * The search UI in the real renderer against a real `raadsmap serve`: the header field with
 * suggestions, the results page with filters, and the reader with every match marked and a find bar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, ROOT, screenshot, test } from './fixtures';

const HITTE = readFileSync(join(ROOT, 'test', 'fixtures', 'letters', 'informatief-hittestress.txt'));
const HITTE_TITLE = 'Handreiking lokale aanpak hitte en droogte';

/** The header's search field (an ARIA combobox). */
function searchField(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Zoeken in alle brieven' });
}

async function importLetter(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByRole('button', { name: 'Brief importeren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Brief importeren' });
  await dialog.getByLabel('Bestand').setInputFiles({ name, mimeType: 'text/plain', buffer });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('reader-ready')).toBeVisible();
}

async function search(page: Page, text: string): Promise<void> {
  await searchField(page).fill(text);
  await searchField(page).press('Enter');
  await expect(page).toHaveURL(/#\/zoeken\?q=/);
  await expect(page.locator('.search-summary')).not.toBeEmpty();
}

/** The find bar's visible counter ("3 van 12"). */
function findCount(page: Page): Locator {
  return page.locator('.findbar__count');
}

async function expectCurrentMarkInView(page: Page, text?: RegExp): Promise<void> {
  const current = page.locator('mark.find-match.is-current').first();
  await expect(current).toBeInViewport();
  if (text) await expect(current).toHaveText(text);
  // Not hidden behind the sticky find bar.
  const overlap = await current.evaluate((mark) => {
    const bar = document.querySelector('.findbar')!.getBoundingClientRect();
    return mark.getBoundingClientRect().top < bar.bottom;
  });
  expect(overlap, 'current match below the find bar').toBe(false);
}

test('suggestions while typing, picked with the keyboard; grouped results with marked snippets', async ({
  app: page,
}) => {
  const field = searchField(page);
  await field.click();
  await field.pressSequentially('energ', { delay: 30 });
  const listbox = page.getByRole('listbox', { name: 'Suggesties' });
  await expect(listbox).toBeVisible();
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  await expect(field).toHaveAttribute('aria-controls', (await listbox.getAttribute('id'))!);
  const option = listbox.getByRole('option', { name: /^energietransitie/ });
  await expect(option).toBeVisible();
  await expect(option).toContainText('in 2 passages');

  // Arrow Down until the word is the active option; aria-activedescendant follows.
  for (let i = 0; i < 8 && (await option.getAttribute('aria-selected')) !== 'true'; i++) {
    await field.press('ArrowDown');
  }
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(field).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await expect(field).toBeFocused();
  await screenshot(page, 'search-suggestions-nl-light');

  // Escape closes the list; Arrow Down opens it again.
  await field.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(field).toHaveAttribute('aria-expanded', 'false');
  await expect(field).not.toHaveAttribute('aria-activedescendant');
  await field.press('ArrowDown');
  await expect(listbox).toBeVisible();
  for (let i = 0; i < 8 && (await option.getAttribute('aria-selected')) !== 'true'; i++) {
    await field.press('ArrowDown');
  }
  await field.press('Enter');

  // The word is searched: results page, title focused, count announced politely.
  await expect(page).toHaveURL(/#\/zoeken\?q=energietransitie$/);
  await expect(field).toHaveValue('energietransitie');
  const heading = page.getByRole('heading', { level: 1, name: 'Zoekresultaten voor “energietransitie”' });
  await expect(heading).toBeFocused();
  const status = page.getByRole('status').filter({ hasText: 'resultaten' });
  await expect(status).toHaveText('2 resultaten in 1 brief');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(page).toHaveTitle('Zoeken: energietransitie — Raadsmap');

  // Grouped per letter: title, reference, date, count.
  const group = page.getByRole('region', { name: 'Gemeenten 2024' });
  await expect(group.getByRole('heading', { level: 2, name: 'Gemeenten 2024' })).toBeVisible();
  await expect(group.locator('.hit-group__meta')).toContainText('Lbr. 19/030');
  await expect(group.locator('.hit-group__meta')).toContainText('8 mei 2019');
  await expect(group.locator('.hit-group__meta')).toContainText('2 treffers');
  const hits = group.locator('a.hit__link');
  await expect(hits).toHaveCount(2);
  await expect(hits.first().locator('.hit__section')).toHaveText('Fysieke opgaven');
  await expect(hits.first().locator('.badge')).toHaveText('tekst');
  await expect(hits.first().locator('mark')).toHaveText(['energietransitie', 'energietransitie']);
  await screenshot(page, 'search-results-nl-light');
});

test('opening a hit: the reader at the paragraph, every match marked, next and previous', async ({ app: page }) => {
  await search(page, 'energietransitie');
  await page.locator('a.hit__link').first().click();
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  await expect(page).toHaveURL(/#\/brief\/lbr-19-030\/p023\?q=energietransitie$/);

  // Every match in the letter is marked; the first one in the opened paragraph is current.
  const bar = page.getByRole('search', { name: 'Zoeken in deze brief' });
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('textbox', { name: 'Zoek in brief' })).toHaveValue('energietransitie');
  await expect(findCount(page)).toHaveText(/^1 van \d+$/);
  const n = Number((await findCount(page).textContent())!.split(' van ')[1]);
  expect(n).toBeGreaterThanOrEqual(3);
  await expect(page.locator('.letter-text mark.find-match')).toHaveCount(n);
  expect(await page.locator('#par-p023 mark.find-match').count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator('#par-p023 mark.find-match').first()).toHaveClass(/is-current/);
  await expect(page.locator('mark.find-match.is-current')).toHaveCount(1);
  await expectCurrentMarkInView(page, /energietransitie/i);
  // Screen readers hear the number and the words around the match.
  await expect(bar.getByRole('status')).toHaveText(new RegExp(`^Treffer 1 van ${n}: .*energietransitie`));
  await screenshot(page, 'reader-find-marks-nl-light');

  // Next / previous: buttons, F3 / Shift+F3, and they wrap around.
  await bar.getByRole('button', { name: 'Volgende treffer' }).click();
  await expect(findCount(page)).toHaveText(`2 van ${n}`);
  await expectCurrentMarkInView(page);
  for (let i = 3; i <= n; i++) {
    await page.keyboard.press('F3');
    await expect(findCount(page)).toHaveText(`${i} van ${n}`);
  }
  await expect(page.locator('#par-p027 mark.is-current')).toHaveCount(1);
  await expectCurrentMarkInView(page);
  await page.keyboard.press('F3');
  await expect(findCount(page)).toHaveText(`1 van ${n}`);
  await page.keyboard.press('Shift+F3');
  await expect(findCount(page)).toHaveText(`${n} van ${n}`);
  await bar.getByRole('button', { name: 'Vorige treffer' }).click();
  await expect(findCount(page)).toHaveText(`${n - 1} van ${n}`);
  await expectCurrentMarkInView(page);

  // Enter and Shift+Enter in the field.
  await bar.getByRole('textbox').press('Enter');
  await expect(findCount(page)).toHaveText(`${n} van ${n}`);
  await bar.getByRole('textbox').press('Shift+Enter');
  await expect(findCount(page)).toHaveText(`${n - 1} van ${n}`);

  // Escape closes the bar and takes the marks away; focus stays at the last match.
  const place = await page.locator('mark.find-match.is-current').evaluate((m) => m.closest('p, li')!.id);
  await bar.getByRole('textbox').press('Escape');
  await expect(bar).toBeHidden();
  await expect(page.locator('mark.find-match')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/brief\/lbr-19-030\/p023$/);
  await expect(page.locator(`#${place}`)).toBeFocused();

  // Back to the results: the hit that was opened has focus again.
  await page.goBack();
  await expect(page).toHaveURL(/#\/zoeken\?q=energietransitie$/);
  await expect(page.locator('a.hit__link').first()).toBeFocused();
});

test('Ctrl+F in the reader searches the letter with the Dutch analysis', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Gemeenten 2024' }).click();
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  await page.keyboard.press('Control+f');
  const input = page.getByRole('textbox', { name: 'Zoek in brief' });
  await expect(input).toBeFocused();

  // Without the diaeresis: creeren finds creëren.
  await input.fill('creeren');
  await expect(findCount(page)).toHaveText('1 van 1');
  await expect(page.locator('mark.find-match.is-current')).toHaveText('creëren');
  await expectCurrentMarkInView(page);

  // gemeente finds gemeenten (and the letter title, "Gemeenten 2024").
  await input.fill('gemeente');
  await expect
    .poll(async () => Number(((await findCount(page).textContent()) ?? '').split(' van ')[1] ?? 0))
    .toBeGreaterThan(20);
  const texts = await page.locator('.letter-text mark.find-match').allTextContents();
  expect(texts.map((x) => x.toLowerCase())).toContain('gemeenten');
  expect(texts.map((x) => x.toLowerCase())).toContain('gemeente');
  await expect(page.locator('#doc-title mark.find-match')).toHaveText('Gemeenten');
  await input.press('Enter');
  await expectCurrentMarkInView(page);
  await screenshot(page, 'reader-find-ctrlf-nl-light');

  // Stop words only: the message, in the interface language.
  await input.fill('de het');
  await expect(page.locator('.findbar__message')).toContainText('Alleen veelvoorkomende woorden');
  await expect(findCount(page)).toHaveText('Geen treffers');

  // Escape closes; Ctrl+F opens it again with the last words selected.
  await input.press('Escape');
  await expect(page.locator('.findbar')).toBeHidden();
  await page.keyboard.press('Control+f');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('de het');
});

test('the letter filter, section filter and date filter, reflected in the address', async ({ app: page }) => {
  await importLetter(page, 'hitte.txt', HITTE);
  await search(page, 'gemeente');
  const status = page.locator('.search-summary');
  await expect(status).toHaveText(/^\d+ resultaten in 2 brieven$/);
  const groups = page.locator('.hit-group');
  await expect(groups).toHaveCount(2);

  const filters = page.getByRole('form', { name: 'Filters' });
  const letters = filters.getByRole('group', { name: 'Brief' });
  await expect(letters.getByRole('checkbox')).toHaveCount(2);
  await letters.getByRole('checkbox', { name: new RegExp(HITTE_TITLE) }).check();
  await expect(page).toHaveURL(/brief=/);
  await expect(status).toHaveText(/^\d+ resultaten in 1 brief$/);
  await expect(groups).toHaveCount(1);
  await expect(groups.first().getByRole('heading', { level: 2 })).toHaveText(HITTE_TITLE);
  // The other letter stays choosable.
  await expect(letters.getByRole('checkbox')).toHaveCount(2);
  const oneLetter = await status.textContent();

  // With one letter chosen: the section filter.
  const section = filters.getByRole('combobox', { name: 'Onderdeel' });
  await section.selectOption({ label: 'Voorbeelden uit gemeenten' });
  await expect(page).toHaveURL(/onderdeel=s\d+/);
  await expect(page.locator('.hit__section').first()).toHaveText('Voorbeelden uit gemeenten');
  await expect(status).not.toHaveText(oneLetter!);
  await expect(filters.locator('summary')).toHaveText('Filters (2 actief)');
  await screenshot(page, 'search-filter-letter-section');

  // Back undoes one filter at a time.
  await page.goBack();
  await expect(status).toHaveText(oneLetter!);
  await expect(section).toHaveValue('');
  await page.goBack();
  await expect(status).toHaveText(/in 2 brieven$/);
  await expect(letters.getByRole('checkbox', { name: new RegExp(HITTE_TITLE) })).not.toBeChecked();

  // Dates: only letters from 2020 on.
  await filters.getByLabel('Van').fill('2020-01-01');
  await expect(page).toHaveURL(/van=2020-01-01/);
  await expect(status).toHaveText(/in 1 brief$/);
  await expect(groups.first().getByRole('heading', { level: 2 })).toHaveText(HITTE_TITLE);
  await filters.getByLabel('Tot en met').fill('2020-12-31');
  await expect(status).toHaveText('Geen resultaten voor “gemeente”.');
  await expect(page.getByText('Met de gekozen filters zijn er geen resultaten.')).toBeVisible();
  await filters.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(status).toHaveText(/in 2 brieven$/);
});

test('"Bedoelde u" offers the word that is there', async ({ app: page }) => {
  await search(page, 'energietransitei');
  await expect(page.locator('.search-summary')).toHaveText('Geen resultaten voor “energietransitei”.');
  const notice = page.locator('.search-notice--suggest');
  await expect(notice).toHaveText('Bedoelde u: energietransitie?');
  await screenshot(page, 'search-did-you-mean');
  await notice.getByRole('link', { name: 'energietransitie' }).click();
  await expect(page).toHaveURL(/q=energietransitie$/);
  await expect(page.locator('.search-summary')).toHaveText('2 resultaten in 1 brief');
  await expect(searchField(page)).toHaveValue('energietransitie');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('stop words alone get the message; related words are said to be related', async ({ app: page }) => {
  await search(page, 'de het een');
  await expect(page.locator('.search-notice')).toContainText(
    'Alleen veelvoorkomende woorden ("de", "het", "een"): die zoekt Raadsmap niet los.',
  );
  await expect(page.locator('.search-summary')).toContainText('Geen resultaten');
  await screenshot(page, 'search-stop-words');

  // In English, the English message.
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await expect(page.locator('.search-notice')).toContainText('Only very common words');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await search(page, 'solidair');
  await expect(page.getByText('Geen exacte treffers; wel verwante woorden gevonden.')).toBeVisible();
  await expect(page.locator('a.hit__link mark').first()).toHaveText('solidariteit');
  await expect(page.locator('.badge').first()).toHaveText('besluit 1b');
});

test('only my notes and tags: honest empty results', async ({ app: page }) => {
  await search(page, 'gemeente');
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByRole('checkbox', { name: 'Alleen mijn notities' }).check();
  await expect(page).toHaveURL(/notities=1/);
  await expect(page.locator('.search-summary')).toHaveText('Geen resultaten voor “gemeente”.');
  await expect(page.getByText('Alleen uw eigen notities en aantekeningen worden doorzocht')).toBeVisible();
  await filters.getByRole('checkbox', { name: 'Alleen mijn notities' }).uncheck();
  await expect(page.locator('.search-summary')).toHaveText(/^\d+ resultaten in 1 brief$/);

  const tags = filters.getByRole('combobox', { name: 'Labels' });
  await tags.fill('financiën, strategie');
  await tags.press('Enter');
  await expect(page).toHaveURL(/tag=financi%C3%ABn&tag=strategie/);
  await expect(page.locator('.search-summary')).toHaveText('Geen resultaten voor “gemeente”.');
  await page.goBack();
  await expect(tags).toHaveValue('');
  await expect(filters.getByRole('list', { name: 'Labels: gekozen' })).toHaveCount(0);
  await expect(page.locator('.search-summary')).toHaveText(/^\d+ resultaten in 1 brief$/);
});

test('a heading suggestion opens the letter at that section', async ({ app: page }) => {
  const field = searchField(page);
  await field.click();
  await field.pressSequentially('aanleid', { delay: 30 });
  const option = page.getByRole('option', { name: /^Aanleiding.*kop in Gemeenten 2024/ });
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(/#\/brief\/lbr-19-030\/s\d+$/);
  const heading = page.locator('.letter-text').getByRole('heading', { name: 'Aanleiding' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
});

test('keyboard only: Ctrl+K, arrows, Enter, and / in the library', async ({ app: page }) => {
  const field = searchField(page);
  await page.keyboard.press('/');
  await expect(field).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(field).not.toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(field).toBeFocused();
  await page.keyboard.type('belastinggebied');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('.search-summary')).toHaveText('2 resultaten in 1 brief');

  // Arrow Down from the title to the first hit, and between hits.
  const hits = page.locator('a.hit__link');
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(0)).toBeFocused();
  await expect(hits.nth(0).locator('.badge')).toHaveText('besluit 1c');
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(hits.nth(0)).toBeFocused();
  await screenshot(page, 'search-keyboard-focus');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  await expect(page.locator('#par-p005')).toBeFocused();
  await expect(findCount(page)).toHaveText(/^1 van \d+$/);
  await expect(page.locator('#par-p005 mark.is-current')).toHaveText('belastinggebied');
  // The decision card repeats the words, marked too.
  await expect(page.locator('#besluit-1c mark.find-match')).toHaveText('belastinggebied');

  // Ctrl+K works in the reader too; / does not steal typing.
  await page.keyboard.press('Control+k');
  await expect(field).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(field).toHaveValue('a/b');
});

test('more results on request; focus goes to the first new hit', async ({ app: page }) => {
  await search(page, 'gemeente OF opgaven');
  const hits = page.locator('a.hit__link');
  await expect(hits).toHaveCount(30);
  const total = Number((await page.locator('.search-summary').textContent())!.split(' ')[0]);
  expect(total).toBeGreaterThan(30);
  await expect(page.getByText(`30 van ${total} getoond`)).toBeVisible();
  await page.getByRole('button', { name: 'Meer resultaten tonen' }).click();
  await expect(hits).toHaveCount(total);
  await expect(hits.nth(30)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Meer resultaten tonen' })).toBeHidden();
});

test('markup in a letter stays text in snippets and in the reader', async ({ app: page }) => {
  const letter = `Brief aan de leden

Datum
3 maart 2021

Lbr. 21/099

Onderwerp
Proef met opmaak

Aanleiding

De begrotingsregels <img src=x onerror="document.title='pwned'"> gelden voor A &amp; B <b>vet</b>.

Met vriendelijke groet,

Vereniging van Nederlandse Gemeenten
`;
  await importLetter(page, 'opmaak.txt', Buffer.from(letter));
  await search(page, 'begrotingsregels');
  const snippet = page.locator('.hit__snippet').first();
  await expect(snippet).toContainText('<img src=x onerror="document.title=\'pwned\'">');
  await expect(snippet).toContainText('A &amp; B <b>vet</b>');
  await expect(snippet.locator('mark')).toHaveText('begrotingsregels');
  await expect(page.locator('.search-results img, .search-results b')).toHaveCount(0);
  await page.locator('a.hit__link').first().click();
  await expect(page.locator('mark.find-match.is-current')).toHaveText('begrotingsregels');
  await expect(page.locator('.letter-text img')).toHaveCount(0);
  await expect(page).not.toHaveTitle(/pwned/);
});

test('narrow window (320 px, like 400 % zoom): results and find bar reflow', async ({ app: page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await search(page, 'gemeente');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  // The filters fold away above the results.
  await expect(page.getByRole('form', { name: 'Filters' }).locator('details')).not.toHaveAttribute('open');
  await screenshot(page, 'search-results-320');
  await page.locator('a.hit__link').first().click();
  await expect(findCount(page)).toHaveText(/^\d+ van \d+$/);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expectCurrentMarkInView(page);
  await screenshot(page, 'reader-find-320');
});
