// The one message protocol between Matou's parts. The background validates every
// message against these shapes before acting; anything else is ignored and logged.

import type { LocalizedText } from './catalogue/types';
import type { LocalCorrections, UserHost } from './corrections/local';
import type { CatalogueSummary } from './corrections/report';
import type { RankedHost, Registration } from './directory';
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
  | { type: 'import-settings'; text: string }
  /** Local corrections and what the correction form needs of the catalogue. */
  | { type: 'get-corrections' }
  /** "This page is not <service>", from the popup: the background reads the tab's page itself. */
  | { type: 'exclude-page'; tabId: number }
  | { type: 'add-correction'; correction: CorrectionInput }
  /** With `tabId` (from the popup), the answer is that tab's popup state. */
  | { type: 'remove-correction'; id: string; tabId?: number }
  /** The tab's full page address, asked only when the user ticks "include the page address". */
  | { type: 'get-page-url'; tabId: number };

/** A local correction as the views send it; the background checks it against the catalogue. */
export type CorrectionInput =
  | { kind: 'exclusion'; service: string; host: string; path?: string }
  | { kind: 'user-host'; category: string; name: string; url: string; registration: Registration; place?: string };

export interface CorrectionsState {
  corrections: LocalCorrections;
  catalogue: CatalogueSummary;
  /** Matou's version, for the report's last line. */
  version: string;
}

export interface PageUrlAnswer {
  /** null when the tab shows no page Matou watches (or no longer exists). */
  url: string | null;
}

/** The user's "this page is not <service>" that keeps Matou quiet on a tab. */
export interface ExclusionView {
  id: string;
  service: { id: string; name: string };
  host: string;
  path?: string;
}

export type DirectoryOrigin = 'bundled' | 'downloaded';

export interface DirectoryStatus {
  /** When the directory copy in use was built, ISO date-time. */
  builtAt: string;
  /** When the directory's content last changed, as its publisher recorded it (absent when the copy does not say). */
  changedAt?: string;
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
  /** Hosts the user added on this device for the detected need, shown marked "added by you". */
  userHosts: UserHost[];
  /** Set when the page is catalogued but the user said it is not that service (then `detection` is null). */
  excludedBy: ExclusionView | null;
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
  /** Local corrections (absent from files written before they existed). */
  corrections?: LocalCorrections;
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
    case 'get-corrections':
      return { type: raw.type };
    case 'exclude-page':
    case 'get-page-url':
      return isTabId(raw.tabId) ? { type: raw.type, tabId: raw.tabId } : null;
    case 'add-correction': {
      const correction = parseCorrectionInput(raw.correction);
      return correction ? { type: raw.type, correction } : null;
    }
    case 'remove-correction':
      if (!isShortString(raw.id, 3000)) return null;
      return raw.tabId === undefined || isTabId(raw.tabId)
        ? { type: raw.type, id: raw.id, ...(raw.tabId === undefined ? {} : { tabId: raw.tabId }) }
        : null;
    default:
      return null;
  }
}

const REGISTRATION_VALUES: readonly string[] = ['none', 'free', 'member', 'client', 'unknown'];

/** The shape of a correction the views send; the background then checks the values themselves. */
function parseCorrectionInput(raw: unknown): CorrectionInput | null {
  if (!isObject(raw)) return null;
  if (raw.kind === 'exclusion') {
    if (!isShortString(raw.service, 80) || !isShortString(raw.host, 253)) return null;
    if (raw.path !== undefined && !isShortString(raw.path, 512)) return null;
    return { kind: 'exclusion', service: raw.service, host: raw.host, ...(raw.path === undefined ? {} : { path: raw.path }) };
  }
  if (raw.kind === 'user-host') {
    if (!isShortString(raw.category, 80) || !isShortString(raw.name, 200) || !isShortString(raw.url, 2048)) return null;
    if (typeof raw.registration !== 'string' || !REGISTRATION_VALUES.includes(raw.registration)) return null;
    if (raw.place !== undefined && !isShortString(raw.place, 200)) return null;
    return {
      kind: 'user-host',
      category: raw.category,
      name: raw.name,
      url: raw.url,
      registration: raw.registration as Registration,
      ...(raw.place === undefined ? {} : { place: raw.place }),
    };
  }
  return null;
}
