// The directory's own identifiers and source references; its text and URLs are cleaned by the
// shared rules of src/core/text.ts (re-exported here for the pipeline's modules).
import { CONTROLS_G, isCleanText, isHttpUrl, LONE_SURROGATE_G, MAX_URL_LENGTH } from '../text';

export { cleanText, httpUrl, isCanonicalHttpUrl, isCleanText, isHttpUrl, MAX_URL_LENGTH } from '../text';

/**
 * A stable identifier from a `subs.<id>` key or a name: lower case ASCII letters, digits,
 * `.`, `_`, `-`; at most 64 characters; `x` when nothing is left.
 */
export function makeId(raw: string): string {
  const id = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return id.length > 0 ? id : 'x';
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * Where an entry was read: an http(s) URL, or a file path (relative to the federation file) with
 * no scheme, so that nothing can ever turn it into a `javascript:` link.
 */
export function isSourceRef(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_URL_LENGTH &&
    (value.includes(':') ? isHttpUrl(value) : !/\s/.test(value) && isCleanText(value))
  );
}

/** Makes any crawler location a valid source reference (spaces, colons and controls escaped). */
export function toSourceRef(raw: string): string {
  if (isSourceRef(raw)) return raw;
  const fixed = raw
    .replace(CONTROLS_G, '')
    .replace(LONE_SURROGATE_G, '')
    .replace(/[\s:%]/g, (c) => encodeURIComponent(c))
    .slice(0, MAX_URL_LENGTH);
  return isSourceRef(fixed) ? fixed : 'unknown';
}

// Links in the trust facts that sit on the organisation's own website (its legal notice, its
// contact page: most of them) are written as a path, `/mentions-legales`, and read back against
// the website's origin: the origin is stored once per organisation instead of once per link.

const ORIGIN = /^https?:\/\/[^/?#]+/;
/** A host that cannot be anyone's (RFC 2606), to check a path's form on its own. */
const ANY_SITE = 'https://site.invalid';

/** A path-absolute reference (`/cgu`, `/aide?x=1`) in the form `httpUrl` keeps, never `//host`. */
export function isSitePath(value: string): boolean {
  return (
    value.charCodeAt(0) === 0x2f &&
    value.charCodeAt(1) !== 0x2f &&
    value.length <= MAX_URL_LENGTH - ANY_SITE.length &&
    isHttpUrl(`${ANY_SITE}${value}`)
  );
}

/** A trust-fact link as stored: an absolute http(s) URL, or a path on the organisation's website. */
export function isFactLink(value: string): boolean {
  return value.charCodeAt(0) === 0x2f ? isSitePath(value) : isHttpUrl(value);
}

/** How the build stores `url`: as a path when it is on `website`'s origin, else as it is. */
export function factLink(url: string, website: string | undefined): string {
  const origin = website === undefined ? undefined : ORIGIN.exec(website)?.[0];
  if (origin === undefined || !url.startsWith(`${origin}/`)) return url;
  const path = url.slice(origin.length);
  return isSitePath(path) && resolveFactLink(path, website) === url ? path : url;
}

/** A stored link as an absolute URL (a path needs the organisation's website), or undefined. */
export function resolveFactLink(link: string, website: string | undefined): string | undefined {
  if (link.charCodeAt(0) !== 0x2f) return isHttpUrl(link) ? link : undefined;
  const origin = website === undefined ? undefined : ORIGIN.exec(website)?.[0];
  if (origin === undefined || link.charCodeAt(1) === 0x2f) return undefined;
  // Checked whole: a valid origin and a valid path make a valid URL, but this is cheap to prove.
  const url = `${origin}${link}`;
  return isHttpUrl(url) ? url : undefined;
}
