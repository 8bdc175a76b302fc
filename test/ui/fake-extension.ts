// The extension's world for component tests: @webext-core/fake-browser, plus the one thing it
// lacks, `i18n`, answered from the real public/_locales files (named placeholders and `$1`
// substitutions as the browsers resolve them). Test files wire it with:
//   vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeBrowser }));
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser as base } from '@webext-core/fake-browser';

export type Language = 'fr' | 'en';
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const localesDir = resolve(import.meta.dirname, '../../public/_locales');
export const MESSAGES: Record<Language, Messages> = {
  fr: JSON.parse(readFileSync(resolve(localesDir, 'fr/messages.json'), 'utf8')) as Messages,
  en: JSON.parse(readFileSync(resolve(localesDir, 'en/messages.json'), 'utf8')) as Messages,
};

let language: Language = 'fr';

/** The browser's UI language for the following renders (French is the default locale). */
export function setLanguage(next: Language): void {
  language = next;
}

export function getMessage(key: string, substitutions?: string | string[]): string {
  // Like the browsers: the UI language first, then the default locale, else an empty string.
  const entry = MESSAGES[language][key] ?? MESSAGES.fr[key];
  if (!entry) return '';
  const list =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const substitute = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toUpperCase(), value]),
  );
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
      const placeholder = placeholders[name.toUpperCase()];
      return placeholder ? substitute(placeholder.content) : '';
    })
    .replace(/\$\$/g, '$');
}

/** The host permissions the fake browser holds, and the user's answer to the next prompts. */
export const hostAccess = { granted: new Set<string>(), grants: true };
export function resetHostAccess(): void {
  hostAccess.granted = new Set(['https://matou.frama.io/*']);
  hostAccess.grants = true;
}
resetHostAccess();

/** The fake browser, with `i18n` and host `permissions`. */
export const fakeBrowser = Object.assign(base, {
  permissions: {
    async request({ origins = [] }: { origins?: string[] }) {
      if (!hostAccess.grants) return false;
      for (const origin of origins) hostAccess.granted.add(origin);
      return true;
    },
    contains: async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((origin) => hostAccess.granted.has(origin)),
    async remove({ origins = [] }: { origins?: string[] }) {
      for (const origin of origins) hostAccess.granted.delete(origin);
      return true;
    },
  },
  i18n: {
    getMessage,
    getUILanguage: () => (language === 'fr' ? 'fr-FR' : 'en-GB'),
  },
});
