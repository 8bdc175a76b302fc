// bench:badge — the badge latency of Chromium builds side by side in one run, and (with --trace)
// where its milliseconds go. The figure is bench:pageload's: navigation start → badge set, warm
// (setBadgeText hooked in the worker) and cold (the worker stopped before the navigation, the
// badge polled from an extension page running none of Matou's code).
//
//   npm run bench:badge -- [--build <label>=<dist>]… [--floor] [--warm 20] [--cold 20] [--trace] [--json <file>]
//
// Without --build, dist/chrome is measured. Each build runs in its own browser, launched alike,
// and the samples alternate between them (a, b, then b, a…), so that the medians share the
// machine's ups and downs; to compare with another commit, build it into its own folder first
// (e.g. `git worktree add` it, then `npx vite build --mode chrome --outDir <dir>` there).
// --floor adds the floor of any extension shaped like Matou: the first build's manifest and
// content script, and a worker that sets a fixed badge as soon as a report arrives (no code of
// Matou's in it): what Chromium itself charges for the same path. --trace measures traced copies
// (badge-trace.ts) and adds the decomposition: each step's time after navigation start, and the
// time between steps.
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { CHROME_DIST, launchMatou, type Matou } from '../lib/browsers/chromium';
import { startFakeWeb } from '../lib/browsers/fake-web';
import { answerWelcome } from '../lib/browsers/matou-pages';
import { isMainModule } from '../lib/catalogue-files';
import { takeTrace, tracedCopy, type WorkerTrace } from './badge-trace';
import {
  BENCH_PAGES,
  chromiumBadgeHarness,
  hookedSetAt,
  installBadgeHook,
  isBareBuild,
  makeFloorExtension,
  polledSetAt,
  quantile,
  roundOrder,
  sleep,
  startPolling,
  stats,
  type BadgeHarness,
  type Stats,
} from './pageload';

/** Steps of the badge path, in the order they happen; each is ms after the page's navigation start. */
export const STEPS = [
  ['responseStart', 'page: first byte of the response'],
  ['contentStart', 'content script starts'],
  ['contentSent', 'content script sends its report'],
  ['workerOrigin', 'worker started (cold only)'],
  ['scriptStart', "worker's script starts (cold only)"],
  ['bundleEvaluated', "Matou's bundle evaluated (cold only)"],
  ['reportArrived', 'report reaches the listener'],
  ['firstCall', 'first browser call after it'],
  ['lastReadDone', 'last storage read before the badge done'],
  ['badgeCalled', 'setBadgeText called'],
  ['badgeDone', 'setBadgeText resolved'],
] as const;
export type Step = (typeof STEPS)[number][0];
export type Decomposition = Partial<Record<Step, number>>;

export interface Sample {
  ms: number;
  steps?: Decomposition;
  /** The browser calls the badge path made (traced runs): api and detail, in call order. */
  calls?: string[];
}

export interface ArmResult {
  label: string;
  dist: string;
  warm: Stats;
  cold: Stats;
  warmSamples: Sample[];
  coldSamples: Sample[];
}

/** A new tab on about:blank and its id, ready to be navigated (a Playwright page: its navigation timing is read). */
async function blankTab(matou: Matou): Promise<{ page: Page; tabId: number }> {
  const page = await matou.context.newPage();
  return { page, tabId: await matou.tabIdOf(page) };
}

interface Arm {
  label: string;
  dist: string;
  matou: Matou;
  /** The same hook and polling page as bench:pageload's. */
  harness: BadgeHarness & { close(): Promise<void> };
  warm: Sample[];
  cold: Sample[];
}

async function navigationTimes(page: Page): Promise<{ origin: number; responseStart: number }> {
  return page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { origin: performance.timeOrigin, responseStart: entry?.responseStart ?? Number.NaN };
  });
}

