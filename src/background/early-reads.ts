// Imported first by the worker's entry (index.ts), so that it runs before the rest of the
// worker's script is evaluated: a worker woken by a page report then finds what the badge needs
// (exclusions, settings, the hosts the user chose, the tab map, "not now" sites, the near counts) already read or on its
// way, in one storage call per area, instead of reading them one after the other once the report
// is handled.
import { readEarly } from '../platform/storage';

readEarly(['corrections', 'settings', 'myHosts'], ['tabs', 'snoozedSites', 'nearCounts']);
