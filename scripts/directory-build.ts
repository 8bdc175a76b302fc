// npm run directory:build -- --federation <URL or path> --out <file> [options]
//
// Crawls a ChatonsInfos federation (federation -> organisations -> services), normalises it
// against the catalogue and writes one validated snapshot JSON. See docs/directory.md.

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogue } from '../src/catalogue/index';
import { LIVE_FEDERATION_URL } from '../src/core/directory/source';
import { normalizeFederation, type CatalogueForDirectory } from '../src/core/directory/normalize';
import { validateSnapshot, type DirectorySnapshot } from '../src/core/directory/schema';
import { BUNDLED_DESCRIPTION, BUNDLED_FEDERATION, BUNDLED_OUT } from './lib/directory-bundled';
import { crawlFederation, FederationError, type CrawlOptions } from './lib/directory-crawl';

const USAGE = `Usage: npm run directory:build -- [--federation <URL or path>] --out <file> [options]

  --federation <URL|path>  federation file (default: the live CHATONS federation,
                           ${LIVE_FEDERATION_URL})
  --out <file>             where to write the snapshot JSON (required)
  --description <text>     one honest sentence on what this copy is (shown to users), in French
  --description-en <text>  the same sentence in English (users see the one in their language)
  --built-at <ISO date>    build date to record (default: now), for reproducible builds
  --timeout <ms>           per-file timeout (default 15000)
  --max-bytes <n>          per-file size cap (default 1048576)
  --concurrency <n>        files fetched at once (default 4)
  --retries <n>            retries for transient failures (default 2)
  --min-organizations <n>  fail (and write nothing) when fewer organisations are kept,
                           so that a broken federation is never published
  --quiet                  no per-file progress
  --bundled                shorthand for the copy shipped in the extension:
                           --federation ${BUNDLED_FEDERATION}
                           --out ${BUNDLED_OUT} --description(-en) <the mirror's description>
`;

export interface BuildArgs {
  federation: string;
  out: string;
  description?: string;
  descriptionEn?: string;
  builtAt?: Date;
  crawl: CrawlOptions;
  quiet: boolean;
  minOrganizations: number;
}

export function parseBuildArgs(argv: readonly string[]): BuildArgs | { error: string } {
  const args: BuildArgs = {
    federation: LIVE_FEDERATION_URL,
    out: '',
    crawl: {},
    quiet: false,
    minOrganizations: 1,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    const need = (): string | { error: string } =>
      value === undefined || value.startsWith('--') ? { error: `${flag} needs a value` } : (i++, value);
    const num = (): number | { error: string } => {
      const v = need();
      if (typeof v !== 'string') return v;
      const n = Number(v);
      return Number.isInteger(n) && n >= 0 ? n : { error: `${flag} needs a whole number` };
    };
    let result: string | number | { error: string } = '';
    switch (flag) {
      case '--federation':
        result = need();
        if (typeof result === 'string') args.federation = result;
        break;
      case '--out':
        result = need();
        if (typeof result === 'string') args.out = result;
        break;
      case '--description':
        result = need();
        if (typeof result === 'string') args.description = result;
        break;
      case '--description-en':
        result = need();
        if (typeof result === 'string') args.descriptionEn = result;
        break;
      case '--built-at': {
        result = need();
        if (typeof result === 'string') {
          const date = new Date(result);
          if (!Number.isFinite(date.getTime())) return { error: `--built-at: "${result}" is not a date` };
          args.builtAt = date;
        }
        break;
      }
      case '--timeout':
        result = num();
        if (typeof result === 'number') args.crawl.timeoutMs = result;
        break;
      case '--max-bytes':
        result = num();
        if (typeof result === 'number') args.crawl.maxBytes = result;
        break;
      case '--concurrency':
        result = num();
        if (typeof result === 'number') args.crawl.concurrency = Math.max(1, result);
        break;
      case '--retries':
        result = num();
        if (typeof result === 'number') args.crawl.retries = result;
        break;
      case '--min-organizations':
        result = num();
        if (typeof result === 'number') args.minOrganizations = result;
        break;
      case '--quiet':
        args.quiet = true;
        break;
      case '--bundled':
        args.federation = BUNDLED_FEDERATION;
        args.out = BUNDLED_OUT;
        args.description = BUNDLED_DESCRIPTION.fr;
        args.descriptionEn = BUNDLED_DESCRIPTION.en;
        break;
      case '--help':
      case '-h':
        return { error: '' };
      default:
        return { error: `unknown argument ${flag}` };
    }
    if (typeof result === 'object') return result;
  }
  if (!args.out) return { error: '--out <file> is required' };
  return args;
}

