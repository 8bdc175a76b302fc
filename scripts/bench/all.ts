// npm run bench — every speed and size figure of Matou in one run, written to docs/performance.md.
//
// Builds and packages once (`npm run package`: dist/chrome, dist/firefox and both zips), copies
// the builds aside (a rebuild during the run cannot change what is measured), then runs, one after
// the other: sizes, bench:classify, bench:directory, bench:popup and the page-load and badge bench.
// Speed figures are compared side by side within one run (Matou against plain Chromiums and an
// extension without code, the compiled classifier against a naive one, 10× directories against
// the bundled one); the report gives the machine, the browsers and the date they hold for.
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
import { benchDirectory, formatDirectoryBench, type DirectoryBenchResult } from './directory';
import {
  benchPageLoad,
  formatComparison,
  formatPageLoadBench,
  PAGELOAD_TARGETS,
  type Comparison,
  type PageLoadBenchResult,
  type Stats,
} from './pageload';
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
  const playwright = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8'),
  ) as { version: string };
  return {
    date: new Date().toISOString(),
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: osName(),
    node: process.version,
    chromium: run(CHROMIUM, ['--version']) || 'not installed',
    firefox: firefoxVersion(),
    playwright: playwright.version,
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
    log('page load and badge latency…');
    const pageload = await benchPageLoad({ dist: dists.chrome, log });
    return {
      environment: env,
      durationS: (Date.now() - started) / 1000,
      loadAverage: { start: loadStart, end: loadavg()[0]! },
      sizes,
      classify,
      directory,
      popup,
      pageload,
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
  return result.rows.find((row) => row.label.startsWith('10×'));
}

export function summaryRows(report: BenchReport): Row[] {
  const { pageLoad: p, badge: b } = report.pageload;
  const rows: Row[] = [
    {
      figure: 'Page-load cost: median `load`, Matou − plain Chromium',
      measured: `${signedMs(p.matou.differenceMs)} (ratio ${p.matou.ratio.toFixed(3)}; A/A ${signedMs(p.aa.differenceMs)})`,
      target: `within ${PAGELOAD_TARGETS.differenceMs} ms`,
      met: p.meetsTarget,
    },
    {
      figure: 'Badge latency, warm worker: navigation start → badge set (median)',
      measured: ms(b.hook.median),
      target: `< ${PAGELOAD_TARGETS.badgeWarmMs} ms`,
      // From the figure, not the run's verdict: a report written again (--from) judges by today's targets.
      met: b.hook.median < PAGELOAD_TARGETS.badgeWarmMs,
    },
    {
      figure: 'Badge latency, cold worker (stopped before the navigation, median)',
      measured: ms(b.cold.median),
      target: `< ${PAGELOAD_TARGETS.badgeColdMs} ms`,
      met: b.cold.median < PAGELOAD_TARGETS.badgeColdMs,
    },
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

function pageLoadFindings(report: BenchReport): string[] {
  const { pageLoad: p } = report.pageload;
  const target = PAGELOAD_TARGETS.differenceMs;
  const lines: string[] = [];
  lines.push(
    `Matou against the plain Chromium: **${signedMs(p.matou.differenceMs)}** on the median (95 % interval ${ci(p.matou)}), ` +
      `ratio ${p.matou.ratio.toFixed(3)}; round by round, the median difference is ${signedMs(p.matou.pairedMs)} ` +
      `(${signed(p.matou.pairedCi95[0])} to ${signed(p.matou.pairedCi95[1])} ms). The A/A control, two identical plain Chromiums, ` +
      `differ by ${signedMs(p.aa.differenceMs)} (${ci(p.aa)}): differences inside that band are noise on this machine.` +
      (clear(p.aa)
        ? ' Here the A/A interval itself leaves out zero: two identical browsers kept a difference through the whole run, so the ' +
          'intervals understate the uncertainty, by about that much.'
        : ''),
  );
  lines.push(
    `The extension without code (Matou's ${'`'}content_scripts${'`'} matches and ${'`'}run_at${'`'}, an empty content script, an empty worker) ` +
      `costs ${signedMs(p.emptyExtensionCost.differenceMs)} against the plain Chromium (${ci(p.emptyExtensionCost)}): what Chromium charges ` +
      'for injecting a content script into these pages, before a line of Matou runs. Matou against that extension, that is what ' +
      `Matou's own code adds: ${signedMs(p.matouCode.differenceMs)} (${ci(p.matouCode)})` +
      `${clear(p.matouCode) ? '' : ', not distinguishable from zero in this run'}.`,
  );
  lines.push(
    `The target, within ${target} ms, is ${p.meetsTarget ? 'met' : 'not met'} in this run ` +
      `(${signedMs(p.matou.differenceMs)}, against an A/A noise of ${signedMs(p.aa.differenceMs)})` +
      (p.matou.ci95[0] <= target && p.matou.ci95[1] >= target
        ? `, but its 95 % interval (${ci(p.matou)}) straddles ${target} ms: another run may land on the other side.`
        : '.') +
      (p.emptyExtensionCost.differenceMs > target / 2
        ? " Most of the cost is not Matou's code but Chromium's for any content script on the page. Measured while writing this " +
          'bench, not in this run: moving the script to `document_end` or `document_idle` does not lower it (the injection moves, still ' +
          'before `load` on these pages), while an empty script in the page\'s own world (`"world": "MAIN"`) costs nothing measurable, so ' +
          "the cost is the separate JavaScript world Chromium creates for an extension's script. A script in the page's world cannot " +
          "reach Matou unless Matou accepts messages from the page's own scripts (`externally_connectable`), and doing without a content " +
          'script would mean reading tab addresses from the background with the `tabs` or host permissions Matou does not ask for: ' +
          'both would trade safety or privacy for a few milliseconds.'
        : ''),
  );
  return lines;
}

export function renderReport(report: BenchReport): string {
  const e = report.environment;
  const { pageLoad: p, badge: b, pages } = report.pageload;
  const rows = summaryRows(report);
  const date = e.date.slice(0, 10);
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const sideBySide: Array<[string, Comparison]> = [
    ['Matou − plain Chromium', p.matou],
    ['A/A: plain Chromium 2 − plain Chromium', p.aa],
    ['Extension without code − plain Chromium', p.emptyExtensionCost],
    ['Matou − extension without code', p.matouCode],
  ];

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
        ['Firefox', `${e.firefox} (sizes only: no speed figure is measured in Firefox)`],
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
      `(${pages.map((url) => new URL(url).host).join(', ')}, in turn), in four headless Chromiums running side by side: ` +
      `${p.rounds} rounds after ${p.warmupRounds} of warm-up, each round loading the same page once in each browser in a rotating order, ` +
      'a fresh tab and a fresh navigation each time (the fake web forbids caching). Matou is set up as a settled user (first-run question answered).',
    '',
    table(
      ['Browser', 'Median', 'p90', 'Min', 'Loads'],
      [
        statsRow('Matou', p.withMatou),
        statsRow('Plain Chromium (without)', p.without),
        statsRow('Plain Chromium 2 (A/A control)', p.control),
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
    ...pageLoadFindings(report).flatMap((line) => [line, '']),
    "Every browser keeps one blank tab open for the whole run. Without it, Matou's browser has no window left once the options page " +
      'it opens on first run is closed, and each new tab opens a new window: that added about 25 ms to every load in an earlier version ' +
      'of this bench, a cost of the test set-up that no user pays.',
    '',
  );

  push(
    '## Badge latency',
    '',
    "From the page's navigation start to the badge being set on its tab, on the same catalogued pages, in Matou's browser after the " +
      'page-load rounds. *Hook*: `chrome.action.setBadgeText` wrapped in the worker, the time its promise resolves. *Polling*: an extension ' +
      "page running none of Matou's code asks `chrome.action.getBadgeText` in a loop; the two are alternated, sample by sample. *Cold*: " +
      "the worker stopped through DevTools before the navigation (as the browser does after 30 s idle), so the content script's message " +
      'starts it again, reads the settings and loads the directory.',
    '',
    table(
      ['Badge', 'Median', 'p90', 'Min', 'Samples'],
      [
        statsRow('Warm worker, hook', b.hook),
        statsRow('Warm worker, polling', b.poll),
        statsRow('Cold worker, polling', b.cold),
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Polling answers every ${b.pollIntervalMs.toFixed(2)} ms (median); the page's and the extension's clocks agree within ${b.clockSkewMs.toFixed(2)} ms. ` +
      `Cold against warm, same run: ${(b.cold.median / b.hook.median).toFixed(2)}×. The targets (medians under ${PAGELOAD_TARGETS.badgeWarmMs} ms warm, ` +
      `under ${PAGELOAD_TARGETS.badgeColdMs} ms cold) are ${b.hook.median < PAGELOAD_TARGETS.badgeWarmMs ? 'met' : 'not met'} with a warm worker and ${b.cold.median < PAGELOAD_TARGETS.badgeColdMs ? 'met' : 'not met'} with a cold one. ` +
      'A cold start adds, before Matou handles the message, Chromium starting the worker, loading and compiling the background bundle ' +
      `(${kb(entryBytes(report.sizes.builds.chrome, 'background'))} minified) and Matou evaluating it. Where each millisecond goes, and how much of it ` +
      "is Chromium's own (the same path in an extension with no code of Matou's), is measured by `npm run bench:badge -- --trace --floor`: " +
      'see [docs/badge-latency.md](badge-latency.md).',
    '',
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
    'Build (normalise the crawled files), load (parse and validate the snapshot), index, and one ranking query, on the bundled copy and ' +
      'on synthetic directories 10× and 100× the real federation, in Node; build, load and index are the best of a few runs after a ' +
      'garbage collection, queries the median of 3,000.',
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
    'npm run bench:pageload           # page-load cost and badge latency only',
    'npm run bench:popup              # popup render only',
    'npm run bench:classify           # classifier only',
    'npm run bench:directory          # directory only',
    '```',
    '',
    "Needs Debian's `chromium` (and `firefox-esr` for its version line) and `openssl` for the fake web's certificate. " +
      'Close what else runs: on a busy machine the figures spread (the A/A control shows by how much).',
    '',
    '## What these figures do not prove',
    '',
    '- **Real pages.** The fake web serves a few hundred bytes of HTML from 127.0.0.1 with no subresource, so `load` comes within tens of ' +
      'milliseconds and a fixed cost of a few milliseconds is a large ratio. On a real Gmail or Zoom page `load` comes seconds later; the ' +
      'absolute difference is what carries over, not the ratio. In-page navigations of single-page apps are not measured.',
    '- **Other machines.** One run on one machine, possibly shared with other work (the load average before the run says how busy it was), headless Chromium with software ' +
      "rendering. Another CPU, a desktop session with a GPU, or Chrome instead of Debian's Chromium will give other numbers; the " +
      'side-by-side differences and ratios are meant to travel better than the absolute times, not perfectly.',
    "- **Firefox speed.** Only the Firefox build's sizes are measured; page load, badge and popup are measured in Chromium only.",
    '- **Medians, not tails.** Targets are on medians; p90 is shown, rarer stalls (a garbage collection, a worker restart mid-load) are ' +
      'not bounded by any figure here. The bootstrap intervals treat each load as independent.',
    '- **Cold starts.** The cold badge figure stops the worker through DevTools; a browser that has just started, or a worker evicted under ' +
      'memory pressure, may be slower. The first popup open after a worker restart is a single sample per directory.',
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
