/**
 * The renderer's one origin, `app://raadsmap`. No Electron import: the protocol handler, the
 * navigation guards and the IPC sender check all decide with these, and the unit tests too.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'raadsmap';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for an absolute `app://raadsmap/…` URL with no credentials and no port. Node's URL
 * gives non-special schemes the origin "null", so the parts are compared one by one.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** True for the http(s) links the OS browser may open; everything else (file:, javascript:, app:) is refused. */
export function isExternalWebUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
