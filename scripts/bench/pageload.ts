// Page-load cost and badge latency, in Debian's Chromium with the built extension (dist/chrome).
//
// Page-load cost: four browsers side by side on one fake web, each with one blank tab kept open
// for the whole run:
// - Matou (launchMatou);
// - two plain Chromiums, same flags, no extension (launchPlainChromium): the first is the
//   "without" of the figure, the second against the first is the A/A control, the noise floor;
// - an extension without code: Matou's manifest matches, an empty content script at the same
//   run_at, an empty worker. It is what any extension with a content script on those pages costs
//   in Chromium, before a line of Matou runs.
// Each round loads the same catalogued page once in each browser, in a rotating order, after a
// warm-up; every load is a fresh tab and a fresh navigation (the fake web answers `cache-control:
// no-store`). The figure is the page's own `loadEventStart` (ms after its navigation start).
//
// The kept tab matters: the harness closes the options page Matou opens on first run, which leaves
// Matou's browser without a window, so that every new tab would open a new window (measured: about
// +25 ms on each load, in any extension that opens a page on install). A user's browser has a
// window; the bench gives every browser one.
//
// Badge latency: from the page's navigation start (`performance.timeOrigin`, epoch ms) to the
// badge being set, two ways, alternated sample by sample:
// - hook: `chrome.action.setBadgeText` wrapped in the service worker; the time its promise resolves
//   (the browser has applied the text). Sub-millisecond, nothing else runs meanwhile.
// - poll: an extension page that runs none of Matou's code (the built manifest.json, shown as text)
//   calls `chrome.action.getBadgeText({tabId})` in a tight loop; the first non-empty answer. Does
//   not touch the worker, so it also measures a cold start: the worker stopped (as after 30 s idle)
//   before the navigation, the content script's message starting it again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { CHROME_DIST, launchMatou, launchPlainChromium, type Matou } from '../lib/browsers/chromium';
import { startFakeWeb } from '../lib/browsers/fake-web';
import { answerWelcome } from '../lib/browsers/matou-pages';
import { mulberry32 } from '../lib/prng';

/** Catalogued pages the harness maps to the fake web, visited in turn. */
export const BENCH_PAGES = [
  'https://mail.google.com/mail/u/0/',
  'https://docs.google.com/document/d/1AbCdEf/edit',
  'https://zoom.us/j/1234567890?pwd=abc',
  'https://discord.com/channels/@me',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
] as const;

/** Issue #10's targets: badge medians under 40 ms with a warm worker, under 80 ms with a stopped one. */
export const PAGELOAD_TARGETS = { differenceMs: 5, badgeWarmMs: 40, badgeColdMs: 80 };