/** Crawls, normalises and validates; the snapshot is returned, not written. */
export async function buildSnapshot(
  args: Pick<BuildArgs, 'federation' | 'description' | 'descriptionEn' | 'builtAt' | 'crawl'>,
  catalogueForDirectory: CatalogueForDirectory = catalogue,
): Promise<DirectorySnapshot> {
  const crawled = await crawlFederation(args.federation, args.crawl);
  const snapshot = normalizeFederation(crawled, {
    catalogue: catalogueForDirectory,
    builtAt: args.builtAt ?? new Date(),
    ...(args.description ? { description: args.description } : {}),
    ...(args.descriptionEn ? { descriptionEn: args.descriptionEn } : {}),
  });
  const checked = validateSnapshot(snapshot);
  if (!checked.ok) throw new Error(`the snapshot built does not validate: ${checked.issues.join('; ')}`);
  return checked.snapshot;
}

/** Writes the file atomically (temporary file, then rename). */
export async function writeSnapshot(path: string, snapshot: DirectorySnapshot): Promise<void> {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(snapshot, null, 1)}\n`, 'utf8');
  await rename(temporary, target);
}

export function summary(snapshot: DirectorySnapshot): string {
  const c = snapshot.counts;
  const lines = [
    `${c.organizations} organisations, ${c.services} services (${c.withoutUrl} without a URL of their own, ${c.uncategorized} without a catalogue need)`,
    `excluded: ${c.excludedOrganizations} organisations, ${c.excludedServices} services; files skipped: ${c.skippedFiles}; unknown software: ${c.unknownSoftware}`,
    `per need: ${
      Object.entries(c.categories)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }`,
    `warnings: ${c.warnings}${c.warnings > snapshot.warnings.length ? ` (${snapshot.warnings.length} kept in the file)` : ''}`,
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = parseBuildArgs(process.argv.slice(2));
  if ('error' in args) {
    if (args.error) process.stderr.write(`directory:build: ${args.error}\n\n`);
    process.stderr.write(USAGE);
    return args.error ? 2 : 0;
  }
  const crawl: CrawlOptions = {
    ...args.crawl,
    ...(args.quiet
      ? {}
      : {
          onFile: ({ location, ok, reason }) =>
            process.stderr.write(ok ? `  read ${location}\n` : `  SKIPPED ${location}: ${reason}\n`),
        }),
  };
  try {
    const snapshot = await buildSnapshot({ ...args, crawl });
    if (snapshot.counts.organizations < args.minOrganizations) {
      process.stderr.write(
        `${summary(snapshot)}\ndirectory:build: only ${snapshot.counts.organizations} organisations kept, fewer than --min-organizations ${args.minOrganizations}; nothing written\n`,
      );
      return 1;
    }
    await writeSnapshot(args.out, snapshot);
    process.stderr.write(`\nWrote ${args.out}\n${summary(snapshot)}\n`);
    for (const w of snapshot.warnings)
      process.stderr.write(`  [${w.code}] ${w.message}${w.at ? ` (${w.at})` : ''}\n`);
    return 0;
  } catch (error) {
    const message =
      error instanceof FederationError ? error.message : String((error as Error)?.stack ?? error);
    process.stderr.write(`directory:build failed: ${message}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then((code) => process.exit(code));
}
