// npm run directory:publish -- --federation <URL|path> --previous <URL|path> --out <dir> [options]
//
// Builds the snapshot from the federation, compares it with the one published before and
// writes snapshot.json, snapshot.meta.json and report.md into --out, or refuses (exit 1,
// snapshot files in --out untouched, report.md saying why) when the new one looks broken.
// See docs/directory.md ("Publishing the snapshot").

import { pathToFileURL } from 'node:url';
import { DEFAULT_DIRECTORY_URL, LIVE_FEDERATION_URL } from '../src/core/directory/source';
import type { DirectorySnapshot } from '../src/core/directory/schema';
import { buildSnapshot } from './directory-build';
import { FederationError, type CrawlOptions } from './lib/directory-crawl';
import { DEFAULT_FETCH_SETTINGS, type FetchSettings } from './lib/directory-fetch';
import {
  DEFAULT_GUARDS,
  PUBLISHED_FILES,
  checkGuards,
  compareSnapshots,
  formatReport,
  hasChanges,
  loadPrevious,
  snapshotMeta,
  writeFiles,
  type GuardOptions,
  type GuardResult,
  type ReportInput,
} from './lib/directory-publish';

const USAGE = `Usage: npm run directory:publish -- [--federation <URL|path>] [--previous <URL|path>] --out <dir> [options]

  --federation <URL|path>   federation file (default: ${LIVE_FEDERATION_URL})
  --previous <URL|path>     the snapshot published until now, to compare with
                            (default: the one extensions download, ${DEFAULT_DIRECTORY_URL})
  --first-publication       there is no previous snapshot yet (instead of --previous)
  --out <dir>               where to write ${PUBLISHED_FILES.snapshot}, ${PUBLISHED_FILES.meta}, ${PUBLISHED_FILES.report}
  --min-organizations <n>   refuse when fewer organisations are kept (default ${DEFAULT_GUARDS.minOrganizations})
  --max-loss <percent>      refuse when more than this share of the organisations, or of the
                            services, is gone at once (default ${DEFAULT_GUARDS.maxLossPercent})
  --description <text>      one honest sentence on what this copy is (shown to users), in French
  --description-en <text>   the same sentence in English
  --built-at <ISO date>     build date to record (default: now)
  --timeout <ms>, --max-bytes <n>, --concurrency <n>, --retries <n>   per file, as directory:build
  --quiet                   no per-file progress

Exit code 0: published; 1: refused (nothing but ${PUBLISHED_FILES.report} written); 2: bad arguments.
`;

export interface PublishArgs {
  federation: string;
  /** The snapshot published until now; absent only with --first-publication. */
  previous?: string;
  out: string;
  description?: string;
  descriptionEn?: string;
  builtAt?: Date;
  guards: GuardOptions;
  crawl: CrawlOptions;
  quiet: boolean;
}

export function parsePublishArgs(argv: readonly string[]): PublishArgs | { error: string } {
  const args: PublishArgs = {
    federation: LIVE_FEDERATION_URL,
    out: '',
    guards: { ...DEFAULT_GUARDS },
    crawl: {},
    quiet: false,
  };
  let first = false;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (flag === '--quiet') {
      args.quiet = true;
      continue;
    }
    if (flag === '--first-publication') {
      first = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') return { error: '' };
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return { error: `${flag} needs a value` };
    i += 1;
    const whole = (): number | { error: string } => {
      const n = Number(value);
      return Number.isInteger(n) && n >= 0 ? n : { error: `${flag} needs a whole number` };
    };
    let n: number | { error: string } = 0;
    switch (flag) {
      case '--federation':
        args.federation = value;
        break;
      case '--previous':
        args.previous = value;
        break;
      case '--out':
        args.out = value;
        break;
      case '--description':
        args.description = value;
        break;
      case '--description-en':
        args.descriptionEn = value;
        break;
      case '--built-at': {
        const date = new Date(value);
        if (!Number.isFinite(date.getTime())) return { error: `--built-at: "${value}" is not a date` };
        args.builtAt = date;
        break;
      }
      case '--min-organizations':
        if (typeof (n = whole()) === 'number') args.guards.minOrganizations = n;
        break;
      case '--max-loss': {
        const p = Number(value);
        if (!Number.isFinite(p) || p < 0 || p > 100)
          return { error: '--max-loss needs a percentage between 0 and 100' };
        args.guards.maxLossPercent = p;
        break;
      }
      case '--timeout':
        if (typeof (n = whole()) === 'number') args.crawl.timeoutMs = n;
        break;
      case '--max-bytes':
        if (typeof (n = whole()) === 'number') args.crawl.maxBytes = n;
        break;
      case '--concurrency':
        if (typeof (n = whole()) === 'number') args.crawl.concurrency = Math.max(1, n);
        break;
      case '--retries':
        if (typeof (n = whole()) === 'number') args.crawl.retries = n;
        break;
      default:
        return { error: `unknown argument ${flag}` };
    }
    if (typeof n === 'object') return n;
  }
  if (!args.out) return { error: '--out <dir> is required' };
  if (args.previous !== undefined && first)
    return { error: '--previous and --first-publication exclude each other' };
  if (!first) args.previous ??= DEFAULT_DIRECTORY_URL;
  return args;
}

