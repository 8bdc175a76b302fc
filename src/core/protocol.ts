// The one message protocol between Matou's parts. The background validates every
// message against these shapes before acting; anything else is ignored and logged.

import type { LocalizedText } from './catalogue/types';
import type { RankedHost } from './directory';
import type { RefreshMode, Settings } from './settings';

/** Longest URL a content script may report; real pages stay far below. */
export const MAX_REPORTED_URL = 8192;

// ---- content script -> background -------------------------------------------------

export interface PageReport {
  type: 'page';
  url: string;
}

// ---- background -> content script -------------------------------------------------

/** Asked when the popup opens, to be sure the tab still shows the page we classified. */
export interface CurrentUrlQuery {
  type: 'current-url';
}

// ---- extension pages (popup, options) -> background --------------------------------

export type PageRequest =
  | { type: 'get-popup-state'; tabId: number }
  | { type: 'get-options-state' }
  | { type: 'set-region'; region: string | null; skipped?: boolean }
  /** The popup showed its one gentle "where are you?" after a skipped first run: not again. */
  | { type: 'dismiss-region-prompt' }
  | { type: 'set-directory-source'; url: string }
  | { type: 'set-refresh-mode'; mode: RefreshMode }
  | { type: 'refresh-directory' }
  | { type: 'snooze-site'; host: string; tabId?: number }
  | { type: 'ignore-site'; host: string; tabId?: number }
  | { type: 'unignore-site'; host: string }
  | { type: 'export-settings' }
  | { type: 'import-settings'; text: string };

export type DirectoryOrigin = 'bundled' | 'downloaded';

export interface DirectoryStatus {
  /** When the directory copy in use was built, ISO date-time. */
  builtAt: string;
  /** Where that copy came from (bundled with this version, or downloaded from `sourceUrl`). */
  origin: DirectoryOrigin;
  sourceDescription: string;
  counts: { organizations: number; services: number };
  lastCheck: null | {
    at: string;
    result: 'updated' | 'not-modified' | 'failed' | 'rejected';
    reason?: string;
  };
}

export interface SoftwareView {
  id: string;
  name: string;
  website: string;
  licence: string;
  fitNote: LocalizedText | null;
}

export interface Detection {
  service: { id: string; name: string; owner: string };
  category: { id: string; label: LocalizedText };
  host: string;
  /** Why Matou stays silent here, if it does. */
  silenced: null | 'snoozed' | 'ignored';
}

/** A ranked host as the popup shows it: the place already put in words, in the UI language. */
export interface HostView extends RankedHost {
  /** "Rennes, Ille-et-Vilaine (35)", "Bretagne", "Belgique"…; null when the place is unknown. */
  placeLabel: string | null;
}

/** The region the hosts were ranked for, and whether the user chose it or Matou guessed it. */
export interface RankedFor {
  code: string;
  label: string;
  guessed: boolean;
}

export interface PopupState {
  tabId: number;
  detection: Detection | null;
  /** Free software for the detected need (empty when nothing is detected). */
  alternatives: SoftwareView[];
  /** CHATONS hosts for the need, ranked for the region, nearest first. */
  hosts: HostView[];
  region: string | null;
  regionPrompt: Settings['regionPrompt'];
  rankedFor: RankedFor;
  directory: DirectoryStatus;
  refreshMode: RefreshMode;
}

export interface OptionsState {
  settings: Settings;
  directory: DirectoryStatus;
  defaultDirectoryUrl: string;
  /** What the browser's languages and time zone suggest, proposed (never imposed) on first run. */
  guessedRegion: string;
}

/** The file "export settings" writes, and the shape "import settings" reads best. */
export interface SettingsExport {
  format: 'matou-settings';
  exportedAt: string;
  settings: Settings;
}

export interface ImportResult {
  ok: boolean;
  /**
   * What could not be imported, as codes the options page puts in words (`notJson`, `notSettings`,
   * `region`, `directory.url`, `ignoredSites[]`…); everything else in the file was applied.
   */
  problems: string[];
  settings: Settings;
}

// ---- validation -----------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isShortString = (value: unknown, max = 2048): value is string => typeof value === 'string' && value.length <= max;
const isTabId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function parsePageReport(raw: unknown): PageReport | null {
  if (!isObject(raw) || raw.type !== 'page' || !isShortString(raw.url, MAX_REPORTED_URL)) return null;
  return { type: 'page', url: raw.url };
}

export function parsePageRequest(raw: unknown): PageRequest | null {
  if (!isObject(raw) || typeof raw.type !== 'string') return null;
  switch (raw.type) {
    case 'get-popup-state':
      return isTabId(raw.tabId) ? { type: raw.type, tabId: raw.tabId } : null;
    case 'get-options-state':
    case 'dismiss-region-prompt':
    case 'refresh-directory':
    case 'export-settings':
      return { type: raw.type };
    case 'set-region':
      if (raw.region !== null && !isShortString(raw.region, 16)) return null;
      return { type: raw.type, region: raw.region, skipped: raw.skipped === true };
    case 'set-directory-source':
      return isShortString(raw.url) ? { type: raw.type, url: raw.url } : null;
    case 'set-refresh-mode':
      return raw.mode === 'weekly' || raw.mode === 'manual' || raw.mode === 'off' ? { type: raw.type, mode: raw.mode } : null;
    case 'snooze-site':
    case 'ignore-site':
      if (!isShortString(raw.host, 253)) return null;
      return raw.tabId === undefined || isTabId(raw.tabId)
        ? { type: raw.type, host: raw.host, ...(raw.tabId === undefined ? {} : { tabId: raw.tabId }) }
        : null;
    case 'unignore-site':
      return isShortString(raw.host, 253) ? { type: raw.type, host: raw.host } : null;
    case 'import-settings':
      return isShortString(raw.text, 1_000_000) ? { type: raw.type, text: raw.text } : null;
    default:
      return null;
  }
}
