// The one place that names where Matou downloads the directory from by default. The project
// publishes this file (see docs/directory.md); users can change it in the options.

/** The snapshot the project publishes, rebuilt from the live CHATONS federation. */
export const DEFAULT_DIRECTORY_URL = 'https://matou.frama.io/matou/directory/snapshot.json';

/** The live federation file, crawled by `npm run directory:build` when no `--federation` is given. */
export const LIVE_FEDERATION_URL =
  'https://framagit.org/chatons/chatonsinfos/-/raw/master/StatoolInfos/chatons.properties';
