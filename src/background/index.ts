// The background's first tick: build the components, then register every listener
// synchronously (a stopped worker is woken by these events and must find them at once).
import { guessRegion } from '../core/regions';
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
import { fetchWithOriginAccess } from '../platform/permissions';
import { createComponents } from './components';
import { BUNDLED_SNAPSHOT_PATH } from './directory-store';

const REFRESH_ALARM = 'directory-refresh';
const WEEK_IN_MINUTES = 7 * 24 * 60;

const refreshAlarm = alarms();

async function scheduleRefresh(current: Settings): Promise<void> {
  if (current.directory.refresh === 'weekly') await refreshAlarm.ensure(REFRESH_ALARM, WEEK_IN_MINUTES);
  else await refreshAlarm.clear(REFRESH_ALARM);
}

const { settings, tabs, directory, detector, handleMessage } = createComponents({
  loadBundledSnapshot: () => fetch(extensionUrl(BUNDLED_SNAPSHOT_PATH)).then((response) => response.json() as Promise<unknown>),
  // Never a request to an origin without a host permission (Firefox's Origin would identify the install).
  fetch: fetchWithOriginAccess,
  guessedRegion: guessRegion({
    languages: navigator.languages,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }),
  scheduleRefresh,
});

onMessage(handleMessage);

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
