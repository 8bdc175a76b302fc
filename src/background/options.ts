// Everything the options page asks: its state, the region (and the first-run question), the
// directory source and refresh mode, ignored sites, the hosts the user chose, and the settings
// file (export, import).
import { mergeCorrections, readImportedCorrections } from '../core/corrections/local';
import type { LocalizedText } from '../core/catalogue/types';
import { isSameHost, mergeMyHosts, readMyHosts, withoutMyHost } from '../core/my-hosts';
import type { ImportResult, OptionsState, SettingsExport } from '../core/protocol';
import { importSettings, isHttpsUrl, withIgnoredSite, type SettingsDefaults } from '../core/settings';
import { isObject, normaliseHostname } from '../core/values';
import { onInstalled, openOptionsPage } from '../platform/runtime';
import type { CorrectionsStore } from './corrections-store';
import type { DirectoryRefresh } from './directory-refresh';
import type { DirectoryStore } from './directory-store';
import type { MyHostsStore } from './my-hosts-store';
import type { MessageRouter } from './router';
import type { SettingsStore } from './settings-store';
import type { TabWatcher } from './tab-watcher';

export interface OptionsDeps {
  router: MessageRouter;
  settings: SettingsStore;
  corrections: CorrectionsStore;
  directory: DirectoryStore;
  myHosts: MyHostsStore;
  refresh: DirectoryRefresh;
  tabs: TabWatcher;
  defaults: SettingsDefaults;
  isRegion: (code: string) => boolean;
  isCategory: (id: string) => boolean;
  isService: (id: string) => boolean;
  /** A need's name in both languages (the need's id when the catalogue has none). */
  needLabel: (id: string) => LocalizedText;
  /** The region Matou ranks for until the user chooses one. */
  guessedRegion: string;
  effectiveRegion: (settings: OptionsState['settings']) => string;
}

export class OptionsComponent {
  constructor(private readonly deps: OptionsDeps) {
    const { router, settings, refresh, tabs } = deps;
    router.on('get-options-state', () => this.state());
    router.on('set-region', async (request) => {
      const region = request.region === null ? null : request.region.toUpperCase();
      if (region !== null && !deps.isRegion(region)) throw new Error('unknown region');
      const regionPrompt = request.skipped && region === null ? 'skipped' : 'done';
      await settings.update((current) => ({ ...current, region, regionPrompt }));
      await tabs.recheckAll();
      return this.state();
    });
    router.on('dismiss-region-prompt', async () => {
      if ((await settings.get()).regionPrompt === 'skipped')
        await settings.update((current) => ({ ...current, regionPrompt: 'done' }));
      return this.state();
    });
    router.on('set-directory-source', async ({ url }) => {
      if (!isHttpsUrl(url)) throw new Error('The directory source must be an https:// address.');
      await settings.update((current) => ({ ...current, directory: { ...current.directory, url } }));
      return this.state();
    });
    router.on('set-refresh-mode', async ({ mode }) => {
      await refresh.schedule(
        await settings.update((current) => ({
          ...current,
          directory: { ...current.directory, refresh: mode },
        })),
      );
      return this.state();
    });
    router.on('refresh-directory', async () => {
      await refresh.refresh(await settings.get());
      return this.state();
    });
    router.on('unignore-site', async ({ host }) => {
      const site = normaliseHostname(host);
      if (site) {
        await settings.update((current) => withIgnoredSite(current, site, false));
        await tabs.recheckAll();
      }
      return this.state();
    });
    router.on('remove-my-host', async ({ category }) => {
      await deps.myHosts.update((current) => withoutMyHost(current, category));
      await tabs.recheckAll();
      return this.state();
    });
    router.on('export-settings', () => this.exportFile());
    router.on('import-settings', ({ text }) => this.importFile(text));
    // First run: ask where the user is (the options page opens on its welcome step).
    onInstalled((reason) => {
      if (reason !== 'install') return;
      void settings.get().then((current) => (current.regionPrompt === 'ask' ? openOptionsPage() : undefined));
    });
  }

  async state(): Promise<OptionsState> {
    const { directory, needLabel } = this.deps;
    const settings = await this.deps.settings.get();
    const region = this.deps.effectiveRegion(settings);
    const myHosts = await Promise.all(
      (await this.deps.myHosts.get()).hosts.map(async (choice) => ({
        choice,
        need: needLabel(choice.category),
        listed: (await directory.rank(choice.category, region)).some((host) => isSameHost(choice, host)),
      })),
    );
    return {
      settings,
      directory: await directory.status(),
      defaultDirectoryUrl: this.deps.defaults.directoryUrl,
      // The region Matou ranks for when none is set is the one it guesses.
      guessedRegion: this.deps.guessedRegion,
      myHosts,
    };
  }

  private async exportFile(): Promise<SettingsExport> {
    return {
      format: 'matou-settings',
      exportedAt: new Date().toISOString(),
      settings: await this.deps.settings.get(),
      corrections: await this.deps.corrections.get(),
      myHosts: await this.deps.myHosts.get(),
    };
  }

  /** Settings, corrections and chosen hosts from a file: what is valid is applied, nothing kept here is lost. */
  private async importFile(text: string): Promise<ImportResult> {
    const { settings, corrections, refresh, tabs } = this.deps;
    let file: unknown;
    try {
      file = JSON.parse(text);
    } catch {
      return { ok: false, problems: ['notJson'], settings: await settings.get() };
    }
    const imported = importSettings(file, await settings.get(), this.deps.defaults, this.deps.isRegion);
    if (imported.problems.includes('notSettings'))
      return { ok: false, problems: imported.problems, settings: imported.settings };
    const next = await settings.update(() => imported.settings);
    await refresh.schedule(next);
    const incoming = readImportedCorrections(file, this.deps.isCategory, this.deps.isService);
    await corrections.update((current) => mergeCorrections(current, incoming.corrections));
    const chosen =
      isObject(file) && 'myHosts' in file
        ? readMyHosts(file.myHosts, this.deps.isCategory)
        : { myHosts: null, dropped: [] };
    if (chosen.myHosts) {
      const incomingHosts = chosen.myHosts;
      await this.deps.myHosts.update((current) => mergeMyHosts(current, incomingHosts));
    }
    await tabs.recheckAll();
    const problems = [...imported.problems, ...incoming.problems, ...chosen.dropped];
    return { ok: problems.length === 0, problems, settings: next };
  }
}
