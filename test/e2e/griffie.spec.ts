/**
 * The griffie screen: a griffier builds a signed pack from letter files without a terminal (each
 * file's structure or refusal shown, inline validation tied to the fields, a private key chosen as
 * a file), saves it as a download, and that downloaded pack installs in the app.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoHorizontalScroll, expectNoViolations } from './axe';
import { expect, ROOT, screenshot, test } from './fixtures';
import { callApi, SECOND_LETTER } from './notes-fixtures';
import { localIsoDate, publisherKeys } from './pack-fixtures';
import { join } from 'node:path';

const THIRD_LETTER = `Brief aan de leden

Datum
12 april 2024

Ons kenmerk
TEST/U202400042
Lbr. 24/012

Onderwerp
Bijdrageregeling 2025

Geacht college en gemeenteraad,

Aanleiding

De contributie stijgt in 2025 met de loon- en prijsontwikkeling.

Voorstellen

1. In te stemmen met de bijdrageregeling 2025.

Met vriendelijke groet,

Vereniging van Nederlandse Gemeenten
`;

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true });
}

function grouped(fingerprint: string): string {
  return (fingerprint.match(/.{4}/g) ?? []).join(' ').toUpperCase();
}

test('the griffie builds a signed pack from text files; the download installs', async ({ app: page }) => {
  await nav(page, 'Griffie').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pakket samenstellen' })).toBeFocused();

  // Building with nothing filled in: the messages are at the fields, focus on the first.
  await page.getByRole('textbox', { name: 'Pakket-id', exact: true }).fill('ALV Juni!');
  await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('');
  await page.getByRole('button', { name: 'Pakket maken en opslaan' }).click();
  await expect(page.getByRole('alert').first()).toContainText('punten in het formulier kloppen niet');
  const letters = page.getByLabel('Brieven kiezen');
  await expect(letters).toBeFocused();
  await expect(letters).toHaveAttribute('aria-invalid', 'true');
  const id = page.getByRole('textbox', { name: 'Pakket-id', exact: true });
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await expect(id).toHaveAccessibleDescription(/Kleine letters, cijfers.*Vul een pakket-id in/);
  await screenshot(page, 'griffie-validation');
  await expectNoViolations(page, 'griffie screen with messages');

  // Letters: two readable ones and one that is not a letter.
  await letters.setInputFiles([
    { name: 'digitale-stemming.txt', mimeType: 'text/plain', buffer: Buffer.from(SECOND_LETTER) },
    { name: 'bijdrageregeling.txt', mimeType: 'text/plain', buffer: Buffer.from(THIRD_LETTER) },
    { name: 'kapot.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('geen word-bestand') },
  ]);
  const list = page.getByRole('list', { name: 'Gekozen brieven' });
  const second = list.locator('[data-file="digitale-stemming.txt"]');
  await expect(second).toContainText('Proef met digitale stemming');
  await expect(second).toContainText('Lbr. 21/007');
  await second.locator('summary').click();
  await expect(second).toContainText('2 gevraagde besluiten');
  await expect(second).toContainText('De evaluatie te agenderen voor de BALV');
  const broken = list.locator('[data-file="kapot.docx"]');
  await expect(broken.getByRole('alert')).toContainText('Deze brief kan niet worden gelezen');
  await expect(broken.getByRole('alert').locator('[lang="en"]')).toBeVisible();
  await expect(page.getByText('Haal de brieven weg die niet gelezen kunnen worden.')).toBeVisible();
  await screenshot(page, 'griffie-letters');
  await broken.getByRole('button', { name: /Weghalen/ }).click();
  await expect(list.locator(':scope > li')).toHaveCount(2);
  await second.getByRole('textbox', { name: /Labels voor deze brief/ }).fill('ALV, digitaal');

  // The form.
  await id.fill('alv-juni-2024');
  await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('ALV juni 2024');
  await page.getByRole('textbox', { name: 'Versie', exact: true }).fill('1');
  await page.getByRole('textbox', { name: /Uitgever/ }).fill('Griffie Voorbeeldstad');
  await page.getByLabel(/Datum van uitgifte/).fill('2024-05-20');
  await page.getByLabel(/Vergaderdatum/).fill(localIsoDate(7));
  await page.getByLabel(/Uiterste datum/).fill(localIsoDate(8));
  // A deadline after the meeting is refused at its field.
  await expect(page.getByLabel(/Uiterste datum/)).toHaveAccessibleDescription(/ligt na de vergaderdatum/);
  await page.getByLabel(/Uiterste datum/).fill(localIsoDate(2));
  await page.getByLabel(/Wijzigingen ten opzichte/).fill('Eerste versie voor de ALV van juni.');
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);

  // The griffie's private key, as a file.
  const keys = publisherKeys();
  await page
    .getByLabel(/Sleutelbestand van de griffie/)
    .setInputFiles({ name: 'griffie.key', mimeType: 'application/x-pem-file', buffer: Buffer.from(keys.privatePem) });
  await expect(page.getByText('Gekozen sleutel: griffie.key')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pakket maken en opslaan' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('alv-juni-2024-v1.raadsmap');
  const path = join(ROOT, 'test-results', 'alv-juni-2024-v1.raadsmap');
  await download.saveAs(path);
  const result = page.getByTestId('griffie-result');
  await expect(result).toBeFocused();
  await expect(result).toContainText('alv-juni-2024-v1.raadsmap is opgeslagen (2 brieven');
  await expect(page.getByTestId('griffie-fingerprint').locator('code')).toHaveText(grouped(keys.fingerprint));
  await result.scrollIntoViewIfNeeded();
  await screenshot(page, 'griffie-built');
  await page.screenshot({ path: join(ROOT, 'screenshots', 'griffie-full.png'), fullPage: true });
  for (const [locale, theme] of [
    ['nl', 'light'],
    ['nl', 'dark'],
    ['en', 'light'],
    ['en', 'dark'],
  ] as const) {
    if (locale !== 'nl' || theme !== 'light') {
      await callApi(page, 'settings.update', { locale, theme });
      await page.reload();
      await expect(page.getByTestId('griffie-ready')).toBeVisible();
    }
    await expectNoViolations(page, `griffie screen (${locale}, ${theme})`);
  }
  await screenshot(page, 'griffie-en-dark');
  await page.setViewportSize({ width: 640, height: 900 });
  await expectNoHorizontalScroll(page, 'griffie at 200 %');
  await page.setViewportSize({ width: 1280, height: 900 });
  await callApi(page, 'settings.update', { locale: 'nl', theme: 'light' });
  await page.reload();

  // The downloaded pack installs: the fingerprint the griffie showed is the one to compare.
  await page.getByRole('button', { name: 'Pakket openen…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Pakket installeren' });
  await dialog.getByLabel('Pakketbestand (.raadsmap)').setInputFiles(path);
  await expect(dialog.getByTestId('pack-preview')).toContainText('2 brieven in dit pakket: 2 nieuw');
  await expect(dialog.getByTestId('signature').locator('code')).toHaveText(grouped(keys.fingerprint));
  expect(readFileSync(path).length).toBeGreaterThan(1000);
  await dialog.getByRole('button', { name: 'Deze sleutel vertrouwen en installeren' }).click();
  await expect(page).toHaveURL(/#\/pakketten\/update\/\d+$/);
  const added = page.locator('.update-summary__group--added');
  await expect(added).toContainText('Proef met digitale stemming');
  await expect(added).toContainText('Bijdrageregeling 2025');
  await nav(page, 'Bibliotheek').click();
  const row = page.getByRole('row').filter({ hasText: 'Proef met digitale stemming' });
  await expect(row).toContainText('nog 2 dagen');
  // The letter's tags went into the pack.
  const preview = await callApi<{ documents: Array<{ title: string; tags: string[] }> }>(page, 'packs.inspect', {
    fileName: 'alv-juni-2024-v1.raadsmap',
    dataBase64: readFileSync(path).toString('base64'),
  });
  expect(preview.documents.find((d) => d.title === 'Proef met digitale stemming')?.tags).toEqual(['ALV', 'digitaal']);
});
