// Untrusted text and addresses (from the directory, an imported file, a form) are cleaned into
// plain, bounded text (never interpreted as HTML), and only http(s) addresses survive. The one
// place for both: the directory pipeline, local corrections, settings and the views' links.

/** C0/C1 controls, zero-width and bidirectional formatting characters, BOM, interlinear annotations. */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;
export const CONTROLS_G = new RegExp(CONTROLS.source, 'g');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const LONE_SURROGATE_G = new RegExp(LONE_SURROGATE.source, 'g');

/** True when the text holds no control, invisible-formatting character or lone surrogate. */
export function isCleanText(text: string): boolean {
  return !CONTROLS.test(text) && !LONE_SURROGATE.test(text);
}

/**
 * Plain one-line text: whitespace controls become spaces, other controls and invisible
 * formatting characters go, runs of spaces collapse, and the result is cut at `max` characters
 * (code points; an ellipsis marks the cut). HTML is left as it is: it is text, shown as text.
 * Returns undefined for a non-string or a string that is empty once cleaned.
 */
export function cleanText(raw: unknown, max: number): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // Bound the work before anything else: a hostile value can be megabytes long.
  let text = raw.length > max * 4 + 64 ? raw.slice(0, max * 4 + 64) : raw;
  text = text
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
    .replace(CONTROLS_G, '')
    .replace(LONE_SURROGATE_G, '\ufffd')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length === 0) return undefined;
  const points = Array.from(text);
  if (points.length > max) {
    text =
      max <= 1
        ? points.slice(0, max).join('')
        : points
            .slice(0, max - 1)
            .join('')
            .trimEnd() + '…';
  }
  if (text.length === 0) return undefined;
  return text;
}

export const MAX_URL_LENGTH = 2048;

/**
 * An absolute `http:` or `https:` URL in its normalised form, or undefined. A bare host name
 * (`pad.example.org`, `pad.example.org/x`) is read as `https://`. Anything with another scheme
 * (`javascript:`, `data:`, `file:`…), credentials, no host, spaces or controls is refused.
 */
export function httpUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_URL_LENGTH || !isCleanText(text) || /\s/.test(text))
    return undefined;
  let candidate = text;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (
      !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?(?:[/?#]|$)/i.test(
        text,
      )
    ) {
      return undefined;
    }
    candidate = `https://${text}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  const href = url.href;
  return href.length <= MAX_URL_LENGTH ? href : undefined;
}

/**
 * URLs already in the form the URL parser gives back: `http(s)://`, a lower-case ASCII host
 * whose last label starts with a letter (so never an IPv4 address to rewrite), no punycode,
 * port, dot segment, percent sign, backslash, quote or fragment. For those,
 * `new URL(s).href === s`; anything else goes through the parser. (Only a speed-up: a test
 * checks the equality on generated URLs.) One pattern tested without captures, as it runs on every
 * URL of a directory: the lookahead bounds the host to 253 characters, the labels exclude `..`;
 * `xn--` is refused anywhere, which is stricter than needed (such a URL goes through the parser).
 */
const CANONICAL =
  /^https?:\/\/(?=[a-z0-9.-]{1,253}\/)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]\/[\w\-.~!$&()*+,;=:@/]*(?:\?[\w\-.~!$&()*+,;=:@/?]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?]|$)/;

export function isCanonicalHttpUrl(value: string): boolean {
  return CANONICAL.test(value) && !value.includes('xn--') && !DOT_SEGMENT.test(value);
}

/** True for a string `httpUrl` keeps as it is (the schema's test for stored URLs). */
export function isHttpUrl(value: string): boolean {
  if (value.length <= MAX_URL_LENGTH && isCanonicalHttpUrl(value)) return true;
  return httpUrl(value) === value;
}
