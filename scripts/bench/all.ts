// npm run bench — every speed and size figure of Matou in one run, written to docs/performance.md.
//
// Builds and packages once (`npm run package`: dist/chrome, dist/firefox and both zips), copies
// the builds aside (a rebuild during the run cannot change what is measured), then runs, one after
// the other: sizes, bench:classify, bench:directory, bench:popup and the page-load and badge bench
// in Chromium, then in Firefox. Speed figures are compared side by side within one run (Matou
// against plain browsers of its own kind and an extension without code, the compiled classifier
// against a naive one, 10× directories against the bundled one), and Chromium's and Firefox's
// figures are reported side by side; the report gives the machine, the browsers and the date.
//
//   npm run bench                      build, package, measure, write docs/performance.md
//   npm run bench -- --skip-build      measure the builds and zips already in dist/
//   npm run bench -- --out <file>      write the report elsewhere
//   npm run bench -- --from <json>     write the report again from a run's raw figures (each run keeps
//                                      them in dist/bench/performance.json), without measuring
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, requireBuild } from '../lib/browsers/chromium';
import { isMainModule } from '../lib/catalogue-files';
import { measureBuild, packagePath, type BuildSizes } from '../lib/build-sizes';
import { runClassifyBench, type ClassifyBenchResult } from './classify';
import { TENFOLD, benchDirectory, formatDirectoryBench, type DirectoryBenchResult } from './directory';
import {
  armNames,
  backgroundWords,
  benchPageLoad,
  formatComparison,
  formatPageLoadBench,
  PAGELOAD_TARGETS,
  type Comparison,
  type PageLoadBenchResult,
  type Stats,
} from './pageload';
import { benchFirefoxPageLoad } from './pageload-firefox';
import { benchPopup, formatPopupBench, TARGETS as POPUP_TARGETS, type PopupBenchResult } from './popup';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BROWSERS = ['chrome', 'firefox'] as const;
type Browser = (typeof BROWSERS)[number];

/** Budgets of the size check in npm test (test/e2e/build-size.e2e.test.ts). */
const SIZE_TARGETS = { contentScriptBytes: 4 * 1024, popupBytes: 40 * 1024 };
const CLASSIFY_TARGETS = { ratio: 20, microsPerUrl: 2 };

export interface Environment {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  firefox: string;
  playwright: string;
  /** Absent in runs from before Firefox was measured. */
  puppeteer?: string;
  commit: string;
  /** Uncommitted changes under what the build is made of (src/, public/, manifest.json). */
  dirty: boolean;
}

export interface SizesResult {
  builds: Record<Browser, BuildSizes>;
  zips: Record<Browser, { file: string; bytes: number }>;
}

export interface BenchReport {
  environment: Environment;
  durationS: number;
  loadAverage: { start: number; end: number };
  sizes: SizesResult;
  classify: ClassifyBenchResult;
  directory: DirectoryBenchResult;
  popup: PopupBenchResult;
  pageload: PageLoadBenchResult;
  /** Absent in runs from before Firefox was measured. */
  firefoxPageload?: PageLoadBenchResult;
}

interface Row {
  figure: string;
  measured: string;
  target: string;
  met: boolean;
}

// ---------------------------------------------------------------------------------------------
// Gathering

const log = (line: string) => process.stderr.write(`${line}\n`);

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? 'Linux'}, kernel ${release()}, ${arch()}`;
  } catch {
    return `${process.platform} ${release()}, ${arch()}`;
  }
}

function firefoxVersion(): string {
  for (const binary of ['firefox-esr', 'firefox']) {
    const version = run(binary, ['--version']);
    if (version) return version;
  }
  return 'not installed';
}

export function environment(): Environment {
  const cpuList = cpus();
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return {
    date: new Date().toISOString(),
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: osName(),
    node: process.version,
    chromium: run(CHROMIUM, ['--version']) || 'not installed',
    firefox: firefoxVersion(),
    playwright: version('playwright-core'),
    puppeteer: version('puppeteer-core'),
    commit: run('git', ['rev-parse', '--short', 'HEAD']) || 'unknown',
    dirty:
      run('git', ['status', '--porcelain', '--', 'src', 'public', 'manifest.json', 'vite.config.ts']) !== '',
  };
}

/** Copies the builds and the zips aside, so that what is measured is one build from start to end. */
function snapshotBuilds(version: string): {
  dir: string;
  dists: Record<Browser, string>;
  zips: Record<Browser, string>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'matou-bench-'));
  const dists = {} as Record<Browser, string>;
  const zips = {} as Record<Browser, string>;
  for (const browser of BROWSERS) {
    const dist = join(ROOT, 'dist', browser);
    requireBuild(dist);
    const zip = packagePath(ROOT, browser, version);
    if (!existsSync(zip))
      throw new Error(
        `${relative(ROOT, zip)} is missing: run \`npm run package\` first (npm run bench does).`,
      );
    dists[browser] = join(dir, browser);
    cpSync(dist, dists[browser], { recursive: true });
    zips[browser] = join(dir, `matou-${browser}.zip`);
    cpSync(zip, zips[browser]);
  }
  return { dir, dists, zips };
}

