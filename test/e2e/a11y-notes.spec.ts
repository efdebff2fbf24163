/**
 * WCAG 2.1 AA (axe) on the notes overview (with data, each grouping, a filter in use), tag
 * management (a rename problem, the delete question) and the library with letter tags (the tag
 * editor's suggestions open): light and dark, Dutch and English, 100 % and 200 % (reflow).
 */
import { expect, screenshot, test } from './fixtures';
import { expectNoHorizontalScroll, expectNoViolations } from './axe';
import { seedAnouk } from './notes-fixtures';

const TEXT = {
  nl: {
    notes: 'Mijn notities',
    groups: ['Per brief', 'Per label', 'Per besluit'],
    filter: 'Zoeken in mijn notities',
    manage: 'Labels beheren',
    rename: 'Hernoemen strategie',
    renameField: 'Nieuwe naam voor label strategie',
    save: 'Opslaan',
    remove: 'Verwijderen financiën',
    removeTitle: 'Label verwijderen?',
    library: 'Bibliotheek',
    edit: 'Labels bewerken (Gemeenten 2024)',
    tagsField: 'Labels van Gemeenten 2024',
  },
  en: {
    notes: 'My notes',
    groups: ['By letter', 'By tag', 'By decision'],
    filter: 'Search my notes',
    manage: 'Manage tags',
    rename: 'Rename strategie',
    renameField: 'New name for tag strategie',
    save: 'Save',
    remove: 'Delete financiën',
    removeTitle: 'Delete tag?',
    library: 'Library',
    edit: 'Edit tags (Gemeenten 2024)',
    tagsField: 'Tags of Gemeenten 2024',
  },
} as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const locale of ['nl', 'en'] as const) {
    for (const zoom of [100, 200] as const) {
      test(`axe: notes overview, tag management, library with tags, ${colorScheme}, ${locale}, ${zoom}%`, async ({
        app: page,
      }) => {
        const text = TEXT[locale];
        const name = `${colorScheme}-${locale}-${zoom}`;
        // 200 % zoom of a 1280×900 window is a 640×450 CSS viewport.
        if (zoom === 200) await page.setViewportSize({ width: 640, height: 450 });
        await page.emulateMedia({ colorScheme });
        await seedAnouk(page);
        if (locale === 'en') {
          await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        }

        // The overview, each grouping.
        await page.getByRole('link', { name: text.notes, exact: true }).click();
        await expect(page.getByTestId('notes-ready')).toBeVisible();
        for (const [i, group] of text.groups.entries()) {
          await page.getByRole('radio', { name: group }).check();
          await expect(page.locator('.notes-list')).toBeVisible();
          await expectNoViolations(page, `notes overview ${group} ${name}`);
          await screenshot(page, `a11y-notes-${['letter', 'tag', 'decision'][i]}-${name}`);
          if (zoom === 200) await expectNoHorizontalScroll(page, `notes overview ${group} ${name}`);
        }
        // A filter in use, an entry focused with the keyboard.
        await page.getByRole('searchbox', { name: text.filter }).fill('financien');
        await expect(page.locator('.notes-summary')).toContainText(locale === 'nl' ? 'Gevonden' : 'Found');
        await page.locator('a.note-entry').first().focus();
        await page.keyboard.press('ArrowDown');
        await expectNoViolations(page, `notes overview filtered ${name}`);
        await screenshot(page, `a11y-notes-filter-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `notes overview filtered ${name}`);

        // Tag management: a rename problem, then the delete question.
        await page.getByRole('link', { name: text.manage }).click();
        await expect(page.getByTestId('tags-ready')).toBeVisible();
        await expectNoViolations(page, `tag management ${name}`);
        await screenshot(page, `a11y-tags-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `tag management ${name}`);
        await page.getByRole('button', { name: text.rename }).click();
        await page.getByRole('textbox', { name: text.renameField }).fill('Financien');
        await page.getByRole('button', { name: text.save }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        await expectNoViolations(page, `tag rename problem ${name}`);
        await screenshot(page, `a11y-tags-rename-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `tag rename problem ${name}`);
        await page.getByRole('textbox', { name: text.renameField }).press('Escape');
        await page.getByRole('button', { name: text.remove }).click();
        await expect(page.getByRole('alertdialog', { name: text.removeTitle })).toBeVisible();
        await expectNoViolations(page, `tag delete question ${name}`);
        await page.keyboard.press('Escape');

        // The library with letter tags, the tag editor's suggestions open.
        await page.getByRole('link', { name: text.library, exact: true }).click();
        await expect(page.getByTestId('library-ready')).toBeVisible();
        await expect(page.locator('.label-list')).toBeVisible();
        await expectNoViolations(page, `library with tags ${name}`);
        await screenshot(page, `a11y-library-tags-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `library with tags ${name}`);
        await page.getByRole('button', { name: text.edit }).click();
        const field = page.getByRole('combobox', { name: text.tagsField });
        await field.press('ArrowDown');
        await expect(field).toHaveAttribute('aria-expanded', 'true');
        await expectNoViolations(page, `library tag editor ${name}`);
        await screenshot(page, `a11y-library-tag-editor-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `library tag editor ${name}`);
      });
    }
  }
}

test('axe: the annotation import dialog, with an error and with a report', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Mijn notities', exact: true }).click();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  await expectNoViolations(page, 'empty notes overview');
  await screenshot(page, 'a11y-notes-empty');
  await page.getByRole('button', { name: 'Annotaties importeren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Annotaties importeren' });
  await dialog
    .getByLabel('Bestand')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'import dialog with an error');
  const file = JSON.stringify({
    type: 'AnnotationCollection',
    items: [
      {
        id: 'urn:uuid:11111111-1111-4111-8111-111111111111',
        type: 'Annotation',
        creator: { name: 'Pieter' },
        body: [{ type: 'TextualBody', value: 'Zie ook de Kadernota', purpose: 'commenting' }],
        target: {
          source: 'urn:raadsmap:document:lbr-19-030',
          selector: [{ type: 'TextQuoteSelector', exact: 'Deze zin bestaat niet in de brief over de kermis' }],
        },
      },
      { type: 'Iets anders' },
    ],
  });
  await dialog
    .getByLabel('Bestand')
    .setInputFiles({ name: 'p.jsonld', mimeType: 'application/json', buffer: Buffer.from(file) });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  const report = page.getByRole('dialog', { name: 'Annotaties geïmporteerd' });
  await expect(report).toContainText('1 nieuw');
  await expect(report).toContainText('1 item overgeslagen');
  await expectNoViolations(page, 'import report');
  await screenshot(page, 'a11y-notes-import-report-skipped');
});
