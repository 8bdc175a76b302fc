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