function measureSizes(
  dists: Record<Browser, string>,
  zips: Record<Browser, string>,
  version: string,
): SizesResult {
  const builds = {} as SizesResult['builds'];
  const zipSizes = {} as SizesResult['zips'];
  for (const browser of BROWSERS) {
    builds[browser] = measureBuild(dists[browser]);
    zipSizes[browser] = {
      file: relative(ROOT, packagePath(ROOT, browser, version)),
      bytes: statSync(zips[browser]).size,
    };
  }
  return { builds, zips: zipSizes };
}

export async function runAllBenches(options: { build?: boolean } = {}): Promise<BenchReport> {
  const started = Date.now();
  const loadStart = loadavg()[0]!;
  if (options.build !== false) {
    log('npm run package (build and zip for both browsers)…');
    execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const env = environment();
  const { dir, dists, zips } = snapshotBuilds(version);
  try {
    log('sizes…');
    const sizes = measureSizes(dists, zips, version);
    log('classifier (compiled against naive)…');
    const classify = runClassifyBench();
    log('directory (bundled, 10×, 100×)…');
    const directory = await benchDirectory();
    log('popup (bundled and 10× directory)…');
    const popup = await benchPopup({ dist: dists.chrome });
    log('page load and badge latency in Chromium…');
    const pageload = await benchPageLoad({ dist: dists.chrome, log });
    log('page load and badge latency in Firefox…');
    const firefoxPageload = await benchFirefoxPageLoad({ dist: dists.firefox, log });
    return {
      environment: env,
      durationS: (Date.now() - started) / 1000,
      loadAverage: { start: loadStart, end: loadavg()[0]! },
      sizes,
      classify,
      directory,
      popup,
      pageload,
      firefoxPageload,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

const ms = (n: number, digits = 1) => `${n.toFixed(digits)} ms`;
const signedMs = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const yes = (met: boolean) => (met ? 'met' : '**not met**');
const signed = (n: number) => `${n < 0 ? '−' : ''}${Math.abs(n).toFixed(1)}`;
const ci = (c: Comparison) => `${signed(c.ci95[0])} to ${signed(c.ci95[1])} ms`;
/** The interval excludes zero. */
const clear = (c: Comparison) => c.ci95[0] > 0 || c.ci95[1] < 0;

function entryBytes(build: BuildSizes, entry: string): number {
  return build.entries.find((e) => e.entry === entry)?.bytes ?? 0;
}

function tenfold(result: DirectoryBenchResult) {
  return result.rows.find((row) => row.label === TENFOLD);
}

/**
 * What the floor says of each badge target: a target under the floor is under what the browser
 * charges before a line of Matou runs, whatever Matou does.
 */
function floorFindings(report: BenchReport): string[] {
  const lines: string[] = [];
  for (const run of [report.pageload, report.firefoxPageload]) {
    if (!run?.floorBadge) continue;
    const browser = run.browser ?? 'Chromium';
    const target = PAGELOAD_TARGETS.badge[browser];
    const words = backgroundWords(browser);
    const parts = (
      [
        [words.warm, run.floorBadge.hook.median, run.badge.hook.median, target.warmMs],
        [words.cold, run.floorBadge.cold.median, run.badge.cold.median, target.coldMs],
      ] as const
    ).map(
      ([what, floor, matou, limit]) =>
        `${what}: the floor ${ms(floor)}, Matou ${ms(matou)} (${signedMs(matou - floor)}), target ${limit} ms` +
        (floor >= limit ? ': **the floor alone is over the target**' : ''),
    );
    lines.push(
      `**Floor, ${browser}** (the same samples' method, side by side in the same run, the two browsers alternated in four ` +
        `turns): ${parts.join('; ')}.`,
      '',
    );
  }
  return lines;
}

/** The floor's figure beside Matou's, when the run measured it. */
const floorNote = (floor: Stats | undefined) =>
  floor ? ` (floor, an extension with no code of Matou's: ${ms(floor.median)})` : '';

/** The page-load and badge rows of one browser's run. */
function pageLoadRows(result: PageLoadBenchResult): Row[] {
  const { pageLoad: p, badge: b } = result;
  const browser = result.browser ?? 'Chromium';
  const words = backgroundWords(browser);
  return [
    {
      figure: `Page-load cost (${browser}): median \`load\`, Matou − plain ${browser}`,
      measured: `${signedMs(p.matou.differenceMs)} (ratio ${p.matou.ratio.toFixed(3)}; A/A ${signedMs(p.aa.differenceMs)})`,
      target: `within ${PAGELOAD_TARGETS.differenceMs} ms`,
      met: p.meetsTarget,
    },
    {
      figure: `Badge latency (${browser}), ${words.warm}: navigation start → badge set (median)`,
      measured: `${ms(b.hook.median)}${floorNote(result.floorBadge?.hook)}`,
      target: `< ${PAGELOAD_TARGETS.badge[browser].warmMs} ms`,
      // From the figure, not the run's verdict: a report written again (--from) judges by today's targets.
      met: b.hook.median < PAGELOAD_TARGETS.badge[browser].warmMs,
    },
    {
      figure: `Badge latency (${browser}), ${browser === 'Firefox' ? 'event page suspended' : 'cold worker (stopped)'} before the navigation (median)`,
      measured: `${ms(b.cold.median)}${floorNote(result.floorBadge?.cold)}`,
      target: `< ${PAGELOAD_TARGETS.badge[browser].coldMs} ms`,
      met: b.cold.median < PAGELOAD_TARGETS.badge[browser].coldMs,
    },
  ];
}

export function summaryRows(report: BenchReport): Row[] {
  const rows: Row[] = [
    ...pageLoadRows(report.pageload),
    ...(report.firefoxPageload ? pageLoadRows(report.firefoxPageload) : []),
  ];
  const [bundled, ten] = report.popup.rows;
  if (bundled)
    rows.push({
      figure: 'Popup: open → first host, bundled directory (median)',
      measured: ms(bundled.medianMs),
      target: `< ${POPUP_TARGETS.bundledMs} ms`,
      met: bundled.medianMs < POPUP_TARGETS.bundledMs,
    });
  if (ten)
    rows.push({
      figure: 'Popup: open → first host, 10× directory (median)',
      measured: ms(ten.medianMs),
      target: `< ${POPUP_TARGETS.tenfoldMs} ms`,
      met: ten.medianMs < POPUP_TARGETS.tenfoldMs,
    });
  const c = report.classify;
  rows.push(
    {
      figure: 'Classifier: time per URL',
      measured: `${c.compiled.microsPerUrl.toFixed(3)} µs`,
      target: `< ${CLASSIFY_TARGETS.microsPerUrl} µs`,
      met: c.compiled.microsPerUrl < CLASSIFY_TARGETS.microsPerUrl,
    },
    {
      figure: 'Classifier: compiled against naive, same run',
      measured: `${c.ratio.toFixed(1)}× faster`,
      target: `≥ ${CLASSIFY_TARGETS.ratio}×`,
      met: c.ratio >= CLASSIFY_TARGETS.ratio,
    },
  );
  const d = tenfold(report.directory);
  if (d) {
    rows.push(
      {
        figure: 'Directory 10×: load + index',
        measured: ms(d.loadMs + d.indexMs),
        target: `< ${report.directory.targets.loadAndIndexMs} ms`,
        met: d.loadMs + d.indexMs < report.directory.targets.loadAndIndexMs,
      },
      {
        figure: 'Directory 10×: snapshot size against the same without trust facts',
        measured: `+${report.directory.sizeGrowthPercent.toFixed(1)} %`,
        target: `≤ +${report.directory.targets.sizeGrowthPercent} %`,
        met: report.directory.sizeGrowthPercent <= report.directory.targets.sizeGrowthPercent,
      },
      {
        figure: 'Directory 10×: one query (median)',
        measured: `${d.queryMedianUs.toFixed(1)} µs`,
        target: `< ${report.directory.targets.queryMs} ms`,
        met: d.queryMedianUs < report.directory.targets.queryMs * 1000,
      },
    );
  }
  for (const browser of BROWSERS) {
    const build = report.sizes.builds[browser];
    const content = entryBytes(build, 'content script 1');
    const popup = entryBytes(build, 'popup');
    rows.push(
      {
        figure: `Content script, minified (${browser === 'chrome' ? 'Chromium' : 'Firefox'} build)`,
        measured: kb(content),
        target: `< ${kb(SIZE_TARGETS.contentScriptBytes)}`,
        met: content > 0 && content < SIZE_TARGETS.contentScriptBytes,
      },
      {
        figure: `Popup JavaScript, minified (${browser === 'chrome' ? 'Chromium' : 'Firefox'} build)`,
        measured: kb(popup),
        target: `< ${kb(SIZE_TARGETS.popupBytes)}`,
        met: popup > 0 && popup < SIZE_TARGETS.popupBytes,
      },
    );
  }
  return rows;
}

function table(header: string[], rows: string[][], align?: Array<'l' | 'r'>): string {
  const rule = header.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const statsRow = (label: string, s: Stats) => [label, ms(s.median), ms(s.p90), ms(s.min), String(s.n)];

function pageLoadFindings(result: PageLoadBenchResult): string[] {
  const { pageLoad: p } = result;
  const browser = result.browser ?? 'Chromium';
  const [, plain] = armNames(browser);
  const target = PAGELOAD_TARGETS.differenceMs;
  const lines: string[] = [];
  lines.push(
    `Matou against the ${plain}: **${signedMs(p.matou.differenceMs)}** on the median (95 % interval ${ci(p.matou)}), ` +
      `ratio ${p.matou.ratio.toFixed(3)}; round by round, the median difference is ${signedMs(p.matou.pairedMs)} ` +
      `(${signed(p.matou.pairedCi95[0])} to ${signed(p.matou.pairedCi95[1])} ms). The A/A control, two identical ${plural(plain)}, ` +
      `differ by ${signedMs(p.aa.differenceMs)} (${ci(p.aa)}): differences inside that band are noise on this machine.` +
      (clear(p.aa)
        ? ' Here the A/A interval itself leaves out zero: two identical browsers kept a difference through the whole run, so the ' +
          'intervals understate the uncertainty, by about that much.'
        : ''),
  );
  lines.push(
    `The extension without code (Matou's ${'`'}content_scripts${'`'} matches and ${'`'}run_at${'`'}, an empty content script, an empty background) ` +
      `costs ${signedMs(p.emptyExtensionCost.differenceMs)} against the ${plain} (${ci(p.emptyExtensionCost)}): what ${browser} charges ` +
      'for injecting a content script into these pages, before a line of Matou runs. Matou against that extension, that is what ' +
      `Matou's own code adds: ${signedMs(p.matouCode.differenceMs)} (${ci(p.matouCode)})` +
      `${clear(p.matouCode) ? '' : ', not distinguishable from zero in this run'}.`,
  );
  lines.push(
    `The target, within ${target} ms, is ${p.meetsTarget ? 'met' : 'not met'} in ${browser} in this run ` +
      `(${signedMs(p.matou.differenceMs)}, against an A/A noise of ${signedMs(p.aa.differenceMs)})` +
      (p.matou.ci95[0] <= target && p.matou.ci95[1] >= target
        ? `, but its 95 % interval (${ci(p.matou)}) straddles ${target} ms: another run may land on the other side.`
        : '.') +
      (browser === 'Chromium' && p.emptyExtensionCost.differenceMs > target / 2
        ? " Most of the cost is not Matou's code but Chromium's for any content script on the page. Measured while writing this " +
          'bench, not in this run: moving the script to `document_end` or `document_idle` does not lower it (the injection moves, still ' +
          'before `load` on these pages), while an empty script in the page\'s own world (`"world": "MAIN"`) costs nothing measurable, so ' +
          "the cost is the separate JavaScript world Chromium creates for an extension's script. A script in the page's world cannot " +
          "reach Matou unless Matou accepts messages from the page's own scripts (`externally_connectable`), and doing without a content " +
          'script would mean reading tab addresses from the background with the `tabs` or host permissions Matou does not ask for: ' +
          'both would trade safety or privacy for a few milliseconds.'
        : '') +
      (browser === 'Firefox' && !p.meetsTarget
        ? p.emptyExtensionCost.differenceMs >= p.matouCode.differenceMs
          ? " Most of the cost is Firefox's for any content script on the page, before a line of Matou runs (the extension without code above)."
          : ` Most of the cost is Matou's own code (${signedMs(p.matouCode.differenceMs)}), not Firefox's for a content script ` +
            `(${signedMs(p.emptyExtensionCost.differenceMs)}). What Matou runs while the page loads: the content script's message, and the ` +
            "background's answer to it (classify the address, remember the tab in session storage, draw the badge with four `action` " +
            "calls); the message and each of those browser calls pass through Firefox's parent process, the one that also runs the " +
            'navigation. The warm badge is set ' +
            `${ms(result.badge.hook.median)} after navigation start, before \`load\` (${ms(p.withMatou.median)}).`
        : '') +
      (browser === 'Firefox' && !p.meetsTarget
        ? ' Measured while writing this bench, in two runs of 100 rounds with six Firefoxes each (' +
          '`scripts/bench/pageload-firefox-steps.ts`, 2026-12-02, not this run; intervals about ±10 and ±18 ms), against a plain ' +
          'Firefox (65 and 74.5 ms): the extension without code +24 and +9.5 ms; a content script that only sends a message to an ' +
          "empty listener +33 and +26 ms; the same with the badge's four `action` calls +31 and +38 ms; with one session-storage " +
          'write instead +37 and +35.5 ms; Matou +41 and +36 ms. In both, a content script that only reports to its background costs ' +
          'most of what Matou costs: in Firefox, most of "Matou\'s own code" above is the message any such extension sends; the ' +
          'steps after it are within the noise of those runs.'
        : ''),
  );
  return lines;
}

const plural = (name: string) => `${name}${name.endsWith('x') ? 'es' : 's'}`;
const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The tables and findings of one browser's page-load rounds. */
function pageLoadDetail(result: PageLoadBenchResult): string[] {
  const { pageLoad: p } = result;
  const browser = result.browser ?? 'Chromium';
  const [, plain, plain2] = armNames(browser);
  const sideBySide: Array<[string, Comparison]> = [
    [`Matou − ${plain}`, p.matou],
    [`A/A: ${plain2} − ${plain}`, p.aa],
    [`Extension without code − ${plain}`, p.emptyExtensionCost],
    ['Matou − extension without code', p.matouCode],
  ];
  return [
    table(
      ['Browser', 'Median', 'p90', 'Min', 'Loads'],
      [
        statsRow('Matou', p.withMatou),
        statsRow(`${capital(plain)} (without)`, p.without),
        statsRow(`${capital(plain2)} (A/A control)`, p.control),
        statsRow('Extension without code', p.emptyExtension),
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
    '',
    table(
      [
        'Side by side',
        'Difference of medians',
        '95 % interval (bootstrap)',
        'Ratio',
        'Median of round-by-round differences',
      ],
      sideBySide.map(([label, c]) => [
        label,
        signedMs(c.differenceMs),
        ci(c),
        c.ratio.toFixed(3),
        `${signedMs(c.pairedMs)} (${signed(c.pairedCi95[0])} to ${signed(c.pairedCi95[1])} ms)`,
      ]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Load average (1 min) ${p.loadAverage[0].toFixed(2)} before these rounds, ${p.loadAverage[1].toFixed(2)} after them.`,
    '',
    ...pageLoadFindings(result).flatMap((line) => [line, '']),
  ];
}

/** Chromium's and Firefox's headline figures in one table (Firefox's column says when it was not measured). */
function browsersSideBySide(
  report: BenchReport,
  rows: Array<[string, (r: PageLoadBenchResult) => string]>,
): string {
  const runs = [report.pageload, report.firefoxPageload];
  return table(
    ['', 'Chromium', 'Firefox'],
    rows.map(([label, cell]) => [label, ...runs.map((run) => (run ? cell(run) : 'not measured'))]),
    ['l', 'r', 'r'],
  );
}

export function renderReport(report: BenchReport): string {
  const e = report.environment;
  const { pageLoad: p, pages } = report.pageload;
  const rows = summaryRows(report);
  const date = e.date.slice(0, 10);
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(
    '# Performance',
    '',
    `Written by \`npm run bench\` on ${date}; every figure below comes from that one run (${Math.round(report.durationS)} s). ` +
      'Do not edit by hand: run the bench again (see [Rerunning](#rerunning)).',
    '',
    '## Machine and browsers',
    '',
    table(
      ['', ''],
      [
        ['Date', `${e.date.replace('T', ' ').slice(0, 16)} UTC`],
        ['CPU', `${e.cpu}, ${e.cores} logical cores`],
        ['Memory', `${e.memoryGiB.toFixed(1)} GiB`],
        ['OS', e.os],
        ['Node', e.node],
        ['Chromium', `${e.chromium} (headless, driven by playwright-core ${e.playwright})`],
        [
          'Firefox',
          report.firefoxPageload
            ? `${e.firefox} (headless, driven by puppeteer-core ${e.puppeteer ?? ''} over WebDriver BiDi)`
            : `${e.firefox} (sizes only: no speed figure was measured in Firefox in this run)`,
        ],
        ['Matou', `commit ${e.commit}${e.dirty ? ', with uncommitted changes in the built sources' : ''}`],
        [
          'Load average (1 min)',
          `${report.loadAverage.start.toFixed(2)} before the run, ${report.loadAverage.end.toFixed(2)} at its end (the bench's own browsers included)`,
        ],
      ],
    ),
    '',
    '## Summary',
    '',
    table(
      ['Figure', 'Measured', 'Target', ''],
      rows.map((r) => [r.figure, r.measured, r.target, yes(r.met)]),
    ),
    '',
  );

  push(
    '## Page-load cost',
    '',
    `Median time from navigation start to the \`load\` event (\`loadEventStart\`) of catalogued pages on the local fake web ` +
      `(${pages.map((url) => new URL(url).host).join(', ')}, in turn), in four headless browsers of one kind running side by side: ` +
      'Matou, two plain browsers (the "without", and the A/A control that shows the noise) and an extension without code; ' +
      `${p.rounds} rounds after ${p.warmupRounds} of warm-up, each round loading the same page once in each browser in a rotating order, ` +
      'a fresh tab and a fresh navigation each time (the fake web forbids caching). Matou is set up as a settled user (first-run question answered). ' +
      'The four Chromiums run first, then the four Firefoxes, in the same run.',
    '',
    browsersSideBySide(report, [
      ['Matou (median `load`)', (r) => ms(r.pageLoad.withMatou.median)],
      ['Plain browser (without)', (r) => ms(r.pageLoad.without.median)],
      ['Plain browser 2 (A/A control)', (r) => ms(r.pageLoad.control.median)],
      ['Extension without code', (r) => ms(r.pageLoad.emptyExtension.median)],
      [
        '**Matou − plain**',
        (r) => `**${signedMs(r.pageLoad.matou.differenceMs)}** (${ci(r.pageLoad.matou)})`,
      ],
      ['A/A: plain 2 − plain', (r) => `${signedMs(r.pageLoad.aa.differenceMs)} (${ci(r.pageLoad.aa)})`],
      ['Extension without code − plain', (r) => signedMs(r.pageLoad.emptyExtensionCost.differenceMs)],
      [
        "Matou's own code (Matou − extension without code)",
        (r) => signedMs(r.pageLoad.matouCode.differenceMs),
      ],
      [`Target: within ${PAGELOAD_TARGETS.differenceMs} ms`, (r) => yes(r.pageLoad.meetsTarget)],
    ]),
    '',
    '### Chromium',
    '',
    ...pageLoadDetail(report.pageload),
    "Every browser keeps one blank tab open for the whole run. Without it, Matou's browser has no window left once the options page " +
      'it opens on first run is closed, and each new tab opens a new window: that added about 25 ms to every load in an earlier version ' +
      'of this bench, a cost of the test set-up that no user pays.',
    '',
    ...(report.firefoxPageload
      ? [
          '### Firefox',
          '',
          ...pageLoadDetail(report.firefoxPageload),
          "Each Firefox keeps the tab it started with (Matou's: the options page it opens on first run), so has a window. The four " +
            'Firefoxes reach the fake web through a local proxy each (Firefox cannot map a host to a port), with the same preferences. ' +
            'Firefox gives page timings to the millisecond, hence the round medians.',
          '',
        ]
      : []),
  );

  const f = report.firefoxPageload;
  push(
    '## Badge latency',
    '',
    "From the page's navigation start to the badge being set on its tab, on the same catalogued pages, in a browser with Matou. " +
      '*Hook*: `action.setBadgeText` wrapped in the background, the time its promise resolves. *Polling*: an extension page that runs ' +
      "none of the background's code asks `action.getBadgeText` in a loop; the two are alternated, sample by sample. *Stopped*: the " +
      "background stopped before the navigation, so that the content script's message starts it again, reads the settings and loads " +
      "the directory. A token left in the background's memory proves each sample: a warm one counts only if the same background ran " +
      'before and after it, a stopped one only if the background that answered is a new one.',
    '',
    browsersSideBySide(report, [
      ['Warm background, hook (median; p90)', (r) => `${ms(r.badge.hook.median)}; ${ms(r.badge.hook.p90)}`],
      [
        'Warm background, polling (median; p90)',
        (r) => `${ms(r.badge.poll.median)}; ${ms(r.badge.poll.p90)}`,
      ],
      [
        'Background stopped before the navigation, polling (median; p90)',
        (r) => `${ms(r.badge.cold.median)}; ${ms(r.badge.cold.p90)}`,
      ],
      [
        'Samples (warm hook / warm polling / stopped)',
        (r) => `${r.badge.hook.n} / ${r.badge.poll.n} / ${r.badge.cold.n}`,
      ],
      [
        'Thrown away: stopped samples the old background answered; warm samples after a restart',
        (r) => `${r.badge.coldUnproven ?? '—'}; ${r.badge.rewarmed ?? '—'}`,
      ],
      ['Polling interval (median)', (r) => ms(r.badge.pollIntervalMs, 2)],
      ["Page and extension clocks' skew", (r) => ms(r.badge.clockSkewMs, 2)],
      [
        'Stopped against warm (hook), same run',
        (r) => `${(r.badge.cold.median / r.badge.hook.median).toFixed(2)}×`,
      ],
      [
        "Floor: Matou's manifest and content script, a background that only sets a fixed badge: warm, hook; stopped (medians)",
        (r) =>
          r.floorBadge ? `${ms(r.floorBadge.hook.median)}; ${ms(r.floorBadge.cold.median)}` : 'not measured',
      ],
      [
        'Matou − floor: warm; stopped',
        (r) =>
          r.floorBadge
            ? `${signedMs(r.badge.hook.median - r.floorBadge.hook.median)}; ${signedMs(r.badge.cold.median - r.floorBadge.cold.median)}`
            : 'not measured',
      ],
      [
        'Target: median under, warm; stopped',
        (r) => {
          const target = PAGELOAD_TARGETS.badge[r.browser ?? 'Chromium'];
          return `${target.warmMs} ms: ${yes(r.badge.hook.median < target.warmMs)}; ${target.coldMs} ms: ${yes(r.badge.cold.median < target.coldMs)}`;
        },
      ],
    ]),
    '',
    ...floorFindings(report),
    '**Chromium**: the service worker, in the browser of the page-load rounds after the other three are closed; the polling page is ' +
      'the built `manifest.json` shown as text; *stopped* is the worker stopped through DevTools (as the browser does after 30 s idle). ' +
      'A cold start adds, before Matou handles the message, Chromium starting the worker, loading and compiling the background bundle ' +
      `(${kb(entryBytes(report.sizes.builds.chrome, 'background'))} minified) and Matou evaluating it. Where each millisecond goes, and how much of it ` +
      "is Chromium's own (the same path in an extension with no code of Matou's), is measured by `npm run bench:badge -- --trace --floor`: " +
      'see [docs/badge-latency.md](badge-latency.md).',
    '',
    ...(f
      ? [
          '**Firefox**: the event page (`background.scripts`), in a fifth Firefox with Matou whose preference ' +
            `\`extensions.background.idle.timeout\` is ${f.backgroundIdleTimeoutMs ?? '?'} ms instead of Firefox's 30 s, so that Firefox itself ` +
            'suspends the event page after that long without an event (every message from a content script starts the count again). The ' +
            "hook and the token are reached from Matou's options page, idle, through `extension.getBackgroundPage()`, which answers null while " +
            'the event page is suspended and does not wake it; the polling runs in that page too. A stopped sample waits for that null before ' +
            `navigating. The event page's bundle is ${kb(entryBytes(report.sizes.builds.firefox, 'background'))} minified.`,
          '',
        ]
      : []),
  );

  const [bundled, ten] = report.popup.rows;
  push(
    '## Popup render',
    '',
    `Time from opening the popup page (for a Google Docs tab) to the first host on screen, measured in the page; ${bundled?.opens ?? 0} opens ` +
      'after 3 of warm-up, with the bundled directory and with a synthetic one 10× the size of the CHATONS federation, in the same browser.',
    '',
    table(
      ['Directory', 'Members', 'Median', 'p90', 'First open after a worker restart', 'Hosts shown'],
      report.popup.rows.map((r) => [
        r.label,
        int(r.organizations),
        ms(r.medianMs),
        ms(r.p90Ms),
        ms(r.coldMs),
        String(r.hostsShown),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    ...(bundled && ten
      ? [
          `10× against bundled, same run: ${(ten.medianMs / bundled.medianMs).toFixed(2)}× the median. Popup JavaScript: ${report.popup.popupKb.toFixed(1)} KB minified.`,
          '',
        ]
      : []),
  );

  const c = report.classify;
  push(
    '## Classifier',
    '',
    `The compiled classifier against a naive one built from the same catalogue (one regular expression per rule, ${c.baselineRules} in all, ` +
      `tried in turn), interleaved in one process over the same deterministic corpus of ${int(c.corpusSize)} URLs ` +
      `(${int(c.matched)} catalogued, the rest look-alikes, other sites and non-web addresses); median of ${c.rounds} rounds.`,
    '',
    table(
      ['Classifier', 'URLs per second', 'Per URL', 'Median round'],
      [
        [
          'Compiled (Matou)',
          int(c.compiled.urlsPerSecond),
          `${c.compiled.microsPerUrl.toFixed(3)} µs`,
          ms(c.compiled.medianRoundMs),
        ],
        [
          'Naive baseline',
          int(c.baseline.urlsPerSecond),
          `${c.baseline.microsPerUrl.toFixed(3)} µs`,
          ms(c.baseline.medianRoundMs),
        ],
      ],
      ['l', 'r', 'r', 'r'],
    ),
    '',
    `Ratio: ${c.ratio.toFixed(1)}× faster. The two agree on ${int(c.agreement.sampled - c.agreement.disagreements)} of ${int(c.agreement.sampled)} sampled URLs.`,
    '',
    '',
  );

  push(
    '## Directory',
    '',
    'Build (normalise the crawled files), load (parse and validate the snapshot), index, the first query on a fresh index (it makes ' +
      'the hosts it returns) and one ranking query, on the bundled copy and on synthetic directories 10× and 100× the real federation, ' +
      'in Node; the 10× one also without its trust facts (the same directory otherwise: the snapshot as it was before they were ' +
      'carried), for the size budget. Build, load and index are the best of a few runs after a garbage collection (load + index ' +
      'in one go also their median), queries the median of 3,000.',
    '',
    '```text',
    formatDirectoryBench(report.directory),
    '```',
    '',
  );

  const entryNames = [
    ...new Set(
      BROWSERS.flatMap((browser) => report.sizes.builds[browser].entries.map((entry) => entry.entry)),
    ),
  ];
  push(
    '## Sizes',
    '',
    'Each entry counts the JavaScript it loads (its file and every chunk it imports), minified, on disk; KB = 1,024 bytes. ' +
      'The zips are the ones `npm run package` makes with web-ext.',
    '',
    table(
      ['', ...BROWSERS.map((browser) => (browser === 'chrome' ? 'Chromium' : 'Firefox'))],
      [
        ...entryNames.map((name) => [
          name,
          ...BROWSERS.map((browser) => kb(entryBytes(report.sizes.builds[browser], name))),
        ]),
        [
          'every file of the build',
          ...BROWSERS.map((browser) => kb(report.sizes.builds[browser].totalBytes)),
        ],
        [
          'zip',
          ...BROWSERS.map(
            (browser) => `${kb(report.sizes.zips[browser].bytes)} (\`${report.sizes.zips[browser].file}\`)`,
          ),
        ],
      ],
      ['l', 'r', 'r'],
    ),
    '',
    '`npm test` fails if the content script reaches 4 KB or the popup 40 KB (test/e2e/build-size.e2e.test.ts).',
    '',
  );

  push(
    '## Rerunning',
    '',
    '```sh',
    `npm run bench                    # build and package, measure everything, rewrite this file (${Math.ceil(report.durationS / 60)} minutes here)`,
    'npm run bench -- --skip-build    # the same with the builds and zips already in dist/',
    "npm run bench -- --from dist/bench/performance.json   # this file again from the last run's figures, no measuring",
    'npm run bench:pageload           # page-load cost and badge latency in Chromium only',
    'npm run bench:pageload:firefox   # the same in Firefox only (add -- --rounds 30 for a short run)',
    'npm run bench:popup              # popup render only',
    'npm run bench:classify           # classifier only',
    'npm run bench:directory          # directory only',
    '```',
    '',
    "Needs Debian's `chromium`, `firefox-esr` with `firefox-esr-l10n-fr` (Matou runs in French there, as in the tests) and `openssl` " +
      "for the fake web's certificate. " +
      'Close what else runs: on a busy machine the figures spread (the A/A control shows by how much).',
    '',
    '## What these figures do not prove',
    '',
    '- **Real pages.** The fake web serves a few hundred bytes of HTML from 127.0.0.1 with no subresource, so `load` comes within tens of ' +
      'milliseconds and a fixed cost of a few milliseconds is a large ratio. On a real Gmail or Zoom page `load` comes seconds later; the ' +
      'absolute difference is what carries over, not the ratio. In-page navigations of single-page apps are not measured.',
    '- **Other machines.** One run on one machine, possibly shared with other work (the load average before the run says how busy it was), headless browsers with software ' +
      "rendering. Another CPU, a desktop session with a GPU, Chrome instead of Debian's Chromium or a release Firefox instead of ESR will give other numbers; the " +
      'side-by-side differences and ratios are meant to travel better than the absolute times, not perfectly.',
    '- **Firefox popup.** Page load and badge are measured in both browsers; the popup render in Chromium only.',
    '- **Medians, not tails.** Targets are on medians; p90 is shown, rarer stalls (a garbage collection, a worker restart mid-load) are ' +
      'not bounded by any figure here. The bootstrap intervals treat each load as independent.',
    "- **Cold starts.** The stopped-background badge figure stops Chromium's worker through DevTools, and lets Firefox suspend its event page " +
      "after a shortened idle time (the mechanism is Firefox's own, the delay is not a user's 30 s); a browser that has just started, or a " +
      'background evicted under memory pressure, may be slower. The first popup open after a worker restart is a single sample per directory.',
    '- **Memory and energy.** Nothing here measures memory use or battery.',
    '- **The synthetic directories** are shaped like the CHATONS federation but are not it; 10× and 100× are guesses at growth, not forecasts.',
    '',
  );
  return out.join('\n');
}

export function renderSummary(report: BenchReport): string {
  const rows = summaryRows(report);
  const width = Math.max(...rows.map((r) => r.figure.length));
  const e = report.environment;
  return [
    `Matou benchmarks, ${e.date.slice(0, 16).replace('T', ' ')} UTC, ${e.cpu} (${e.cores} cores), ${e.chromium}, ${e.firefox}, Node ${e.node}`,
    '',
    ...rows.map(
      (r) =>
        `${r.figure.padEnd(width)}  ${r.measured.padEnd(44)}  target ${r.target.padEnd(12)}  ${r.met ? 'met' : 'NOT MET'}`,
    ),
    '',
    formatPageLoadBench(report.pageload),
    '',
    ...(report.firefoxPageload ? [formatPageLoadBench(report.firefoxPageload), ''] : []),
    formatPopupBench(report.popup),
    '',
    `Classifier: ${report.classify.compiled.microsPerUrl.toFixed(3)} µs/URL compiled, ${report.classify.baseline.microsPerUrl.toFixed(3)} µs/URL naive, ${report.classify.ratio.toFixed(1)}×`,
    '',
    formatDirectoryBench(report.directory),
    '',
    `Page-load split: extension without code ${formatComparison(report.pageload.pageLoad.emptyExtensionCost)}; Matou's code ${formatComparison(report.pageload.pageLoad.matouCode)}`,
  ].join('\n');
}

/** The raw figures of the last run (dist/ is not committed): `--from` writes the report again from them. */
const RAW = join(ROOT, 'dist', 'bench', 'performance.json');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) =>
    args.includes(name) ? resolve(ROOT, args[args.indexOf(name) + 1] ?? '') : undefined;
  const out = option('--out') ?? join(ROOT, 'docs', 'performance.md');
  const from = option('--from');
  let report: BenchReport;
  if (from) report = JSON.parse(readFileSync(from, 'utf8')) as BenchReport;
  else {
    report = await runAllBenches({ build: !args.includes('--skip-build') });
    mkdirSync(dirname(RAW), { recursive: true });
    writeFileSync(RAW, `${JSON.stringify(report, null, 2)}\n`);
  }
  writeFileSync(out, `${renderReport(report)}\n`);
  process.stdout.write(
    `${renderSummary(report)}\n\nReport written to ${relative(ROOT, out)} (${Math.round(report.durationS)} s).\n`,
  );
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
