/**
 * "Mijn notities" in the real renderer against a real `raadsmap serve`: grouping, filtering as you
 * type (accents folded), tag/colour filters, date order, opening a passage, the keyboard in the
 * virtualised list, the annotation import (report and refusal) and notes that stay text.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import {
  annotationFile,
  callApi,
  importNotes,
  LETTER,
  noteId,
  QUOTES,
  seedAnouk,
  type SeedNote,
} from './notes-fixtures';

async function openOverview(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn notities' }).click();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn notities' })).toBeFocused();
}

function summary(page: Page): Locator {
  return page.locator('.notes-summary');
}

function groupHeadings(page: Page): Locator {
  return page.locator('.notes-list h2');
}

/** The visible entries' quotes, top to bottom. */
async function quotes(page: Page): Promise<string[]> {
  return page.locator('.note-entry__quote').evaluateAll((els) =>
    els
      .map((el) => ({ top: el.getBoundingClientRect().top, text: el.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((x) => x.text.replace(/^(Passage|Passage): /, '')),
  );
}

test('grouped by letter, by tag and by decision', async ({ app: page }) => {
  await seedAnouk(page);
  // Tall enough for every group to be rendered at once (the list renders what is in view); the
  // screenshots are taken at the usual size.
  await page.setViewportSize({ width: 1280, height: 2600 });
  const shot = async (name: string) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, name);
    await page.setViewportSize({ width: 1280, height: 2600 });
  };
  await openOverview(page);
  await expect(page).toHaveURL(/#\/notities$/);
  await expect(page).toHaveTitle('Mijn notities — Raadsmap');
  await expect(summary(page)).toHaveText('5 notities en 2 standpunten');

  // Per brief: one letter, positions first (1a, 1c), then the notes newest first.
  await expect(groupHeadings(page)).toHaveCount(1);
  await expect(groupHeadings(page).first()).toContainText('Gemeenten 2024');
  await expect(groupHeadings(page).first()).toContainText('5 notities · 2 standpunten');
  const entries = page.locator('a.note-entry');
  await expect(entries).toHaveCount(7);
  await expect(entries.nth(0)).toContainText('Standpunt besluit 1a');
  await expect(entries.nth(0)).toContainText('Voor');
  await expect(entries.nth(0)).toContainText('Definitief');
  await expect(entries.nth(0)).toContainText('Democratie versterken');
  await expect(entries.nth(1)).toContainText('Voor met amendement');
  await expect(entries.nth(1)).toContainText('Concept');
  await expect(entries.nth(1)).toContainText('Steunt op 2 passages');
  // The colour's meaning in words, the origin, the tags.
  const pieter = entries.filter({ hasText: 'Koppelen aan ons warmteplan' });
  await expect(pieter).toContainText('Oneens');
  await expect(pieter).toContainText('van Pieter');
  const question = entries.filter({ hasText: 'Vraag aan de griffie' });
  await expect(question).toContainText('Vraag');
  await expect(question.locator('.label-chip')).toHaveText(['belastinggebied', 'financiën']);
  // Screen readers: nested lists with sizes and places.
  const items = page.locator('.notes-group__entries > li');
  await expect(items.first()).toHaveAttribute('aria-setsize', '7');
  await expect(items.first()).toHaveAttribute('aria-posinset', '1');
  await shot('notes-overview-by-letter');

  // Per label: a note with two tags is in both groups; notes without a tag come last.
  await page.getByRole('radio', { name: 'Per label' }).check();
  await expect(page).toHaveURL(/groep=label/);
  await expect(groupHeadings(page).locator('.notes-group__name')).toHaveText([
    'ALV juni',
    'belastinggebied',
    'financiën',
    'strategie',
    'Zonder label',
  ]);
  const financien = page.locator('.notes-group', { has: page.getByRole('heading', { name: /^financiën/ }) });
  await expect(financien.locator('a.note-entry')).toHaveCount(3);
  // Positions carry their letter's tags.
  const alv = page.locator('.notes-group', { has: page.getByRole('heading', { name: /^ALV juni/ }) });
  await expect(alv.locator('a.note-entry')).toHaveCount(2);
  await shot('notes-overview-by-tag');

  // Per besluit: the position heads its decision, with the passages it rests on.
  await page.getByRole('radio', { name: 'Per besluit' }).check();
  await expect(groupHeadings(page).locator('.notes-group__name')).toHaveText([
    'Besluit 1a',
    'Besluit 1c',
    'Niet gekoppeld aan een besluit',
  ]);
  const c = page.locator('.notes-group', { has: page.getByRole('heading', { name: /^Besluit 1c/ }) });
  await expect(c.locator('a.note-entry')).toHaveCount(3);
  await expect(c.locator('a.note-entry').first()).toContainText('Voor met amendement');
  await expect(c.locator('h2')).toContainText('Gemeenten 2024');
  await shot('notes-overview-by-decision');
});

test('filter as you type (accents folded), by tag and colour, and by date', async ({ app: page }) => {
  await seedAnouk(page);
  await openOverview(page);
  const field = page.getByRole('searchbox', { name: 'Zoeken in mijn notities' });
  await field.pressSequentially('financien', { delay: 40 });
  await expect(summary(page)).toHaveText('Gevonden: 3 notities');
  await expect(page).toHaveURL(/q=financien/);
  await expect(page.locator('a.note-entry')).toHaveCount(3);
  await expect(
    page.locator('.note-entry__quote').filter({ hasText: 'zijn de financiën beter beheersbaar' }),
  ).toHaveCount(1);
  await screenshot(page, 'notes-overview-filter');

  // Capitals and accents do not matter either way; several words must all match.
  await field.fill('FINANCIËN griffie');
  await expect(summary(page)).toHaveText('Gevonden: 1 notitie');
  await field.fill('amendement');
  await expect(summary(page)).toHaveText('Gevonden: 1 standpunt');
  await field.fill('');
  await expect(summary(page)).toHaveText('5 notities en 2 standpunten');

  // Tag and colour.
  const tag = page.getByRole('combobox', { name: 'Label', exact: true });
  await tag.selectOption('strategie');
  await expect(page).toHaveURL(/label=strategie/);
  await expect(summary(page)).toHaveText('Gevonden: 1 notitie en 2 standpunten');
  await tag.selectOption('');
  const color = page.getByRole('combobox', { name: 'Kleur' });
  await color.selectOption('rood');
  await expect(summary(page)).toHaveText('Gevonden: 1 notitie');
  await expect(page.locator('a.note-entry')).toContainText('Koppelen aan ons warmteplan');
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(summary(page)).toHaveText('5 notities en 2 standpunten');
  await expect(color).toHaveValue('');

  // Date order: newest first (default), then oldest first.
  await page.getByRole('combobox', { name: 'Toon' }).selectOption('notities');
  await expect(summary(page)).toHaveText('Gevonden: 5 notities');
  // Anouk's own notes (made in that order) are newer than Pieter's imported one.
  const order = [QUOTES.rodeDraad, QUOTES.afhankelijkheid, QUOTES.financien, QUOTES.belastinggebied, QUOTES.energie];
  await expect.poll(() => quotes(page)).toEqual(order.map((q) => `“${q.exact}”`));
  await page.getByRole('combobox', { name: 'Volgorde' }).selectOption('oud');
  await expect(page).toHaveURL(/volgorde=oud/);
  await expect.poll(() => quotes(page)).toEqual([...order].reverse().map((q) => `“${q.exact}”`));
});

test('an entry opens its passage in the reader; Back returns to it', async ({ app: page }) => {
  await seedAnouk(page);
  await openOverview(page);
  const entry = page.locator('a.note-entry').filter({ hasText: 'Vraag aan de griffie' });
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`#/brief/${LETTER}/${QUOTES.belastinggebied.paragraph}$`));
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  await expect(page.locator(`#par-${QUOTES.belastinggebied.paragraph}`)).toBeInViewport();

  await page.goBack();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  await expect(page.locator('a.note-entry').filter({ hasText: 'Vraag aan de griffie' })).toBeFocused();

  // A position opens its decision; Enter works like a click.
  const position = page.locator('a.note-entry').filter({ hasText: 'Standpunt besluit 1c' });
  await position.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/brief/${LETTER}/besluit-1c$`));
  await expect(page.locator('#besluit-1c')).toBeInViewport();
});

/** Many notes spread over the letter's paragraphs (quotes from the letter itself). */
function manyNotes(n: number): SeedNote[] {
  const quotes = Object.values(QUOTES).map((q) => q.exact);
  return Array.from({ length: n }, (_, i) => ({
    id: noteId(1000 + i),
    exact: quotes[i % quotes.length]!,
    note: `Notitie nummer ${i + 1}`,
    tags: i % 3 === 0 ? ['financiën'] : i % 3 === 1 ? ['strategie'] : [],
    color: (['geel', 'blauw', 'rood', 'groen', 'paars'] as const)[i % 5],
    at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  }));
}

test('keyboard in the virtualised list: arrows, Home, End, Page Down; few rows in the DOM', async ({ app: page }) => {
  const report = await importNotes(page, manyNotes(600));
  expect(report.added).toBe(600);
  await openOverview(page);
  await expect(summary(page)).toHaveText('600 notities');
  const list = page.locator('.notes-list');
  await expect(list).toHaveAttribute('data-rows', '601');
  // Virtualised: only a screenful (plus a band) is rendered.
  const rendered = await page.locator('.notes-row').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(60);

  // One Tab stop: the first entry in view.
  await page.getByRole('combobox', { name: 'Toon' }).focus();
  await page.keyboard.press('Tab');
  const focused = page.locator('a.note-entry:focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).toContainText('Notitie nummer 600');
  await expect(page.locator('li:has(> a.note-entry:focus)')).toHaveAttribute('aria-posinset', '1');
  await expect(page.locator('li:has(> a.note-entry:focus)')).toHaveAttribute('aria-setsize', '600');

  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(focused).toContainText('Notitie nummer 597');
  await page.keyboard.press('ArrowUp');
  await expect(focused).toContainText('Notitie nummer 598');

  // End: the last entry, far below, rendered and focused; the row count stays small.
  await page.keyboard.press('End');
  await expect(focused).toContainText('Notitie nummer 1');
  await expect(page.locator('li:has(> a.note-entry:focus)')).toHaveAttribute('aria-posinset', '600');
  await expect(focused).toBeInViewport();
  expect(await page.locator('.notes-row').count()).toBeLessThan(60);
  await screenshot(page, 'notes-overview-keyboard-end');

  await page.keyboard.press('Home');
  await expect(focused).toContainText('Notitie nummer 600');
  await page.keyboard.press('PageDown');
  const after = Number((await page.locator('li:has(> a.note-entry:focus)').getAttribute('aria-posinset')) ?? '0');
  expect(after).toBeGreaterThan(2);
  await expect(focused).toBeInViewport();

  // Scrolling with the mouse keeps the focused entry in the DOM (focus is never lost).
  await page.mouse.wheel(0, 4000);
  await expect(page.locator('a.note-entry:focus')).toHaveCount(1);
  // Tab leaves the list in one step.
  await page.keyboard.press('Tab');
  await expect(page.locator('a.note-entry:focus')).toHaveCount(0);
  // Typing a filter narrows the list; the focus model still works.
  await page.getByRole('searchbox', { name: 'Zoeken in mijn notities' }).fill('nummer 600');
  await expect(summary(page)).toHaveText('Gevonden: 1 notitie');
});

test('import dialog: a report for a good file; a bad file refused in both languages, nothing changed', async ({
  app: page,
}) => {
  await seedAnouk(page);
  await openOverview(page);
  // A filter in use: "show what needs a look" later replaces it (the field follows).
  const field = page.getByRole('searchbox', { name: 'Zoeken in mijn notities' });
  await field.fill('warmteplan');
  await expect(summary(page)).toHaveText('Gevonden: 1 notitie');
  await page.getByRole('button', { name: 'Annotaties importeren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Annotaties importeren' });
  await expect(dialog).toBeVisible();

  // Bad files first: nothing may change.
  for (const bad of [
    { name: 'kapot.json', buffer: Buffer.from('{ dit is geen json'), nl: /geen geldige JSON/, en: /not valid JSON/ },
    { name: 'leeg.jsonld', buffer: Buffer.from('[]'), nl: /geen annotaties/, en: /holds no annotations/ },
  ]) {
    await dialog
      .getByLabel('Bestand')
      .setInputFiles({ name: bad.name, mimeType: 'application/json', buffer: bad.buffer });
    await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(bad.nl);
    await expect(alert).toContainText(bad.en);
    await expect(alert).toContainText('Er is niets gewijzigd');
  }
  await screenshot(page, 'notes-import-error');
  const overview = await callApi<{ annotations: unknown[] }>(page, 'notes.overview', {});
  expect(overview.annotations).toHaveLength(5);

  // A colleague's file: one new in place, one reworded (needs a look), one whose passage is gone,
  // and one we already have in a newer version (kept).
  const file = annotationFile([
    { id: noteId(101), exact: QUOTES.data.exact, note: 'Privacy!', tags: ['informatie'], creator: 'Pieter' },
    {
      id: noteId(102),
      exact: 'Die financiële afhankelijkheid van het Rijk bemoeilijkt de samenwerking',
      note: 'Herschreven zin',
      creator: 'Pieter',
    },
    {
      id: noteId(103),
      exact: 'De kermis komt dit jaar niet naar het dorpsplein vanwege de verbouwing',
      note: 'Deze passage is verdwenen',
      creator: 'Pieter',
    },
    { id: noteId(5), exact: QUOTES.energie.exact, note: 'Oude versie', at: '2020-01-01T00:00:00.000Z' },
  ]);
  await dialog.getByLabel('Bestand').setInputFiles({
    name: 'pieter.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(file),
  });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  const report = page.getByRole('dialog', { name: 'Annotaties geïmporteerd' });
  await expect(report.getByRole('heading', { name: 'Annotaties geïmporteerd' })).toBeFocused();
  await expect(report).toContainText('3 nieuw, 0 bijgewerkt, 1 ongewijzigd.');
  await expect(report).toContainText('1 ongewijzigd, 0 verplaatst, 1 controleren, 1 verweesd.');
  await expect(report.getByRole('link', { name: 'bekijk in de brief “Gemeenten 2024”' })).toBeVisible();
  await expect(report).toContainText('1 controleren, 1 verweesd');
  await screenshot(page, 'notes-import-report');

  // "Toon wat nakijken vraagt": the overview filtered to the two notes that need a look.
  await report.getByRole('button', { name: 'Toon wat nakijken vraagt' }).click();
  await expect(report).toBeHidden();
  await expect(page).toHaveURL(/toon=nakijken/);
  await expect(field).toHaveValue('');
  await expect(summary(page)).toHaveText('Gevonden: 2 notities');
  await expect(page.locator('.note-badge--changed')).toHaveText('Controleren');
  await expect(page.locator('.note-badge--orphan')).toHaveText('Verweesd');
  await expect(page.locator('a.note-entry').first()).toContainText('van Pieter');
  await screenshot(page, 'notes-overview-needs-a-look');

  // An orphan opens its letter (there is no place to jump to).
  await page.locator('a.note-entry').filter({ hasText: 'Deze passage is verdwenen' }).click();
  await expect(page).toHaveURL(new RegExp(`#/brief/${LETTER}$`));
});

