// Strings for the views, from public/_locales through the platform layer.
import { message, uiLanguage } from '../platform/i18n';
import type { LocalizedText } from '../core/catalogue/types';

export const lang = uiLanguage();

export function t(key: string, substitutions?: string | string[]): string {
  return message(key, substitutions);
}

/** Catalogue texts carry both languages; pick the browser's. */
export function pick(text: LocalizedText): string {
  return text[lang];
}
