// Where a suspended Firefox event page's badge time goes, Matou against the floor (an extension
// with Matou's manifest and content script whose background only sets a fixed badge). A one-off
// decomposition, not part of npm run bench (docs/badge-latency.md has its figures):
//
//   npm run build && npx tsx scripts/bench/badge-firefox-steps.ts [samples per build, default 8] [label=dist …]
//
// Each build gets marks in its event page: a first module (evaluated before the background's own,
// after the whole module graph was fetched and linked) records its time and wraps
// runtime.onMessage and action.setBadgeText; the loader's body records the end of evaluation.
// Firefox suspends the event page (extensions.background.idle.timeout), a fresh tab navigates to a
// catalogued page, and the marks are read from the control page with extension.getBackgroundPage(),
// all in the page's clock: ms after its navigation start.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFakeWeb } from '../lib/browsers/fake-web';
import { FIREFOX_DIST, launchFirefoxMatou, until, type FirefoxMatou } from '../lib/browsers/firefox';
import { BENCH_PAGES, isBareBuild, makeFloorExtension, quantile } from './pageload';
import { answerWelcome, BACKGROUND_IDLE_MS } from './pageload-firefox';

const STEPS = [
  'event page document starts',
  'first module evaluated (all fetched and linked)',
  'background evaluated',
  'report reaches a listener',
  'setBadgeText called',
] as const;

/** The first module: its time, and the first page report and badge call it sees. */
const MARKS = `globalThis.__steps = { start: performance.now() };
const action = globalThis.browser.action;
const setBadgeText = action.setBadgeText.bind(action);
action.setBadgeText = (details, ...rest) => {
  if (details.text) globalThis.__steps.badge ??= performance.now();
  return setBadgeText(details, ...rest);
};
const onMessage = globalThis.browser.runtime.onMessage;
const addListener = onMessage.addListener.bind(onMessage);
onMessage.addListener = (listener) =>
  addListener((message, ...rest) => {
    if (message?.type === 'page') globalThis.__steps.message ??= performance.now();
    return listener(message, ...rest);
  });
`;

/** A copy of a Firefox build whose event page (a module, as Matou's) is loaded behind the marks. */
function markedCopy(dist: string): string {
  // Named as its source is (see isBareBuild), so that the run knows which has a first-run question.
  const dir = mkdtempSync(join(tmpdir(), `${isBareBuild(dist) ? 'bare-' : ''}matou-steps-`));
  cpSync(dist, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background: { scripts: string[]; type?: string };
  };
  if (manifest.background.type !== 'module') throw new Error(`${dist}: the event page is not a module`);
  writeFileSync(join(dir, 'steps-marks.js'), MARKS);
  writeFileSync(
    join(dir, 'steps-loader.js'),
    `import './steps-marks.js';\n${manifest.background.scripts.map((s) => `import './${s}';\n`).join('')}` +
      'globalThis.__steps.evaluated = performance.now();\n',
  );
  manifest.background.scripts = ['steps-loader.js'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

type Marks = [number, number, number, number, number];

async function sample(matou: FirefoxMatou, url: string): Promise<Marks> {
  const page = await matou.browser.newPage();
  try {
    await until(
      'Firefox to suspend the event page',
      () => matou.ext(() => (browser.extension.getBackgroundPage() === null ? true : undefined)),
      BACKGROUND_IDLE_MS + 15_000,
    );
    await page.goto(url, { waitUntil: 'load' });
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const marks = await until('the badge', () =>
      matou.ext(() => {
        const scope = browser.extension.getBackgroundPage() as unknown as {
          performance: Performance;
          __steps?: Record<string, number>;
        } | null;
        const steps = scope?.__steps;
        if (!scope || steps?.badge === undefined) return undefined;
        return [0, steps.start!, steps.evaluated!, steps.message!, steps.badge].map(
          (at) => scope.performance.timeOrigin + at,
        );
      }),
    );
    return marks.map((at) => at - navigationStart) as Marks;
  } finally {
    await page.close();
  }
}

/** `others`: more Firefox builds to alternate with Matou and the floor, as label=directory. */
export async function badgeFirefoxSteps(samples: number, others: string[] = []): Promise<string> {
  const floor = makeFloorExtension(FIREFOX_DIST);
  const builds = [
    { label: 'Matou', dist: markedCopy(FIREFOX_DIST) },
    { label: 'floor', dist: markedCopy(floor) },
    ...others.map((arg) => {
      const [label, dir] = arg.split('=');
      if (!label || !dir) throw new Error(`expected label=directory, got ${arg}`);
      return { label, dist: markedCopy(dir) };
    }),
  ];
  const web = await startFakeWeb();
  const prefs = { 'extensions.background.idle.timeout': BACKGROUND_IDLE_MS };
  const arms: Array<{ label: string; matou: FirefoxMatou; marks: Marks[] }> = [];
  try {
    for (const { label, dist } of builds) {
      const matou = await launchFirefoxMatou({ web, dist, prefs });
      arms.push({ label, matou, marks: [] });
      if (!isBareBuild(dist)) await answerWelcome(matou, '35');
    }
    for (let i = 0; i < samples; i += 1)
      for (const arm of i % 2 === 1 ? [...arms].reverse() : arms)
        arm.marks.push(await sample(arm.matou, BENCH_PAGES[i % 4]!));
    const width = Math.max(...STEPS.map((s) => s.length));
    return [
      `Suspended event page, ms after the page's navigation start (medians of ${samples}, builds alternated):`,
      `  ${''.padEnd(width)}  ${arms.map((a) => a.label.padStart(8)).join('  ')}`,
      ...STEPS.map(
        (step, k) =>
          `  ${step.padEnd(width)}  ${arms
            .map((a) =>
              quantile(
                a.marks.map((m) => m[k]!),
                0.5,
              )
                .toFixed(1)
                .padStart(8),
            )
            .join('  ')}`,
      ),
    ].join('\n');
  } finally {
    for (const arm of arms) await arm.matou.close().catch(() => undefined);
    await web.close();
    for (const dir of [floor, ...builds.map((b) => b.dist)]) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  badgeFirefoxSteps(Number(process.argv[2] ?? 8), process.argv.slice(3)).then(
    (text) => process.stdout.write(`${text}\n`),
    (error: unknown) => {
      process.stderr.write(
        `badge-firefox-steps failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