export interface Stats {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** One browser against another, over the same rounds. */
export interface Comparison {
  /** median(a) − median(b): the figure. */
  differenceMs: number;
  ci95: [number, number];
  /** median(a) / median(b). */
  ratio: number;
  /** Median of the round-by-round differences (a round loads one page in every browser within a second). */
  pairedMs: number;
  pairedCi95: [number, number];
}

export interface PageLoadResult {
  rounds: number;
  warmupRounds: number;
  /** loadEventStart in each browser. */
  withMatou: Stats;
  /** The first plain Chromium: "without Matou". */
  without: Stats;
  /** The second plain Chromium (A/A control). */
  control: Stats;
  /** The extension without code (Matou's matches, empty content script and worker). */
  emptyExtension: Stats;
  /** The figure: Matou against the first plain Chromium. */
  matou: Comparison;
  /** A/A: the second plain Chromium against the first, the noise floor of this run. */
  aa: Comparison;
  /** What Chromium charges for any content-script extension on these pages. */
  emptyExtensionCost: Comparison;
  /** What Matou's own code adds on top: Matou against the extension without code. */
  matouCode: Comparison;
  /** The machine's 1-minute load average before and after the page loads (other work disturbs). */
  loadAverage: [number, number];
  meetsTarget: boolean;
}

export interface BadgeLatencyResult {
  /** Warm worker, hook in the worker: navigation start → setBadgeText resolved. */
  hook: Stats;
  /** Warm worker, extension page polling getBadgeText: navigation start → first non-empty answer. */
  poll: Stats;
  /** Median time between two getBadgeText answers in the polling loop (ms). */
  pollIntervalMs: number;
  /** Worker stopped before each navigation (polling). */
  cold: Stats;
  /** Page and extension processes map their monotonic clocks to epoch time alike, within this (ms). */
  clockSkewMs: number;
  /** Warm worker (hook): median under its target. */
  meetsTarget: boolean;
  /** Cold worker: median under its target. */
  coldMeetsTarget: boolean;
}

export interface PageLoadBenchResult {
  pageLoad: PageLoadResult;
  badge: BadgeLatencyResult;
  pages: readonly string[];
}

export interface PageLoadBenchOptions {
  /** The built Chromium extension (default dist/chrome). */
  dist?: string;
  /** Measured rounds (one load in each browser per round); at least 30. */
  rounds?: number;
  warmupRounds?: number;
  /** Warm badge samples per method (hook, poll); at least 30. */
  badgeSamples?: number;
  coldSamples?: number;
  log?: (line: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function stats(values: readonly number[]): Stats {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p90: quantile(values, 0.9),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** 95 % percentile-bootstrap interval of median(a) − median(b), the two samples resampled apart. */
export function bootstrapMedianDifference(
  a: readonly number[],
  b: readonly number[],
  resamples = 2000,
): [number, number] {
  const random = mulberry32(20251123); // deterministic for a given set of samples
  const resample = (values: readonly number[]) =>
    Array.from({ length: values.length }, () => values[Math.floor(random() * values.length)]!);
  const differences: number[] = [];
  for (let i = 0; i < resamples; i += 1)
    differences.push(quantile(resample(a), 0.5) - quantile(resample(b), 0.5));
  return [quantile(differences, 0.025), quantile(differences, 0.975)];
}

/** 95 % percentile-bootstrap interval of the median of paired differences (the rounds resampled). */
export function bootstrapPairedMedian(differences: readonly number[], resamples = 2000): [number, number] {
  const random = mulberry32(20251124);
  const medians: number[] = [];
  for (let i = 0; i < resamples; i += 1) {
    medians.push(
      quantile(
        Array.from(
          { length: differences.length },
          () => differences[Math.floor(random() * differences.length)]!,
        ),
        0.5,
      ),
    );
  }
  return [quantile(medians, 0.025), quantile(medians, 0.975)];
}

/** `a` and `b` in round order: a[i] and b[i] were loaded in the same round. */
export function compare(a: readonly number[], b: readonly number[]): Comparison {
  const medianA = quantile(a, 0.5);
  const medianB = quantile(b, 0.5);
  const paired = a.map((value, i) => value - b[i]!);
  return {
    differenceMs: medianA - medianB,
    ci95: bootstrapMedianDifference(a, b),
    ratio: medianA / medianB,
    pairedMs: quantile(paired, 0.5),
    pairedCi95: bootstrapPairedMedian(paired),
  };
}

// ---------------------------------------------------------------------------------------------
// Page-load cost

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One fresh tab, one navigation; the page's loadEventStart (ms after its navigation start). */
async function loadOnce(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const loadEventStart = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return entry?.loadEventStart ?? -1;
    });
    if (!(loadEventStart > 0)) throw new Error(`no navigation timing for ${url}`);
    return loadEventStart;
  } finally {
    await page.close();
  }
}

/** The order of the browsers in a round: rotated each round, reversed every other cycle. */
export function roundOrder(round: number, arms: number): number[] {
  const shift = ((round % arms) + arms) % arms;
  const order = Array.from({ length: arms }, (_, i) => (i + shift) % arms);
  return Math.floor(round / arms) % 2 === 0 ? order : order.reverse();
}

/**
 * An extension without code, shaped like Matou where Chromium looks: the same content-script
 * matches and run_at, an empty content script, an empty worker (so that the harness finds it).
 */
export function makeEmptyExtension(dist: string): string {
  const source = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts: Array<{ matches: string[]; run_at?: string; all_frames?: boolean }>;
  };
  const dir = mkdtempSync(join(tmpdir(), 'matou-bench-empty-extension-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Extension without code (bench control)',
      version: '1.0',
      background: { service_worker: 'worker.js' },
      content_scripts: source.content_scripts.map(({ matches, run_at, all_frames }) => ({
        matches,
        run_at,
        all_frames,
        js: ['content.js'],
      })),
    }),
  );
  writeFileSync(join(dir, 'worker.js'), '');
  writeFileSync(join(dir, 'content.js'), '');
  return dir;
}

const ARMS = ['Matou', 'plain Chromium', 'plain Chromium 2', 'extension without code'] as const;

