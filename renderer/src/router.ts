/** A tiny hash router: `#/` library, `#/brief/<id>` reader, `#/brief/<id>/<target>` a place in it. */
import { useEffect, useState } from 'react';

export type Route = { name: 'library' } | { name: 'reader'; documentId: string; target: string | null };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'brief' && parts[1]) return { name: 'reader', documentId: parts[1], target: parts[2] ?? null };
  return { name: 'library' };
}

export function hrefFor(route: Route): string {
  if (route.name === 'library') return '#/';
  const base = `#/brief/${encodeURIComponent(route.documentId)}`;
  return route.target ? `${base}/${encodeURIComponent(route.target)}` : base;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

let navigatedInApp = false;

/**
 * True once the user moved within the app. Views move focus to their title only then: on
 * first load focus stays at the top of the document, so the skip link is the first Tab stop.
 */
export function hasNavigated(): boolean {
  return navigatedInApp;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      navigatedInApp = true;
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
