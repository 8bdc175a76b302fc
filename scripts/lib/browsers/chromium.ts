// Launches Debian's Chromium with the built extension (dist/chrome) and the fake web, for the
// end-to-end tests, the benches and the demo. One place for the flags that make Chromium quiet,
// offline and extension-friendly.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startFakeWeb, type FakeWeb } from './fake-web';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROME_DIST = resolve(import.meta.dirname, '../../../dist/chrome');

/** Hostnames mapped to the fake web. Everything else fails to resolve: no test reaches the internet. */
export const MAPPED_HOSTS = [
  'mail.google.com',
  'docs.google.com',
  'drive.google.com',
  'meet.google.com',
  'calendar.google.com',
  'www.google.com',
  'www.google.fr',
  'www.youtube.com',
  'zoom.us',
  'app.zoom.us',
  'discord.com',
  'teams.microsoft.com',
  'outlook.live.com',
  'web.whatsapp.com',
  'www.facebook.com',
  'www.instagram.com',
  'x.com',
  'app.slack.com',
  'doodle.com',
  'wetransfer.com',
  'www.dropbox.com',
  'trello.com',
  'example.org',
  'www.example.org',
  'mail.google.com.evil.example',
  'evil.example',
  'matou-directory.example',
];

export function requireBrowser(path: string, debianPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: install Debian's ${debianPackage} (apt-get install ${debianPackage}) to run the end-to-end tests.`,
    );
  }
}

export function requireBuild(dist: string): void {
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`${dist} has no build: run \`npm run build\` first (npm test does).`);
  }
}

/**
 * Whether the extension in `dist` has a message bundle to lose: only one with a `default_locale`
 * has `_locales` (Chromium requires the one with the other). The bench's extension without code has neither.
 */
export function hasMessages(dist: string): boolean {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    default_locale?: unknown;
  };
  return typeof manifest.default_locale === 'string' && existsSync(join(dist, '_locales'));
}

