// Launches Debian's Firefox ESR with the built extension (dist/firefox) and the fake web, driven
// by puppeteer-core over WebDriver BiDi (see ../shared/design/TOOLING.md for what was checked).
// Firefox cannot map a host to a port, so it goes through a local proxy (startTunnel) that sends
// the mapped hosts to the fake web on any port (no root needed) and records every host the
// browser tried to reach, Firefox's own traffic included. BiDi may not navigate to
// moz-extension:// pages, but the options page Matou opens itself on first run is an extension
// page we can script: it is the "control" page, from which tabs are created and the API is asked.
import { resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { startFakeWeb, startTunnel, type FakeWeb, type Tunnel } from './fake-web';
import { MAPPED_HOSTS, requireBrowser, requireBuild } from './chromium';

export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_DIST = resolve(import.meta.dirname, '../../../dist/firefox');

export interface FirefoxOptions {
  /** `fr` (default) or `en`: Firefox's UI language, and so the extension's _locales. */
  locale?: 'fr' | 'en';
  extraHosts?: string[];
  /** Grant optional permissions without a prompt (Firefox's own switch for automation). */
  autoGrantPermissions?: boolean;
  /** Send every hostname to the fake web (to see any request at all), not only the mapped ones. */
  catchAll?: boolean;
  /** Where downloads (the settings export) are saved without asking. */
  downloadDir?: string;
  /** A fake web to share (benches: several browsers on one), left open on close; by default one of its own. */
  web?: FakeWeb;
  /** The built extension to install (launchFirefoxMatou; default dist/firefox). */
  dist?: string;
  /** Further preferences (the bench's background idle timeout). */
  prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxMatou {
  browser: Browser;
  web: FakeWeb;
  tunnel: Tunnel;
  /** The extension page opened on install, kept open to talk to the extension. */
  control: Page;
  /** Evaluates `fn` in the control page, where `browser.*` is the extension's API. */
  ext<A extends unknown[], T>(fn: (...args: A) => Promise<T> | T, ...args: A): Promise<T>;
  visit(url: string): Promise<{ page: Page; tabId: number }>;
  tabIdOf(page: Page): Promise<number>;
  badge(tabId: number): Promise<{ text: string; title: string }>;
  waitForBadge(tabId: number, predicate: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Opens an extension page (path relative to the root) in a new, active tab and returns it. */
  openExtensionPage(path: string): Promise<Page>;
  openPopup(tabId: number): Promise<Page>;
  openOptions(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

declare global {
  // The extension's API in an extension page (Firefox's `browser`).
  var browser: ExtensionApi;
}

async function hrefOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

/** Polls `check` until it returns something other than undefined. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Firefox {
  browser: Browser;
  web: FakeWeb;
  tunnel: Tunnel;
  /** Closes the browser and the tunnel, and the fake web unless it was given. */
  close(): Promise<void>;
}

/** Firefox on the fake web, without any extension (a bench's plain Firefox; launchFirefoxMatou's start). */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<Firefox> {
  requireBrowser(FIREFOX, 'firefox-esr');
  const locale = options.locale ?? 'fr';
  const web = options.web ?? (await startFakeWeb());
  const mapped = new Set([...MAPPED_HOSTS, ...(options.extraHosts ?? [])]);
  const tunnel = await startTunnel(web, (host) => options.catchAll === true || mapped.has(host));
  const close = async () => {
    await tunnel.close();
    if (!options.web) await web.close();
  };
  let firefox: Browser;
  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        // Every connection through the tunnel (localhost, where BiDi talks, is never proxied).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': tunnel.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': tunnel.port,
        'network.proxy.no_proxies_on': '',
        'network.dns.disableIPv6': true,
        'extensions.openPopupWithoutUserGesture.enabled': true,
        'extensions.webextOptionalPermissionPrompts': !options.autoGrantPermissions,
        // Debian's language pack (firefox-esr-l10n-fr) is a distribution add-on: let it load.
        'extensions.autoDisableScopes': 0,
        'intl.locale.requested': locale === 'fr' ? 'fr' : 'en-US',
        'intl.accept_languages': locale === 'fr' ? 'fr-FR, fr' : 'en-US, en',
        ...(options.downloadDir
          ? {
              'browser.download.dir': options.downloadDir,
              'browser.download.folderList': 2,
              'browser.download.useDownloadDir': true,
              'browser.download.always_ask_before_handling_new_types': false,
              'browser.download.alwaysOpenPanel': false,
              // The reputation check asks a remote service: offline, it holds a download in .part.
              'browser.safebrowsing.downloads.enabled': false,
              'browser.safebrowsing.downloads.remote.enabled': false,
            }
          : {}),
        ...options.prefs,
      },
    });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    browser: firefox,
    web,
    tunnel,
    async close() {
      await firefox.close();
      await close();
    },
  };
}

