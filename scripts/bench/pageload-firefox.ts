// Page-load cost and badge latency in Debian's Firefox ESR with the built extension
// (dist/firefox): the method of pageload.ts (the same pages, rounds, samples and figures), run
// through puppeteer-core over WebDriver BiDi (scripts/lib/browsers/firefox.ts).
//
// Page load: four Firefoxes side by side on one fake web, as in Chromium: Matou (the first-run
// question answered, its options page kept open: the kept tab), two plain Firefoxes (without, and
// the A/A control) and the extension without code (Matou's content-script matches and run_at).
// Same preferences in all four; Firefox's default background idle timeout (30 s) in Matou's.
//
// Badge: a fifth Firefox with Matou, whose preference `extensions.background.idle.timeout` makes
// Firefox suspend the event page after BACKGROUND_IDLE_MS without events (the same mechanism that
// suspends it after 30 s for a user; every message from a content script starts the count again).
// The control page (Matou's options page, idle) reaches the event page with
// `extension.getBackgroundPage()`: to wrap setBadgeText there (the hook), to leave a token in its
// memory, and to see it gone: that call answers null while the event page is suspended, and does
// not wake it, nor does polling getBadgeText. A cold sample waits for that null, navigates, and
// counts only if the event page that answered has no token: a new one, started by the page's message.
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { startFakeWeb } from '../lib/browsers/fake-web';
import {
  clickButton,
  FIREFOX_DIST,
  launchFirefox,
  launchFirefoxMatou,
  until,
  type FirefoxMatou,
} from '../lib/browsers/firefox';
import {
  BENCH_PAGES,
  checkedLoadEventStart,
  formatPageLoadBench,
  makeEmptyExtension,
  makeFloorExtension,
  measureBadgeSideBySide,
  measurePageLoad,
  navigationLoadEventStart,
  optionsFromArgs,
  runSettings,
  type BadgeHarness,
  type LoadOnce,
  type PageLoadBenchOptions,
  type PageLoadBenchResult,
} from './pageload';

/** Idle time after which the badge browser suspends Matou's event page (Firefox's default: 30 s). */
export const BACKGROUND_IDLE_MS = 3000;

/** One fresh tab, one navigation, in a Firefox. */
export function firefoxLoadOnce(firefox: Browser): LoadOnce {
  return async (url) => {
    const page = await firefox.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      return checkedLoadEventStart(url, await page.evaluate(navigationLoadEventStart));
    } finally {
      await page.close();
    }
  };
}

/** A settled user: the first-run question answered in the page Matou opened (Ille-et-Vilaine). */
export async function answerWelcome(matou: FirefoxMatou, search: string): Promise<void> {
  const page = matou.control;
  await page.bringToFront();
  await page.waitForSelector('#welcome-search');
  await page.type('#welcome-search', search);
  await clickButton(page, '#welcome', /^(Enregistrer|Save)$/);
  await page.waitForSelector('#region');
}

function firefoxBadgeHarness(matou: FirefoxMatou): BadgeHarness {
  const inControl: BadgeHarness['poller'] = (fn, arg) => matou.control.evaluate(fn as never, arg as never);
  return {
    where: 'background-page',
    background: async () => inControl,
    poller: inControl,
    async blankTab() {
      const page = await matou.browser.newPage();
      return {
        tabId: await matou.tabIdOf(page),
        run: (fn, arg) => page.evaluate(fn as never, arg as never),
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        close: () => page.close(),
      };
    },
    async suspend() {
      // Nothing to do but wait: Firefox suspends the idle event page itself.
      await until(
        'Firefox to suspend the event page',
        () => matou.ext(() => (browser.extension.getBackgroundPage() === null ? true : undefined)),
        BACKGROUND_IDLE_MS + 15_000,
      );
    },
  };
}

export async function benchFirefoxPageLoad(options: PageLoadBenchOptions = {}): Promise<PageLoadBenchResult> {
  const dist = options.dist ?? FIREFOX_DIST;
  const { rounds, warmupRounds, badgeSamples, coldSamples, log } = runSettings(options);

  const emptyDist = makeEmptyExtension(dist);
  const floorDist = makeFloorExtension(dist);
  const web = await startFakeWeb();
  const closers: Array<() => Promise<void>> = [];
  try {
    const matou = await launchFirefoxMatou({ web, dist });
    closers.push(() => matou.close());
    await answerWelcome(matou, '35');
    const plain = await launchFirefox({ web });
    closers.push(() => plain.close());
    const control = await launchFirefox({ web });
    closers.push(() => control.close());
    const empty = await launchFirefox({ web });
    closers.push(() => empty.close());
    await empty.browser.installExtension(emptyDist);
    // Every Firefox keeps the tab it started with (Matou's: its options page), so has a window.
    const pageLoad = await measurePageLoad(
      [
        firefoxLoadOnce(matou.browser),
        firefoxLoadOnce(plain.browser),
        firefoxLoadOnce(control.browser),
        firefoxLoadOnce(empty.browser),
      ],
      rounds,
      warmupRounds,
      log,
    );
    for (const close of closers.splice(0)) await close();

    const prefs = { 'extensions.background.idle.timeout': BACKGROUND_IDLE_MS };
    const badgeMatou = await launchFirefoxMatou({ web, dist, prefs });
    closers.push(() => badgeMatou.close());
    await answerWelcome(badgeMatou, '35');
    // The floor opens its own idle page on install, which the harness uses as Matou's options page.
    const badgeFloor = await launchFirefoxMatou({ web, dist: floorDist, prefs });
    closers.push(() => badgeFloor.close());
    const [badge, floorBadge] = await measureBadgeSideBySide(
      'Firefox',
      [firefoxBadgeHarness(badgeMatou), firefoxBadgeHarness(badgeFloor)],
      badgeSamples,
      coldSamples,
      log,
    );
    return {
      browser: 'Firefox',
      pageLoad,
      badge: badge!,
      floorBadge: floorBadge!,
      pages: BENCH_PAGES,
      backgroundIdleTimeoutMs: BACKGROUND_IDLE_MS,
    };
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    await web.close();
    rmSync(emptyDist, { recursive: true, force: true });
    rmSync(floorDist, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchFirefoxPageLoad(optionsFromArgs(process.argv.slice(2))).then(
    (result) => process.stdout.write(`${formatPageLoadBench(result)}\n`),
    (error: unknown) => {
      process.stderr.write(
        `bench pageload (Firefox) failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
