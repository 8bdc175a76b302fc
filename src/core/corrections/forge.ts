// The project's forge, in one place: where "open a pre-filled issue" leads. Matou itself never
// sends anything there; it only builds a link that the user may follow (and then still has to
// submit the issue on the forge's own page).

/** Framagit (GitLab). To move the project, change these lines and nothing else. */
export const FORGE = {
  name: 'Framagit',
  project: 'https://framagit.org/matou/matou',
  /** `{title}` and `{body}` are replaced by the percent-encoded title and description. */
  newIssueTemplate:
    'https://framagit.org/matou/matou/-/issues/new?issue[title]={title}&issue[description]={body}',
} as const;

/**
 * Longest link Matou builds. Browsers take far longer URLs, but forges and the proxies in front
 * of them answer 414 beyond about 8 KB (nginx's default large_client_header_buffers is 8k).
 */
export const MAX_FORGE_URL = 8000;

export const TRUNCATION_MARKER = {
  fr: '\n\n[…] (texte coupé : copiez plutôt le texte complet depuis Matou)',
  en: '\n\n[…] (text cut: copy the full text from Matou instead)',
} as const;

export interface ForgeLink {
  url: string;
  /** The description exactly as the link carries it (the body, or its beginning and the marker). */
  body: string;
  truncated: boolean;
}

/** Percent-encodes everything but the unreserved characters, so the link decodes to the exact text. */
export const encodeParam = (text: string): string => encodeURIComponent(text);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Half a character cannot be percent-encoded: it becomes U+FFFD, as the forge would show it. */
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

function build(title: string, body: string, template: string): string {
  return template.replace('{title}', encodeParam(title)).replace('{body}', encodeParam(body));
}

/** Code points, so that a cut never splits an emoji or an accented letter written in two halves. */
const codePoints = (text: string): string[] => Array.from(text);

/**
 * The new-issue link for a title and a body, at most `max` characters long. When the body does
 * not fit, it is cut (at a line end when one is near) and ends with a marker saying so.
 */
export function forgeIssueLink(
  title: string,
  body: string,
  lang: 'fr' | 'en' = 'fr',
  max: number = MAX_FORGE_URL,
  template: string = FORGE.newIssueTemplate,
): ForgeLink {
  title = wellFormed(title);
  body = wellFormed(body);
  const whole = build(title, body, template);
  if (whole.length <= max) return { url: whole, body, truncated: false };
  const marker = TRUNCATION_MARKER[lang];
  const chars = codePoints(body);
  // The longest beginning that fits with the marker (encoded length grows with the prefix).
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (build(title, chars.slice(0, mid).join('') + marker, template).length <= max) low = mid;
    else high = mid - 1;
  }
  let kept = chars.slice(0, low).join('');
  const lineEnd = kept.lastIndexOf('\n');
  if (lineEnd > kept.length * 0.8) kept = kept.slice(0, lineEnd);
  const cut = kept.trimEnd() + marker;
  const url = build(title, cut, template);
  if (url.length > max) throw new Error('the issue title alone is too long for a link');
  return { url, body: cut, truncated: true };
}
