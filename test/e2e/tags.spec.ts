/**
 * Tags in the real renderer: "Labels beheren" (rename inline, a taken name offers a merge, merge,
 * delete with a question that counts what it touches, undo), letter tags in the library with
 * autocomplete and a tag filter, and the tag filter in search as an autocomplete.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, screenshot, test } from './fixtures';
import { callApi, createNote, LETTER, QUOTES } from './notes-fixtures';

interface TagInfo {
  id: number;
  name: string;
  annotationCount: number;
  documentCount: number;
}

async function openTagManager(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn notities' }).click();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  await page.getByRole('link', { name: 'Labels beheren' }).click();
  await expect(page).toHaveURL(/#\/labels$/);
  await expect(page.getByTestId('tags-ready')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Labels beheren' })).toBeFocused();
  await expect(page).toHaveTitle('Labels beheren — Raadsmap');
}

function row(page: Page, name: string) {
  return page.locator(`tr[data-tag-name="${name}"]`);
}

async function tagNames(page: Page): Promise<string[]> {
  return page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.tagName ?? ''));
}

test('rename inline; a name that is taken offers a merge; merge several into one', async ({ app: page }) => {
  await createNote(page, { exact: QUOTES.belastinggebied.exact, tags: ['financiën'] });
  await createNote(page, { exact: QUOTES.financien.exact, tags: ['financiën'] });
  await createNote(page, { exact: QUOTES.sociaalDomein.exact, tags: ['begroting'] });
  await createNote(page, { exact: QUOTES.afhankelijkheid.exact, tags: ['geld'] });
  await openTagManager(page);
  expect(await tagNames(page)).toEqual(['begroting', 'financiën', 'geld']);
  await expect(row(page, 'financiën').locator('td.num').first()).toHaveText(/^2/);
  await screenshot(page, 'tags-manager');

  // Rename inline: Enter saves; focus returns to the row's rename button.
  await row(page, 'geld').getByRole('button', { name: 'Hernoemen geld' }).click();
  const input = page.getByRole('textbox', { name: 'Nieuwe naam voor label geld' });
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('geld');
  await input.fill('middelen');
  await input.press('Enter');
  await expect(row(page, 'middelen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hernoemen middelen' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'heet nu' })).toHaveText('Label “geld” heet nu “middelen”.');

  // Escape cancels.
  await page.getByRole('button', { name: 'Hernoemen middelen' }).click();
  await page.getByRole('textbox', { name: 'Nieuwe naam voor label middelen' }).press('Escape');
  await expect(page.getByRole('button', { name: 'Hernoemen middelen' })).toBeFocused();

  // A name another tag has (accents and capitals aside): offered as a merge.
  await row(page, 'begroting').getByRole('button', { name: 'Hernoemen begroting' }).click();
  await page.getByRole('textbox', { name: 'Nieuwe naam voor label begroting' }).fill('Financien');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const problem = row(page, 'begroting').getByRole('alert');
  await expect(problem).toContainText(
    'Er is al een label “financiën”. Wilt u “begroting” samenvoegen met “financiën”?',
  );
  await expect(page.getByRole('textbox', { name: 'Nieuwe naam voor label begroting' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await screenshot(page, 'tags-rename-exists');
  await problem.getByRole('button', { name: 'Samenvoegen met “financiën”' }).click();
  await expect(row(page, 'begroting')).toHaveCount(0);
  await expect(row(page, 'financiën').locator('td.num').first()).toHaveText(/^3/);

  // Merge: tick two, choose the one that remains.
  const merge = page.getByRole('button', { name: 'Samenvoegen…' });
  await expect(merge).toBeDisabled();
  await page.getByRole('checkbox', { name: 'financiën kiezen om samen te voegen' }).check();
  await page.getByRole('checkbox', { name: 'middelen kiezen om samen te voegen' }).check();
  await expect(merge).toBeEnabled();
  await merge.click();
  const dialog = page.getByRole('dialog', { name: 'Labels samenvoegen' });
  await expect(dialog.getByRole('radio', { name: /^financiën/ })).toBeChecked(); // the most used
  await screenshot(page, 'tags-merge-dialog');
  await dialog.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(await tagNames(page)).toEqual(['financiën']);
  await expect(row(page, 'financiën').locator('td.num').first()).toHaveText(/^4/);
  const overview = await callApi<{ annotations: Array<{ tags: string[] }> }>(page, 'notes.overview', {});
  expect(overview.annotations.map((a) => a.tags)).toEqual([['financiën'], ['financiën'], ['financiën'], ['financiën']]);
});

test('delete asks with the counts it touches, then undo restores everything', async ({ app: page }) => {
  const a = await createNote(page, { exact: QUOTES.belastinggebied.exact, tags: ['financiën', 'strategie'] });
  const b = await createNote(page, { exact: QUOTES.financien.exact, tags: ['financiën'] });
  await callApi(page, 'documents.setTags', { documentId: LETTER, tags: ['financiën'] });
  await openTagManager(page);

  // Cancel: nothing happens, focus back on the button.
  await row(page, 'financiën').getByRole('button', { name: 'Verwijderen financiën' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Label verwijderen?' });
  await expect(dialog).toContainText('Label “financiën” staat op 2 notities en 1 brief. Verwijderen?');
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await screenshot(page, 'tags-delete-confirm');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Verwijderen financiën' })).toBeFocused();

  // Delete, then undo from the message.
  await page.getByRole('button', { name: 'Verwijderen financiën' }).click();
  await dialog.getByRole('button', { name: 'Verwijderen', exact: true }).click();
  await expect(row(page, 'financiën')).toHaveCount(0);
  const toast = page.getByRole('region', { name: 'Melding' });
  await expect(toast).toContainText('Label “financiën” is verwijderd.');
  const undo = toast.getByRole('button', { name: 'Ongedaan maken' });
  await expect(undo).toBeFocused();
  await screenshot(page, 'tags-undo-toast');
  let notes = await callApi<{ annotations: Array<{ id: string; tags: string[] }> }>(page, 'notes.overview', {});
  expect(notes.annotations.find((x) => x.id === a.id)!.tags).toEqual(['strategie']);
  expect(await callApi(page, 'documents.allTags', {})).toEqual({});

  await undo.click();
  await expect(toast).toContainText('Label “financiën” is teruggezet.');
  await expect(row(page, 'financiën')).toBeVisible();
  await expect(row(page, 'financiën').locator('td.num')).toHaveText([/^2/, /^1/]);
  await expect(page.getByRole('button', { name: 'Verwijderen financiën' })).toBeFocused();
  notes = await callApi(page, 'notes.overview', {});
  expect(notes.annotations.find((x) => x.id === a.id)!.tags).toEqual(['financiën', 'strategie']);
  expect(notes.annotations.find((x) => x.id === b.id)!.tags).toEqual(['financiën']);
  expect(await callApi(page, 'documents.allTags', {})).toEqual({ [LETTER]: ['financiën'] });
  await toast.getByRole('button', { name: 'Melding sluiten' }).click();
  await expect(toast).toBeHidden();

  // The counts link to the notes and the letters with the tag.
  await row(page, 'financiën').getByRole('link', { name: '2 notities met label financiën tonen' }).click();
  await expect(page).toHaveURL(/#\/notities\?groep=label&label=financi%C3%ABn$/);
  await expect(page.locator('.notes-summary')).toHaveText('Gevonden: 2 notities');
});

const HITTE = readFileSync(join(ROOT, 'test', 'fixtures', 'letters', 'informatief-hittestress.txt'));

test('letter tags in the library: autocomplete, chips, and a tag filter', async ({ app: page }) => {
  await createNote(page, { exact: QUOTES.financien.exact, tags: ['financiën'] });
  // A second letter, so the filter has something to leave out.
  await page.getByRole('button', { name: 'Brief importeren…' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Brief importeren' });
  await importDialog.getByLabel('Bestand').setInputFiles({ name: 'hitte.txt', mimeType: 'text/plain', buffer: HITTE });
  await importDialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bibliotheek' }).click();
  await expect(page.getByTestId('library-ready')).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);

  // Add tags with the keyboard: a suggestion, then a new one.
  await page.getByRole('button', { name: 'Labels bewerken (Gemeenten 2024)' }).click();
  const field = page.getByRole('combobox', { name: 'Labels van Gemeenten 2024' });
  await expect(field).toBeFocused();
  await field.pressSequentially('fin', { delay: 30 });
  const listbox = page.getByRole('listbox', { name: 'Bestaande labels' });
  await expect(listbox.getByRole('option', { name: /financiën/ })).toBeVisible();
  await field.press('ArrowDown');
  await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
  await screenshot(page, 'library-tags-autocomplete');
  await field.press('Enter');
  await field.fill('ALV juni');
  await field.press('Enter');
  const chips = page.getByRole('list', { name: 'Labels van Gemeenten 2024: gekozen' });
  await expect(page.getByRole('status').filter({ hasText: 'toegevoegd' })).toHaveText('Label ALV juni toegevoegd.');
  await expect.poll(() => callApi(page, 'documents.allTags', {})).toEqual({ [LETTER]: ['ALV juni', 'financiën'] });
  // Saved: the chips show the stored tags (in alphabetical order).
  await expect(chips.getByRole('listitem')).toHaveText([/^ALV juni/, /^financiën/]);
  await page.getByRole('button', { name: 'Klaar' }).click();
  await expect(page.getByRole('button', { name: 'Labels bewerken (Gemeenten 2024)' })).toBeFocused();
  const shown = page.getByRole('list', { name: 'Labels van Gemeenten 2024' });
  await expect(shown.getByRole('link')).toHaveText(['ALV juni', 'financiën'].map((x) => new RegExp(`${x}$`)));
  await screenshot(page, 'library-tags');

  // The filter: a select, and each chip links to it.
  const filter = page.getByRole('combobox', { name: 'Toon brieven met label' });
  await filter.selectOption('financiën');
  await expect(page).toHaveURL(/#\/\?label=financi%C3%ABn$/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.locator('caption')).toContainText('1 van 2 met label “financiën”');
  await screenshot(page, 'library-tag-filter');
  await filter.selectOption('');
  await expect(table.getByRole('row')).toHaveCount(3);
  await shown.getByRole('link', { name: /ALV juni$/ }).click();
  await expect(page).toHaveURL(/label=ALV\+juni|label=ALV%20juni/);
  await expect(table.getByRole('row')).toHaveCount(2);

  // Remove a tag with its button; Backspace in the empty field removes the last one.
  await page.getByRole('button', { name: 'Labels bewerken (Gemeenten 2024)' }).click();
  await page.getByRole('button', { name: 'Label financiën weghalen' }).click();
  await expect.poll(() => callApi(page, 'documents.allTags', {})).toEqual({ [LETTER]: ['ALV juni'] });
  await expect(field).toBeFocused();
  await field.press('Backspace');
  await expect.poll(() => callApi(page, 'documents.allTags', {})).toEqual({});
  await field.press('Escape');
  // The filter now leaves the letter out: focus goes to the filter.
  await expect(page.getByText('Geen brieven met label “ALV juni”.')).toBeVisible();
  await expect(filter).toBeFocused();
});

test('search: the tag filter suggests existing tags and keeps the address parameter', async ({ app: page }) => {
  await createNote(page, {
    exact: QUOTES.belastinggebied.exact,
    note: 'Belastinggebied: vraag voor de griffie',
    tags: ['financiën'],
  });
  await createNote(page, {
    exact: QUOTES.afhankelijkheid.exact,
    note: 'Ook over het belastinggebied',
    tags: ['strategie'],
  });
  const tags = await callApi<TagInfo[]>(page, 'tags.list', {});
  expect(tags.map((x) => x.name)).toEqual(['financiën', 'strategie']);

  const search = page.getByRole('combobox', { name: 'Zoeken in alle brieven' });
  await search.fill('belastinggebied');
  await search.press('Enter');
  await expect(page.locator('.search-summary')).not.toBeEmpty();
  const filters = page.getByRole('form', { name: 'Filters' });
  const field = filters.getByRole('combobox', { name: 'Labels' });
  await field.click();
  await field.pressSequentially('fin', { delay: 30 });
  const option = filters.getByRole('option', { name: /financiën/ });
  await expect(option).toContainText('1 notitie');
  await field.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'search-tag-autocomplete');
  await field.press('Enter');
  await expect(page).toHaveURL(/tag=financi%C3%ABn/);
  await expect(filters.getByRole('list', { name: 'Labels: gekozen' }).getByRole('listitem')).toHaveText([/^financiën/]);
  await expect(page.locator('.search-summary')).toHaveText(/^1 resultaat in 1 brief$/);
  await expect(page.locator('a.hit__link')).toContainText('vraag voor de griffie');

  // Removing the chip removes the parameter; Back brings it back.
  await filters.getByRole('button', { name: 'Label financiën weghalen' }).click();
  await expect(page).not.toHaveURL(/tag=/);
  await page.goBack();
  await expect(page).toHaveURL(/tag=financi%C3%ABn/);
  await expect(filters.getByRole('list', { name: 'Labels: gekozen' }).getByRole('listitem')).toHaveText([/^financiën/]);
});