async function measurePageLoad(
  contexts: readonly BrowserContext[],
  rounds: number,
  warmupRounds: number,
  log: (line: string) => void,
): Promise<PageLoadResult> {
  const samples: number[][] = contexts.map(() => []);
  const loadBefore = loadavg()[0]!;
  for (let round = -warmupRounds; round < rounds; round += 1) {
    const url = BENCH_PAGES[((round % BENCH_PAGES.length) + BENCH_PAGES.length) % BENCH_PAGES.length]!;
    for (const arm of roundOrder(round, contexts.length)) {
      const ms = await loadOnce(contexts[arm]!, url);
      if (round >= 0) samples[arm]!.push(ms);
      // Let Matou's worker finish with the page (badge) before the next load in any browser.
      await sleep(120);
    }
    if (round >= 0 && (round + 1) % 10 === 0) log(`  page load: ${round + 1}/${rounds} rounds`);
  }
  const loadAfter = loadavg()[0]!;
  const [withSamples, withoutSamples, controlSamples, emptySamples] = samples as [
    number[],
    number[],
    number[],
    number[],
  ];
  const matou = compare(withSamples, withoutSamples);
  return {
    rounds,
    warmupRounds,
    withMatou: stats(withSamples),
    without: stats(withoutSamples),
    control: stats(controlSamples),
    emptyExtension: stats(emptySamples),
    matou,
    aa: compare(controlSamples, withoutSamples),
    emptyExtensionCost: compare(emptySamples, withoutSamples),
    matouCode: compare(withSamples, emptySamples),
    loadAverage: [loadBefore, loadAfter],
    meetsTarget: Math.abs(matou.differenceMs) <= PAGELOAD_TARGETS.differenceMs,
  };
}

// ---------------------------------------------------------------------------------------------
// Badge latency

interface BenchGlobals {
  __matouBenchSets?: Array<{ tabId: number; text: string; calledAt: number; doneAt: number }>;
  __matouBenchPoll?: Promise<{ at: number; polls: number; pollMs: number }>;
  __matouBenchPolling?: boolean;
}

/**
 * Wraps setBadgeText in the worker (once per worker instance): records when each call resolved.
 * Matou's bundle calls `browser.action.setBadgeText`, and Chromium's `browser.action` is
 * `chrome.action`, looked up at each call.
 */
export async function installHook(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as BenchGlobals;
    if (scope.__matouBenchSets) return;
    const sets: NonNullable<BenchGlobals['__matouBenchSets']> = [];
    scope.__matouBenchSets = sets;
    const action = chrome.action as unknown as {
      setBadgeText: (details: { tabId?: number; text: string }, ...rest: unknown[]) => unknown;
    };
    const original = action.setBadgeText.bind(action);
    action.setBadgeText = (details, ...rest) => {
      const calledAt = performance.timeOrigin + performance.now();
      const callback = rest[0];
      // No named inner functions: tsx would wrap them in a helper the worker does not have.
      if (typeof callback === 'function') {
        return original(details, () => {
          sets.push({
            tabId: details.tabId ?? -1,
            text: details.text,
            calledAt,
            doneAt: performance.timeOrigin + performance.now(),
          });
          (callback as () => void)();
        });
      }
      return (original(details) as Promise<unknown>).then((value) => {
        sets.push({
          tabId: details.tabId ?? -1,
          text: details.text,
          calledAt,
          doneAt: performance.timeOrigin + performance.now(),
        });
        return value;
      });
    };
  });
}

export async function hookedSetAt(matou: Matou, tabId: number, timeoutMs = 5000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await (
      await matou.worker()
    ).evaluate(
      (id) =>
        (globalThis as unknown as BenchGlobals).__matouBenchSets?.find(
          (set) => set.tabId === id && set.text !== '',
        )?.doneAt ?? null,
      tabId,
    );
    if (found !== null) return found;
    await sleep(20);
  }
  throw new Error(`no badge set for tab ${tabId} within ${timeoutMs} ms`);
}

