// The Firefox build in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi.
// Firefox cannot map a host to a port, so the fake web listens on 127.0.0.1:443 (tests run as
// root on these machines) and `network.dns.localDomains` sends the catalogued names there.
// BiDi may not navigate to moz-extension:// pages, but the options page that Matou opens by
// itself on first run is a page we can script: from there we ask the background, as the popup does.
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeWeb, type FakeWeb } from './fake-web';
import { requireBrowser, requireBuild } from './harness';

const FIREFOX = '/usr/bin/firefox-esr';
const FIREFOX_DIST = resolve(import.meta.dirname, '../../dist/firefox');
const HOSTS = ['mail.google.com', 'docs.google.com', 'zoom.us', 'discord.com', 'example.org'];

let web: FakeWeb;
let browser: Browser;

interface PopupStateLike {
  detection: null | { service: { id: string; name: string }; category: { id: string } };
  hosts: unknown[];
}

/** The extension page Matou opened on install (first run), found among the open tabs. */
async function extensionPage(): Promise<Page> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://')) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('Matou did not open its first-run page');
}

/** Asks the background for every tab's popup state, from an extension page. */
function popupStates(page: Page): Promise<PopupStateLike[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number }>> }; runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
    const tabs = await api.tabs.query({});
    return Promise.all(tabs.map((tab) => api.runtime.sendMessage({ type: 'get-popup-state', tabId: tab.id }))) as Promise<PopupStateLike[]>;
  });
}

beforeAll(async () => {
  requireBrowser(FIREFOX, 'firefox-esr');
  requireBuild(FIREFOX_DIST);
  web = await startFakeWeb({ port: 443 });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': HOSTS.join(','),
      'intl.locale.requested': 'fr',
      'intl.accept_languages': 'fr-FR, fr',
    },
  });
  await browser.installExtension(FIREFOX_DIST);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('Firefox ESR: the built extension', () => {
  test('installs, and its content script reports Gmail to the background', async () => {
    const options = await extensionPage();
    const page = await browser.newPage();
    await page.goto('https://mail.google.com/mail/u/0/');
    expect(await page.title()).toBe('mail.google.com/mail/u/0/');

    await expect
      .poll(async () => (await popupStates(options)).map((state) => state.detection?.service.id ?? null), { timeout: 10_000 })
      .toContain('gmail');
  });

  test('a page that is not catalogued is not flagged', async () => {
    const options = await extensionPage();
    const page = await browser.newPage();
    await page.goto('https://example.org/');
    const states = await popupStates(options);
    // Only the Gmail tab of the previous test is flagged.
    expect(states.filter((state) => state.detection !== null).map((state) => state.detection?.service.id)).toEqual(['gmail']);
    await page.close();
  });
});
