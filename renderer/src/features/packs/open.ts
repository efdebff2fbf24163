/**
 * Opening a pack file: the "Pakket openen…" buttons, a .raadsmap file dropped anywhere on the
 * window, and (in Electron) a file the user double-clicked. Every way ends in the same install
 * dialog, which the app shell shows: it listens here.
 */
import { useEffect, useState } from 'react';

/** A pack the user chose: its name and bytes (read lazily, so a big file shows the dialog at once). */
export interface PackSource {
  fileName: string;
  /** Base64 of the file's bytes. */
  read: () => Promise<string>;
  size: number | null;
}

declare global {
  interface Window {
    /** Exposed by the Electron preload when the app opens a .raadsmap file; absent in the browser. */
    raadsmapShell?: {
      onOpenFile?: (listener: (file: { fileName: string; dataBase64: string }) => void) => () => void;
    };
  }
}

export const PACK_EXTENSION = /\.raadsmap$/i;
/** The contract's largest pack (electron/shared/packs.ts MAX_PACK_BYTES; repeated to keep zod out). */
export const MAX_PACK_BYTES = 100 * 1024 * 1024;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function fromFile(file: File): PackSource {
  return {
    fileName: file.name,
    size: file.size,
    read: async () => toBase64(new Uint8Array(await file.arrayBuffer())),
  };
}

type Listener = (source: PackSource | 'pick') => void;
let listener: Listener | null = null;

/** Opens the install dialog for a pack; `'pick'` asks for a file first. */
export function openPack(source: PackSource | 'pick' = 'pick'): void {
  listener?.(source);
}

/** The app shell listens for pack requests (one listener). */
export function usePackRequests(onRequest: Listener): void {
  useEffect(() => {
    listener = onRequest;
    return () => {
      if (listener === onRequest) listener = null;
    };
  }, [onRequest]);
}

/** Files dragged over the window: true while the overlay should show. A drop opens the first file. */
export function usePackDrop(onDrop: (file: File) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const blocked = () => !!document.querySelector('dialog[open]');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e) || blocked()) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e) || blocked()) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDropEvent = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Never let the browser navigate to a dropped file.
      e.preventDefault();
      depth = 0;
      setOver(false);
      if (blocked()) return;
      const file = e.dataTransfer!.files[0];
      if (file) onDrop(file);
    };
    const onEscape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        depth = 0;
        setOver(false);
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDropEvent);
    window.addEventListener('keydown', onEscape);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDropEvent);
      window.removeEventListener('keydown', onEscape);
    };
  }, [onDrop]);
  return over;
}

/** In Electron: a .raadsmap file the user double-clicked (or opened with Raadsmap). */
export function useShellOpenFile(onOpen: (source: PackSource) => void): void {
  useEffect(() => {
    const subscribe = window.raadsmapShell?.onOpenFile;
    if (!subscribe) return undefined;
    return subscribe(({ fileName, dataBase64 }) =>
      onOpen({ fileName, size: Math.floor((dataBase64.length * 3) / 4), read: () => Promise.resolve(dataBase64) }),
    );
  }, [onOpen]);
}

/** `ab12cd34…` → `AB12 CD34 …`: how people compare a fingerprint, four characters at a time. */
export function groupFingerprint(fingerprint: string): string {
  return (fingerprint.match(/.{1,4}/g) ?? []).join(' ').toUpperCase();
}