/** Starts the polling loop in the extension page; resolves once it is running. */
export async function startPolling(poller: Page, tabId: number): Promise<void> {
  await poller.evaluate(async (id) => {
    const scope = globalThis as unknown as BenchGlobals;
    let running: ((value: void) => void) | undefined;
    const started = new Promise<void>((resolve) => {
      running = resolve;
    });
    scope.__matouBenchPolling = true;
    scope.__matouBenchPoll = (async () => {
      let polls = 0;
      const first = performance.now();
      while (scope.__matouBenchPolling) {
        const text = await chrome.action.getBadgeText({ tabId: id });
        const at = performance.timeOrigin + performance.now();
        polls += 1;
        if (polls === 1) running?.();
        if (text !== '') return { at, polls, pollMs: (performance.now() - first) / polls };
      }
      throw new Error('polling stopped');
    })();
    await started;
  }, tabId);
}

export async function polledSetAt(poller: Page, timeoutMs = 10_000): Promise<{ at: number; pollMs: number }> {
  const timer = setTimeout(
    () =>
      void poller
        .evaluate(() => {
          (globalThis as unknown as BenchGlobals).__matouBenchPolling = false;
        })
        .catch(() => undefined),
    timeoutMs,
  );
  try {
    return await poller.evaluate(() => (globalThis as unknown as BenchGlobals).__matouBenchPoll!);
  } finally {
    clearTimeout(timer);
  }
}

/** A new tab on about:blank and its id, ready to be navigated. */
export async function blankTab(matou: Matou): Promise<{ page: Page; tabId: number }> {
  const page = await matou.context.newPage();
  return { page, tabId: await matou.tabIdOf(page) };
}

/** How far apart a page's and an extension page's epoch clocks (timeOrigin + now − Date.now()) are. */
async function clockSkew(a: Page, b: Page): Promise<number> {
  const offset = (page: Page) =>
    page.evaluate(() => {
      const offsets: number[] = [];
      for (let i = 0; i < 200; i += 1) offsets.push(performance.timeOrigin + performance.now() - Date.now());
      return offsets.reduce((sum, x) => sum + x, 0) / offsets.length;
    });
  return Math.abs((await offset(a)) - (await offset(b)));
}

async function measureBadge(
  matou: Matou,
  samples: number,
  coldSamples: number,
  log: (line: string) => void,
): Promise<BadgeLatencyResult> {
  const poller = await matou.context.newPage();
  await poller.goto(matou.extensionUrl('manifest.json'));
  await installHook(await matou.worker());

  const hook: number[] = [];
  const poll: number[] = [];
  const pollIntervals: number[] = [];
  let skew = 0;
  // Warm-up: the worker has loaded its settings and directory before the first measured sample.
  for (let i = -3; i < 2 * samples; i += 1) {
    const url = BENCH_PAGES[((i % BENCH_PAGES.length) + BENCH_PAGES.length) % BENCH_PAGES.length]!;
    const polling = i >= 0 && i % 2 === 1;
    await installHook(await matou.worker()); // again if the browser restarted the worker
    const { page, tabId } = await blankTab(matou);
    if (polling) await startPolling(poller, tabId);
    await page.goto(url, { waitUntil: 'load' });
    const origin = await page.evaluate(() => performance.timeOrigin);
    if (i === 0) skew = await clockSkew(page, poller);
    if (polling) {
      const { at, pollMs } = await polledSetAt(poller);
      poll.push(at - origin);
      pollIntervals.push(pollMs);
    } else {
      const at = await hookedSetAt(matou, tabId);
      if (i >= 0) hook.push(at - origin);
    }
    await page.close();
    await sleep(50);
    if (i >= 0 && (i + 1) % 20 === 0) log(`  badge latency: ${i + 1}/${2 * samples} warm samples`);
  }

  const cold: number[] = [];
  for (let i = 0; i < coldSamples; i += 1) {
    const url = BENCH_PAGES[i % BENCH_PAGES.length]!;
    const { page, tabId } = await blankTab(matou);
    await matou.stopWorker();
    await sleep(300);
    await startPolling(poller, tabId);
    await page.goto(url, { waitUntil: 'load' });
    const origin = await page.evaluate(() => performance.timeOrigin);
    const { at } = await polledSetAt(poller);
    cold.push(at - origin);
    await page.close();
  }
  log(`  badge latency: ${coldSamples} cold samples`);
  await poller.close();

  const hookStats = stats(hook);
  return {
    hook: hookStats,
    poll: stats(poll),
    pollIntervalMs: quantile(pollIntervals, 0.5),
    cold: stats(cold),
    clockSkewMs: skew,
    meetsTarget: hookStats.median < PAGELOAD_TARGETS.badgeWarmMs,
    coldMeetsTarget: quantile(cold, 0.5) < PAGELOAD_TARGETS.badgeColdMs,
  };
}

