// A one-off split of Firefox's page-load cost, not part of `npm run bench`: six Firefoxes side by
// side, from a plain one to Matou, each adding one step of what Matou does while a page loads
// (a content script, its message to the background, the badge's four `action` calls, a
// session-storage write). Same rounds and figures as pageload.ts, fewer rounds by default.
//
//   npm run build && npx tsx scripts/bench/pageload-firefox-steps.ts [rounds]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeWeb } from '../lib/browsers/fake-web';
import { FIREFOX_DIST, launchFirefox, launchFirefoxMatou } from '../lib/browsers/firefox';
import { BENCH_PAGES, compare, roundOrder, sleep, stats, type LoadOnce } from './pageload';
import { answerWelcome, firefoxLoadOnce } from './pageload-firefox';

const REPORT = 'browser.runtime.sendMessage({ type: "page", url: location.href }).catch(() => {});';

/** Steps as [label, content script, background script]; null: no extension at all. */
const STEPS: Array<[string, [string, string] | null]> = [
  ['plain Firefox', null],
  ['extension without code', ['', '']],
  ['+ a message to an empty listener', [REPORT, 'browser.runtime.onMessage.addListener(() => {});']],
  [
    "+ the badge's four action calls",
    [
      REPORT,
      `browser.runtime.onMessage.addListener((message, sender) => {
        const tabId = sender.tab.id;
        void Promise.all([
          browser.action.setBadgeText({ tabId, text: '3' }),
          browser.action.setBadgeBackgroundColor({ tabId, color: '#333333' }),
          browser.action.setTitle({ tabId, title: 'Matou' }),
          browser.action.setBadgeTextColor({ tabId, color: '#ffffff' }),
        ]);
      });`,
    ],
  ],
  [
    '+ a session-storage write instead',
    [
      REPORT,
      `browser.runtime.onMessage.addListener((message, sender) => {
        void browser.storage.session.set({ ['tab-' + sender.tab.id]: { url: message.url } });
      });`,
    ],
  ],
];

function stepExtension(label: string, index: number, [content, background]: [string, string]): string {
  const source = JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8')) as {
    content_scripts: Array<{ matches: string[]; run_at?: string }>;
  };
  const dir = mkdtempSync(join(tmpdir(), 'matou-bench-step-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: label,
      version: '1.0',
      permissions: ['storage'],
      action: {},
      background: { scripts: ['background.js'] },
      content_scripts: source.content_scripts.map(({ matches, run_at }) => ({
        matches,
        run_at,
        js: ['content.js'],
      })),
      browser_specific_settings: { gecko: { id: `bench-step-${index}@matou.example` } },
    }),
  );
  writeFileSync(join(dir, 'content.js'), content);
  writeFileSync(join(dir, 'background.js'), background);
  return dir;
}

async function main(rounds: number): Promise<void> {
  const web = await startFakeWeb();
  const closers: Array<() => Promise<void>> = [];
  const dirs: string[] = [];
  try {
    const loads: LoadOnce[] = [];
    for (const [index, [label, scripts]] of STEPS.entries()) {
      const firefox = await launchFirefox({ web });
      closers.push(firefox.close);
      if (scripts) {
        dirs.push(stepExtension(label, index, scripts));
        await firefox.browser.installExtension(dirs.at(-1)!);
      }
      loads.push(firefoxLoadOnce(firefox.browser));
    }
    const matou = await launchFirefoxMatou({ web });
    closers.push(matou.close);
    await answerWelcome(matou, '35');
    loads.push(firefoxLoadOnce(matou.browser));
    const labels = [...STEPS.map(([label]) => label), 'Matou'];

    const samples: number[][] = loads.map(() => []);
    for (let round = -6; round < rounds; round += 1) {
      const url = BENCH_PAGES[((round % BENCH_PAGES.length) + BENCH_PAGES.length) % BENCH_PAGES.length]!;
      for (const arm of roundOrder(round, loads.length)) {
        const ms = await loads[arm]!(url);
        if (round >= 0) samples[arm]!.push(ms);
        await sleep(120);
      }
      if (round >= 0 && (round + 1) % 20 === 0) process.stderr.write(`  ${round + 1}/${rounds} rounds\n`);
    }
    for (const [arm, label] of labels.entries()) {
      const c = compare(samples[arm]!, samples[0]!);
      process.stdout.write(
        `${label.padEnd(36)} median ${stats(samples[arm]!).median.toFixed(1).padStart(6)} ms   − plain ` +
          `${c.differenceMs.toFixed(1).padStart(5)} ms (95 % CI ${c.ci95[0].toFixed(1)} to ${c.ci95[1].toFixed(1)}; paired ${c.pairedMs.toFixed(1)})\n`,
      );
    }
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    await web.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

main(Number(process.argv[2] ?? 100)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
