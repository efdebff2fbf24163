/**
 * Who may call main over IPC: only the main frame of a window Raadsmap created, showing our own
 * `app://raadsmap` page (VS Code's ipcMain validator does the same). No Electron import.
 */
import { isAppUrl } from './app-url';

export interface SenderInfo {
  /** The sending frame's URL (`event.senderFrame.url`); undefined when the frame is gone. */
  url: string | undefined;
  /** True when the sending frame is its window's top frame (`senderFrame.parent === null`). */
  isMainFrame: boolean;
  /** True when the sender's webContents belongs to a window made by our window factory. */
  isOurWindow: boolean;
}

export function isTrustedSender(sender: SenderInfo): boolean {
  return sender.isOurWindow && sender.isMainFrame && isAppUrl(sender.url);
}
