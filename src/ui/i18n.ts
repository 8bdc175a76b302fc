// Strings for the views, from public/_locales through the platform layer.
import { message, uiLanguage } from '../platform/i18n';
import type { LocalizedText } from '../core/catalogue/types';

/** The browser's UI language, as Matou speaks it (French unless the browser is not in French). */
export const lang = (): 'fr' | 'en' => uiLanguage();

export function t(key: string, substitutions?: string | string[]): string {
  return message(key, substitutions);
}

/** Catalogue texts carry both languages; pick the browser's. */
export function pick(text: LocalizedText): string {
  return text[lang()];
}

/** "22 novembre 2026" / "November 22, 2026"; the raw text if it is not a date. */
export function formatDate(iso: string, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(
    lang(),
    withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' },
  ).format(date);
}

/** Sets the document's language and title, for screen readers and the tab strip. */
export function labelDocument(titleKey: string): void {
  document.documentElement.lang = lang();
  document.title = t(titleKey);
}

/** What went wrong, as the views show it inside "actionFailed" and similar messages. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
