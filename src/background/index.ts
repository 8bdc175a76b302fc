// The background's first tick: build the components, then register every listener
// synchronously (a stopped worker is woken by these events and must find them at once).
import { catalogue } from '../catalogue';
import { compileClassifier } from '../core/catalogue';
import { DEFAULT_DIRECTORY_URL } from '../core/directory';
import { guessRegion, parseRegion } from '../core/regions';
import type { Settings } from '../core/settings';
import {
  alarms,
  existingTabIds,
  extensionUrl,
  onInstalled,
  onMessage,
  onStartup,
  onTabRemoved,
  openOptionsPage,
} from '../platform/runtime';
import { CorrectionsStore } from './corrections-store';
import { Detector } from './detector';
import { BUNDLED_SNAPSHOT_PATH, DirectoryStore } from './directory-store';
import { createMessageHandler } from './messages';
import { SettingsStore } from './settings-store';
import { TabStates } from './tab-states';

const REFRESH_ALARM = 'directory-refresh';
const WEEK_IN_MINUTES = 7 * 24 * 60;

const isRegion = (code: string): boolean => parseRegion(code) !== null;
const guessedRegion = guessRegion({
  languages: navigator.languages,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});
/** Until the user chooses, hosts are ranked for the region guessed from language and time zone. */
const effectiveRegion = (settings: Settings): string => settings.region ?? guessedRegion;

const serviceNames = new Map(catalogue.services.map((service) => [service.id, service.name]));
const settings = new SettingsStore({ directoryUrl: DEFAULT_DIRECTORY_URL }, isRegion);
const tabs = new TabStates();
const categoryIds = new Set(catalogue.categories.map((category) => category.id));
const corrections = new CorrectionsStore((id) => categoryIds.has(id));
const directory = new DirectoryStore(
  () => fetch(extensionUrl(BUNDLED_SNAPSHOT_PATH)).then((response) => response.json() as Promise<unknown>),
  (input, init) => fetch(input, init),
);
const detector = new Detector(
  compileClassifier(catalogue),
  (id) => serviceNames.get(id) ?? id,
  tabs,
  directory,
  () => settings.get(),
  effectiveRegion,
  corrections,
);
const refreshAlarm = alarms();

async function scheduleRefresh(current: Settings): Promise<void> {
  if (current.directory.refresh === 'weekly') await refreshAlarm.ensure(REFRESH_ALARM, WEEK_IN_MINUTES);
  else await refreshAlarm.clear(REFRESH_ALARM);
}

onMessage(
  createMessageHandler({
    catalogue,
    detector,
    tabs,
    directory,
    settings,
    defaultDirectoryUrl: DEFAULT_DIRECTORY_URL,
    isRegion,
    effectiveRegion,
    scheduleRefresh,
  }),
);

onTabRemoved((tabId) => {
  void tabs.set(tabId, null);
});

refreshAlarm.onAlarm((name) => {
  if (name !== REFRESH_ALARM) return;
  void settings.get().then(async (current) => {
    if (current.directory.refresh !== 'weekly') return;
    await directory.refresh(current.directory.url);
    await detector.refreshAllBadges();
  });
});

onInstalled((reason) => {
  void settings.get().then(async (current) => {
    await scheduleRefresh(current);
    // First run: ask where the user is (the options page opens on its welcome step).
    if (reason === 'install' && current.regionPrompt === 'ask') await openOptionsPage();
  });
});

onStartup(() => {
  // Tabs closed while the browser was down left no state behind, but make sure.
  void existingTabIds().then((alive) => tabs.retain(alive));
});