/** The steps of one sample, from the page's timing and the worker's trace of that page. */
export function decompose(
  trace: WorkerTrace,
  url: string,
  origin: number,
  responseStart: number,
  cold: boolean,
): { steps: Decomposition; calls: string[] } {
  const steps: Decomposition = { responseStart };
  const rel = (at: number | null | undefined) => (typeof at === 'number' ? at - origin : undefined);
  const content = trace.content.find((entry) => entry.url === url);
  steps.contentStart = rel(content?.startedAt);
  steps.contentSent = rel(content?.sentAt);
  if (cold) {
    steps.workerOrigin = rel(trace.workerOrigin);
    steps.scriptStart = rel(trace.scriptStart);
    steps.bundleEvaluated = rel(trace.bundleEvaluated);
  }
  const arrived = trace.reports.find((report) => report.url === url)?.at;
  steps.reportArrived = rel(arrived);
  const after = trace.calls.filter((call) => arrived !== undefined && call.calledAt >= arrived);
  steps.firstCall = rel(after[0]?.calledAt);
  const badge = after.find((call) => call.api === 'action.setBadgeText' && call.detail !== '');
  steps.badgeCalled = rel(badge?.calledAt);
  steps.badgeDone = rel(badge?.doneAt);
  const reads = after.filter(
    (call) => call.api.endsWith('.get') && badge !== undefined && call.calledAt <= badge.calledAt,
  );
  steps.lastReadDone = rel(Math.max(...reads.map((call) => call.doneAt ?? Number.NaN)));
  if (reads.length === 0) delete steps.lastReadDone;
  // Every call up to the badge, those made before the report arrived marked as such.
  const calls = trace.calls
    .filter((call) => badge === undefined || call.calledAt <= badge.calledAt)
    .map(
      (call) =>
        `${arrived !== undefined && call.calledAt < arrived ? 'before the report: ' : ''}${call.api}(${call.detail})`,
    );
  return { steps, calls };
}

async function warmSample(arm: Arm, url: string, trace: boolean): Promise<Sample> {
  const { matou } = arm;
  await (
    await arm.harness.background()
  )(installBadgeHook, 'self'); // again if the browser restarted the worker
  if (trace) await takeTrace(await matou.worker());
  const { page, tabId } = await blankTab(matou);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const { origin, responseStart } = await navigationTimes(page);
    const at = await hookedSetAt(arm.harness, tabId);
    const sample: Sample = { ms: at - origin };
    if (trace) {
      await sleep(20); // the content script's trace message follows its report
      const got = await takeTrace(await matou.worker());
      if (got) Object.assign(sample, decompose(got, url, origin, responseStart, false));
    }
    return sample;
  } finally {
    await page.close();
  }
}

async function coldSample(arm: Arm, url: string, trace: boolean): Promise<Sample> {
  const { matou, harness } = arm;
  const { page, tabId } = await blankTab(matou);
  try {
    await matou.stopWorker();
    await sleep(300);
    await startPolling(harness.poller, tabId);
    await page.goto(url, { waitUntil: 'load' });
    const { origin, responseStart } = await navigationTimes(page);
    const { at } = await polledSetAt(harness.poller);
    const sample: Sample = { ms: at - origin };
    if (trace) {
      await sleep(20);
      const got = await takeTrace(await matou.worker());
      if (got) Object.assign(sample, decompose(got, url, origin, responseStart, true));
    }
    return sample;
  } finally {
    await page.close();
  }
}

export interface BadgeBenchOptions {
  dists: Array<{ label: string; dist: string }>;
  warm?: number;
  cold?: number;
  trace?: boolean;
  log?: (line: string) => void;
}

