// The user's settings: one versioned record in local storage. Reading never fails:
// each field is checked on its own, so a corrupt or unknown value falls back to its
// default without losing the valid ones, and older versions are migrated forward.

import { httpUrl } from './text';
import { isObject, migrateRecord, normaliseHostname, type Migrations } from './values';

export const SETTINGS_VERSION = 1;

/** How the directory copy is refreshed: every week (an alarm), only on request, or never. */
export const REFRESH_MODES = ['weekly', 'manual', 'off'] as const;
export type RefreshMode = (typeof REFRESH_MODES)[number];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** `FR`, `FR-35`, `FR-BRE`, `BE`…; null until the user chose (or skipped) on first run. */
  region: string | null;
  /** First-run question: not asked yet, skipped once (the popup asks again, gently, once), or settled. */
  regionPrompt: 'ask' | 'skipped' | 'done';
  directory: {
    /** The one HTTPS origin Matou may contact, for the directory snapshot. */
    url: string;
    refresh: RefreshMode;
  };
  /** Hostnames where Matou stays silent ("never on this site"). */
  ignoredSites: string[];
}

export interface SettingsDefaults {
  directoryUrl: string;
}

export function defaultSettings(defaults: SettingsDefaults): Settings {
  return {
    version: SETTINGS_VERSION,
    region: null,
    regionPrompt: 'ask',
    directory: { url: defaults.directoryUrl, refresh: 'weekly' },
    ignoredSites: [],
  };
}

export interface SettingsReadResult {
  settings: Settings;
  /** Fields that were present but unusable and fell back to their default. */
  dropped: string[];
}

const MAX_IGNORED_SITES = 500;
const REGION = /^[A-Z]{2}(-[0-9A-Z]{2,3})?$/;

/** An absolute https address (written in full: a bare host name is not a source address). */
export function isHttpsUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https:/i.test(value.trim()) && httpUrl(value) !== undefined;
}

/** Earlier storage layouts, upgraded one step at a time. Each step is tested. */
const MIGRATIONS: Migrations = {
  // Version 0 (before versions existed) kept `region` and `ignored` at the top level.
  0: (old) => ({
    ...old,
    version: 1,
    ignoredSites: old.ignoredSites ?? old.ignored,
  }),
};

/**
 * Turns whatever storage holds into valid settings. Never throws.
 * `isRegion` comes from the regions module (kept as a parameter so this file stays small).
 */
export function readSettings(
  raw: unknown,
  defaults: SettingsDefaults,
  isRegion: (code: string) => boolean = (code) => REGION.test(code),
): SettingsReadResult {
  const settings = defaultSettings(defaults);
  const dropped: string[] = [];
  if (raw === undefined || raw === null) return { settings, dropped };
  if (!isObject(raw)) return { settings, dropped: ['settings'] };

  // Written by a newer Matou (then downgraded): what still reads is kept, the rest dropped.
  const record = migrateRecord(raw, SETTINGS_VERSION, MIGRATIONS, dropped, 'version');

  if ('region' in record) {
    const region = record.region;
    if (region === null) settings.region = null;
    else if (typeof region === 'string' && isRegion(region.toUpperCase()))
      settings.region = region.toUpperCase();
    else dropped.push('region');
  }
  if ('regionPrompt' in record) {
    const prompt = record.regionPrompt;
    if (prompt === 'ask' || prompt === 'skipped' || prompt === 'done') settings.regionPrompt = prompt;
    else dropped.push('regionPrompt');
  } else if (settings.region !== null) {
    settings.regionPrompt = 'done';
  }
  if ('directory' in record) {
    const directory = record.directory;
    if (!isObject(directory)) dropped.push('directory');
    else {
      if ('url' in directory) {
        if (isHttpsUrl(directory.url)) settings.directory.url = directory.url;
        else dropped.push('directory.url');
      }
      if ('refresh' in directory) {
        const mode = directory.refresh;
        if ((REFRESH_MODES as readonly unknown[]).includes(mode))
          settings.directory.refresh = mode as RefreshMode;
        else dropped.push('directory.refresh');
      }
    }
  }
  if ('ignoredSites' in record && record.ignoredSites !== undefined) {
    const list = record.ignoredSites;
    if (!Array.isArray(list)) dropped.push('ignoredSites');
    else {
      const hosts = new Set<string>();
      let bad = false;
      for (const item of list) {
        const host = normaliseHostname(item);
        if (host) hosts.add(host);
        else bad = true;
      }
      if (bad) dropped.push('ignoredSites[]');
      settings.ignoredSites = [...hosts].slice(0, MAX_IGNORED_SITES).sort();
    }
  }
  return { settings, dropped };
}

/** "Never on this site" (`ignored`), or its undo, for one hostname; the list stays sorted. */
export function withIgnoredSite(settings: Settings, host: string, ignored: boolean): Settings {
  const others = settings.ignoredSites.filter((site) => site !== host);
  return { ...settings, ignoredSites: ignored ? [...others, host].sort() : others };
}

export interface SettingsImport {
  /** The settings after the import: what the file held and is valid replaces what was there. */
  settings: Settings;
  /** What could not be imported (`notJson`, `notSettings`, `region`, `directory.url`, `ignoredSites[]`…). */
  problems: string[];
}

/**
 * Reads an exported file (or bare settings) over `current`. Only the fields the file holds and
 * that are valid replace the current ones; ignored sites are merged, never lost.
 */
export function importSettings(
  file: unknown,
  current: Settings,
  defaults: SettingsDefaults,
  isRegion?: (code: string) => boolean,
): SettingsImport {
  const body = isObject(file) && 'settings' in file ? file.settings : file;
  if (!isObject(body)) return { settings: current, problems: ['notSettings'] };
  const { settings: imported, dropped } = readSettings(body, defaults, isRegion);
  const valid = (field: string): boolean => field in body && !dropped.includes(field);
  return {
    settings: {
      ...current,
      ...(valid('region')
        ? { region: imported.region, regionPrompt: imported.region !== null ? 'done' : imported.regionPrompt }
        : {}),
      ...(valid('directory') ? { directory: imported.directory } : {}),
      ignoredSites: [...new Set([...current.ignoredSites, ...imported.ignoredSites])].sort(),
    },
    problems: dropped,
  };
}
