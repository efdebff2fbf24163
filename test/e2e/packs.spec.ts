/**
 * Content packs end to end, with the real core: a signed update of the bundled letter from a new
 * publisher (fingerprint, trust, progress, "Wat is er veranderd" with the diff and the per-note
 * report), re-attaching the orphaned note in the reader, an equal version refused, the unsigned
 * warning, a tampered pack refused, removing a pack (the notes stay), drag-and-drop, and the
 * meeting facts with the days left. Packs are built with the project's own builder and signer.
 */
import type { Page } from '@playwright/test';
import { expectNoHorizontalScroll, expectNoViolations } from './axe';
import { selectWithMouse } from './annotations-helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, ROOT, screenshot, test } from './fixtures';
import type { LetterDocument } from '../../electron/shared/model';
import { documentText } from '../../electron/shared/text';
import { callApi, createNote, LETTER } from './notes-fixtures';
import {
  DECISION_1E,
  DELETED_SENTENCE,
  defaultContentPack,
  dropFile,
  griffiePack,
  localIsoDate,
  publisherKeys,
  tamper,
  UNCHANGED_SENTENCE,
} from './pack-fixtures';

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true });
}

function grouped(fingerprint: string): string {
  return (fingerprint.match(/.{4}/g) ?? []).join(' ').toUpperCase();
}

