// The background's answers to the popup, the options page and content scripts. Every
// message is validated (sender and shape) before anything is done; the rest is ignored.
import type { Catalogue } from '../core/catalogue/types';
import type { RankedHost } from '../core/directory';
import {
  exclusionFor,
  mergeCorrections,
  parseExclusion,
  parseUserHost,
  readCorrections,
  type LocalCorrections,
} from '../core/corrections/local';
import type { CatalogueSummary } from '../core/corrections/report';
import {
  parsePageReport,
  parsePageRequest,
  type CorrectionInput,
  type CorrectionsState,
  type CurrentUrlQuery,
  type ExclusionView,
  type HostView,
  type ImportResult,
  type OptionsState,
  type PageRequest,
  type PopupState,
  type SettingsExport,
  type SoftwareView,
} from '../core/protocol';
import { foldPlaceName, regionLabel, type Lang } from '../core/regions';
import { isHttpsUrl, normaliseHostname, readSettings, type Settings } from '../core/settings';
import { uiLanguage } from '../platform/i18n';
import { askTab, existingTabIds, extensionId, extensionUrl, extensionVersion, type MessageSender } from '../platform/runtime';
import type { Detector } from './detector';
import type { DirectoryStore } from './directory-store';
import type { SettingsStore } from './settings-store';
import type { TabStates } from './tab-states';

export interface MessageDeps {
  catalogue: Catalogue;
  detector: Detector;
  tabs: TabStates;
  directory: DirectoryStore;
  settings: SettingsStore;
  defaultDirectoryUrl: string;
  isRegion: (code: string) => boolean;
  effectiveRegion: (settings: Settings) => string;
  /** Keeps the weekly alarm in line with the refresh mode. */
  scheduleRefresh: (settings: Settings) => Promise<void>;
}

const TAB_ANSWER_TIMEOUT_MS = 400;

/** The popup and the options page (even when opened in a tab) have an extension URL. */
function fromExtensionPage(sender: MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionUrl(''));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * A host's place in words: "Rennes, Ille-et-Vilaine (35)", "Bretagne", "Liège, Belgique"…;
 * null when the directory does not say where the host is.
 */
export function placeLabel(place: RankedHost['place'], lang: Lang): string | null {
  if (!place.known) return null;
  const city = place.city?.trim() || undefined;
  const departement = place.departement ? (place.departement.startsWith('FR-') ? place.departement : `FR-${place.departement}`) : undefined;
  const region = place.region ? (place.region.startsWith('FR-') ? place.region : `FR-${place.region}`) : undefined;
  const area = departement
    ? regionLabel(departement, lang)
    : region
      ? regionLabel(region, lang)
      : place.countryCode
        ? regionLabel(place.countryCode, lang)
        : undefined;
  // "Paris (75)", not "Paris, Paris (75)".
  const sameName = city !== undefined && area !== undefined && foldPlaceName(area).startsWith(`${foldPlaceName(city)} (`);
  const parts = [sameName ? undefined : city, area].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : null;
}

