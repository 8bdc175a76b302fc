// Matou's background components and the message handler, built from the catalogue and the
// bundled directory: one place, used by the worker (index.ts) and by the component tests'
// in-process background, so that the tests exercise the wiring the extension runs.
import { catalogue } from '../catalogue';
import { compileClassifier } from '../core/catalogue';
import { DEFAULT_DIRECTORY_URL } from '../core/directory';
import { parseRegion } from '../core/regions';
import type { Settings } from '../core/settings';
import { CorrectionsStore } from './corrections-store';
import { Detector } from './detector';
import { DirectoryStore } from './directory-store';
import { createMessageHandler } from './messages';
import { SettingsStore } from './settings-store';
import { TabStates } from './tab-states';

export interface ComponentInputs {
  /** Reads the snapshot shipped with the extension. */
  loadBundledSnapshot: () => Promise<unknown>;
  /** The network, used only for the directory download. */
  fetch: typeof fetch;
  /** The region hosts are ranked for until the user chooses one. */
  guessedRegion: string;
  /** Called when the refresh setting changes (the worker sets or clears its weekly alarm). */
  scheduleRefresh: (settings: Settings) => Promise<void>;
}

export function createComponents(inputs: ComponentInputs) {
  const isRegion = (code: string): boolean => parseRegion(code) !== null;
  /** Until the user chooses, hosts are ranked for the region guessed from language and time zone. */
  const effectiveRegion = (settings: Settings): string => settings.region ?? inputs.guessedRegion;
  const serviceNames = new Map(catalogue.services.map((service) => [service.id, service.name]));
  const categoryIds = new Set(catalogue.categories.map((category) => category.id));

  const settings = new SettingsStore({ directoryUrl: DEFAULT_DIRECTORY_URL }, isRegion);
  const tabs = new TabStates();
  const corrections = new CorrectionsStore((id) => categoryIds.has(id));
  const directory = new DirectoryStore(inputs.loadBundledSnapshot, inputs.fetch);
  const detector = new Detector(
    compileClassifier(catalogue),
    (id) => serviceNames.get(id) ?? id,
    tabs,
    directory,
    () => settings.get(),
    effectiveRegion,
    corrections,
  );
  const handleMessage = createMessageHandler({
    catalogue,
    detector,
    tabs,
    directory,
    settings,
    defaultDirectoryUrl: DEFAULT_DIRECTORY_URL,
    isRegion,
    effectiveRegion,
    scheduleRefresh: inputs.scheduleRefresh,
  });
  return { settings, tabs, corrections, directory, detector, handleMessage };
}
