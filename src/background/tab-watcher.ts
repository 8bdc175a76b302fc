// What Matou says about each tab, and the one place that draws its badge. It owns the tab map
// (what each tab was last seen showing), "not now" (snoozed sites, for this browser session) and
// the live recheck every change goes through: a badge is only ever drawn for a page that is
// catalogued now, as the tab itself says, never from memory alone.
import {
  badgeText,
  badgeTitle,
  myHostBadgeTitle,
  BADGE_COLOR,
  BADGE_TEXT_COLOR,
  MY_HOST_BADGE_COLOR,
  MY_HOST_BADGE_TEXT,
} from '../core/badge';
import type { Classification, Classifier } from '../core/catalogue';
import { findExclusion, type Exclusion } from '../core/corrections/local';
import { parsePageReport, type CurrentUrlQuery } from '../core/protocol';
import type { Settings } from '../core/settings';
import { clearBadge, showBadge } from '../platform/badge';
import { message } from '../platform/i18n';
import { askTab, existingTabIds, onStartup, onTabRemoved } from '../platform/runtime';
import { readSession, writeSession } from '../platform/storage';
import type { CorrectionsStore } from './corrections-store';
import type { DirectoryStore } from './directory-store';
import type { MyHostsStore } from './my-hosts-store';
import type { MessageRouter } from './router';
import type { SettingsStore } from './settings-store';
import { TabStates } from './tab-states';

export type Silence = null | 'snoozed' | 'ignored';

/** What Matou makes of a page: its classification, unless a local correction says it is not that service. */
export interface Judgement {
  found: Classification | null;
  excludedBy: Exclusion | null;
}

/** How long a tab's content script gets to say which page it shows. */
const TAB_ANSWER_TIMEOUT_MS = 400;

export interface TabWatcherDeps {
  router: MessageRouter;
  classifier: Classifier;
  serviceName: (serviceId: string) => string;
  settings: SettingsStore;
  corrections: CorrectionsStore;
  directory: DirectoryStore;
  myHosts: MyHostsStore;
  /** The region hosts are counted for (the user's, or the guessed one). */
  effectiveRegion: (settings: Settings) => string;
}

export class TabWatcher {
  private readonly tabs = new TabStates();
  private snoozed: Promise<Set<string>> | null = null;

  constructor(private readonly deps: TabWatcherDeps) {
    deps.router.onPageReport((tabId, report) => this.onPage(tabId, report.url));
    onTabRemoved((tabId) => void this.tabs.set(tabId, null));
    // Tabs closed while the browser was down left no state behind, but make sure.
    onStartup(() => void existingTabIds().then((alive) => this.tabs.retain(alive)));
  }

  classify(url: string): Classification | null {
    return this.deps.classifier.classify(url);
  }

  /** The classification of a page, with the user's exclusions (host, or host and path) applied. */
  async judge(url: string): Promise<Judgement> {
    const found = this.classify(url);
    if (!found) return { found: null, excludedBy: null };
    const excludedBy = findExclusion(await this.deps.corrections.get(), found, url);
    return excludedBy ? { found: null, excludedBy } : { found, excludedBy: null };
  }

  /**
   * Asks the tab itself which page it shows: a tab that left the catalogued site has no content
   * script any more, and then it shows nothing Matou watches, whatever was remembered.
   */
  async liveUrl(tabId: number): Promise<string | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), TAB_ANSWER_TIMEOUT_MS);
    });
    try {
      const answer = await Promise.race([
        askTab<unknown>(tabId, { type: 'current-url' } satisfies CurrentUrlQuery),
        timeout,
      ]);
      return parsePageReport(answer)?.url ?? null;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A content script told us which page its tab shows. */
  async onPage(tabId: number, url: string): Promise<void> {
    const { found } = await this.judge(url);
    // The badge first: the browser handles calls in order, and the tab map (only the rechecks read
    // it) can be written after.
    await this.drawBadge(tabId, found);
    await this.tabs.set(tabId, found);
  }

  /**
   * The one recheck, after anything that changes what a badge says (region, ignored sites,
   * corrections, an import, a new directory copy): every tab Matou drew a badge for, every open
   * tab and `also` say again which page they show. A tab with no content script any more is
   * forgotten and its badge cleared; the others are judged and drawn again.
   */
  async recheckAll(also: readonly number[] = []): Promise<void> {
    const remembered = (await this.tabs.entries()).map(([id]) => id);
    const ids = new Set([...also, ...remembered]);
    try {
      for (const id of await existingTabIds()) ids.add(id);
    } catch {
      // Without the list of tabs, the remembered ones and the one asked about will do.
    }
    await Promise.all(
      [...ids].map(async (tabId) => {
        const url = await this.liveUrl(tabId);
        if (url) return this.onPage(tabId, url);
        if (remembered.includes(tabId)) {
          await this.tabs.set(tabId, null);
          await this.drawBadge(tabId, null);
        }
      }),
    );
  }

  async silence(host: string): Promise<Silence> {
    const settings = await this.deps.settings.get();
    if (settings.ignoredSites.includes(host)) return 'ignored';
    if ((await this.snoozedSites()).has(host)) return 'snoozed';
    return null;
  }

  /** "Not now": quiet on this site until the browser restarts. */
  async snooze(host: string): Promise<void> {
    const sites = await this.snoozedSites();
    sites.add(host);
    await writeSession('snoozedSites', [...sites]);
    await this.recheckAll();
  }

  private async drawBadge(tabId: number, found: Classification | null): Promise<void> {
    try {
      // `found` has been judged already (exclusions applied).
      if (found === null || (await this.silence(found.host)) !== null) {
        await clearBadge(tabId);
        return;
      }
      const serviceName = this.deps.serviceName(found.service);
      const mine = (await this.deps.myHosts.get()).hosts.find((host) => host.category === found.category);
      if (mine) {
        await showBadge(tabId, {
          text: MY_HOST_BADGE_TEXT,
          title: myHostBadgeTitle(serviceName, mine.organization.name, message),
          color: MY_HOST_BADGE_COLOR,
          textColor: BADGE_TEXT_COLOR,
        });
        return;
      }
      const region = this.deps.effectiveRegion(await this.deps.settings.get());
      const near = await this.deps.directory.nearCount(found.category, region);
      await showBadge(tabId, {
        text: badgeText(near),
        title: badgeTitle(serviceName, near, message),
        color: BADGE_COLOR,
        textColor: BADGE_TEXT_COLOR,
      });
    } catch (error) {
      // The tab may have closed meanwhile: nothing to show any more.
      console.debug('Matou: badge not updated for tab', tabId, error);
    }
  }

  private snoozedSites(): Promise<Set<string>> {
    this.snoozed ??= readSession('snoozedSites').then(
      (raw) =>
        new Set(Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : []),
    );
    return this.snoozed;
  }
}