export function createMessageHandler(deps: MessageDeps) {
  const softwareByCategory = new Map<string, SoftwareView[]>();
  for (const software of deps.catalogue.software) {
    for (const category of software.categories) {
      const list = softwareByCategory.get(category) ?? [];
      list.push({
        id: software.id,
        name: software.name,
        website: software.website,
        licence: software.licence,
        fitNote: software.fitNotes[category] ?? null,
      });
      softwareByCategory.set(category, list);
    }
  }
  const services = new Map(deps.catalogue.services.map((service) => [service.id, service]));
  const categories = new Map(deps.catalogue.categories.map((category) => [category.id, category]));

  /**
   * Asks the tab itself which page it shows: a tab that left the catalogued site has no
   * content script any more, and then nothing is detected, whatever we remembered.
   */
  async function liveUrl(tabId: number): Promise<string | null> {
    try {
      const answer = await withTimeout(askTab<unknown>(tabId, { type: 'current-url' } satisfies CurrentUrlQuery), TAB_ANSWER_TIMEOUT_MS);
      return parsePageReport(answer)?.url ?? null;
    } catch {
      return null;
    }
  }

  async function popupState(tabId: number): Promise<PopupState> {
    const settings = await deps.settings.get();
    const url = await liveUrl(tabId);
    const { found, excludedBy } = url ? await deps.detector.judge(url) : { found: null, excludedBy: null };
    await deps.tabs.set(tabId, found);
    const corrections = await deps.detector.corrections.get();
    const [directory, silenced] = await Promise.all([
      deps.directory.status(),
      found ? deps.detector.silence(found.host) : Promise.resolve(null),
    ]);
    const lang = uiLanguage();
    const rankingRegion = deps.effectiveRegion(settings);
    const base = {
      tabId,
      region: settings.region,
      regionPrompt: settings.regionPrompt,
      rankedFor: { code: rankingRegion, label: regionLabel(rankingRegion, lang), guessed: settings.region === null },
      directory,
      refreshMode: settings.directory.refresh,
      excludedBy: excludedBy ? exclusionView(excludedBy) : null,
      userHosts: [],
    };
    const service = found ? services.get(found.service) : undefined;
    const category = found ? categories.get(found.category) : undefined;
    if (!found || !service || !category) return { ...base, detection: null, alternatives: [], hosts: [] };
    const ranked = await deps.directory.rank(category.id, rankingRegion);
    return {
      ...base,
      detection: {
        service: { id: service.id, name: service.name, owner: service.owner },
        category: { id: category.id, label: category.label },
        host: found.host,
        silenced,
      },
      alternatives: softwareByCategory.get(category.id) ?? [],
      hosts: ranked.map((host): HostView => ({ ...host, placeLabel: placeLabel(host.place, lang) })),
      userHosts: corrections.userHosts.filter((host) => host.category === category.id),
    };
  }

  // ---- local corrections ----------------------------------------------------------

  const catalogueSummary: CatalogueSummary = {
    services: deps.catalogue.services.map(({ id, name, category }) => ({ id, name, category })),
    software: deps.catalogue.software.map(({ id, name, categories: list }) => ({ id, name, categories: list })),
    categories: deps.catalogue.categories.map(({ id, label }) => ({ id, label })),
  };

  function exclusionView(exclusion: { id: string; service: string; host: string; path?: string }): ExclusionView {
    return {
      id: exclusion.id,
      service: { id: exclusion.service, name: services.get(exclusion.service)?.name ?? exclusion.service },
      host: exclusion.host,
      ...(exclusion.path ? { path: exclusion.path } : {}),
    };
  }

  async function correctionsState(): Promise<CorrectionsState> {
    return { corrections: await deps.detector.corrections.get(), catalogue: catalogueSummary, version: extensionVersion() };
  }

  /**
   * After a correction: every open tab Matou watches says again which page it shows, so a
   * correction (host or path) applies at once everywhere, and undoing one brings the badge back.
   */
  async function recheckTabs(also: number[] = []): Promise<void> {
    const ids = new Set([...also, ...(await deps.tabs.entries()).map(([id]) => id)]);
    try {
      for (const id of await existingTabIds()) ids.add(id);
    } catch {
      // Without the list of tabs, the ones with a detection and the one asked about will do.
    }
    await Promise.all(
      [...ids].map(async (tabId) => {
        // A tab with no content script (a page Matou does not watch) has nothing to recheck.
        const url = await liveUrl(tabId);
        if (url) await deps.detector.onPage(tabId, url);
      }),
    );
  }

  async function addCorrection(input: CorrectionInput): Promise<void> {
    if (input.kind === 'exclusion') {
      if (!services.has(input.service)) throw new Error(`Unknown service: ${input.service}`);
      const exclusion = parseExclusion(input);
      if (!exclusion) throw new Error('This site or path cannot be read as a hostname and a path.');
      await deps.detector.corrections.update((c) => ({ ...c, exclusions: [...c.exclusions.filter((e) => e.id !== exclusion.id), exclusion] }));
    } else {
      const host = parseUserHost(input, (id) => categories.has(id));
      if (!host) throw new Error('A host needs a known need, a name and an http(s) address.');
      await deps.detector.corrections.update((c) => ({ ...c, userHosts: [...c.userHosts.filter((h) => h.id !== host.id), host] }));
    }
    await recheckTabs();
  }

  async function excludePage(tabId: number): Promise<PopupState> {
    const url = await liveUrl(tabId);
    const found = url ? deps.detector.classify(url) : null;
    if (!url || !found) throw new Error('This tab no longer shows a page Matou recognises.');
    const exclusion = exclusionFor(url, found, (other) => deps.detector.classify(other));
    await deps.detector.corrections.update((c) => ({ ...c, exclusions: [...c.exclusions.filter((e) => e.id !== exclusion.id), exclusion] }));
    await recheckTabs([tabId]);
    return popupState(tabId);
  }

  async function removeCorrection(id: string, tabId?: number): Promise<void> {
    await deps.detector.corrections.update((c) => ({
      ...c,
      exclusions: c.exclusions.filter((e) => e.id !== id),
      userHosts: c.userHosts.filter((h) => h.id !== id),
    }));
    await recheckTabs(tabId === undefined ? [] : [tabId]);
  }

  /** Corrections from an imported file: merged with those kept here, each entry checked, nothing lost. */
  async function importCorrections(raw: unknown): Promise<string[]> {
    if (typeof raw !== 'object' || raw === null || !('corrections' in raw)) return [];
    const { corrections, dropped } = readCorrections((raw as { corrections: unknown }).corrections, (id) => categories.has(id));
    const known: LocalCorrections = { ...corrections, exclusions: corrections.exclusions.filter((e) => services.has(e.service)) };
    const problems = [...dropped];
    if (known.exclusions.length < corrections.exclusions.length && !problems.includes('corrections.exclusions[]')) problems.push('corrections.exclusions[]');
    await deps.detector.corrections.update((current) => mergeCorrections(current, known));
    await recheckTabs();
    return problems;
  }

  async function optionsState(): Promise<OptionsState> {
    const settings = await deps.settings.get();
    return {
      settings,
      directory: await deps.directory.status(),
      defaultDirectoryUrl: deps.defaultDirectoryUrl,
      // The region Matou ranks for when none is set is the one it guesses.
      guessedRegion: deps.effectiveRegion({ ...settings, region: null }),
    };
  }

  async function importSettings(text: string): Promise<ImportResult> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, problems: ['notJson'], settings: await deps.settings.get() };
    }
    const body = typeof raw === 'object' && raw !== null && 'settings' in raw ? (raw as { settings: unknown }).settings : raw;
    if (typeof body !== 'object' || body === null) {
      return { ok: false, problems: ['notSettings'], settings: await deps.settings.get() };
    }
    const { settings: imported, dropped } = readSettings(body, { directoryUrl: deps.defaultDirectoryUrl }, deps.isRegion);
    const present = new Set(Object.keys(body));
    // Only what the file holds and is valid replaces what was there; ignored sites are merged.
    const next = await deps.settings.update((current) => ({
      ...current,
      ...(present.has('region') && !dropped.includes('region')
        ? { region: imported.region, regionPrompt: imported.region !== null ? 'done' : imported.regionPrompt }
        : {}),
      ...(present.has('directory') && !dropped.includes('directory') ? { directory: imported.directory } : {}),
      ignoredSites: [...new Set([...current.ignoredSites, ...imported.ignoredSites])].sort(),
    }));
    await deps.scheduleRefresh(next);
    await deps.detector.refreshAllBadges();
    const problems = [...dropped, ...(await importCorrections(raw))];
    return { ok: problems.length === 0, problems, settings: next };
  }

  async function handlePageRequest(request: PageRequest): Promise<unknown> {
    switch (request.type) {
      case 'get-popup-state':
        return popupState(request.tabId);
      case 'get-options-state':
        return optionsState();
      case 'set-region': {
        const region = request.region === null ? null : request.region.toUpperCase();
        if (region !== null && !deps.isRegion(region)) throw new Error('unknown region');
        await deps.settings.update((s) => ({ ...s, region, regionPrompt: request.skipped && region === null ? 'skipped' : 'done' }));
        await deps.detector.refreshAllBadges();
        return optionsState();
      }
      case 'dismiss-region-prompt': {
        const current = await deps.settings.get();
        if (current.regionPrompt === 'skipped') await deps.settings.update((s) => ({ ...s, regionPrompt: 'done' }));
        return optionsState();
      }
      case 'set-directory-source': {
        if (!isHttpsUrl(request.url)) throw new Error('The directory source must be an https:// address.');
        await deps.settings.update((s) => ({ ...s, directory: { ...s.directory, url: request.url } }));
        return optionsState();
      }
      case 'set-refresh-mode': {
        const next = await deps.settings.update((s) => ({ ...s, directory: { ...s.directory, refresh: request.mode } }));
        await deps.scheduleRefresh(next);
        return optionsState();
      }
      case 'refresh-directory': {
        const settings = await deps.settings.get();
        if (settings.directory.refresh === 'off') throw new Error('Directory downloads are switched off in the options.');
        await deps.directory.refresh(settings.directory.url);
        await deps.detector.refreshAllBadges();
        return optionsState();
      }
      case 'snooze-site': {
        const host = normaliseHostname(request.host);
        if (host) await deps.detector.snooze(host);
        return request.tabId === undefined ? optionsState() : popupState(request.tabId);
      }
      case 'ignore-site':
      case 'unignore-site': {
        const host = normaliseHostname(request.host);
        if (host) {
          await deps.settings.update((s) => ({
            ...s,
            ignoredSites:
              request.type === 'ignore-site'
                ? [...new Set([...s.ignoredSites, host])].sort()
                : s.ignoredSites.filter((site) => site !== host),
          }));
          await deps.detector.refreshAllBadges();
        }
        return request.type === 'ignore-site' && request.tabId !== undefined ? popupState(request.tabId) : optionsState();
      }
      case 'export-settings':
        return {
          format: 'matou-settings',
          exportedAt: new Date().toISOString(),
          settings: await deps.settings.get(),
          corrections: await deps.detector.corrections.get(),
        } satisfies SettingsExport;
      case 'import-settings':
        return importSettings(request.text);
      case 'get-corrections':
        return correctionsState();
      case 'exclude-page':
        return excludePage(request.tabId);
      case 'add-correction':
        await addCorrection(request.correction);
        return correctionsState();
      case 'remove-correction':
        await removeCorrection(request.id, request.tabId);
        return request.tabId === undefined ? correctionsState() : popupState(request.tabId);
      case 'get-page-url':
        return { url: await liveUrl(request.tabId) };
    }
  }

  return (raw: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== extensionId()) {
      console.warn('Matou: ignored a message from another extension or page', sender.id);
      return undefined;
    }
    // Content scripts: only page reports, from a tab's top frame.
    if (!fromExtensionPage(sender)) {
      const report = parsePageReport(raw);
      if (!report || sender.tab?.id === undefined || sender.frameId !== 0) {
        console.warn('Matou: ignored a malformed message from a content script');
        return undefined;
      }
      return deps.detector.onPage(sender.tab.id, report.url).then(() => undefined);
    }
    const request = parsePageRequest(raw);
    if (!request) {
      console.warn('Matou: ignored a malformed message', raw);
      return undefined;
    }
    return handlePageRequest(request);
  };
}
