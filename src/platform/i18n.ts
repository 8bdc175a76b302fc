// UI strings come from public/_locales (French by default, English too), following the browser.
import browser from './browser';

export type UiLanguage = 'fr' | 'en';

/**
 * The language of the messages the browser actually picked from public/_locales. Not
 * getUILanguage(): a Chromium without its French locale files answers "fr-FR" in pages and
 * "en-US" in the worker while serving the English messages; catalogue texts and place names
 * must follow the messages, whatever the browser claims.
 */
export function uiLanguage(): UiLanguage {
  return browser.i18n.getMessage('languageCode') === 'en' ? 'en' : 'fr';
}

export function message(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
