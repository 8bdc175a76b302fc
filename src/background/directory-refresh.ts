// When the directory copy is downloaded again: the weekly alarm (kept in line with the refresh
// mode), or a request from the options page or the popup. A new copy changes what badges say,
// so every refresh ends with the tabs' live recheck.
import type { DirectoryStatus } from '../core/protocol';
import type { Settings } from '../core/settings';
import { alarms, onInstalled } from '../platform/runtime';
import type { DirectoryStore } from './directory-store';
import type { SettingsStore } from './settings-store';
import type { TabWatcher } from './tab-watcher';

export const REFRESH_ALARM = 'directory-refresh';
const WEEK_IN_MINUTES = 7 * 24 * 60;

export interface DirectoryRefreshDeps {
  settings: SettingsStore;
  directory: DirectoryStore;
  tabs: TabWatcher;
}

export class DirectoryRefresh {
  private readonly alarm = alarms();

  constructor(private readonly deps: DirectoryRefreshDeps) {
    this.alarm.onAlarm((name) => {
      if (name !== REFRESH_ALARM) return;
      void deps.settings.get().then(async (current) => {
        if (current.directory.refresh === 'weekly') await this.refresh(current);
      });
    });
    onInstalled(() => void deps.settings.get().then((current) => this.schedule(current)));
  }

  /** Keeps the weekly alarm in line with the refresh mode. */
  async schedule(settings: Settings): Promise<void> {
    if (settings.directory.refresh === 'weekly') await this.alarm.ensure(REFRESH_ALARM, WEEK_IN_MINUTES);
    else await this.alarm.clear(REFRESH_ALARM);
  }

  /** Downloads from the source the options show, unless downloads are off; never throws for a bad download. */
  async refresh(settings: Settings): Promise<DirectoryStatus> {
    if (settings.directory.refresh === 'off')
      throw new Error('Directory downloads are switched off in the options.');
    const status = await this.deps.directory.refresh(settings.directory.url);
    if (status.lastCheck?.result === 'updated') await this.deps.tabs.recheckAll();
    return status;
  }
}
