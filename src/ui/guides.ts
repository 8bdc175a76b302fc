// Migration guides, loaded on demand by the guide view: Vite makes each
// src/catalogue/guides/<service>.json its own chunk, read from the extension's package only when
// the view asks for it, so that the options page's bundle does not carry the guides' text. (The
// popup needs only their step counts: virtual:guide-steps.)
import type { Guide } from '../core/guides';

const loaders = import.meta.glob<Guide>('../catalogue/guides/*.json', { import: 'default' });

const loaderFor = (service: string) => loaders[`../catalogue/guides/${service}.json`];

/** The guide for this service, or null when there is none. */
export async function loadGuide(service: string): Promise<Guide | null> {
  const load = loaderFor(service);
  return load ? load() : null;
}
