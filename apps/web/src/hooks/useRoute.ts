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
  | { name: 'catalogue' }
  | { name: 'departments' }
  | { name: 'outbox' }
  | { name: 'import' }
  | { name: 'log-book' }
  /** Public (no login): the applicant's lookup, from the receipt's QR code or typed by hand. */
  | { name: 'lookup'; code?: string; secret?: string }
  /** Public (no login): sending a feedback or petition (phản ánh, kiến nghị), and following it up. */
  | { name: 'feedback-new' }
  /** Public (no login): a one-time password-reset link issued by an administrator. */
  | { name: 'password-reset'; token: string }
  | { name: 'feedback-follow'; code?: string; secret?: string }
  /** Staff: the feedback inbox and one feedback. */
  | { name: 'feedback-inbox' }
  | { name: 'feedback'; id: string }
  /** Public (no login): a citizen's online submission. */
  | { name: 'submit'; identityToken?: string }
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
  if (path === '/quan-tri/thu-tuc') return { name: 'catalogue' };
  if (path === '/quan-tri/phong-ban') return { name: 'departments' };
  if (path === '/quan-tri/hang-doi') return { name: 'outbox' };
  if (path === '/quan-tri/nhap-ho-so') return { name: 'import' };
  if (path === '/so-theo-doi') return { name: 'log-book' };
  if (path === '/tra-cuu') return { name: 'lookup' };
  if (path === '/nop-truc-tuyen') return { name: 'submit' };
  // Back from the identity provider: the API's callback put the citizen token in the fragment.
  const signedIn = /^\/nop-truc-tuyen\/dinh-danh\/([A-Za-z0-9_.-]+)$/.exec(path);
  if (signedIn) return { name: 'submit', identityToken: signedIn[1] };
  const lookup = /^\/tra-cuu\/([^/]+)\/([^/]+)$/.exec(path);
  if (lookup) {
    const code = safeDecode(lookup[1]);
    const secret = safeDecode(lookup[2]);
    if (code !== null && secret !== null) return { name: 'lookup', code, secret };
  }
  if (path === '/gui-phan-anh') return { name: 'feedback-new' };
  const reset = /^\/dat-lai-mat-khau\/([A-Za-z0-9_-]+)$/.exec(path);
  if (reset) return { name: 'password-reset', token: reset[1] };
  if (path === '/theo-doi-phan-anh') return { name: 'feedback-follow' };
  const follow = /^\/theo-doi-phan-anh\/([^/]+)\/([^/]+)$/.exec(path);
  if (follow) {
    const code = safeDecode(follow[1]);
    const secret = safeDecode(follow[2]);
    if (code !== null && secret !== null) return { name: 'feedback-follow', code, secret };
  }
  if (path === '/phan-anh-kien-nghi') return { name: 'feedback-inbox' };
  const feedback = /^\/phan-anh-kien-nghi\/([^/]+)$/.exec(path);
  if (feedback) {
    const id = safeDecode(feedback[1]);
    if (id !== null) return { name: 'feedback', id };
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
  return route.name === 'lookup' || route.name === 'submit' || route.name === 'feedback-new' || route.name === 'feedback-follow' || route.name === 'password-reset';
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
  catalogue: '#/quan-tri/thu-tuc',
  departments: '#/quan-tri/phong-ban',
  outbox: '#/quan-tri/hang-doi',
  import: '#/quan-tri/nhap-ho-so',
  logBook: '#/so-theo-doi',
  lookup: '#/tra-cuu',
  submit: '#/nop-truc-tuyen',
  lookupDossier: (code: string, secret: string) => `#/tra-cuu/${encodeURIComponent(code)}/${encodeURIComponent(secret)}`,
  feedbackNew: '#/gui-phan-anh',
  feedbackFollow: '#/theo-doi-phan-anh',
  feedbackFollowOne: (code: string, secret: string) => `#/theo-doi-phan-anh/${encodeURIComponent(code)}/${encodeURIComponent(secret)}`,
  feedbackInbox: '#/phan-anh-kien-nghi',
  feedback: (id: string) => `#/phan-anh-kien-nghi/${encodeURIComponent(id)}`,
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