async function choosePack(page: Page, bytes: Buffer, name = 'gemeenten-2024-v2.raadsmap'): Promise<void> {
  await page.getByRole('button', { name: 'Pakket openen…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Pakket installeren' });
  await dialog.getByLabel('Pakketbestand (.raadsmap)').setInputFiles({
    name,
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
}

async function setTheme(page: Page, locale: 'nl' | 'en', theme: 'light' | 'dark'): Promise<void> {
  await callApi(page, 'settings.update', { locale, theme });
}

test('a signed update from a new publisher: trust, progress, what changed, and the orphan re-attached', async ({
  app: page,
}) => {
  test.setTimeout(60_000);
  await createNote(page, { exact: UNCHANGED_SENTENCE, note: 'Regionale verschillen: ons punt.' });
  await createNote(page, { exact: DELETED_SENTENCE, note: 'Versnippering: vraag aan de griffie.' });
  await callApi(page, 'positions.save', {
    documentId: LETTER,
    decisionLabel: '1e',
    patch: { stance: 'voor', reasoning: 'Past bij onze Kadernota.' },
  });
  const keys = publisherKeys();
  const v2 = defaultContentPack({
    version: 2,
    edit: true,
    privateKeyPem: keys.privatePem,
    changelog: 'Typefout hersteld, een zin geschrapt en besluit 1e aangevuld.',
    meeting: { date: localIsoDate(10), amendmentDeadline: localIsoDate(3) },
  });

  await choosePack(page, v2);
  const dialog = page.getByRole('dialog', { name: 'Pakket installeren' });
  const preview = dialog.getByTestId('pack-preview');
  await expect(preview).toContainText('Raadsmap standaardinhoud');
  await expect(preview.getByTestId('preview-version')).toHaveText('geïnstalleerd: 1 → nieuw: 2');
  await expect(preview).toContainText('Gewijzigd (1)');
  await expect(preview).toContainText('Gemeenten 2024');
  await expect(preview).toContainText('nog 3 dagen');
  const signature = preview.getByTestId('signature');
  await expect(signature).toContainText('Nieuwe uitgever: vergelijk de vingerafdruk');
  await expect(signature.locator('code')).toHaveText(grouped(keys.fingerprint));
  await expect(dialog.getByRole('heading', { name: 'Pakket installeren' })).toBeFocused();
  await screenshot(page, 'packs-install-untrusted');
  await expectNoViolations(page, 'install dialog (untrusted key)');

  // The real core's answer is held back a moment so the progress bar can be seen and polled.
  let polls = 0;
  page.on('request', (r) => {
    if (r.url().includes('packs.progress')) polls++;
  });
  await page.route('**/api/packs.install', async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, 900));
    await route.fulfill({ response });
  });
  await dialog.getByRole('button', { name: 'Deze sleutel vertrouwen en installeren' }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Voortgang van de installatie' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /\d+/);
  await screenshot(page, 'packs-install-progress');
  await expect(page).toHaveURL(/#\/pakketten\/update\/\d+$/);
  expect(polls).toBeGreaterThan(0);
  await page.unroute('**/api/packs.install');

  // Wat is er veranderd
  const updateUrl = page.url();
  await expect(page.getByTestId('update-ready')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Wat is er veranderd' })).toBeFocused();
  await expect(page.locator('.lead')).toContainText('versie 1 → 2');
  const changed = page.locator('.update-summary__group--changed');
  await expect(changed.getByRole('link', { name: 'Gemeenten 2024' })).toHaveAttribute('href', `#/brief/${LETTER}`);
  const diff = page.getByTestId('letter-diff');
  await expect(diff.locator('del').filter({ hasText: 'gefragmenteerd' }).first()).toBeVisible();
  await expect(diff.locator('ins').filter({ hasText: 'maatschappelijke' }).first()).toBeVisible();
  await expect(diff.locator('ins').first()).toContainText('toegevoegd:');
  await expect(diff).toContainText(/ongewijzigde alinea/);
  const report = page.getByTestId('note-report');
  await expect(report.locator('[data-state="orphan"]')).toContainText(DELETED_SENTENCE);
  await expect(report.locator('[data-state="orphan"]')).toContainText('Versnippering: vraag aan de griffie.');
  await expect(report.locator('[data-state="orphan"] h3')).toHaveText('Verweesd (1)');
  await expect(report.locator('[data-state="anchored"] h3')).toHaveText('Ongewijzigd (1)');
  await report.locator('[data-state="anchored"] summary').click();
  await expect(report.locator('[data-state="anchored"]')).toContainText(UNCHANGED_SENTENCE);
  const positions = page.getByTestId('positions-review');
  await expect(positions).toContainText('Besluit 1e');
  await expect(positions.locator('figure').first()).toContainText(`Tekst toen${DECISION_1E.before}`);
  await expect(positions.locator('figure').nth(1)).toContainText(`Tekst nu${DECISION_1E.after}`);
  await page.screenshot({ path: join(ROOT, 'screenshots', 'packs-what-changed.png'), fullPage: true });
  await page.setViewportSize({ width: 640, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoHorizontalScroll(page, 'what changed at 200 %');
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const [locale, theme] of [
    ['nl', 'dark'],
    ['en', 'light'],
    ['en', 'dark'],
    ['nl', 'light'],
  ] as const) {
    await setTheme(page, locale, theme);
    await page.reload();
    await expect(page.getByTestId('update-ready')).toBeVisible();
    await report.locator('[data-state="anchored"] summary').click();
    await expectNoViolations(page, `what changed (${locale}, ${theme})`);
    if (locale === 'en' && theme === 'dark') await screenshot(page, 'packs-what-changed-en-dark');
  }

  // "Verweesde notities" in the notes overview: the orphan, with its quote; not the note that stayed.
  await page.goto(updateUrl.replace(/#.*$/, '#/notities?toon=verweesd'));
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  await expect(page.getByLabel('Toon', { exact: true })).toHaveValue('verweesd');
  const overview = page.getByRole('main');
  await expect(overview).toContainText(DELETED_SENTENCE);
  await expect(overview).not.toContainText(UNCHANGED_SENTENCE);
  await screenshot(page, 'notes-orphans');
  await page.goto(updateUrl);
  await expect(page.getByTestId('update-ready')).toBeVisible();

  // The orphan: "Nakijken in de brief" opens the letter at the review panel; re-attach it.
  await report
    .locator('[data-state="orphan"]')
    .getByRole('link', { name: /Nakijken in de brief/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`#/brief/${LETTER}/nakijken$`));
  const panel = page.getByRole('region', { name: /Nakijken/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: /Nakijken/ })).toBeFocused();
  await expect(panel).toContainText('Verweesd');
  await expect(panel.locator('.review-item__exact')).toHaveText(DELETED_SENTENCE);
  // The original quote with the text around it.
  await expect(panel.locator('.review-item__context').first()).toContainText('lokaal verhaal.');
  await expect(page.getByTestId('meeting-facts')).toContainText('nog 3 dagen');
  await screenshot(page, 'packs-reader-review-orphan');
  await panel.getByRole('button', { name: /Opnieuw koppelen/ }).click();
  const newText = 'De overheersende politieke stromingen zijn op hun retour';
  const paragraph = await page
    .locator('[data-block-id]')
    .filter({ hasText: newText })
    .first()
    .getAttribute('data-block-id');
  await selectWithMouse(page, paragraph!, newText);
  await page
    .getByRole('toolbar', { name: 'Notitie koppelen' })
    .getByRole('button', { name: 'Notitie hier koppelen' })
    .click();
  await expect(panel).toBeHidden();
  const list = await callApi<Array<{ quote: { exact: string }; anchor: string }>>(page, 'annotations.list', {
    documentId: LETTER,
  });
  expect(list.every((a) => a.anchor === 'anchored')).toBe(true);
  expect(list.map((a) => a.quote.exact)).toContain(newText);

  // The update's report now says where the note stands.
  await page.goto(updateUrl);
  await expect(page.getByTestId('update-ready')).toBeVisible();
  await expect(page.locator('[data-state="orphan"]')).toContainText('nu: Ongewijzigd');

  // The same version again: "al geïnstalleerd", nothing to install.
  await choosePack(page, v2);
  await expect(dialog.getByTestId('pack-preview')).toContainText('Al geïnstalleerd');
  await expect(dialog.getByRole('button', { name: /installeren|Bijwerken/i })).toHaveCount(0);
  await screenshot(page, 'packs-install-same');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();

  // Pakketten: the trusted key, the history.
  await nav(page, 'Pakketten').click();
  await expect(page.getByTestId('packs-ready')).toBeVisible();
  await expect(page.locator('.key-item code')).toHaveText(grouped(keys.fingerprint));
  await expect(page.locator('.pack-card')).toContainText(grouped(keys.fingerprint));
  await expect(page.locator('.history-item').first()).toContainText('Bijgewerkt');
});

test('unsigned warning, tampered pack refused, older version refused', async ({ app: page }) => {
  const keys = publisherKeys();
  // Tampered: a byte changed after signing.
  await choosePack(page, tamper(defaultContentPack({ version: 3, privateKeyPem: keys.privatePem })), 'kapot.raadsmap');
  const dialog = page.getByRole('dialog', { name: 'Pakket installeren' });
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText('Er is niets geïnstalleerd');
  await expect(dialog.getByRole('alert').locator('[lang="en"]')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /installeren/i })).toHaveCount(0);
  await screenshot(page, 'packs-install-tampered');
  await expectNoViolations(page, 'install dialog (tampered)');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();

  // Unsigned: a warning and an explicit "Toch installeren".
  const meeting = { date: localIsoDate(20), amendmentDeadline: localIsoDate(13) };
  await choosePack(page, griffiePack(null, meeting, 2), 'ongetekend.raadsmap');
  const signature = dialog.getByTestId('signature');
  await expect(signature).toContainText('Let op: dit pakket is niet ondertekend');
  await expect(dialog.getByTestId('preview-version')).toHaveText('2 (nog niet op deze computer)');
  await expect(dialog.getByTestId('pack-preview')).toContainText('1 brief in dit pakket: 1 nieuw');
  await screenshot(page, 'packs-install-unsigned');
  await expectNoViolations(page, 'install dialog (unsigned)');
  await dialog.getByRole('button', { name: 'Toch installeren' }).click();
  await expect(page).toHaveURL(/#\/pakketten\/update\/\d+$/);
  await expect(page.getByTestId('update-ready')).toBeVisible();

  // An older version than installed.
  await choosePack(page, griffiePack(null, meeting, 1), 'oud.raadsmap');
  await expect(dialog.getByTestId('pack-preview')).toContainText('Oudere versie');
  await expect(dialog.getByTestId('pack-preview')).toContainText('al versie 2');
  await expect(dialog.getByRole('button', { name: /installeren/i })).toHaveCount(0);
  await screenshot(page, 'packs-install-older');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();

  // An unsigned new version of the bundled default content can never be installed: the dialog says so up front.
  await choosePack(page, defaultContentPack({ version: 2, edit: true }), 'standaard-ongetekend.raadsmap');
  await expect(dialog.getByTestId('install-blocked')).toContainText('moet ondertekend zijn');
  await expect(dialog.getByTestId('install-blocked')).toContainText('must be signed');
  await expect(dialog.getByRole('button', { name: 'Toch installeren' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();

  // In English, the dialog in dark mode passes axe too.
  await callApi(page, 'settings.update', { locale: 'en', theme: 'dark' });
  await page.reload();
  await page.getByRole('button', { name: 'Open pack…' }).first().click();
  const en = page.getByRole('dialog', { name: 'Install pack' });
  await en.getByLabel('Pack file (.raadsmap)').setInputFiles({
    name: 'unsigned.raadsmap',
    mimeType: 'application/octet-stream',
    buffer: griffiePack(null, meeting, 3),
  });
  await expect(en.getByTestId('signature')).toContainText('Warning: this pack is not signed');
  await expectNoViolations(page, 'install dialog (en, dark)');
  await screenshot(page, 'packs-install-unsigned-en-dark');
});

test('a pack dropped on the window, removed again: its notes stay and come back', async ({ app: page }) => {
  const keys = publisherKeys();
  // A second pack with its own letter (the griffie's), dropped on the window.
  const bytes = griffiePack(keys.privatePem, { date: localIsoDate(0), amendmentDeadline: localIsoDate(-2) });
  await dropFile(page, 'alv-juni.raadsmap', bytes, () => screenshot(page, 'packs-drop-overlay'));
  const dialog = page.getByRole('dialog', { name: 'Pakket installeren' });
  await expect(dialog.getByTestId('pack-preview')).toContainText('ALV juni');
  await dialog.getByRole('button', { name: 'Deze sleutel vertrouwen en installeren' }).click();
  await expect(page).toHaveURL(/#\/pakketten\/update\/\d+$/);
  await expect(page.locator('.update-summary__group--added')).toContainText('Proef met digitale stemming');

  // Meeting facts in the library: the meeting is today, the deadline has passed.
  await nav(page, 'Bibliotheek').click();
  const row = page.getByRole('row').filter({ hasText: 'Proef met digitale stemming' });
  await expect(row.getByTestId('meeting-facts')).toContainText('Amendementen en moties uiterlijk:');
  await expect(row.getByTestId('meeting-facts')).toContainText('verstreken');
  await screenshot(page, 'library-meeting-facts');

  // A note on the new letter.
  await row.getByRole('link', { name: 'Proef met digitale stemming' }).click();
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  const documentId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  const doc = await callApi<LetterDocument>(page, 'documents.get', { id: documentId });
  const text = documentText(doc).text;
  const exact = 'een proef voor met digitaal stemmen';
  const start = text.indexOf(exact);
  await callApi(page, 'annotations.create', {
    documentId,
    start,
    end: start + exact.length,
    color: 'groen',
    note: 'Goed idee, ook voor onze raad.',
    tags: [],
  });

  // Remove the pack: a confirm dialog that explains the notes stay.
  await nav(page, 'Pakketten').click();
  await expect(page.getByTestId('packs-ready')).toBeVisible();
  await expect(page.locator('.pack-card').filter({ hasText: 'Raadsmap standaardinhoud' })).toContainText(
    'kan niet worden verwijderd',
  );
  await screenshot(page, 'packs-screen');
  await expectNoViolations(page, 'packs screen (nl, light)');
  const card = page.locator('.pack-card').filter({ hasText: 'ALV juni' });
  await card.getByRole('button', { name: /Verwijderen/ }).click();
  const confirm = page.getByRole('dialog', { name: /Pakket “ALV juni 2024” verwijderen\?/ });
  await expect(confirm).toContainText('Uw notities, markeringen en standpunten blijven bewaard');
  await screenshot(page, 'packs-remove-confirm');
  await expectNoViolations(page, 'remove confirm');
  await confirm.getByRole('button', { name: 'Pakket verwijderen' }).click();
  await expect(page.locator('.pack-card').filter({ hasText: 'ALV juni' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Geïnstalleerde pakketten' })).toBeFocused();
  await expect(page.locator('.history-item').first()).toContainText('Verwijderd');

  // The notes overview lists the note with "Brief niet geïnstalleerd", not an error.
  await nav(page, 'Mijn notities').click();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  const entry = page.locator('.note-entry').filter({ hasText: 'Goed idee, ook voor onze raad.' });
  await expect(entry).toContainText('Brief niet geïnstalleerd');
  // Grouped by letter: the group carries the letter's last known title, not its id.
  await expect(page.locator('.notes-group__title').filter({ hasText: 'Proef met digitale stemming' })).toBeVisible();
  await screenshot(page, 'notes-letter-not-installed');
  await entry.click();
  await expect(page.getByTestId('reader-missing')).toContainText('Deze brief is niet geïnstalleerd');
  await expect(page.getByTestId('reader-missing')).toContainText('Goed idee, ook voor onze raad.');
  await expectNoViolations(page, 'letter not installed');

  // Installed again: the note is back on its letter.
  await nav(page, 'Pakketten').click();
  await choosePack(page, bytes, 'alv-juni.raadsmap');
  await expect(dialog.getByTestId('signature')).toContainText('Ondertekend door een vertrouwde uitgever');
  await dialog.getByRole('button', { name: 'Installeren' }).click();
  await expect(page).toHaveURL(/#\/pakketten\/update\/\d+$/);
  const notes = await callApi<Array<{ note: string; anchor: string }>>(page, 'annotations.list', { documentId });
  expect(notes).toEqual([expect.objectContaining({ note: 'Goed idee, ook voor onze raad.', anchor: 'anchored' })]);

  // Dark and English: the packs screen passes axe.
  for (const [locale, theme] of [
    ['nl', 'dark'],
    ['en', 'light'],
    ['en', 'dark'],
  ] as const) {
    await setTheme(page, locale, theme);
    await page.goto(page.url().replace(/#.*$/, '#/pakketten'));
    await page.reload();
    await expect(page.getByTestId('packs-ready')).toBeVisible();
    await expectNoViolations(page, `packs screen (${locale}, ${theme})`);
  }
  await screenshot(page, 'packs-screen-en-dark');
});

test('meeting facts with the days left, in the library and at the top of the letter', async ({ app: page }) => {
  const keys = publisherKeys();
  const bytes = defaultContentPack({
    version: 2,
    privateKeyPem: keys.privatePem,
    meeting: { date: localIsoDate(9), amendmentDeadline: localIsoDate(3) },
  });
  await callApi(page, 'packs.install', {
    fileName: 'v2.raadsmap',
    dataBase64: bytes.toString('base64'),
    trustFingerprint: keys.fingerprint,
  });
  await page.reload();
  const row = page.getByRole('row').filter({ hasText: 'Gemeenten 2024' });
  const facts = row.getByTestId('meeting-facts');
  const long = (iso: string, locale: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y!, m! - 1, d!)),
    );
  };
  await expect(facts).toContainText(`Vergadering: ${long(localIsoDate(9), 'nl-NL')}`);
  // The publisher's themes for the letter (pack.json tags), next to the user's own labels.
  await expect(row).toContainText('Thema’s: strategie, ALV');
  await expect(facts).toContainText(
    `Amendementen en moties uiterlijk: ${long(localIsoDate(3), 'nl-NL')} — nog 3 dagen`,
  );
  await row.getByRole('link', { name: 'Gemeenten 2024' }).click();
  const banner = page.getByTestId('reader-ready').getByTestId('meeting-facts');
  await expect(banner).toContainText('nog 3 dagen');
  await screenshot(page, 'reader-meeting-facts');
  // "Origineel openen" saves the letter file exactly as the pack carried it.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /Origineel openen/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('gemeenten-2024.txt');
  const saved = join(ROOT, 'test-results', 'origineel-gemeenten-2024.txt');
  await download.saveAs(saved);
  expect(readFileSync(saved, 'utf8')).toContain('Gemeenten 2024');
  await setTheme(page, 'en', 'dark');
  await page.reload();
  await expect(page.getByTestId('reader-ready').getByTestId('meeting-facts')).toContainText(
    `Amendments and motions by: ${long(localIsoDate(3), 'en-GB')} — 3 days left`,
  );
  await expectNoViolations(page, 'reader with meeting facts (en, dark)');
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await expect(page.getByRole('row').filter({ hasText: 'Gemeenten 2024' })).toContainText('3 days left');
  await expectNoViolations(page, 'library with meeting facts (en, dark)');
});
