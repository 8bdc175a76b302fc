// Page reports -> classification -> tab state -> badge. The one place that decides what
// Matou says about a tab, for the badge and for the popup alike.
import { badgeText, badgeTitle, BADGE_COLOR, BADGE_TEXT_COLOR, nearHostCount } from '../core/badge';
import type { Classification, Classifier } from '../core/catalogue';
import { findExclusion, type Exclusion } from '../core/corrections/local';
import type { Settings } from '../core/settings';
import { clearBadge, showBadge } from '../platform/badge';
import { message } from '../platform/i18n';
import { readSession, writeSession } from '../platform/storage';
import { CorrectionsStore } from './corrections-store';
import type { DirectoryStore } from './directory-store';
import type { TabStates } from './tab-states';

export type Silence = null | 'snoozed' | 'ignored';

/** What Matou makes of a page: its classification, unless a local correction says it is not that service. */
export interface Judgement {
  found: Classification | null;
  excludedBy: Exclusion | null;
}

export class Detector {
  private snoozed: Promise<Set<string>> | null = null;

  constructor(
    private readonly classifier: Classifier,
    private readonly serviceName: (serviceId: string) => string,
    private readonly tabs: TabStates,
    private readonly directory: DirectoryStore,
    private readonly settings: () => Promise<Settings>,
    private readonly effectiveRegion: (settings: Settings) => string,
    /** The user's local corrections: "this page is not <service>" silences before the badge. */
    readonly corrections: CorrectionsStore = new CorrectionsStore(),
  ) {}

  classify(url: string): Classification | null {
    return this.classifier.classify(url);
  }

  /** The classification of a page, with the user's exclusions (host, or host and path) applied. */
  async judge(url: string): Promise<Judgement> {
    const found = this.classifier.classify(url);
    if (!found) return { found: null, excludedBy: null };
    const excludedBy = findExclusion(await this.corrections.get(), found, url);
    return excludedBy ? { found: null, excludedBy } : { found, excludedBy: null };
  }

  /** A content script told us which page its tab shows. */
  async onPage(tabId: number, url: string): Promise<void> {
    const { found } = await this.judge(url);
    await this.tabs.set(tabId, found);
    await this.updateBadge(tabId, found);
  }

  async silence(host: string): Promise<Silence> {
    const settings = await this.settings();
    if (settings.ignoredSites.includes(host)) return 'ignored';
    if ((await this.snoozedSites()).has(host)) return 'snoozed';
    return null;
  }

  async snooze(host: string): Promise<void> {
    const sites = await this.snoozedSites();
    sites.add(host);
    await writeSession('snoozedSites', [...sites]);
    await this.refreshAllBadges();
  }

  async updateBadge(tabId: number, found: Classification | null): Promise<void> {
    try {
      // `found` has been judged already (exclusions applied): every correction rechecks the tabs.
      if (found === null || (await this.silence(found.host)) !== null) {
        await clearBadge(tabId);
        return;
      }
      const hosts = await this.directory.rank(found.category, this.effectiveRegion(await this.settings()));
      const near = nearHostCount(hosts);
      await showBadge(tabId, {
        text: badgeText(near),
        title: badgeTitle(this.serviceName(found.service), near, message),
        color: BADGE_COLOR,
        textColor: BADGE_TEXT_COLOR,
      });
    } catch (error) {
      // The tab may have closed meanwhile: nothing to show any more.
      console.debug('Matou: badge not updated for tab', tabId, error);
    }
  }

  /** After a change of region, directory or ignored sites: every open tab's badge again. */
  async refreshAllBadges(): Promise<void> {
    for (const [tabId, found] of await this.tabs.entries()) await this.updateBadge(tabId, found);
  }

  private snoozedSites(): Promise<Set<string>> {
    this.snoozed ??= readSession('snoozedSites').then(
      (raw) => new Set(Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : []),
    );
    return this.snoozed;
  }
}
