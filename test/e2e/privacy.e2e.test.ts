// Matou's privacy promises, proven in Chromium with the built extension:
// - browsing catalogued and other pages and opening the popup makes no request at all;
// - a page cannot detect Matou through its extension URLs;
// - the extension pages' CSP allows no remote code;
// - forged or malformed messages are ignored, never acted on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROME_DIST, launchMatou, type Matou } from './harness';

/** Ten catalogued pages and ten others. */
const PAGES = [
  'https://mail.google.com/mail/u/0/',
  'https://docs.google.com/document/d/1abc/edit',
  'https://docs.google.com/spreadsheets/d/1abc/edit',
  'https://drive.google.com/drive/my-drive',
  'https://meet.google.com/abc-defg-hij',
  'https://www.youtube.com/watch?v=abc',
  'https://zoom.us/j/123456789',
  'https://discord.com/channels/@me',
  'https://teams.microsoft.com/',
  'https://trello.com/b/abc/board',
  'https://example.org/',
  'https://www.example.org/about',
  'https://evil.example/?u=https://mail.google.com/',
  'https://mail.google.com.evil.example/',
  'https://news.example.net/article',
  'https://shop.example.com/cart',
  'https://wiki.example.org/Chat',
  'https://blog.example/2026/11',
  'https://forum.example.net/t/1',
  'https://maps.example.com/place',
];

let matou: Matou;

beforeAll(async () => {
  // Every hostname resolves to the fake web, so any request from anywhere would be seen.
  matou = await launchMatou({ catchAll: true });
});

afterAll(async () => {
  await matou?.close();
});

describe('privacy', () => {
  test('browsing 20 pages and opening the popup sends no request but the pages themselves', async () => {
    // What the browser reports: pages, extension pages, and the worker where Playwright sees it.
    const browserRequests: string[] = [];
    matou.context.on('request', (request) => {
      if (/^https?:/.test(request.url())) browserRequests.push(request.url());
    });

    matou.web.requests.length = 0;
    const tabs: number[] = [];
    for (const url of PAGES) {
      const { page, tabId } = await matou.visit(url);
      tabs.push(tabId);
      const popup = await matou.openPopup(tabId);
      await popup.waitForSelector('h1');
      await popup.close();
      await page.close();
    }
    // What reached the fake web (every hostname resolves to it): only the pages themselves.
    const expected = new Set(PAGES.map((url) => `${new URL(url).host}${new URL(url).pathname}${new URL(url).search}`));
    const unexpected = matou.web.requests
      .filter((request) => request.path !== '/favicon.ico')
      .map((request) => `${request.host}${request.path}`)
      .filter((seen) => !expected.has(seen));
    expect(unexpected).toEqual([]);
    const expectedUrls = new Set(PAGES);
    expect(browserRequests.filter((url) => !expectedUrls.has(url) && !url.endsWith('/favicon.ico'))).toEqual([]);
    expect(matou.web.requests.filter((request) => request.origin?.startsWith('chrome-extension://'))).toEqual([]);
  });

  test('a page probing the extension URLs learns nothing', async () => {
    const { page } = await matou.visit('https://mail.google.com/mail/u/0/');
    const probes = ['manifest.json', 'src/popup/index.html', 'icons/matou-16.png', 'directory/snapshot.json', 'src/content/index.js'];
    const results = await page.evaluate(
      async ({ base, paths }) =>
        Promise.all(
          paths.map(async (path) => {
            try {
              const response = await fetch(base + path);
              return `${path}: ${response.status}`;
            } catch {
              return `${path}: blocked`;
            }
          }),
        ),
      { base: matou.extensionUrl(''), paths: probes },
    );
    expect(results).toEqual(probes.map((path) => `${path}: blocked`));
    // Nor can the page talk to the extension.
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
    await page.close();
  });

  test("the extension pages' content security policy allows no remote code", () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8'));
    const csp: string = manifest.content_security_policy.extension_pages;
    const scriptSrc = csp.split(';').map((part) => part.trim()).find((part) => part.startsWith('script-src')) ?? '';
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  test('forged and malformed messages are ignored and logged, and the worker goes on', async () => {
    const warnings: string[] = [];
    const worker = await matou.worker();
    worker.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const { page, tabId } = await matou.visit('https://example.org/');
    const options = await matou.openOptions();
    const answers = await options.evaluate(
      async (id) => {
        // No answer at all reads as undefined (Chromium may also say the port closed unanswered).
        const send = (message: unknown) =>
          chrome.runtime
            .sendMessage(message)
            .catch((error: Error) => (/port closed/.test(error.message) ? undefined : `error: ${error.message}`));
        return [
          // A page report must come from a content script in a tab, not from a page of ours.
          await send({ type: 'page', url: 'https://mail.google.com/mail/u/0/' }),
          await send({ type: 'get-popup-state', tabId: String(id) }),
          await send({ type: 'ignore-site', host: { toString: 'x' } }),
          await send({ type: 'set-region', region: 'FR-35', extra: '<img src=x onerror=alert(1)>' }),
          await send('get-popup-state'),
        ];
      },
      tabId,
    );
    // Nothing answered the forged ones (undefined); the valid set-region went through.
    expect(answers.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(answers[4]).toBeUndefined();
    expect(warnings.filter((text) => text.includes('Matou: ignored')).length).toBeGreaterThanOrEqual(4);
    // The tab that was never on Gmail is still not flagged.
    expect((await matou.badge(tabId)).text).toBe('');
    await options.close();
    await page.close();
  });
});