test('a note with markup stays text in the overview', async ({ app: page }) => {
  const probe = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>vet</b>';
  await importNotes(page, [
    { id: noteId(7), exact: QUOTES.politiek.exact, note: probe, tags: ['<i>label</i>'], creator: '<u>Mallory</u>' },
  ]);
  await openOverview(page);
  const entry = page.locator('a.note-entry');
  await expect(entry.locator('.note-entry__note')).toContainText(probe);
  await expect(entry.locator('.label-chip')).toHaveText('<i>label</i>');
  await expect(entry).toContainText('van <u>Mallory</u>');
  await expect(
    page.locator('.notes-list img, .notes-list script, .notes-list b, .notes-list i, .notes-list u'),
  ).toHaveCount(0);
  await page.getByRole('radio', { name: 'Per label' }).check();
  await expect(page.locator('.notes-group__name').first()).toHaveText('<i>label</i>');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('narrow window, 200 % and English: one column, no horizontal scrolling', async ({ app: page }) => {
  await seedAnouk(page);
  await openOverview(page);
  const noOverflow = async (context: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow, ${context}`).toBeLessThanOrEqual(0);
  };
  /** Rows never overlap: when the width or text size changes, the rows are measured again. */
  const overlapping = () =>
    page.locator('.notes-row, .notes-group__title').evaluateAll((els) => {
      const boxes = els.map((el) => el.getBoundingClientRect()).sort((a, b) => a.top - b.top);
      return boxes.some((b, i) => i > 0 && b.top < boxes[i - 1]!.bottom - 1);
    });
  // A narrow window (a phone-sized or split-screen window).
  await page.setViewportSize({ width: 400, height: 800 });
  await page.locator('.notes-status').scrollIntoViewIfNeeded();
  await expect(page.locator('a.note-entry').first()).toBeVisible();
  await expect.poll(overlapping).toBe(false);
  await noOverflow('narrow');
  await screenshot(page, 'notes-overview-narrow');

  // 200 %: the text size setting doubles the root font size; the rows are measured again.
  await page.setViewportSize({ width: 1280, height: 900 });
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Tekst groter' }).click();
  await expect(page.locator('.settings-bar__value')).toHaveText('200%');
  await page.locator('.notes-status').scrollIntoViewIfNeeded();
  await noOverflow('text 200 %');
  await expect.poll(overlapping).toBe(false);
  await screenshot(page, 'notes-overview-text-200');

  // English, browser zoom 200 % (a 640-wide viewport).
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Tekst kleiner' }).click();
  await expect(page.locator('.settings-bar__value')).toHaveText('100%');
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await page.setViewportSize({ width: 640, height: 450 });
  await expect(page.getByRole('heading', { level: 1, name: 'My notes' })).toBeVisible();
  await expect(page.locator('.notes-summary')).toHaveText('5 notes and 2 positions');
  await page.getByRole('radio', { name: 'By tag' }).check();
  await page.locator('.notes-status').scrollIntoViewIfNeeded();
  await expect(page.locator('.notes-group__name').first()).toHaveText('ALV juni');
  await expect(page.locator('a.note-entry').filter({ hasText: 'Question' }).first()).toContainText('Question');
  await expect.poll(overlapping).toBe(false);
  await noOverflow('English at 200 % zoom');
  await screenshot(page, 'notes-overview-en-zoom-200');
});
