// What the privacy and directory-refresh tests of both browsers share: the pages browsed, and a
// directory snapshot published at the fake web that records what each request carried.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import type { FakeWeb, SeenRequest } from '../../scripts/lib/browsers/fake-web';

/** Ten catalogued pages and ten others. */
export const PAGES = [
  'https://mail.google.com/mail/u/0/',
  'https://docs.google.com/document/d/1abc/edit',
  'https://docs.google.com/spreadsheets/d/1abc/edit',
  'https://drive.google.com/drive/my-drive',
  'https://meet.google.com/abc-defg-hij',
  'https://www.youtube.com/watch?v=abc',
  'https://zoom.us/j/123456789',
  'https://discord.com/channels/@me',
  'https://teams.microsoft.com/',
  'https://trello.com/b/abc/board',
  'https://example.org/',
  'https://www.example.org/about',
  'https://evil.example/?u=https://mail.google.com/',
  'https://mail.google.com.evil.example/',
  'https://news.example.net/article',
  'https://shop.example.com/cart',
  'https://wiki.example.org/Chat',
  'https://blog.example/2026/11',
  'https://forum.example.net/t/1',
  'https://maps.example.com/place',
];

/** "host/path?query" of each page: what the fake web may see while they are browsed. */
export const PAGE_REQUESTS = new Set(
  PAGES.map((url) => `${new URL(url).host}${new URL(url).pathname}${new URL(url).search}`),
);

/**
 * Requests the browser makes of its own accord, with or without any extension, which the fake
 * web sees because every hostname resolves to it: not Matou's, so not counted. Each is named
 * precisely (host and path), so that nothing Matou could send hides behind it.
 * - Chromium checks the Google account on Google pages (accounts.google.com/ListAccounts).
 * - Firefox polls its Remote Settings (firefox.settings.services.mozilla.com/v1/…).
 */
export function isBrowsersOwn(request: Pick<SeenRequest, 'host' | 'path'>): boolean {
  if (request.host === 'accounts.google.com') return /^\/ListAccounts(\?|$)/.test(request.path);
  if (request.host === FIREFOX_REMOTE_SETTINGS) return request.path.startsWith('/v1/');
  return false;
}

const FIREFOX_REMOTE_SETTINGS = 'firefox.settings.services.mozilla.com';

/** The same, for a connection through the proxy (only the host is known there). */
export function isBrowsersOwnConnection(target: string): boolean {
  return target === `${FIREFOX_REMOTE_SETTINGS}:443`;
}

export const ETAG = '"published-1"';

export interface SeenDownload {
  host: string;
  method: string;
  ifNoneMatch?: string;
  cookie?: string;
  referer?: string;
  origin?: string;
  headers: IncomingHttpHeaders;
}

/** Serves a newer copy of the bundled snapshot at `path`, with an ETag, answering 304 to a matching If-None-Match. */
export function publish(
  web: FakeWeb,
  dist: string,
  path: string,
  builtAt: string,
  headers: Record<string, string>,
): SeenDownload[] {
  const bundled = JSON.parse(readFileSync(join(dist, 'directory/snapshot.json'), 'utf8')) as object;
  const seen: SeenDownload[] = [];
  const body = JSON.stringify({ ...bundled, builtAt });
  web.route(path, (request, response) => {
    const { 'if-none-match': ifNoneMatch, cookie, referer, origin } = request.headers;
    seen.push({
      host: (request.headers.host ?? '').replace(/:\d+$/, ''),
      method: request.method ?? '',
      ifNoneMatch,
      cookie,
      referer,
      origin,
      headers: request.headers,
    });
    if (request.method === 'OPTIONS') return void response.writeHead(204, headers).end();
    if (ifNoneMatch === ETAG) return void response.writeHead(304, { ...headers, etag: ETAG }).end();
    response.writeHead(200, { ...headers, 'content-type': 'application/json', etag: ETAG }).end(body);
  });
  return seen;
}

/** The CORS headers a custom source serves so that Chromium (no host permission there) may read it. */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'If-None-Match',
  'access-control-expose-headers': 'ETag',
};
