import { expect, screenshot, test } from './fixtures';
import { SECOND_LETTER } from './notes-fixtures';

const LETTER = SECOND_LETTER;

test('bad input gets a clear message in Dutch and English, and nothing changes', async ({ app: page }) => {
  const cases = [
    { name: 'leeg.txt', buffer: Buffer.from(''), nl: /is leeg/, en: /is empty/ },
    {
      name: 'plaatje.txt',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
      nl: /geen tekstbestand/,
      en: /not a text file/,
    },
    {
      name: 'latin1.txt',
      buffer: Buffer.from([0x44, 0x61, 0x74, 0x75, 0x6d, 0x0a, 0xe9, 0xe9, 0x0a]),
      nl: /geen geldige UTF-8/,
      en: /not valid UTF-8/,
    },
    {
      name: 'lijst.txt',
      buffer: Buffer.from('appel;peer;banaan\n1;2;3\n'),
      nl: /geen briefstructuur/,
      en: /No letter structure/,
    },
    { name: 'brief.pdf', buffer: Buffer.from('%PDF-1.7'), nl: /PDF/, en: /PDF/ },
    { name: 'brief.odt', buffer: Buffer.from('PK'), nl: /\.docx/, en: /\.docx/ },
  ];
  await page.getByRole('button', { name: 'Brief importeren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Brief importeren' });
  for (const c of cases) {
    await dialog.getByLabel('Bestand').setInputFiles({ name: c.name, mimeType: 'text/plain', buffer: c.buffer });
    await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(c.nl);
    await expect(alert).toContainText(c.en);
    await expect(alert).toContainText('Er is niets gewijzigd');
  }
  await screenshot(page, 'import-error');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2); // header + the one letter
});

test('a good letter is imported and opened', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Brief importeren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Brief importeren' });
  await dialog
    .getByLabel('Bestand')
    .setInputFiles({ name: 'proef.txt', mimeType: 'text/plain', buffer: Buffer.from(LETTER) });
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Proef met digitale stemming' })).toBeVisible();
  await expect(page.locator('.decision-card')).toHaveCount(2);
  await expect(page.locator('#besluit-2')).toContainText('De evaluatie te agenderen voor de BALV.');
  await screenshot(page, 'import-done-reader');
  await page.getByRole('link', { name: 'Terug naar de bibliotheek' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('row', { name: /Proef met digitale stemming/ })).toContainText('Lbr. 21/007');
});
