// Everything the popup asks: the state of its tab, and the popup's own actions on that tab
// ("not now", "never on this site", "this page is not <service>" and its undo, "I use this one"
// and its undo). Each answer is the tab's popup state after the action.
import type { Catalogue } from '../core/catalogue/types';
import { exclusionFor, withExclusion, withoutCorrection } from '../core/corrections/local';
import { choiceOf, isSameHost, withMyHost, withoutMyHost } from '../core/my-hosts';
import { buildPopupState, catalogueViews, type CatalogueViews } from '../core/popup-state';
import type { PopupState } from '../core/protocol';
import { withIgnoredSite, type Settings } from '../core/settings';
import { normaliseHostname } from '../core/values';
import { uiLanguage } from '../platform/i18n';
import type { CorrectionsStore } from './corrections-store';
import type { DirectoryStore } from './directory-store';
import type { MyHostsStore } from './my-hosts-store';
import type { MessageRouter } from './router';
import type { SettingsStore } from './settings-store';
import type { TabWatcher } from './tab-watcher';

export interface PopupDeps {
  router: MessageRouter;
  catalogue: Catalogue;
  tabs: TabWatcher;
  settings: SettingsStore;
  corrections: CorrectionsStore;
  directory: DirectoryStore;
  myHosts: MyHostsStore;
  effectiveRegion: (settings: Settings) => string;
}

export class PopupComponent {
  private views: CatalogueViews | null = null;

  constructor(private readonly deps: PopupDeps) {
    const { router, tabs, settings, corrections } = deps;
    router.on('get-popup-state', ({ tabId }) => this.state(tabId));
    router.on('snooze-site', async ({ host, tabId }) => {
      const site = normaliseHostname(host);
      if (site) await tabs.snooze(site);
      return this.state(tabId);
    });
    router.on('ignore-site', async ({ host, tabId }) => {
      const site = normaliseHostname(host);
      if (site) {
        await settings.update((current) => withIgnoredSite(current, site, true));
        await tabs.recheckAll();
      }
      return this.state(tabId);
    });
    router.on('exclude-page', async ({ tabId }) => {
      const url = await tabs.liveUrl(tabId);
      const found = url ? tabs.classify(url) : null;
      if (!url || !found) throw new Error('This tab no longer shows a page Matou recognises.');
      await corrections.update((current) =>
        withExclusion(
          current,
          exclusionFor(url, found, (other) => tabs.classify(other)),
        ),
      );
      await tabs.recheckAll([tabId]);
      return this.state(tabId);
    });
    router.on('undo-exclusion', async ({ id, tabId }) => {
      await corrections.update((current) => withoutCorrection(current, id));
      await tabs.recheckAll([tabId]);
      return this.state(tabId);
    });
    router.on('choose-host', async ({ tabId, organization, service }) => {
      // Only a host the directory offers for the need this tab shows, as the popup showed it.
      const found = await this.found(tabId);
      const ranked = await deps.directory.rank(found.category, deps.effectiveRegion(await settings.get()));
      const host = ranked.find((candidate) =>
        isSameHost({ organization: { id: organization }, service: { id: service } }, candidate),
      );
      if (!host) throw new Error('This host is no longer offered for this need.');
      await deps.myHosts.update((current) => withMyHost(current, choiceOf(host, found.category, new Date())));
      await tabs.recheckAll([tabId]);
      return this.state(tabId);
    });
    router.on('forget-my-host', async ({ tabId }) => {
      const found = await this.found(tabId);
      await deps.myHosts.update((current) => withoutMyHost(current, found.category));
      await tabs.recheckAll([tabId]);
      return this.state(tabId);
    });
  }

  /** What the tab shows now, judged; an action on a tab that shows nothing Matou watches fails. */
  private async found(tabId: number) {
    const url = await this.deps.tabs.liveUrl(tabId);
    const { found } = url ? await this.deps.tabs.judge(url) : { found: null };
    if (!found) throw new Error('This tab no longer shows a page Matou recognises.');
    return found;
  }

  /** What the popup shows for a tab, from what the tab shows now. A read: it changes nothing. */
  async state(tabId: number): Promise<PopupState> {
    const { tabs, settings, corrections, directory } = this.deps;
    const [current, url] = await Promise.all([settings.get(), tabs.liveUrl(tabId)]);
    const { found, excludedBy } = url ? await tabs.judge(url) : { found: null, excludedBy: null };
    const rankingRegion = this.deps.effectiveRegion(current);
    const [status, silenced, hosts, stored, myHosts] = await Promise.all([
      directory.status(),
      found ? tabs.silence(found.host) : null,
      found ? directory.rank(found.category, rankingRegion) : [],
      corrections.get(),
      this.deps.myHosts.get(),
    ]);
    this.views ??= catalogueViews(this.deps.catalogue);
    return buildPopupState(
      {
        tabId,
        settings: current,
        rankingRegion,
        found,
        excludedBy,
        silenced,
        directory: status,
        hosts,
        corrections: stored,
        myHosts,
        lang: uiLanguage(),
      },
      this.views,
    );
  }
}