export interface PublishResult {
  published: boolean;
  report: string;
  snapshot?: DirectorySnapshot;
}

/** Runs the whole publication; never throws for a broken federation or previous copy. */
export async function publish(
  args: PublishArgs,
  log: (line: string) => void = () => {},
): Promise<PublishResult> {
  const settings: FetchSettings = {
    ...DEFAULT_FETCH_SETTINGS,
    ...Object.fromEntries(Object.entries(args.crawl).filter(([k]) => k in DEFAULT_FETCH_SETTINGS)),
  };
  const base: Omit<ReportInput, 'verdict'> = {
    federation: args.federation,
    ...(args.previous !== undefined ? { previousRef: args.previous } : {}),
    previous: null,
    next: null,
    changes: null,
    guards: [],
  };
  const refuse = async (input: Omit<ReportInput, 'verdict'>): Promise<PublishResult> => {
    const report = formatReport({ ...input, verdict: 'refused' });
    await writeFiles(args.out, { [PUBLISHED_FILES.report]: report });
    return { published: false, report };
  };

  let previous: { snapshot: DirectorySnapshot; sha256: string } | null = null;
  if (args.previous !== undefined) {
    const loaded = await loadPrevious(args.previous, settings);
    if (!loaded.ok)
      return refuse({ ...base, failure: `${loaded.reason}; cannot compare, so nothing is published` });
    previous = loaded;
    base.previous = loaded.snapshot;
  }

  let next: DirectorySnapshot;
  try {
    next = await buildSnapshot({
      federation: args.federation,
      ...(args.description ? { description: args.description } : {}),
      ...(args.descriptionEn ? { descriptionEn: args.descriptionEn } : {}),
      ...(args.builtAt ? { builtAt: args.builtAt } : {}),
      crawl: args.crawl,
    });
  } catch (error) {
    const reason =
      error instanceof FederationError
        ? `the federation file is unreadable: ${error.message}`
        : `the build failed: ${String(error)}`;
    return refuse({ ...base, failure: reason });
  }

  const changes = compareSnapshots(previous?.snapshot ?? null, next);
  const changedAt =
    !previous || hasChanges(changes)
      ? next.builtAt
      : (previous.snapshot.changedAt ?? previous.snapshot.builtAt);
  next = { ...next, changedAt };
  const guards: GuardResult[] = checkGuards(previous?.snapshot ?? null, next, changes, args.guards);
  const input = { ...base, next, changes, guards };
  if (previous && next.builtAt <= previous.snapshot.builtAt) {
    return refuse({
      ...input,
      failure: `built ${next.builtAt}, not after the previous ${previous.snapshot.builtAt}: extensions would refuse it`,
    });
  }
  if (guards.some((g) => !g.ok)) return refuse(input);

  const text = `${JSON.stringify(next)}\n`;
  const meta = snapshotMeta(next, text, previous, changes);
  const report = formatReport({ ...input, verdict: 'published' });
  await writeFiles(args.out, {
    [PUBLISHED_FILES.snapshot]: text,
    [PUBLISHED_FILES.meta]: `${JSON.stringify(meta, null, 2)}\n`,
    [PUBLISHED_FILES.report]: report,
  });
  log(
    `wrote ${PUBLISHED_FILES.snapshot} (${meta.bytes} bytes, sha256 ${meta.sha256}), ${PUBLISHED_FILES.meta}, ${PUBLISHED_FILES.report}`,
  );
  return { published: true, report, snapshot: next };
}

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The command itself: arguments in, exit code out (0 published, 1 refused, 2 bad arguments). */
export async function runPublish(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parsePublishArgs(argv);
  if ('error' in args) {
    if (args.error) io.stderr(`directory:publish: ${args.error}\n\n`);
    io.stderr(USAGE);
    return args.error ? 2 : 0;
  }
  if (!args.quiet) {
    args.crawl.onFile = ({ location, ok, reason }) =>
      io.stderr(ok ? `  read ${location}\n` : `  SKIPPED ${location}: ${reason}\n`);
  }
  const result = await publish(args, (line) => io.stderr(`${line}\n`));
  io.stdout(result.report);
  return result.published ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runPublish(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`directory:publish failed: ${String((error as Error)?.stack ?? error)}\n`);
      process.exit(1);
    },
  );
}