// ---------------------------------------------------------------------------------------------

export async function benchPageLoad(options: PageLoadBenchOptions = {}): Promise<PageLoadBenchResult> {
  const dist = options.dist ?? CHROME_DIST;
  const rounds = Math.max(30, options.rounds ?? 300);
  const warmupRounds = options.warmupRounds ?? 6;
  const badgeSamples = Math.max(30, options.badgeSamples ?? 40);
  const coldSamples = options.coldSamples ?? 20;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const emptyDist = makeEmptyExtension(dist);
  const web = await startFakeWeb();
  const closers: Array<() => Promise<void>> = [];
  try {
    const matou = await launchMatou({ web, dist });
    closers.push(() => matou.close());
    // A settled user: the first-run question answered (Ille-et-Vilaine), as in bench:popup.
    await answerWelcome(matou, '35');
    const plain = await launchPlainChromium({ web });
    closers.push(() => plain.close());
    const control = await launchPlainChromium({ web });
    closers.push(() => control.close());
    const empty = await launchMatou({ web, dist: emptyDist });
    closers.push(() => empty.close());
    const contexts = [matou.context, plain.context, control.context, empty.context];
    // One blank tab kept open in each browser (see the top of this file).
    for (const context of contexts) await context.newPage();

    const pageLoad = await measurePageLoad(contexts, rounds, warmupRounds, log);
    for (const close of closers.splice(1)) await close();
    const badge = await measureBadge(matou, badgeSamples, coldSamples, log);
    return { pageLoad, badge, pages: BENCH_PAGES };
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    await web.close();
    rmSync(emptyDist, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

const signed = (n: number) => `${n >= 0 ? '+' : ''}${ms(n)}`;

export function formatComparison(c: Comparison): string {
  return (
    `${signed(c.differenceMs)} (95 % CI ${c.ci95[0].toFixed(1)} to ${c.ci95[1].toFixed(1)} ms), ratio ${c.ratio.toFixed(3)}; ` +
    `paired ${signed(c.pairedMs)} (${c.pairedCi95[0].toFixed(1)} to ${c.pairedCi95[1].toFixed(1)} ms)`
  );
}

export function formatPageLoadBench(result: PageLoadBenchResult): string {
  const { pageLoad: p, badge: b } = result;
  const row = (label: string, s: Stats) =>
    `  ${label.padEnd(32)} median ${ms(s.median).padStart(9)}   p90 ${ms(s.p90).padStart(9)}   (n = ${s.n})`;
  return [
    `Page-load cost (loadEventStart, ${p.rounds} rounds after ${p.warmupRounds} of warm-up, the ${ARMS.length} browsers alternated; ` +
      `load average ${p.loadAverage[0].toFixed(2)} → ${p.loadAverage[1].toFixed(2)}):`,
    row('with Matou', p.withMatou),
    row('without (plain Chromium)', p.without),
    row('A/A control (plain Chromium 2)', p.control),
    row('extension without code', p.emptyExtension),
    `  Matou − without:                  ${formatComparison(p.matou)}`,
    `  A/A (plain 2 − plain):            ${formatComparison(p.aa)}`,
    `  extension without code − without: ${formatComparison(p.emptyExtensionCost)}`,
    `  Matou − extension without code:   ${formatComparison(p.matouCode)}`,
    `  target: within ${PAGELOAD_TARGETS.differenceMs} ms: ${p.meetsTarget ? 'met' : 'NOT met'}`,
    '',
    'Badge latency (navigation start → badge set):',
    row('warm worker, hook', b.hook),
    row('warm worker, polling', b.poll),
    row('cold worker (stopped), polling', b.cold),
    `  polling interval ${b.pollIntervalMs.toFixed(2)} ms; page/extension clock skew ${b.clockSkewMs.toFixed(2)} ms`,
    `  targets: median under ${PAGELOAD_TARGETS.badgeWarmMs} ms warm: ${b.meetsTarget ? 'met' : 'NOT met'}; under ${PAGELOAD_TARGETS.badgeColdMs} ms cold: ${b.coldMeetsTarget ? 'met' : 'NOT met'}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPageLoad().then(
    (result) => process.stdout.write(`${formatPageLoadBench(result)}\n`),
    (error: unknown) => {
      process.stderr.write(
        `bench pageload failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
