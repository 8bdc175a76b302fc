// Reading the host and path of a web URL, as a browser would, fast.
//
// The fast path reads plain `http(s)://host[:port]/path` strings with a single scan of the
// authority. Anything it is not sure to read exactly as the WHATWG URL parser does (a
// percent sign, a non-ASCII letter, a backslash, a tab, an IPv6 literal, a punycode label, a
// dot segment in the path…) goes to `new URL`, which is always right and ~3x slower.

/** A web URL's host (lower case, no trailing dot) and path (without query or fragment). */
export interface WebLocation {
  host: string;
  path: string;
}

/** What the fast scan found. `pathStart` is where the path begins in the original string. */
export interface FastHost {
  host: string;
  pathStart: number;
}

/** The fast scan could not decide: use `parseWebUrlSlow`. */
export const UNSURE = 1;
/** Not a web URL (another scheme, no host, invalid): never classified. */
export const NOT_WEB = 0;

const SLASH = 47;
const QUESTION = 63;
const HASH = 35;
const BACKSLASH = 92;
const AT = 64;
const COLON = 58;
const DOT = 46;
const PERCENT = 37;

function isTabOrNewline(c: number): boolean {
  return c === 9 || c === 10 || c === 13;
}

/**
 * Reads the host of an `http:` or `https:` URL without allocating more than the host string.
 * Returns `NOT_WEB` when the URL is surely not a web URL with a host, `UNSURE` when only the
 * full parser can tell.
 */
export function scanHost(url: string): FastHost | typeof UNSURE | typeof NOT_WEB {
  const n = url.length;
  if (n < 8) return n === 0 ? NOT_WEB : UNSURE;
  const c0 = url.charCodeAt(0);
  if (c0 <= 0x20) return UNSURE; // leading spaces and controls are stripped by the parser
  if ((c0 | 0x20) !== 0x68) return NOT_WEB; // a scheme not starting with "h" is not http(s)
  // "ttp", optional "s", then ":"
  let i = 1;
  for (; i < 4; i++) {
    const t = url.charCodeAt(i);
    if ((t | 0x20) !== (i === 3 ? 0x70 : 0x74)) return isTabOrNewline(t) ? UNSURE : NOT_WEB;
  }
  let c = url.charCodeAt(i);
  if ((c | 0x20) === 0x73) c = url.charCodeAt(++i);
  if (c !== COLON) return isTabOrNewline(c) ? UNSURE : NOT_WEB;
  if (url.charCodeAt(i + 1) !== SLASH || url.charCodeAt(i + 2) !== SLASH) return UNSURE;
  i += 3;

  let hostStart = i;
  let colon = -1;
  let upper = false;
  let dash = false;
  let odd = false;
  // Most frequent characters first: this loop is most of the classifier's time.
  for (; i < n; i++) {
    c = url.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c === DOT || (c >= 48 && c <= 57)) continue;
    if (c === SLASH || c === QUESTION || c === HASH) break;
    if (c === 45) {
      dash = true;
      continue;
    }
    if (c >= 65 && c <= 90) {
      upper = true;
      continue;
    }
    if (c === AT) {
      // Everything before the last "@" of the authority is user information.
      hostStart = i + 1;
      colon = -1;
      upper = false;
      dash = false;
      odd = false;
      continue;
    }
    if (c === BACKSLASH) return UNSURE;
    if (c === COLON && colon < 0) {
      colon = i;
      continue;
    }
    odd = true;
  }
  if (odd) return UNSURE;
  let hostEnd = i;
  if (colon >= 0) {
    const digits = i - colon - 1;
    if (digits > 5) return UNSURE;
    for (let j = colon + 1; j < i; j++) {
      const d = url.charCodeAt(j);
      if (d < 48 || d > 57) return UNSURE;
    }
    if (digits === 5 && Number(url.slice(colon + 1, i)) > 65535) return UNSURE;
    hostEnd = colon;
  }
  if (hostEnd > hostStart && url.charCodeAt(hostEnd - 1) === DOT) hostEnd--;
  if (hostEnd <= hostStart) return UNSURE;
  // A last label starting with a digit makes the host an IPv4 address for the parser
  // ("0", "65536", "0x7f.1"): never a catalogued host, but only the parser reads it right.
  let lastLabel = hostEnd - 1;
  while (lastLabel > hostStart && url.charCodeAt(lastLabel - 1) !== DOT) lastLabel--;
  const first = url.charCodeAt(lastLabel);
  if (first >= 48 && first <= 57) return UNSURE;
  let host = url.slice(hostStart, hostEnd);
  if (upper) host = host.toLowerCase();
  // Punycode labels are validated by the parser (an invalid one makes the URL invalid).
  if (dash && host.includes('xn--')) return UNSURE;
  return { host, pathStart: i };
}

/**
 * The path that starts at `start` (up to `?` or `#`), or `null` when the parser would rewrite
 * it (dot segments, backslashes, tabs, controls, encoded dots, characters it percent-encodes),
 * so only `new URL` can tell.
 */
export function scanPath(url: string, start: number): string | null {
  const n = url.length;
  if (start >= n) return '/';
  let end = start;
  for (; end < n; end++) {
    const c = url.charCodeAt(end);
    if (c === QUESTION || c === HASH) break;
    // Characters the parser rewrites in a path: controls and space (stripped or encoded),
    // backslash (a slash), non-ASCII and " < > ` { } (percent-encoded).
    if (
      c <= 0x20 ||
      c >= 0x7f ||
      c === BACKSLASH ||
      c === 34 ||
      c === 60 ||
      c === 62 ||
      c === 96 ||
      c === 123 ||
      c === 125
    )
      return null;
    if (c === DOT && url.charCodeAt(end - 1) === SLASH) return null;
    if (c === PERCENT && url.charCodeAt(end + 1) === 50 && (url.charCodeAt(end + 2) | 0x20) === 0x65)
      return null;
  }
  if (end === start) return '/';
  return url.slice(start, end);
}

/** The full, always-correct reading: the WHATWG URL parser. Never throws. */
export function parseWebUrlSlow(url: string): WebLocation | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  let host = parsed.hostname;
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return null;
  return { host, path: parsed.pathname };
}

/** The host and path of a web URL, or `null` when it is not one. Never throws. */
export function parseWebUrl(url: string): WebLocation | null {
  if (typeof url !== 'string') return null;
  const fast = scanHost(url);
  if (fast === NOT_WEB) return null;
  if (fast !== UNSURE) {
    const path = scanPath(url, fast.pathStart);
    if (path !== null) return { host: fast.host, path };
  }
  return parseWebUrlSlow(url);
}
