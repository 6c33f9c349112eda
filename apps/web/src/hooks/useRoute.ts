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
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/tiep-nhan') return { name: 'counter', tab: 'direct' };
  if (path === '/tiep-nhan/truc-tuyen') return { name: 'counter', tab: 'online' };
  if (path === '/ho-so') return { name: 'inbox' };
  const dossier = /^\/ho-so\/([^/]+)$/.exec(path);
  if (dossier) return { name: 'dossier', id: decodeURIComponent(dossier[1]) };
  return { name: 'not-found', path };
}

export const paths = {
  home: '#/',
  counter: '#/tiep-nhan',
  counterOnline: '#/tiep-nhan/truc-tuyen',
  inbox: '#/ho-so',
  dossier: (id: string) => `#/ho-so/${encodeURIComponent(id)}`,
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
