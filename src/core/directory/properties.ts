// ChatonsInfos files are Java `.properties` files. Parsing is delegated to `dot-properties`
// (comments `#`/`!`, `=`, `:` or blank separators, escapes including `\uXXXX`, line
// continuations); this module only decides whether a text is such a file at all, strips a
// UTF-8 BOM, and collects the pairs into a Map (last value wins, no prototype keys).

import { parseLines } from 'dot-properties';

export type PropertiesMap = ReadonlyMap<string, string>;

export type PropertiesResult =
  { ok: true; properties: PropertiesMap } | { ok: false; code: 'empty' | 'not-properties'; reason: string };

/** First words of keys in ChatonsInfos / StatoolInfos files. */
const SECTIONS = /^(?:file|federation|organization|service|software|host|subs|metrics)\./;

export const MAX_KEY_LENGTH = 256;
export const MAX_VALUE_LENGTH = 16_384;

/**
 * Parses the text of a ChatonsInfos file. Refuses (never throws) an empty file, an HTML or
 * JSON page (a web server's error page served with status 200, say), binary data, and any
 * text in which no key belongs to a ChatonsInfos section.
 */
export function parseProperties(input: string): PropertiesResult {
  if (typeof input !== 'string') return { ok: false, code: 'not-properties', reason: 'not text' };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const head = text.slice(0, 2048).trimStart();
  if (head.length === 0) return { ok: false, code: 'empty', reason: 'empty file' };
  if (head.includes('\u0000')) return { ok: false, code: 'not-properties', reason: 'binary data' };
  if (/^</.test(head) || /<(?:!doctype|html|head|body)\b/i.test(head)) {
    return { ok: false, code: 'not-properties', reason: 'an HTML or XML page, not a properties file' };
  }
  if (/^[{[]/.test(head)) return { ok: false, code: 'not-properties', reason: 'JSON, not a properties file' };

  let lines: Array<string | string[]>;
  try {
    lines = parseLines(text, false);
  } catch (error) {
    return { ok: false, code: 'not-properties', reason: `unreadable: ${String(error).slice(0, 200)}` };
  }
  const properties = new Map<string, string>();
  let pairs = 0;
  for (const line of lines) {
    if (!Array.isArray(line)) continue;
    const [rawKey, rawValue] = line;
    if (typeof rawKey !== 'string' || typeof rawValue !== 'string') continue;
    pairs += 1;
    const key = rawKey.trim();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) continue;
    properties.set(key, rawValue.length > MAX_VALUE_LENGTH ? rawValue.slice(0, MAX_VALUE_LENGTH) : rawValue);
  }
  if (pairs === 0) return { ok: false, code: 'empty', reason: 'no key = value line' };
  for (const key of properties.keys()) {
    if (SECTIONS.test(key)) return { ok: true, properties };
  }
  return {
    ok: false,
    code: 'not-properties',
    reason: 'no ChatonsInfos key (file., organization., service., subs.…)',
  };
}

/** The `subs.<id> = <url>` lines of a federation or organisation file, in file order. */
export function subsOf(properties: PropertiesMap): Array<{ id: string; ref: string }> {
  const out: Array<{ id: string; ref: string }> = [];
  for (const [key, value] of properties) {
    if (!key.startsWith('subs.')) continue;
    const id = key.slice(5).trim();
    const ref = value
      .trim()
      .replace(/^(['"])(.*)\1$/, '$2')
      .trim();
    if (id.length > 0 && ref.length > 0) out.push({ id, ref });
  }
  return out;
}
