// The background's first tick: build the components (each registers its browser listeners
// synchronously, as a stopped worker is woken by these events and must find them at once),
// then the one message listener.
import './early-reads';
import { guessRegion } from '../core/regions';
import { fetchWithOriginAccess } from '../platform/permissions';
import { extensionUrl, onMessage } from '../platform/runtime';
import { createComponents } from './components';
import { BUNDLED_SNAPSHOT_PATH } from './directory-store';

const { router } = createComponents({
  loadBundledSnapshot: () =>
    fetch(extensionUrl(BUNDLED_SNAPSHOT_PATH)).then((response) => response.json() as Promise<unknown>),
  // Never a request to an origin without a host permission (Firefox's Origin would identify the install).
  fetch: fetchWithOriginAccess,
  guessedRegion: guessRegion({
    languages: navigator.languages,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }),
});

onMessage(router.handle);