export async function launchFirefoxMatou(options: FirefoxOptions = {}): Promise<FirefoxMatou> {
  const dist = options.dist ?? FIREFOX_DIST;
  requireBuild(dist);
  const locale = options.locale ?? 'fr';
  const launched = await launchFirefox(options);
  const { browser: firefox, web, tunnel } = launched;
  try {
    await firefox.installExtension(dist);
  } catch (error) {
    await launched.close();
    throw error;
  }
  const control = await until('the first-run page Matou opens', async () => {
    for (const page of await firefox.pages())
      if ((await hrefOf(page)).startsWith('moz-extension://')) return page;
    return undefined;
  });
  const base = new URL(await hrefOf(control)).host;
  const shown = await control.evaluate(() => browser.i18n.getMessage('languageCode'));
  if (shown !== locale) {
    await launched.close();
    throw new Error(
      `Firefox shows Matou in ${shown}, not ${locale}: install Debian's firefox-esr-l10n-fr (apt-get install firefox-esr-l10n-fr).`,
    );
  }

  const ext: FirefoxMatou['ext'] = (fn, ...args) =>
    control.evaluate(fn as (...a: unknown[]) => unknown, ...(args as unknown[])) as Promise<never>;

  async function tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const id = await ext(
      async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? -1,
    );
    if (id < 0) throw new Error('no active tab');
    return id;
  }

  async function badge(tabId: number) {
    return ext(
      async (id: number) => ({
        text: await browser.action.getBadgeText({ tabId: id }),
        title: await browser.action.getTitle({ tabId: id }),
      }),
      tabId,
    );
  }

  let opened = 0;
  async function openExtensionPage(path: string): Promise<Page> {
    // A marker in the query makes the new tab's address unique, so it is found among the pages.
    const [file, hash = ''] = path.replace(/^\//, '').split('#');
    const url = `moz-extension://${base}/${file}${file!.includes('?') ? '&' : '?'}e2e=${++opened}${hash ? `#${hash}` : ''}`;
    await ext((href: string) => browser.tabs.create({ url: href, active: true }).then(() => undefined), url);
    const page = await until(`the extension page ${path}`, async () => {
      for (const candidate of await firefox.pages()) if ((await hrefOf(candidate)) === url) return candidate;
      return undefined;
    });
    await page.bringToFront();
    await page.waitForSelector('main, h1');
    return page;
  }

  return {
    browser: firefox,
    web,
    tunnel,
    control,
    ext,
    tabIdOf,
    badge,
    async visit(url) {
      const page = await firefox.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return { page, tabId: await tabIdOf(page) };
    },
    async waitForBadge(tabId, predicate, timeoutMs = 10_000) {
      let last = '';
      return until(
        `the badge of tab ${tabId} (still ${JSON.stringify(last)})`,
        async () => {
          last = (await badge(tabId)).text;
          return predicate(last) ? last : undefined;
        },
        timeoutMs,
      );
    },
    openExtensionPage,
    openPopup: (tabId) => openExtensionPage(`src/popup/index.html?tab=${tabId}`),
    openOptions: (hash) => openExtensionPage(`src/options/index.html${hash ? `#${hash}` : ''}`),
    close: launched.close,
  };
}

/**
 * Opens the real toolbar popup for the tab shown by `page` (action.openPopup), waits for it to
 * render, runs `inside` in it (its document is reached through extension.getViews), and closes
 * it whatever happens: an open panel makes the next openPopup() fail.
 */
export async function withRealPopup<T>(
  matou: FirefoxMatou,
  page: Page,
  inside: (document: Document) => T | Promise<T>,
  ready: string = 'main:not([aria-busy]) h1',
): Promise<T> {
  await page.bringToFront();
  await matou.ext(() => browser.action.openPopup());
  try {
    await until('the popup panel to render', () =>
      matou.ext(
        (selector: string) =>
          browser.extension.getViews({ type: 'popup' })[0]?.document.querySelector(selector)
            ? true
            : undefined,
        ready,
      ),
    );
    // An expression, not a function: `inside` runs against the popup's document, not the control page's.
    return (await matou.control.evaluate(
      `(async () => (${inside.toString()})(browser.extension.getViews({ type: 'popup' })[0].document))()`,
    )) as T;
  } finally {
    await matou.ext(() => {
      for (const view of browser.extension.getViews({ type: 'popup' })) view.close();
    });
  }
}

/** Clicks the button named `name` (text or aria-label) inside `scope` (a trusted click: a user gesture). */
export async function clickButton(page: Page, scope: string, name: string | RegExp): Promise<void> {
  const pattern = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
  const button = await page.waitForFunction(
    (selector: string, source: string) =>
      [...document.querySelectorAll(`${selector} button`)].find((b) =>
        [b.getAttribute('aria-label') ?? '', (b.textContent ?? '').trim()].some((name) =>
          new RegExp(source).test(name),
        ),
      ),
    { polling: 100, timeout: 15_000 },
    scope,
    pattern,
  );
  const element = button.asElement();
  if (!element) throw new Error(`no button ${String(name)} in ${scope}`);
  await (element as ElementHandle<Element>).click();
}

/** Waits until the text of `selector` matches, and returns it. */
export async function waitForText(
  page: Page,
  selector: string,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<string> {
  const handle = await page.waitForFunction(
    (css: string, source: string, flags: string) => {
      const text = [...document.querySelectorAll(css)]
        .map((node) => node.textContent ?? '')
        .find((t) => new RegExp(source, flags).test(t));
      return text ?? false;
    },
    { polling: 100, timeout: timeoutMs },
    selector,
    pattern.source,
    pattern.flags,
  );
  return (await handle.jsonValue()) as string;
}

/** Replaces the value of a text field by typing, as a user does. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(selector, (input) => (input as HTMLInputElement).select());
  await page.type(selector, text);
}
