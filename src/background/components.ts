// The one place the background is wired: each component is built with what it depends on and
// registers its own message handlers and browser listeners when built. Used by the worker
// (index.ts) and by the component tests' in-process background, so that tests run this wiring.
//
//   stores       SettingsStore, CorrectionsStore, MyHostsStore, DirectoryStore: one record each, in memory and storage
//   TabWatcher   page reports -> judgement -> tab map -> badge; "not now"; the one live recheck
//   DirectoryRefresh   the weekly alarm and downloads of the directory copy
//   PopupComponent     what the popup asks and does on its tab
//   OptionsComponent   what the options page asks and changes; the settings file
//   CorrectionsComponent  the correction form and the list of local corrections
import { catalogue } from '../catalogue';
// Modules, not the catalogue's and directory's indexes: those also bring catalogue validation
// (with the whole Public Suffix List) and the ChatonsInfos parser, which the worker never runs.
import { classifierFromTables } from '../core/catalogue/classifier';
// Compiled at build time (scripts/lib/classifier-tables-plugin.ts): no compiling at each start.
import classifierTables from 'virtual:classifier-tables';
import { DEFAULT_DIRECTORY_URL } from '../core/directory/source';
import { parseRegion } from '../core/regions';
import type { Settings } from '../core/settings';
import { CorrectionsComponent } from './corrections';
import { CorrectionsStore } from './corrections-store';
import { DirectoryRefresh } from './directory-refresh';
import { DirectoryStore } from './directory-store';
import { MyHostsStore } from './my-hosts-store';
import { OptionsComponent } from './options';
import { PopupComponent } from './popup';
import { MessageRouter } from './router';
import { SettingsStore } from './settings-store';
import { TabWatcher } from './tab-watcher';

export interface ComponentInputs {
  /** Reads the snapshot shipped with the extension. */
  loadBundledSnapshot: () => Promise<unknown>;
  /** The network, used only for the directory download. */
  fetch: typeof fetch;
  /** The region hosts are ranked for until the user chooses one. */
  guessedRegion: string;
}

export function createComponents(inputs: ComponentInputs) {
  const isRegion = (code: string): boolean => parseRegion(code) !== null;
  const serviceNames = new Map(catalogue.services.map((service) => [service.id, service.name]));
  const categoryLabels = new Map(catalogue.categories.map((category) => [category.id, category.label]));
  const categoryIds = new Set(categoryLabels.keys());
  const isService = (id: string): boolean => serviceNames.has(id);
  const isCategory = (id: string): boolean => categoryIds.has(id);
  /** Until the user chooses, hosts are ranked for the region guessed from language and time zone. */
  const effectiveRegion = (settings: Settings): string => settings.region ?? inputs.guessedRegion;
  const defaults = { directoryUrl: DEFAULT_DIRECTORY_URL };

  const router = new MessageRouter();
  const settings = new SettingsStore(defaults, isRegion);
  const corrections = new CorrectionsStore(isCategory);
  const myHosts = new MyHostsStore(isCategory);
  const directory = new DirectoryStore(inputs.loadBundledSnapshot, inputs.fetch);
  const tabs = new TabWatcher({
    router,
    classifier: classifierFromTables(classifierTables),
    serviceName: (id) => serviceNames.get(id) ?? id,
    settings,
    corrections,
    directory,
    myHosts,
    effectiveRegion,
  });
  const refresh = new DirectoryRefresh({ settings, directory, tabs });
  new PopupComponent({ router, catalogue, tabs, settings, corrections, directory, myHosts, effectiveRegion });
  new OptionsComponent({
    router,
    settings,
    corrections,
    directory,
    refresh,
    tabs,
    defaults,
    isRegion,
    isCategory,
    isService,
    needLabel: (id) => categoryLabels.get(id) ?? { fr: id, en: id },
    guessedRegion: inputs.guessedRegion,
    effectiveRegion,
    myHosts,
  });
  new CorrectionsComponent({ router, catalogue, corrections, tabs, isCategory, isService });
  return { router, settings, corrections, myHosts, directory, tabs, refresh };
}
