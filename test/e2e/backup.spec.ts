/**
 * The backup page against the real `raadsmap serve`: a backup made and downloaded, restored into a
 * fresh data folder (a second serve) where the notes appear; a second restore that keeps what is
 * newer here; a bad file refused in Dutch and English with nothing changed; the second backup
 * folder chosen (the reminder goes) and cleared (it comes back); the reminder banner dismissed.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenshot, startServe, test, type ServeHandle } from './fixtures';
import { callApi, QUOTES, seedAnouk, seedSecondLetter } from './notes-fixtures';

const noteOnImportedLetter = (page: Page) =>
  seedSecondLetter(page, { note: 'Eerst een proef in onze eigen raad.', tags: [] });

async function openBackup(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Mijn notities', exact: true }).click();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  await page.getByRole('link', { name: 'Back-up', exact: true }).click();
  await expect(page.getByTestId('backup-ready')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Back-up' })).toBeFocused();
}

async function makeBackup(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
  const download = await waiting;
  await expect(page.getByTestId('backup-made')).toContainText(`Back-up gemaakt: ${download.suggestedFilename()}`);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** A second `raadsmap serve` on a fresh data folder, in its own browser context (its own cookie). */
async function freshLaptop(browser: Browser): Promise<{ page: Page; serve: ServeHandle; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'raadsmap-e2e-new-laptop-'));
  const serve = await startServe(dir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(serve.url);
  await expect(page.getByTestId('library-ready')).toBeVisible();
  return {
    page,
    serve,
    done: async () => {
      await context.close();
      await serve.stop();
      rmSync(dir, { recursive: true, force: true });
      expect(errors, 'no uncaught errors on the new laptop').toEqual([]);
    },
  };
}

test('a backup made here is restored on a new laptop, and the notes are there', async ({ app: page, browser }) => {
  await seedAnouk(page);
  const waitingId = await noteOnImportedLetter(page);
  await openBackup(page);
  await expect(page.getByTestId('backup-folder')).toHaveText('niet gekozen');
  await screenshot(page, 'backup-page');
  const backup = await makeBackup(page);
  expect(backup.name).toMatch(/\.rmbackup$/);
  expect(backup.bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  await expect(page.getByTestId('backup-made')).toContainText('markeringen: 6, standpunten: 2');
  await screenshot(page, 'backup-made');

  const laptop = await freshLaptop(browser);
  try {
    const p2 = laptop.page;
    await p2.goto(`${laptop.serve.origin}/#/back-up`);
    await expect(p2.getByTestId('backup-ready')).toBeVisible();
    await p2.getByLabel('Back-upbestand').setInputFiles({
      name: backup.name,
      mimeType: 'application/octet-stream',
      buffer: backup.bytes,
    });
    await p2.getByRole('button', { name: 'Back-up terugzetten' }).click();
    const report = p2.getByTestId('backup-report');
    await expect(report).toBeFocused();
    await expect(report.getByRole('heading', { name: 'Back-up teruggezet' })).toBeVisible();
    await expect(report).toContainText(`Uit ${backup.name}`);
    await expect(report.getByRole('definition').nth(0)).toHaveText('6 nieuw');
    await expect(report.getByRole('definition').nth(1)).toHaveText('2 nieuw');
    // The imported letter is not on the new laptop: its note waits for it.
    await expect(report.getByTestId('backup-waiting')).toHaveText(waitingId);
    await screenshot(p2, 'backup-restore-report');

    // The notes appear in the overview.
    await report.getByRole('link', { name: 'Naar Mijn notities' }).click();
    await expect(p2.getByTestId('notes-ready')).toBeVisible();
    await expect(p2.locator('.notes-summary')).toContainText('notities en 2 standpunten');
    await expect(p2.getByText('Vraag aan de griffie: wat betekent dit voor de OZB?')).toBeVisible();
    await screenshot(p2, 'backup-restored-notes');

    // She carries on: a note edited here, then the old backup restored again keeps her newer edit.
    const overview = await callApi<{ annotations: Array<{ id: string; quote: { exact: string } }> }>(
      p2,
      'notes.overview',
      {},
    );
    const question = overview.annotations.find((a) => a.quote.exact === QUOTES.belastinggebied.exact)!;
    await p2.waitForTimeout(20);
    await callApi(p2, 'annotations.update', { id: question.id, note: 'Antwoord griffie: OZB blijft gelijk.' });
    await p2.goto(`${laptop.serve.origin}/#/back-up`);
    await expect(p2.getByTestId('backup-ready')).toBeVisible();
    await p2.getByLabel('Back-upbestand').setInputFiles({
      name: backup.name,
      mimeType: 'application/octet-stream',
      buffer: backup.bytes,
    });
    await p2.getByRole('button', { name: 'Back-up terugzetten' }).click();
    const again = p2.getByTestId('backup-report');
    await expect(again.getByRole('definition').nth(0)).toHaveText('1 hier nieuwer en behouden, 5 stonden er al');
    await expect(again.getByTestId('backup-kept')).toContainText(
      `Notitie bij “${QUOTES.belastinggebied.exact.slice(0, 79)}`,
    );
    await expect(again).toContainText('Wat hier stond, is eerst bewaard in');
    await screenshot(p2, 'backup-restore-report-kept');
    const after = await callApi<{ annotations: Array<{ id: string; note: string }> }>(p2, 'notes.overview', {});
    expect(after.annotations.find((a) => a.id === question.id)!.note).toBe('Antwoord griffie: OZB blijft gelijk.');
  } finally {
    await laptop.done();
  }
});

test('a bad file is refused in Dutch and English, and nothing changes', async ({ app: page }) => {
  await seedAnouk(page);
  const before = await callApi<{ annotations: unknown[]; positions: unknown[] }>(page, 'notes.overview', {});
  await openBackup(page);
  const input = page.getByLabel('Back-upbestand');

  await input.setInputFiles({ name: 'notities.rmbackup', mimeType: 'text/plain', buffer: Buffer.from('geen back-up') });
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Terugzetten mislukt');
  await expect(alert).toContainText('notities.rmbackup kan niet worden teruggezet');
  await expect(alert.locator('[lang="en"]')).toContainText('notities.rmbackup cannot be restored');
  await expect(alert).toContainText('Er is niets gewijzigd');
  await screenshot(page, 'backup-restore-error');

  // A file that is cut short is refused too.
  const backup = await makeBackup(page);
  await input.setInputFiles({
    name: 'afgebroken.rmbackup',
    mimeType: 'application/octet-stream',
    buffer: backup.bytes.subarray(0, Math.floor(backup.bytes.length / 2)),
  });
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByRole('alert')).toContainText('afgebroken.rmbackup kan niet worden teruggezet');
  await expect(page.getByTestId('backup-report')).toHaveCount(0);

  // Nothing submitted: a gentle word, in both languages.
  await input.setInputFiles([]);
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByRole('alert')).toContainText('Kies eerst een back-upbestand.');
  await expect(page.getByRole('alert')).toContainText('Choose a backup file first.');

  const after = await callApi<{ annotations: unknown[]; positions: unknown[] }>(page, 'notes.overview', {});
  expect(after).toEqual(before);

  // In English the English text comes first, the Dutch one marked as Dutch.
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await page
    .getByLabel('Backup file')
    .setInputFiles({ name: 'notes.rmbackup', mimeType: 'text/plain', buffer: Buffer.from('not a backup') });
  await page.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByRole('alert')).toContainText('Restore failed');
  await expect(page.getByRole('alert').locator('[lang="nl"]')).toContainText('kan niet worden teruggezet');
  await screenshot(page, 'backup-restore-error-en');
});

