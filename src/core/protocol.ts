// The one message protocol between Matou's parts: what each request carries, the one answer it
// gets, and the schemas the background parses every message with before acting (anything else
// is ignored and logged). A handler that answers the wrong type does not typecheck.
import * as v from 'valibot';
import type { LocalizedText } from './catalogue/types';
import type { LocalCorrections, UserHost } from './corrections/local';
import type { CatalogueSummary } from './corrections/report';
import { REGISTRATIONS } from './directory/schema';
import type { RankedHost } from './directory';
import type { MyHost, MyHosts } from './my-hosts';
import { REFRESH_MODES, type RefreshMode, type Settings } from './settings';

/** Longest URL a content script may report; real pages stay far below. */
export const MAX_REPORTED_URL = 8192;

// ---- content script -> background -------------------------------------------------

const pageReportSchema = v.object({
  type: v.literal('page'),
  url: v.pipe(v.string(), v.maxLength(MAX_REPORTED_URL)),
});
export type PageReport = v.InferOutput<typeof pageReportSchema>;

export function parsePageReport(raw: unknown): PageReport | null {
  const result = v.safeParse(pageReportSchema, raw);
  return result.success ? result.output : null;
}

// ---- background -> content script -------------------------------------------------

/** Asked when the popup opens, to be sure the tab still shows the page we classified. */
export interface CurrentUrlQuery {
  type: 'current-url';
}

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

/** The host the user said they use for the detected need ("this is my host now"). */
export interface MyHostView {
  choice: MyHost;
  /** The same host in the directory copy in use, with its current facts; null when the copy no longer lists it. */
  listed: HostView | null;
}

export interface PopupState {
  tabId: number;
  detection: Detection | null;
  /** Free software for the detected need (empty when nothing is detected). */
  alternatives: SoftwareView[];
  /** The host the popup leads with (src/core/host-offer.ts); null when the user chose one (`myHost`) or none is offered. */
  best: HostView | null;
  /** The other CHATONS hosts for the need, ranked for the region, nearest first (neither `best` nor the user's). */
  hosts: HostView[];
  myHost: MyHostView | null;
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
  /** The hosts the user chose, per need, and whether the directory copy in use still lists each. */
  myHosts: Array<{ choice: MyHost; need: LocalizedText; listed: boolean }>;
}

/** The file "export settings" writes, and the shape "import settings" reads best. */
export interface SettingsExport {
  format: 'matou-settings';
  exportedAt: string;
  settings: Settings;
  /** Local corrections (absent from files written before they existed). */
  corrections?: LocalCorrections;
  /** The hosts the user chose (absent from files written before they existed). */
  myHosts?: MyHosts;
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

// ---- extension pages (popup, options) -> background: requests and their one answer ----

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const host = text(253);
const request = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  v.object({ type: v.literal(type), ...entries });

const correctionInputSchema = v.variant('kind', [
  v.object({ kind: v.literal('exclusion'), service: text(80), host, path: v.optional(text(512)) }),
  v.object({
    kind: v.literal('user-host'),
    category: text(80),
    name: text(200),
    url: text(2048),
    registration: v.picklist(REGISTRATIONS),
    place: v.optional(text(200)),
  }),
]);
/** A local correction as the views send it; the background checks it against the catalogue. */
export type CorrectionInput = v.InferOutput<typeof correctionInputSchema>;

/** Every request a view may send, by type. Only the shape is checked here; the background checks the values. */
const requestSchema = v.variant('type', [
  request('get-popup-state', { tabId }),
  request('get-options-state', {}),
  request('set-region', { region: v.nullable(text(16)), skipped: v.optional(v.boolean(), false) }),
  /** The popup showed its one gentle "where are you?" after a skipped first run: not again. */
  request('dismiss-region-prompt', {}),
  request('set-directory-source', { url: text(2048) }),
  request('set-refresh-mode', { mode: v.picklist(REFRESH_MODES) }),
  request('refresh-directory', {}),
  /** "Not now" and "never on this site", from the popup of tab `tabId`. */
  request('snooze-site', { host, tabId }),
  request('ignore-site', { host, tabId }),
  /** From the options page's list of ignored sites. */
  request('unignore-site', { host }),
  request('export-settings', {}),
  request('import-settings', { text: text(1_000_000) }),
  /** Local corrections and what the correction form needs of the catalogue. */
  request('get-corrections', {}),
  /** "This page is not <service>", from the popup: the background reads the tab's page itself. */
  request('exclude-page', { tabId }),
  /** Undoes "this page is not <service>" from the popup of tab `tabId`. */
  request('undo-exclusion', { id: text(3000), tabId }),
  request('add-correction', { correction: correctionInputSchema }),
  /** From the options page's list of local corrections. */
  request('remove-correction', { id: text(3000) }),
  /** The tab's full page address, asked only when the user ticks "include the page address". */
  request('get-page-url', { tabId }),
  /** "I use this one", from the popup of tab `tabId`: a host ranked for the need that tab shows. */
  request('choose-host', { tabId, organization: text(64), service: text(64) }),
  /** Its undo, from the same popup: the need of the service the tab shows. */
  request('forget-my-host', { tabId }),
  /** From the options page's list of chosen hosts. */
  request('remove-my-host', { category: text(80) }),
]);

export type PageRequest = v.InferOutput<typeof requestSchema>;
export type RequestType = PageRequest['type'];
export type RequestOf<T extends RequestType> = Extract<PageRequest, { type: T }>;

/** The one answer type of each request. */
export interface Answers {
  'get-popup-state': PopupState;
  'get-options-state': OptionsState;
  'set-region': OptionsState;
  'dismiss-region-prompt': OptionsState;
  'set-directory-source': OptionsState;
  'set-refresh-mode': OptionsState;
  'refresh-directory': OptionsState;
  'snooze-site': PopupState;
  'ignore-site': PopupState;
  'unignore-site': OptionsState;
  'export-settings': SettingsExport;
  'import-settings': ImportResult;
  'get-corrections': CorrectionsState;
  'exclude-page': PopupState;
  'undo-exclusion': PopupState;
  'add-correction': CorrectionsState;
  'remove-correction': CorrectionsState;
  'get-page-url': PageUrlAnswer;
  'choose-host': PopupState;
  'forget-my-host': PopupState;
  'remove-my-host': OptionsState;
}

// Every request has an answer and every answer a request: the compiler says which one is missing.
type Missing<A, B> = Exclude<keyof A, B> | Exclude<B, keyof A>;
const everyRequestAnswered: [Missing<Answers, RequestType>] extends [never]
  ? true
  : Missing<Answers, RequestType> = true;
void everyRequestAnswered;

export type AnswerOf<T extends RequestType> = Answers[T];

export function parsePageRequest(raw: unknown): PageRequest | null {
  const result = v.safeParse(requestSchema, raw);
  return result.success ? result.output : null;
}
