/**
 * WCAG 2.1 AA (axe) on the export dialog (before and after an export), the print view (on screen
 * and in print media), and the backup page (status with the reminder, a refused file, a restore
 * report): light and dark, Dutch and English, 100 % and 200 % (reflow: no horizontal scrolling).
 */
import { readFileSync } from 'node:fs';
import { expect, screenshot, test } from './fixtures';
import { expectNoHorizontalScroll, expectNoViolations } from './axe';
import { seedAnouk } from './notes-fixtures';

const TEXT = {
  nl: {
    notes: 'Mijn notities',
    open: 'Exporteren…',
    dialog: 'Exporteren',
    submit: 'Exporteren',
    print: 'Afdrukken…',
    backup: 'Back-up',
    make: 'Nu een back-up maken',
    file: 'Back-upbestand',
    restore: 'Back-up terugzetten',
    restored: 'Back-up teruggezet',
  },
  en: {
    notes: 'My notes',
    open: 'Export…',
    dialog: 'Export',
    submit: 'Export',
    print: 'Print…',
    backup: 'Backup',
    make: 'Make a backup now',
    file: 'Backup file',
    restore: 'Restore backup',
    restored: 'Backup restored',
  },
} as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const locale of ['nl', 'en'] as const) {
    for (const zoom of [100, 200] as const) {
      test(`axe: export dialog, print view, backup page, ${colorScheme}, ${locale}, ${zoom}%`, async ({
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
        await page.getByRole('link', { name: text.notes, exact: true }).click();
        await expect(page.getByTestId('notes-ready')).toBeVisible();
        await expect(page.getByTestId('backup-reminder-banner')).toBeVisible();
        await expectNoViolations(page, `notes overview with the backup reminder ${name}`);
        await screenshot(page, `a11y-export-notes-reminder-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `notes overview with the reminder ${name}`);

        // The export dialog, before and after an export.
        await page.getByRole('button', { name: text.open }).click();
        const dialog = page.getByRole('dialog', { name: text.dialog });
        await expect(dialog.getByRole('checkbox').first()).toBeVisible();
        await expectNoViolations(page, `export dialog ${name}`);
        await screenshot(page, `a11y-export-dialog-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `export dialog ${name}`);
        const waiting = page.waitForEvent('download');
        await dialog.getByRole('button', { name: text.submit, exact: true }).click();
        await waiting;
        await expect(dialog.getByTestId('export-done')).toBeVisible();
        await dialog.getByTestId('export-done').scrollIntoViewIfNeeded();
        await expectNoViolations(page, `export dialog after an export ${name}`);
        await screenshot(page, `a11y-export-dialog-done-${name}`);

        // The print view, on screen and in print media.
        await dialog.getByRole('button', { name: text.print }).click();
        await expect(page.getByTestId('print-ready')).toBeVisible();
        await expect(page.getByRole('table')).toBeVisible();
        await expectNoViolations(page, `print view ${name}`);
        await screenshot(page, `a11y-print-view-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `print view ${name}`);
        await page.emulateMedia({ media: 'print', colorScheme });
        await expectNoViolations(page, `print view in print media ${name}`);
        await screenshot(page, `a11y-print-view-print-media-${name}`);
        await page.emulateMedia({ media: 'screen', colorScheme });

        // The backup page: status with the reminder.
        await page.getByRole('link', { name: text.notes, exact: true }).click();
        await page.getByRole('link', { name: text.backup, exact: true }).click();
        await expect(page.getByTestId('backup-ready')).toBeVisible();
        await expectNoViolations(page, `backup page ${name}`);
        await screenshot(page, `a11y-backup-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `backup page ${name}`);

        // A refused file.
        const input = page.getByLabel(text.file);
        await input.setInputFiles({ name: 'kapot.rmbackup', mimeType: 'text/plain', buffer: Buffer.from('kapot') });
        await page.getByRole('button', { name: text.restore, exact: true }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        await page.getByRole('alert').scrollIntoViewIfNeeded();
        await expectNoViolations(page, `backup page with an error ${name}`);
        await screenshot(page, `a11y-backup-error-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `backup page with an error ${name}`);

        // A backup made and restored: the report.
        const made = page.waitForEvent('download');
        await page.getByRole('button', { name: text.make }).click();
        const download = await made;
        await expect(page.getByTestId('backup-made')).toBeVisible();
        await input.setInputFiles({
          name: download.suggestedFilename(),
          mimeType: 'application/octet-stream',
          buffer: readFileSync(await download.path()),
        });
        await page.getByRole('button', { name: text.restore, exact: true }).click();
        await expect(page.getByRole('heading', { name: text.restored })).toBeVisible();
        await expectNoViolations(page, `backup restore report ${name}`);
        await screenshot(page, `a11y-backup-report-${name}`);
        if (zoom === 200) await expectNoHorizontalScroll(page, `backup restore report ${name}`);
      });
    }
  }
}
