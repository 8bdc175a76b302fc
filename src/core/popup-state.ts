// The popup's view model: what the background answers to "what about this tab?", built from
// what the background knows. Pure, so that every state the popup can be in is tested in Node.
import type { Catalogue, Classification } from './catalogue/types';
import type { Exclusion, LocalCorrections } from './corrections/local';
import type { RankedHost } from './directory';
import { bestHostIndex } from './host-offer';
import { isSameHost, type MyHosts } from './my-hosts';
import type { DirectoryStatus, ExclusionView, HostView, PopupState, SoftwareView } from './protocol';
import { placeLabel, regionLabel, type Lang } from './regions';
import type { Settings } from './settings';

/** The catalogue as the popup shows it, indexed once. */
export interface CatalogueViews {
  services: Map<string, Catalogue['services'][number]>;
  categories: Map<string, Catalogue['categories'][number]>;
  softwareByCategory: Map<string, SoftwareView[]>;
}

export function catalogueViews(catalogue: Catalogue): CatalogueViews {
  const softwareByCategory = new Map<string, SoftwareView[]>();
  for (const software of catalogue.software) {
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
  return {
    services: new Map(catalogue.services.map((service) => [service.id, service])),
    categories: new Map(catalogue.categories.map((category) => [category.id, category])),
    softwareByCategory,
  };
}

export function exclusionView(exclusion: Exclusion, views: Pick<CatalogueViews, 'services'>): ExclusionView {
  return {
    id: exclusion.id,
    service: {
      id: exclusion.service,
      name: views.services.get(exclusion.service)?.name ?? exclusion.service,
    },
    host: exclusion.host,
    ...(exclusion.path ? { path: exclusion.path } : {}),
  };
}

export interface PopupInputs {
  tabId: number;
  settings: Settings;
  /** The region hosts are ranked for: the user's, or the guessed one while none is set. */
  rankingRegion: string;
  /** What the tab shows now, judged (exclusions applied). */
  found: Classification | null;
  excludedBy: Exclusion | null;
  silenced: null | 'snoozed' | 'ignored';
  directory: DirectoryStatus;
  /** The ranked hosts for `found`'s need (ignored when nothing is found). */
  hosts: readonly RankedHost[];
  corrections: LocalCorrections;
  myHosts: MyHosts;
  lang: Lang;
}

export function buildPopupState(input: PopupInputs, views: CatalogueViews): PopupState {
  const { settings, found } = input;
  const base = {
    tabId: input.tabId,
    region: settings.region,
    regionPrompt: settings.regionPrompt,
    rankedFor: {
      code: input.rankingRegion,
      label: regionLabel(input.rankingRegion, input.lang),
      guessed: settings.region === null,
    },
    directory: input.directory,
    refreshMode: settings.directory.refresh,
    excludedBy: input.excludedBy ? exclusionView(input.excludedBy, views) : null,
  };
  const service = found ? views.services.get(found.service) : undefined;
  const category = found ? views.categories.get(found.category) : undefined;
  if (!found || !service || !category)
    return { ...base, detection: null, alternatives: [], best: null, hosts: [], myHost: null, userHosts: [] };
  const ranked: HostView[] = input.hosts.map((host) => ({
    ...host,
    placeLabel: placeLabel(host.place, input.lang),
  }));
  // The user's own host leads when they chose one; else the best of the ranking.
  const choice = input.myHosts.hosts.find((host) => host.category === category.id);
  const lead = choice ? ranked.findIndex((host) => isSameHost(choice, host)) : bestHostIndex(input.hosts);
  const leadHost = lead >= 0 ? ranked[lead]! : null;
  return {
    ...base,
    detection: {
      service: { id: service.id, name: service.name, owner: service.owner },
      category: { id: category.id, label: category.label },
      host: found.host,
      silenced: input.silenced,
    },
    alternatives: views.softwareByCategory.get(category.id) ?? [],
    best: choice ? null : leadHost,
    hosts: ranked.filter((_, index) => index !== lead),
    myHost: choice ? { choice, listed: leadHost } : null,
    userHosts: input.corrections.userHosts.filter((host) => host.category === category.id),
  };
}
