/**
 * Positions on the requested decisions, against a real `raadsmap serve`: Anouk's 1a "voor" and 1c
 * "voor met amendement" with reasoning, a linked passage and an amendment draft; "Mijn standpunten"
 * with progress; everything after a reload; deleting a linked passage asks first and leaves the
 * position; a motion draft.
 */
import type { Page } from '@playwright/test';
import { api, openLetter, selectWithMouse } from './annotations-helpers';
import { expect, screenshot, test } from './fixtures';

const PASSAGE = 'Uitbreiding van het gemeentelijk belastinggebied is daarbij een belangrijke voorwaarde';

function card(page: Page, label: string) {
  return page.locator(`#besluit-${label}`);
}

async function openPosition(page: Page, label: string) {
  const button = card(page, label).getByRole('button', { name: new RegExp(`Standpunt .*\\(Besluit ${label}\\)`) });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  return page.getByTestId(`position-editor-${label}`);
}

async function saved(editor: ReturnType<Page['getByTestId']>) {
  await expect(editor.locator('.save-status')).toHaveText(/Opgeslagen/);
}

test('1a voor, 1c voor met amendement with reasoning, a passage and an amendment; kept after a reload', async ({
  app: page,
}) => {
  await openLetter(page);
  const overview = page.getByRole('region', { name: 'Mijn standpunten' });
  await expect(overview).toContainText('0 van 5 bepaald');

  // The passage on the tax base in decision 1c's place in the text, marked as important.
  await selectWithMouse(page, 'p041', PASSAGE);
  await page
    .getByRole('toolbar', { name: 'Markeren' })
    .getByRole('button', { name: /Belangrijk/ })
    .click();
  await expect(page.locator('mark.hl')).toHaveText(PASSAGE);

  // 1c: voor met amendement. The amendment starts as the decision text.
  const c = await openPosition(page, '1c');
  await expect(c.getByRole('radio', { name: 'Nog bepalen' })).toBeChecked();
  await c.getByRole('radio', { name: 'Voor met amendement' }).check();
  const amendment = c.getByRole('textbox', { name: /Amendement/ });
  await expect(amendment).toHaveValue(/^We gaan -op basis van wederkerigheid- de condities aanscherpen/);
  await amendment.fill(
    'We gaan -op basis van wederkerigheid- de condities aanscherpen waaronder we met het Rijk samenwerken. ' +
      'Uitbreiding van het gemeentelijk belastinggebied is daarbij een voorwaarde, met een maximum op de lokale lasten',
  );
  await c
    .getByRole('textbox', { name: 'Onderbouwing' })
    .fill('Meer belastinggebied is goed, maar de lasten voor inwoners mogen niet onbeperkt stijgen.');
  await c.getByRole('textbox', { name: /Open vragen/ }).fill('Hoe groot is ons huidige belastinggebied?');
  await c.getByRole('textbox', { name: /Inbreng/ }).fill('Steun, met amendement over een maximum.');
  await saved(c);

  // Link the passage from the position editor.
  await c.getByRole('button', { name: 'Passage koppelen…' }).click();
  const picker = page.getByRole('dialog', { name: 'Passages koppelen aan besluit 1c' });
  await picker.getByRole('checkbox', { name: /Uitbreiding van het gemeentelijk belastinggebied/ }).check();
  await expect(picker.getByRole('checkbox', { name: /Uitbreiding/ })).toBeChecked();
  await picker.getByRole('button', { name: 'Klaar' }).click();
  await expect(picker).toBeHidden();
  const linked = c.locator('.linked-passage');
  await expect(linked).toHaveCount(1);
  await expect(linked).toContainText(PASSAGE);
  await c.getByRole('radio', { name: 'Definitief' }).check();
  await saved(c);
  await c.scrollIntoViewIfNeeded();
  await screenshot(page, 'positions-editor-amendment');

  // 1a: voor.
  const a = await openPosition(page, '1a');
  await a.getByRole('radio', { name: 'Voor', exact: true }).check();
  await saved(a);

  await expect(overview).toContainText('2 van 5 bepaald');
  await expect(overview).toContainText('nog bepalen: 1b, 1d, 1e');
  await expect(overview.getByRole('listitem').filter({ hasText: 'Besluit 1c' })).toContainText('Voor met amendement');
  await expect(overview.getByRole('listitem').filter({ hasText: 'Besluit 1c' })).toContainText('Definitief');
  await expect(overview.getByRole('listitem').filter({ hasText: 'Besluit 1c' })).toContainText('1 passage');
  await expect(overview.getByRole('listitem').filter({ hasText: 'Besluit 1b' })).toContainText('Nog bepalen');
  await overview.scrollIntoViewIfNeeded();
  await screenshot(page, 'positions-overview');

  // The note's own editor shows the link too.
  await page.locator('[data-paragraph="p041"]').getByTestId('note-card').getByRole('button').click();
  await expect(page.locator('.note-editor').getByRole('checkbox', { name: 'Besluit 1c' })).toBeChecked();

  // A jump from the overview to the decision opens its editor.
  await overview.getByRole('link', { name: 'Besluit 1c', exact: true }).click();
  await expect(c.getByRole('radio', { name: 'Voor met amendement' })).toBeFocused();

  await page.reload();
  await expect(page.locator('article[data-annotations-ready="true"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mijn standpunten' })).toContainText('2 van 5 bepaald');
  await expect(card(page, '1c')).toContainText('Voor met amendement');
  const c2 = await openPosition(page, '1c');
  await expect(c2.getByRole('radio', { name: 'Voor met amendement' })).toBeChecked();
  await expect(c2.getByRole('textbox', { name: /Amendement/ })).toHaveValue(/met een maximum op de lokale lasten$/);
  await expect(c2.getByRole('textbox', { name: 'Onderbouwing' })).toHaveValue(/niet onbeperkt stijgen/);
  await expect(c2.getByRole('textbox', { name: /Open vragen/ })).toHaveValue(
    'Hoe groot is ons huidige belastinggebied?',
  );
  await expect(c2.getByRole('textbox', { name: /Inbreng/ })).toHaveValue('Steun, met amendement over een maximum.');
  await expect(c2.getByRole('radio', { name: 'Definitief' })).toBeChecked();
  await expect(c2.locator('.linked-passage')).toContainText(PASSAGE);
  const a2 = await openPosition(page, '1a');
  await expect(a2.getByRole('radio', { name: 'Voor', exact: true })).toBeChecked();
});

