import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/ho-so/…`): deep links and reloads work however the server serves
 * index.html, with no rewrite rules.
 */
export type Route =
  | { name: 'home' }
  | { name: 'counter'; tab: 'direct' | 'online' }
  | { name: 'inbox' }
  | { name: 'dossier'; id: string }
  | { name: 'dashboard' }
  | { name: 'users' }
  | { name: 'calendar' }
  | { name: 'log-book' }
  /** Public (no login): the applicant's lookup, from the receipt's QR code or typed by hand. */
  | { name: 'lookup'; code?: string; secret?: string }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/tiep-nhan') return { name: 'counter', tab: 'direct' };
  if (path === '/tiep-nhan/truc-tuyen') return { name: 'counter', tab: 'online' };
  if (path === '/ho-so') return { name: 'inbox' };
  if (path === '/bao-cao') return { name: 'dashboard' };
  if (path === '/quan-tri/nguoi-dung') return { name: 'users' };
  if (path === '/quan-tri/lich') return { name: 'calendar' };
  if (path === '/so-theo-doi') return { name: 'log-book' };
  if (path === '/tra-cuu') return { name: 'lookup' };
  const lookup = /^\/tra-cuu\/([^/]+)\/([^/]+)$/.exec(path);
  if (lookup) {
    const code = safeDecode(lookup[1]);
    const secret = safeDecode(lookup[2]);
    if (code !== null && secret !== null) return { name: 'lookup', code, secret };
  }
  const dossier = /^\/ho-so\/([^/]+)$/.exec(path);
  if (dossier) {
    const id = safeDecode(dossier[1]);
    if (id !== null) return { name: 'dossier', id };
  }
  return { name: 'not-found', path };
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function isPublicRoute(route: Route): boolean {
  return route.name === 'lookup';
}

export const paths = {
  home: '#/',
  counter: '#/tiep-nhan',
  counterOnline: '#/tiep-nhan/truc-tuyen',
  inbox: '#/ho-so',
  dossier: (id: string) => `#/ho-so/${encodeURIComponent(id)}`,
  dashboard: '#/bao-cao',
  users: '#/quan-tri/nguoi-dung',
  calendar: '#/quan-tri/lich',
  logBook: '#/so-theo-doi',
  lookup: '#/tra-cuu',
  lookupDossier: (code: string, secret: string) => `#/tra-cuu/${encodeURIComponent(code)}/${encodeURIComponent(secret)}`,
};

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
