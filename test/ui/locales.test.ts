// Every string the views and the badge ask for exists in French and in English, with the same
// placeholders; no message is empty. French is the default locale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './fake-extension';
import manifest from '../../manifest.json';

const root = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Keys named in the code: t('key'), message('key'), and the values of the *_KEYS tables. */
function keysUsed(): Set<string> {
  const keys = new Set<string>();
  const sources = [
    ...files(join(root, 'src/popup')),
    ...files(join(root, 'src/options')),
    ...files(join(root, 'src/ui')),
    join(root, 'src/core/badge.ts'),
  ];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(match[1]!);
    for (const match of text.matchAll(/\bt\('([A-Za-z0-9_]+)',/g)) keys.add(match[1]!);
    for (const table of text.matchAll(/_KEYS[^=]*=\s*\{([^}]*)\}/g)) {
      for (const match of table[1]!.matchAll(/:\s*'([A-Za-z0-9_]+)'/g)) keys.add(match[1]!);
    }
    for (const match of text.matchAll(/labelDocument\('([A-Za-z0-9_]+)'\)/g)) keys.add(match[1]!);
    for (const match of text.matchAll(/\bt\(`([A-Za-z0-9_]+)\$\{mode\}`\)/g))
      for (const mode of ['weekly', 'manual', 'off']) keys.add(match[1]! + mode);
  }
  for (const match of readFileSync(join(root, 'src/core/badge.ts'), 'utf8').matchAll(
    /'(badgeTitle[A-Za-z]+)'/g,
  ))
    keys.add(match[1]!);
  for (const match of readFileSync(join(root, 'src/platform/i18n.ts'), 'utf8').matchAll(
    /getMessage\('([A-Za-z0-9_]+)'\)/g,
  ))
    keys.add(match[1]!);
  for (const match of JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(match[1]!);
  return keys;
}

describe('locales', () => {
  const used = keysUsed();

  it('finds the keys the code uses (the scan itself works)', () => {
    expect(used.size).toBeGreaterThan(100);
    expect(used).toContain('snoozeSite');
    expect(used).toContain('accessMember');
    expect(used).toContain('refreshMode_off');
    expect(used).toContain('importProblemRegion');
    expect(used).toContain('languageCode');
  });

  it('each file names its own language (views and place names follow the messages picked)', () => {
    expect(MESSAGES.fr.languageCode?.message).toBe('fr');
    expect(MESSAGES.en.languageCode?.message).toBe('en');
  });

  it.each(['fr', 'en'] as const)('%s has every key the code uses, none empty', (lang) => {
    const missing = [...used].filter((key) => !MESSAGES[lang][key]?.message);
    expect(missing).toEqual([]);
  });

  it.each(['fr', 'en'] as const)(
    '%s has no two keys that differ only by case (browsers read them case-insensitively)',
    (lang) => {
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const key of Object.keys(MESSAGES[lang])) {
        const other = seen.get(key.toLowerCase());
        if (other) clashes.push(`${other} / ${key}`);
        seen.set(key.toLowerCase(), key);
      }
      expect(clashes).toEqual([]);
    },
  );

  it('French and English have the same keys and the same placeholders', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.fr).sort());
    for (const key of Object.keys(MESSAGES.fr)) {
      const fr = MESSAGES.fr[key]!;
      const en = MESSAGES.en[key]!;
      expect(en.placeholders ?? {}, key).toEqual(fr.placeholders ?? {});
      for (const message of [fr.message, en.message]) {
        for (const [, name] of message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
          expect(
            Object.keys(fr.placeholders ?? {}).map((n) => n.toUpperCase()),
            `${key}: $${name}$`,
          ).toContain(name!.toUpperCase());
        }
      }
    }
  });

  it('no message is left unused (keeps the files honest)', () => {
    const unused = Object.keys(MESSAGES.fr).filter((key) => !used.has(key));
    expect(unused).toEqual([]);
  });
});
