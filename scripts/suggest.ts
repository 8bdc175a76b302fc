// npm run --silent suggest -- [--directory <snapshot.json>] --region <code> <url>
//
// Prints, as JSON, the CHATONS hosts Matou would suggest on that page for that region:
// {"service", "category", "region", "hosts": [{organization, service, url, software,
//  registration, locality, place: {countryCode, departement, region, city}}]}
// Exit codes: 0 a catalogued page, 1 a page that is not catalogued, 2 bad arguments or directory.

import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { catalogue } from '../src/catalogue/index';
import { compileClassifier } from '../src/core/catalogue/index';
import type { Catalogue } from '../src/core/catalogue/types';
import {
  indexDirectory,
  rankHosts,
  type DirectorySnapshot,
  type RankedHost,
} from '../src/core/directory/index';
import { parseSnapshot } from '../src/core/directory/snapshot';
import { parseRegion } from '../src/core/regions/index';

export const BUNDLED_SNAPSHOT = fileURLToPath(new URL('../public/directory/snapshot.json', import.meta.url));

const USAGE = 'Usage: npm run --silent suggest -- [--directory <snapshot.json>] --region <code> <url>\n';

export interface SuggestHost {
  organization: string;
  service: string;
  url: string;
  /** `organization` when the service gives no URL of its own and this is its host's website. */
  urlSource: RankedHost['service']['urlSource'];
  software: string | null;
  registration: RankedHost['registration'];
  locality: RankedHost['locality'];
  place: {
    countryCode: string | null;
    departement: string | null;
    region: string | null;
    city: string | null;
    known: boolean;
  };
}

export interface SuggestResult {
  service: string | null;
  category: string | null;
  region: string;
  hosts: SuggestHost[];
}

export async function loadSnapshot(path: string): Promise<DirectorySnapshot> {
  const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
  const parsed = parseSnapshot(raw);
  if (!parsed.ok) throw new Error(`${path}: ${parsed.reason}`);
  return parsed.snapshot;
}

export function suggest(
  snapshot: DirectorySnapshot,
  url: string,
  region: string,
  cat: Catalogue = catalogue,
): SuggestResult {
  const found = compileClassifier(cat).classify(url);
  if (!found) return { service: null, category: null, region, hosts: [] };
  const softwareNames = new Map(cat.software.map((s) => [s.id, s.name]));
  const hosts = rankHosts(indexDirectory(snapshot), { category: found.category, region }).map(
    (h): SuggestHost => ({
      organization: h.organization.name,
      service: h.service.name,
      url: h.service.url,
      urlSource: h.service.urlSource,
      software: (h.software.id ? softwareNames.get(h.software.id) : undefined) ?? (h.software.name || null),
      registration: h.registration,
      locality: h.locality,
      place: {
        countryCode: h.place.countryCode ?? null,
        departement: h.place.departement ?? null,
        region: h.place.region ?? null,
        city: h.place.city ?? null,
        known: h.place.known,
      },
    }),
  );
  return { service: found.service, category: found.category, region, hosts };
}

async function main(argv: readonly string[]): Promise<number> {
  let directory = BUNDLED_SNAPSHOT;
  let region: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--directory' || arg === '--region') {
      const value = argv[i + 1];
      if (value === undefined) {
        process.stderr.write(`suggest: ${arg} needs a value\n${USAGE}`);
        return 2;
      }
      i += 1;
      if (arg === '--directory') directory = value;
      else region = value;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (arg.startsWith('--')) {
      process.stderr.write(`suggest: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else if (url === undefined) url = arg;
    else {
      process.stderr.write(`suggest: one URL only\n${USAGE}`);
      return 2;
    }
  }
  if (!region || !url) {
    process.stderr.write(USAGE);
    return 2;
  }
  const parsedRegion = parseRegion(region);
  if (!parsedRegion) {
    process.stderr.write(
      `suggest: "${region}" is not a region code (FR, BE, CH, FR-69, FR-2A, FR-974, FR-ARA…)\n`,
    );
    return 2;
  }
  let snapshot: DirectorySnapshot;
  try {
    snapshot = await loadSnapshot(directory);
  } catch (error) {
    process.stderr.write(`suggest: cannot read the directory: ${(error as Error).message}\n`);
    return 2;
  }
  const result = suggest(snapshot, url, parsedRegion.code);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return result.service === null ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
