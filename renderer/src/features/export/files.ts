/**
 * Saving what the app made (an export, a backup) and reading a file the user chose. In the browser
 * the bytes become a Blob and an `<a download>` click saves them (no inline script involved); in
 * Electron the same click goes through the session's download handling.
 */
import { useEffect } from 'react';
import type { PrintParams } from '../../router';

export function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Offers `dataBase64` as a file named `fileName` to save. */
export function saveFile(fileName: string, mimeType: string, dataBase64: string): void {
  const blob = new Blob([fromBase64(dataBase64)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; give it a moment before letting go of the URL.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type ExportListener = (preset: Partial<PrintParams>) => void;
let exportListener: ExportListener | null = null;

/** Opens the "Exporteren…" dialog, with a choice preselected (the reader's letter, the print view's selection). */
export function openExport(preset: Partial<PrintParams> = {}): void {
  exportListener?.(preset);
}

/** The app shell shows the dialog: it listens here. */
export function useExportRequests(listener: ExportListener): void {
  useEffect(() => {
    exportListener = listener;
    return () => {
      if (exportListener === listener) exportListener = null;
    };
  }, [listener]);
}