export async function benchBadge(options: BadgeBenchOptions): Promise<ArmResult[]> {
  const warm = options.warm ?? 20;
  const cold = options.cold ?? 20;
  const trace = options.trace ?? false;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const web = await startFakeWeb();
  const arms: Arm[] = [];
  try {
    for (const { label, dist } of options.dists) {
      const matou = await launchMatou({ web, dist: trace ? tracedCopy(dist) : dist });
      // A settled user (first-run question answered), one blank tab kept open, as in bench:pageload.
      if (!isBareBuild(dist)) await answerWelcome(matou, '35');
      await matou.context.newPage();
      arms.push({ label, dist, matou, harness: await chromiumBadgeHarness(matou), warm: [], cold: [] });
    }
    const page = (i: number) =>
      BENCH_PAGES[((i % BENCH_PAGES.length) + BENCH_PAGES.length) % BENCH_PAGES.length]!;
    for (let i = -3; i < warm; i += 1) {
      for (const index of roundOrder(i, arms.length)) {
        const arm = arms[index]!;
        const sample = await warmSample(arm, page(i), trace);
        if (i >= 0) arm.warm.push(sample);
        await sleep(50);
      }
    }
    log(`  badge: ${warm} warm samples per build`);
    for (let i = 0; i < cold; i += 1) {
      for (const index of roundOrder(i, arms.length)) {
        const arm = arms[index]!;
        arm.cold.push(await coldSample(arm, page(i), trace));
      }
    }
    log(`  badge: ${cold} cold samples per build`);
    return arms.map((arm) => ({
      label: arm.label,
      dist: arm.dist,
      warm: stats(arm.warm.map((s) => s.ms)),
      cold: stats(arm.cold.map((s) => s.ms)),
      warmSamples: arm.warm,
      coldSamples: arm.cold,
    }));
  } finally {
    for (const arm of arms) await arm.matou.close().catch(() => undefined);
    await web.close();
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${fmt(Math.abs(n))}`;

/** Medians of each step, and of the time from the step before (sample by sample). */
function formatSteps(samples: Sample[], cold: boolean): string[] {
  const lines: string[] = [];
  let previous: Step | null = null;
  for (const [step, label] of STEPS) {
    if (!cold && (step === 'workerOrigin' || step === 'scriptStart' || step === 'bundleEvaluated')) continue;
    const values = samples.map((s) => s.steps?.[step]).filter((v): v is number => typeof v === 'number');
    if (values.length === 0) continue;
    const from = previous;
    const gaps = samples
      .map((s) =>
        from && s.steps?.[step] !== undefined && s.steps[from] !== undefined
          ? s.steps[step]! - s.steps[from]!
          : NaN,
      )
      .filter(Number.isFinite);
    lines.push(
      `    ${label.padEnd(44)} ${fmt(quantile(values, 0.5)).padStart(9)}` +
        (gaps.length > 0 ? `   (+${fmt(quantile(gaps, 0.5))} after the step above)` : ''),
    );
    previous = step;
  }
  // The second figure, beside the first: from the content script's start, which leaves out the
  // navigation itself (Chromium's, the same with or without an extension).
  const fromContent = samples
    .map((s) => (s.steps?.badgeDone ?? NaN) - (s.steps?.contentStart ?? NaN))
    .filter(Number.isFinite);
  if (fromContent.length > 0)
    lines.push(
      `    ${'content script start → badge set'.padEnd(44)} ${fmt(quantile(fromContent, 0.5)).padStart(9)}`,
    );
  return lines;
}

export function formatBadgeBench(results: ArmResult[]): string {
  const lines: string[] = ['Badge latency (navigation start → badge set), builds side by side:'];
  for (const r of results) {
    lines.push(
      `  ${r.label.padEnd(12)} warm median ${fmt(r.warm.median).padStart(9)} (p90 ${fmt(r.warm.p90)}, n = ${r.warm.n})` +
        `   cold median ${fmt(r.cold.median).padStart(9)} (p90 ${fmt(r.cold.p90)}, n = ${r.cold.n})   ${r.dist}`,
    );
  }
  const against = (r: ArmResult, base: ArmResult) =>
    `  ${r.label} against ${base.label}: warm ${signed(r.warm.median - base.warm.median)} (ratio ${(r.warm.median / base.warm.median).toFixed(3)}), ` +
    `cold ${signed(r.cold.median - base.cold.median)} (ratio ${(r.cold.median / base.cold.median).toFixed(3)})`;
  const [first] = results;
  const floor = results.find((r) => r.label === 'floor');
  for (const r of results.slice(1)) if (first && r !== floor) lines.push(against(r, first));
  if (floor) for (const r of results) if (r !== floor) lines.push(against(r, floor));
  for (const r of results) {
    if (!r.warmSamples.some((s) => s.steps)) continue;
    lines.push(
      '',
      `  ${r.label}, warm (medians, ms after navigation start):`,
      ...formatSteps(r.warmSamples, false),
    );
    lines.push(`  ${r.label}, cold:`, ...formatSteps(r.coldSamples, true));
    const calls = r.coldSamples.find((s) => s.calls)?.calls;
    if (calls)
      lines.push(`  ${r.label}, browser calls before the badge (cold, first sample): ${calls.join(', ')}`);
  }
  return lines.join('\n');
}

if (isMainModule(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      build: { type: 'string', multiple: true },
      floor: { type: 'boolean' },
      warm: { type: 'string' },
      cold: { type: 'string' },
      trace: { type: 'boolean' },
      json: { type: 'string' },
    },
  });
  const dists = (values.build ?? [`chrome=${CHROME_DIST}`]).map((spec) => {
    const [label, dir] = spec.includes('=')
      ? (spec.split(/=(.*)/s) as [string, string])
      : [basename(spec), spec];
    return { label, dist: resolve(dir) };
  });
  if (values.floor) dists.push({ label: 'floor', dist: makeFloorExtension(dists[0]!.dist) });
  benchBadge({
    dists,
    warm: Number(values.warm ?? 20),
    cold: Number(values.cold ?? 20),
    trace: values.trace ?? false,
  }).then(
    (results) => {
      process.stdout.write(`${formatBadgeBench(results)}\n`);
      if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
    },
    (error: unknown) => {
      process.stderr.write(`bench:badge failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
