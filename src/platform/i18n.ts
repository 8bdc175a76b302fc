// UI strings come from public/_locales (French by default, English too), following the browser.
import browser from './browser';

export type UiLanguage = 'fr' | 'en';

export function uiLanguage(): UiLanguage {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function message(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
