// bench:popup — how fast the popup shows hosts, in Chromium with the built extension.
// For each directory (the bundled snapshot, then a synthetic one 10× the size of the real
// CHATONS federation, the same generator as bench:directory), the popup page is opened again
// and again for a Google Docs tab; each open measures, inside the page, the time from the
// navigation's start to the first host on screen (a MutationObserver installed before any of the
// page's scripts runs). The median is the figure; the first open after the worker restarted
// (load + index of the directory included) is reported apart.
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogue } from '../../src/catalogue/index';
import { normalizeFederation } from '../../src/core/directory/normalize';
import { CHROME_DIST, launchMatou, type Matou } from '../lib/browsers/chromium';
import { answerWelcome } from '../lib/browsers/matou-pages';
import { measureBuild } from '../lib/build-sizes';
import { syntheticFederation } from './directory';

const DOCS = 'https://docs.google.com/document/d/1AbCdEf/edit';
export const TARGETS = { bundledMs: 100, tenfoldMs: 150, popupKb: 40 };

export interface PopupBenchRow {
  label: string;
  organizations: number;
  opens: number;
  medianMs: number;
  p90Ms: number;
  /** The first open after the worker restarted: directory load and index included. */
  coldMs: number;
  hostsShown: number;
}

export interface PopupBenchResult {
  rows: PopupBenchRow[];
  /** The popup's JavaScript, minified (its entry and every chunk it loads). */
  popupKb: number;
  targets: typeof TARGETS;
  meetsTargets: boolean;
}

declare global {
  interface Window {
    __matouHostsAt?: number;
  }
}

/**
 * Runs in every page before its scripts: notes when the first host appears. A string, not a
 * function: tsx would wrap a function with helpers that do not exist in the page.
 */
const WATCH_FOR_HOSTS = `
if (location.pathname.endsWith('/popup/index.html')) {
  new MutationObserver((records, observer) => {
    if (window.__matouHostsAt === undefined && document.querySelector('.lead-host h3, .hosts h4')) {
      window.__matouHostsAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}`;

async function openOnce(matou: Matou, tabId: number): Promise<{ ms: number; hosts: number }> {
  const page = await matou.context.newPage();
  await page.goto(matou.extensionUrl(`src/popup/index.html?tab=${tabId}`));
  await page.waitForFunction(() => window.__matouHostsAt !== undefined, undefined, { timeout: 10_000 });
  const result = await page.evaluate(() => ({
    ms: window.__matouHostsAt!,
    hosts: document.querySelectorAll('.lead-host h3, .hosts h4').length,
  }));
  await page.close();
  return result;
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

async function measure(
  matou: Matou,
  tabId: number,
  label: string,
  organizations: number,
  opens: number,
): Promise<PopupBenchRow> {
  await matou.stopWorker();
  const cold = await openOnce(matou, tabId);
  for (let i = 0; i < 3; i += 1) await openOnce(matou, tabId); // warm-up, not counted
  const samples: number[] = [];
  let hostsShown = 0;
  for (let i = 0; i < opens; i += 1) {
    const { ms, hosts } = await openOnce(matou, tabId);
    samples.push(ms);
    hostsShown = hosts;
  }
  return {
    label,
    organizations,
    opens,
    medianMs: quantile(samples, 0.5),
    p90Ms: quantile(samples, 0.9),
    coldMs: cold.ms,
    hostsShown,
  };
}

/** `dist`: the built Chromium extension (default dist/chrome). */
export async function benchPopup(options: { opens?: number; dist?: string } = {}): Promise<PopupBenchResult> {
  const opens = Math.max(30, options.opens ?? 40);
  const dist = options.dist ?? CHROME_DIST;
  const matou = await launchMatou({ dist });
  try {
    await matou.context.addInitScript({ content: WATCH_FOR_HOSTS });
    await answerWelcome(matou, '35');
    const { tabId } = await matou.visit(DOCS);
    await matou.waitForBadge(tabId, (text) => text !== '');

    const bundled = JSON.parse(readFileSync(resolve(dist, 'directory/snapshot.json'), 'utf8')) as {
      builtAt: string;
      counts: { organizations: number };
    };
    const rows = [await measure(matou, tabId, 'bundled snapshot', bundled.counts.organizations, opens)];

    // 10× the real federation (≈100 members): stored as the downloaded copy, newer than the bundled one.
    const builtAt = new Date(Date.parse(bundled.builtAt) + 24 * 3600 * 1000);
    const tenfold = normalizeFederation(syntheticFederation(1000, 10), { catalogue, builtAt });
    await (
      await matou.worker()
    ).evaluate(
      (snapshot) => chrome.storage.local.set({ directoryCache: { snapshot, etag: '"bench"' } }),
      tenfold as unknown,
    );
    rows.push(await measure(matou, tabId, '10× synthetic', tenfold.counts.organizations, opens));
    const origin = await (
      await matou.worker()
    ).evaluate(async () => (await chrome.storage.local.get('directoryCache')).directoryCache !== undefined);
    if (!origin) throw new Error('the 10× directory was not stored');

    const popup = measureBuild(dist).entries.find((entry) => entry.entry === 'popup');
    const popupKb = (popup?.bytes ?? 0) / 1024;
    const meetsTargets =
      rows[0]!.medianMs < TARGETS.bundledMs &&
      rows[1]!.medianMs < TARGETS.tenfoldMs &&
      popupKb > 0 &&
      popupKb < TARGETS.popupKb;
    return { rows, popupKb, targets: TARGETS, meetsTargets };
  } finally {
    await matou.close();
  }
}

export function formatPopupBench(result: PopupBenchResult): string {
  const fmt = (n: number) => n.toFixed(1);
  const lines = result.rows.map(
    (r) =>
      `${r.label.padEnd(18)} ${String(r.organizations).padStart(5)} members   median ${fmt(r.medianMs).padStart(6)} ms   p90 ${fmt(r.p90Ms).padStart(6)} ms   ` +
      `first open after worker restart ${fmt(r.coldMs).padStart(6)} ms   (${r.opens} opens, ${r.hostsShown} hosts on screen)`,
  );
  return [
    ...lines,
    `popup JavaScript, minified: ${result.popupKb.toFixed(1)} KB`,
    '',
    `Targets: median < ${result.targets.bundledMs} ms (bundled), < ${result.targets.tenfoldMs} ms (10×), popup JS < ${result.targets.popupKb} KB: ${result.meetsTargets ? 'met' : 'NOT met'}.`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPopup().then(
    (result) => {
      process.stdout.write(
        'Popup benchmark (Chromium, built extension; time from opening the popup page to the first host rendered)\n\n',
      );
      process.stdout.write(`${formatPopupBench(result)}\n`);
      if (!result.meetsTargets) process.exitCode = 1;
    },
    (error: unknown) => {
      process.stderr.write(`bench:popup failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