test('choosing a second backup folder: the reminder goes; clearing it brings it back', async ({ app: page }) => {
  await seedAnouk(page);
  await page.getByRole('link', { name: 'Mijn notities', exact: true }).click();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  const banner = page.getByRole('complementary', { name: 'Herinnering back-up' });
  await expect(banner).toContainText('Kies een tweede map voor uw back-ups');
  await screenshot(page, 'backup-reminder-banner');
  await banner.getByRole('link', { name: 'Tweede map kiezen' }).click();
  await expect(page.getByTestId('backup-ready')).toBeVisible();
  await expect(page.getByTestId('backup-reminder')).toBeVisible();

  const field = page.getByRole('textbox', { name: 'Volledig pad van de map' });
  // Not a full path: refused here, in both languages, and nothing saved.
  await field.fill('usb/raadsmap');
  await page.getByRole('button', { name: 'Map opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText('is geen volledig pad');
  await expect(page.getByRole('alert')).toContainText('is not a full path');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'backup-folder-error');
  expect((await callApi<{ backupFolder?: string }>(page, 'settings.get', {})).backupFolder).toBeUndefined();

  const folder = mkdtempSync(join(tmpdir(), 'raadsmap-e2e-usb-'));
  try {
    await field.fill(folder);
    await page.getByRole('button', { name: 'Map opslaan' }).click();
    await expect(page.getByText(`De tweede map is opgeslagen: ${folder}`)).toBeVisible();
    await expect(page.getByTestId('backup-folder')).toHaveText(folder);
    await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await screenshot(page, 'backup-folder-saved');
    expect((await callApi<{ backupFolder?: string }>(page, 'settings.get', {})).backupFolder).toBe(folder);

    // The notes overview no longer reminds.
    await page.getByRole('link', { name: 'Mijn notities', exact: true }).click();
    await expect(page.getByTestId('notes-ready')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Exporteren…' })).toBeVisible();
    await expect(banner).toHaveCount(0);

    // Cleared again: the reminder returns.
    await page.getByRole('link', { name: 'Back-up', exact: true }).click();
    await page.getByRole('button', { name: 'Geen tweede map meer gebruiken' }).click();
    await expect(page.getByText('Er wordt geen tweede map meer gebruikt.')).toBeVisible();
    await expect(page.getByTestId('backup-folder')).toHaveText('niet gekozen');
    await expect(page.getByTestId('backup-reminder')).toBeVisible();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the reminder banner can be put away for the session', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Mijn notities', exact: true }).click();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  const banner = page.getByRole('complementary', { name: 'Herinnering back-up' });
  await banner.getByRole('button', { name: 'Niet nu' }).click();
  await expect(banner).toHaveCount(0);
  await page.getByRole('link', { name: 'Bibliotheek', exact: true }).click();
  await page.getByRole('link', { name: 'Mijn notities', exact: true }).click();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('notes-ready')).toBeVisible();
  await expect(banner).toHaveCount(0);
});