export interface Matou {
  context: BrowserContext;
  web: FakeWeb;
  extensionId: string;
  /** The extension's service worker (found again if the browser restarted it). */
  worker(): Promise<Worker>;
  /** Opens a URL in a new tab and returns the page and its tab id. */
  visit(url: string): Promise<{ page: Page; tabId: number }>;
  tabIdOf(page: Page): Promise<number>;
  badge(tabId: number): Promise<{ text: string; title: string }>;
  /** Waits until the badge of a tab reads as expected (the content script reports asynchronously). */
  waitForBadge(tabId: number, predicate: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  openPopup(tabId: number): Promise<Page>;
  openOptions(): Promise<Page>;
  extensionUrl(path: string): string;
  /** Stops the service worker through the DevTools protocol, as the browser does when idle. */
  stopWorker(): Promise<void>;
  /** The browser profile directory (pass it to launchMatou again to restart the browser). */
  profile: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  dist?: string;
  web?: FakeWeb;
  extraHosts?: string[];
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Send every hostname to the fake web (to see any request at all), not only the mapped ones. */
  catchAll?: boolean;
  /**
   * Let the service worker's own fetches accept the fake web's self-signed certificate too
   * (Playwright's ignoreHTTPSErrors covers pages only). Then Chromium's own requests to mapped
   * hosts (its Google account check on Google pages) get through as well: only for tests that
   * need the worker to download something.
   */
  workerTrustsFakeWeb?: boolean;
  /** A browser profile to reuse (a restart); kept on close. By default a fresh one, removed on close. */
  profile?: string;
}

/** The Chromium flags every launch shares (quiet, offline, fake web), without the extension ones. */
export function chromiumFlags(web: FakeWeb, options: LaunchOptions = {}): string[] {
  const hosts = [...MAPPED_HOSTS, ...(options.extraHosts ?? [])];
  const rules = (
    options.catchAll
      ? [`MAP * 127.0.0.1:${web.port}`, 'EXCLUDE 127.0.0.1']
      : [...hosts.map((host) => `MAP ${host} 127.0.0.1:${web.port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1']
  ).join(', ');
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--lang=${options.locale ?? 'fr-FR'}`,
    `--host-resolver-rules=${rules}`,
    ...(options.workerTrustsFakeWeb ? ['--ignore-certificate-errors'] : []),
  ];
}

function launchChromium(profile: string, args: string[], options: LaunchOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    locale: options.locale ?? 'fr-FR',
    colorScheme: options.colorScheme ?? 'light',
    args,
    // On Linux Chromium takes its UI language (and so the extension's) from the environment, not
    // from --lang; the French one needs Debian's chromium-l10n.
    env: { ...process.env, LANGUAGE: (options.locale ?? 'fr-FR').replace('-', '_') },
  });
}

/** The same Chromium, flags and fake web as launchMatou, without any extension (benchmarks' control). */
export async function launchPlainChromium(
  options: Omit<LaunchOptions, 'dist'> = {},
): Promise<{ context: BrowserContext; web: FakeWeb; close(): Promise<void> }> {
  requireBrowser(CHROMIUM, 'chromium');
  const web = options.web ?? (await startFakeWeb());
  const profile = mkdtempSync(join(tmpdir(), 'matou-chromium-'));
  const context = await launchChromium(profile, chromiumFlags(web, options), options);
  return {
    context,
    web,
    async close() {
      await context.close();
      if (!options.web) await web.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchMatou(options: LaunchOptions = {}): Promise<Matou> {
  requireBrowser(CHROMIUM, 'chromium');
  const dist = options.dist ?? CHROME_DIST;
  requireBuild(dist);
  const web = options.web ?? (await startFakeWeb());
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'matou-chromium-'));
  const freshProfile = readdirSync(profile).length === 0;
  const args = [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    ...chromiumFlags(web, options),
  ];
  let context = await launchChromium(profile, args, options);
  // Now and then this Chromium starts an unpacked extension with an empty message bundle: every
  // i18n.getMessage answers "" in its worker and pages for the whole session (Matou would show
  // its message keys). Not Matou's doing, and seen only at startup: start that browser again.
  // An extension without messages always answers "": nothing to check.
  for (let attempt = 1; attempt < 3 && hasMessages(dist); attempt++) {
    const sw =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    if ((await sw.evaluate(() => chrome.i18n.getMessage('languageCode'))) !== '') break;
    console.warn(`Chromium started Matou without its messages (empty i18n); starting it again (${attempt})`);
    await context.close();
    if (freshProfile)
      for (const entry of readdirSync(profile))
        rmSync(join(profile, entry), { recursive: true, force: true });
    context = await launchChromium(profile, args, options);
  }

  async function worker(): Promise<Worker> {
    const found = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (found) return found;
    return context.waitForEvent('serviceworker', { timeout: 10_000 });
  }

  const extensionId = new URL((await worker()).url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

  // The options page opens by itself on install (first run): wait for it and close it, so tests
  // start clean (a page opening late would otherwise linger beside theirs). A profile that already
  // has Matou (a restart) gets no such page.
  if (freshProfile) {
    const deadline = Date.now() + 10_000;
    let firstRun: Page | undefined;
    while (!firstRun && Date.now() < deadline) {
      firstRun = context.pages().find((page) => page.url().startsWith(extensionUrl('')));
      if (!firstRun) await new Promise((r) => setTimeout(r, 50));
    }
    await firstRun?.close();
  }
  for (const page of context.pages()) if (page.url().startsWith(extensionUrl(''))) await page.close();

  async function tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const sw = await worker();
    const id = await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    if (id < 0) throw new Error('no active tab');
    return id;
  }

  async function badge(tabId: number) {
    const sw = await worker();
    return sw.evaluate(
      async (id) => ({
        text: await chrome.action.getBadgeText({ tabId: id }),
        title: await chrome.action.getTitle({ tabId: id }),
      }),
      tabId,
    );
  }

  return {
    context,
    web,
    extensionId,
    worker,
    extensionUrl,
    tabIdOf,
    badge,
    async visit(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return { page, tabId: await tabIdOf(page) };
    },
    async waitForBadge(tabId, predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = (await badge(tabId)).text;
        if (predicate(last)) return last;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`badge of tab ${tabId} stayed ${JSON.stringify(last)}`);
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.goto(extensionUrl(`src/popup/index.html?tab=${tabId}`));
      return page;
    },
    async openOptions() {
      const page = await context.newPage();
      await page.goto(extensionUrl('src/options/index.html'));
      return page;
    },
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: Array<{ targetId: string; type: string; url: string }>;
      };
      const target = targetInfos.find(
        (t) => t.type === 'service_worker' && t.url.startsWith(extensionUrl('')),
      );
      if (!target) throw new Error('no extension service worker to stop');
      // ServiceWorker.stopAllWorkers stops it the way the browser does after idling.
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    profile,
    async close() {
      await context.close();
      if (!options.web) await web.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
