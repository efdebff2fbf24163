/**
 * Accessibility (axe, WCAG 2.1 AA) of the reader with notes: highlights (overlapping), the toolbar
 * next to a selection, an open note, the "Nakijken" panel with an orphan, keyboard marking, the
 * colour meanings, the undo toast and the position editors (amendment and motion) with "Mijn
 * standpunten" — light and dark, Dutch and English, at 100 % and 200 % zoom.
 */
import type { Page } from '@playwright/test';
import { api, importAnnotations, openLetter, rangeOf, selectWithMouse, webAnnotation } from './annotations-helpers';
import { expect, screenshot, test } from './fixtures';
import { expectNoHorizontalScroll, expectNoViolations } from './axe';

/** Notes of every kind: overlapping highlights, a note with tags linked to 1c, a colleague's, an orphan. */
async function seedNotes(page: Page) {
  const a = await rangeOf(page, 'p030', 'Voldoende geld is daarbij een belangrijke randvoorwaarde');
  const b = await rangeOf(page, 'p030', 'een belangrijke randvoorwaarde. Omdat de gemeentelijke middelen');
  const first = await api<{ id: string }>(page, 'annotations.create', {
    documentId: 'lbr-19-030',
    ...a,
    color: 'geel',
    note: 'Vraag voor de griffie: wat betekent dit voor onze OZB?',
    tags: ['financiën', 'belastinggebied'],
  });
  await api(page, 'annotations.create', { documentId: 'lbr-19-030', ...b, color: 'rood' });
  await api(page, 'positions.link', {
    documentId: 'lbr-19-030',
    decisionLabel: '1c',
    annotationId: first.id,
    linked: true,
  });
  await api(page, 'positions.save', {
    documentId: 'lbr-19-030',
    decisionLabel: '1a',
    patch: { stance: 'voor', reasoning: 'Past bij ons programma.' },
  });
  await importAnnotations(page, [
    webAnnotation('5f0e7a52-0000-4c38-9f1d-0c2f6f8b1a01', 'Rode draden vonden we ook', 'Mooi samengevat.'),
    webAnnotation('5f0e7a52-0000-4c38-9f1d-0c2f6f8b1a02', 'Een zin uit een oudere versie van de brief', 'Nakijken!'),
  ]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const locale of ['nl', 'en'] as const) {
    for (const zoom of [100, 200] as const) {
      test(`axe: reader with notes and positions, ${colorScheme}, ${locale}, ${zoom}%`, async ({ app: page }) => {
        if (zoom === 200) await page.setViewportSize({ width: 640, height: 450 });
        await page.emulateMedia({ colorScheme });
        if (locale === 'en') {
          await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        }
        const name = `${colorScheme}-${locale}-${zoom}`;
        await openLetter(page);
        await seedNotes(page);
        await page.reload();
        await expect(page.locator('article[data-annotations-ready="true"]')).toBeVisible();

        // The "Nakijken" panel with the orphan, at the top of the letter.
        const review = page.getByTestId('review-panel');
        await expect(review).toContainText('Een zin uit een oudere versie van de brief');
        await review.scrollIntoViewIfNeeded();
        await expectNoViolations(page, `review panel ${name}`);
        await screenshot(page, `a11y-notes-review-${name}`);

        // An open note next to overlapping highlights, and the toolbar on a new selection.
        const cardButton = page.getByTestId('note-card').filter({ hasText: 'OZB' }).locator('.note-card__toggle');
        await cardButton.click();
        await expect(page.locator('.note-editor')).toBeVisible();
        await selectWithMouse(page, 'p029', 'De maatschappelijke opgaven');
        await expect(page.locator('mark.hl mark.hl')).not.toHaveCount(0);
        await expectNoViolations(page, `reader with notes ${name}`);
        await screenshot(page, `a11y-notes-reader-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `reader with notes ${name}`);
        await page.keyboard.press('Escape');

        // Keyboard marking.
        await page.locator('#doc-title').focus();
        await page.keyboard.press('m');
        await expect(page.getByTestId('mark-bar')).toBeVisible();
        await page.keyboard.press('Shift+ArrowRight');
        await expectNoViolations(page, `keyboard marking ${name}`);
        await screenshot(page, `a11y-notes-marking-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `keyboard marking ${name}`);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('mark-bar')).toBeHidden();

        // The colour meanings.
        await page.locator('.reader-notes .button--secondary').click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectNoViolations(page, `colour meanings ${name}`);
        await screenshot(page, `a11y-notes-colors-${name}`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();

        // The undo toast.
        await page
          .getByTestId('note-card')
          .filter({ hasText: 'Mooi samengevat.' })
          .locator('.note-card__toggle')
          .click();
        await page.locator('.note-editor .button--danger').click();
        await expect(page.locator('.toast')).toBeVisible();
        await expectNoViolations(page, `undo toast ${name}`);
        await screenshot(page, `a11y-notes-toast-${name}`);

        // Positions: an amendment on 1c, a motion on 1d, and "Mijn standpunten".
        await page.locator('#besluit-1c .position__toggle').click();
        await page.locator('#besluit-1c .stance-choice input[value="voor-met-amendement"]').check();
        await page.locator('#besluit-1d .position__toggle').click();
        await page.locator('#besluit-1d .stance-choice input[value="motie"]').check();
        await expect(page.locator('#besluit-1d .motion-draft textarea')).toHaveCount(3);
        await expect(page.getByTestId('positions-overview')).toContainText(
          locale === 'nl' ? '3 van 5 bepaald' : '3 of 5 decided',
        );
        await expectNoViolations(page, `position editors ${name}`);
        await page.locator('#besluit-1c').scrollIntoViewIfNeeded();
        await screenshot(page, `a11y-positions-amendment-${name}`);
        await page.locator('#besluit-1d .motion-draft').scrollIntoViewIfNeeded();
        await screenshot(page, `a11y-positions-motion-${name}`);
        await page.getByTestId('positions-overview').scrollIntoViewIfNeeded();
        await screenshot(page, `a11y-positions-overview-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `position editors ${name}`);

        // Passages to link.
        await page.locator('#besluit-1c .linked-passages .button').click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectNoViolations(page, `link picker ${name}`);
        await page.keyboard.press('Escape');
      });
    }
  }
}

test('axe: the delete question for a passage a position rests on', async ({ app: page }) => {
  await openLetter(page);
  await seedNotes(page);
  await page.reload();
  await expect(page.locator('article[data-annotations-ready="true"]')).toBeVisible();
  await page.getByTestId('note-card').filter({ hasText: 'OZB' }).locator('.note-card__toggle').click();
  await page.locator('.note-editor .button--danger').click();
  await expect(page.getByRole('dialog', { name: 'Notitie verwijderen?' })).toBeVisible();
  await expectNoViolations(page, 'delete question');
});