test('deleting a passage a position rests on asks first; the position stays', async ({ app: page }) => {
  await openLetter(page);
  await selectWithMouse(page, 'p041', PASSAGE);
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  const field = page.locator('.note-editor').getByLabel('Notitie', { exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type('Hier draait het om.');
  // Link from the note: "Besluit 1c".
  await page.locator('.note-editor').getByRole('checkbox', { name: 'Besluit 1c' }).check();
  await expect(page.getByTestId('notes-live')).toContainText('Gekoppeld aan besluit 1c');
  await expect(page.locator('.note-editor .save-status')).toHaveText(/Opgeslagen/);

  const c = await openPosition(page, '1c');
  await c.getByRole('radio', { name: 'Tegen' }).check();
  await c.getByRole('textbox', { name: 'Onderbouwing' }).fill('Geen blanco cheque.');
  await saved(c);
  await expect(c.locator('.linked-passage')).toContainText('Hier draait het om.');

  // Delete the note: the app asks first, naming the position.
  await page.locator('[data-paragraph="p041"]').getByTestId('note-card').first().scrollIntoViewIfNeeded();
  await page.locator('.note-editor').getByRole('button', { name: 'Verwijderen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Notitie verwijderen?' });
  await expect(dialog).toContainText('Standpunt 1c steunt op deze passage.');
  await expect(dialog).toContainText('Het standpunt blijft bewaard');
  await screenshot(page, 'positions-delete-confirm');
  // Not deleting keeps everything.
  await dialog.getByRole('button', { name: 'Niet verwijderen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('mark.hl')).toHaveCount(1);
  await page.locator('.note-editor').getByRole('button', { name: 'Verwijderen' }).click();
  await dialog.getByRole('button', { name: 'Toch verwijderen' }).click();
  await expect(page.locator('mark.hl')).toHaveCount(0);

  // The position is intact, without the passage.
  await expect(c.getByRole('radio', { name: 'Tegen' })).toBeChecked();
  await expect(c.getByRole('textbox', { name: 'Onderbouwing' })).toHaveValue('Geen blanco cheque.');
  await expect(c.locator('.linked-passage')).toHaveCount(0);
  const positions = await api<Array<{ decisionLabel: string; stance: string; reasoning: string }>>(
    page,
    'positions.list',
    { documentId: 'lbr-19-030' },
  );
  expect(positions.find((p) => p.decisionLabel === '1c')).toMatchObject({
    stance: 'tegen',
    reasoning: 'Geen blanco cheque.',
  });
  // Undo brings the passage back, linked again.
  await page.getByRole('button', { name: /Ongedaan maken/ }).click();
  await expect(page.locator('mark.hl')).toHaveCount(1);
  await expect(c.locator('.linked-passage')).toContainText('Hier draait het om.');
});

test('a motion draft: constaterende dat, overwegende dat, verzoekt', async ({ app: page }) => {
  await openLetter(page);
  const d = await openPosition(page, '1d');
  await d.getByRole('radio', { name: 'Motie' }).check();
  const motion = d.getByRole('group', { name: 'Motie' });
  await motion
    .getByRole('textbox', { name: 'Constaterende dat' })
    .fill('de VNG de gezamenlijke uitvoering wil uitbreiden;');
  await motion.getByRole('textbox', { name: 'Overwegende dat' }).fill('kleine gemeenten daar het meest op rekenen;');
  await motion
    .getByRole('textbox', { name: /Verzoekt/ })
    .fill('de positie van kleine gemeenten expliciet mee te wegen in de verkenning,');
  await d.getByRole('textbox', { name: 'Onderbouwing' }).fill('Voor kleine gemeenten is dit cruciaal.');
  await saved(d);
  await d.scrollIntoViewIfNeeded();
  await screenshot(page, 'positions-editor-motion');
  await expect(page.getByRole('region', { name: 'Mijn standpunten' })).toContainText('1 van 5 bepaald');

  await page.reload();
  await expect(page.getByTestId('reader-ready')).toBeVisible();
  const d2 = await openPosition(page, '1d');
  const motion2 = d2.getByRole('group', { name: 'Motie' });
  await expect(motion2.getByRole('textbox', { name: 'Constaterende dat' })).toHaveValue(
    'de VNG de gezamenlijke uitvoering wil uitbreiden;',
  );
  await expect(motion2.getByRole('textbox', { name: 'Overwegende dat' })).toHaveValue(
    'kleine gemeenten daar het meest op rekenen;',
  );
  await expect(motion2.getByRole('textbox', { name: /Verzoekt/ })).toHaveValue(
    'de positie van kleine gemeenten expliciet mee te wegen in de verkenning,',
  );

  // Back to "nog bepalen": the draft is kept (it is hidden, not thrown away).
  await d2.getByRole('radio', { name: 'Nog bepalen' }).check();
  await saved(d2);
  await expect(page.getByRole('region', { name: 'Mijn standpunten' })).toContainText('0 van 5 bepaald');
  await d2.getByRole('radio', { name: 'Motie' }).check();
  await expect(d2.getByRole('group', { name: 'Motie' }).getByRole('textbox', { name: 'Overwegende dat' })).toHaveValue(
    'kleine gemeenten daar het meest op rekenen;',
  );
});
