// Matou's privacy promises, proven in Chromium with the built extension:
// - browsing catalogued and other pages and opening the popup makes no request at all;
// - a page cannot detect Matou through its extension URLs;
// - the extension pages' CSP allows no remote code;
// - forged or malformed messages are ignored, never acted on.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROME_DIST, launchMatou, type Matou } from '../../scripts/lib/browsers/chromium';
import { answerWelcome } from '../../scripts/lib/browsers/matou-pages';
import {
  CORS_HEADERS,
  ETAG,
  PAGES,
  PAGE_REQUESTS,
  isBrowsersOwn,
  publish as publishAt,
  type SeenDownload,
} from './privacy-fixtures';

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
    const unexpected = matou.web.requests
      .filter((request) => request.path !== '/favicon.ico' && !isBrowsersOwn(request))
      .map((request) => `${request.host}${request.path}`)
      .filter((seen) => !PAGE_REQUESTS.has(seen));
    expect(unexpected).toEqual([]);
    const expectedUrls = new Set(PAGES);
    expect(browserRequests.filter((url) => !expectedUrls.has(url) && !url.endsWith('/favicon.ico'))).toEqual(
      [],
    );
    expect(matou.web.requests.filter((request) => request.origin?.startsWith('chrome-extension://'))).toEqual(
      [],
    );
  });

  test('a page probing the extension URLs learns nothing', async () => {
    const { page } = await matou.visit('https://mail.google.com/mail/u/0/');
    const probes = [
      'manifest.json',
      'src/popup/index.html',
      'icons/matou-16.png',
      'directory/snapshot.json',
      'src/content/index.js',
    ];
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
    expect(
      await page.evaluate(
        () =>
          typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
            ?.sendMessage,
      ),
    ).toBe('undefined');
    await page.close();
  });

  test("the extension pages' content security policy allows no remote code", () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8'));
    const csp: string = manifest.content_security_policy.extension_pages;
    const scriptSrc =
      csp
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith('script-src')) ?? '';
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
    const answers = await options.evaluate(async (id) => {
      // No answer at all reads as undefined (Chromium may also say the port closed unanswered).
      const send = (message: unknown) =>
        chrome.runtime
          .sendMessage(message)
          .catch((error: Error) =>
            /port closed/.test(error.message) ? undefined : `error: ${error.message}`,
          );
      return [
        // A page report must come from a content script in a tab, not from a page of ours.
        await send({ type: 'page', url: 'https://mail.google.com/mail/u/0/' }),
        await send({ type: 'get-popup-state', tabId: String(id) }),
        await send({ type: 'ignore-site', host: { toString: 'x' } }),
        await send({ type: 'set-region', region: 'FR-35', extra: '<img src=x onerror=alert(1)>' }),
        await send('get-popup-state'),
      ];
    }, tabId);
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

/** Chromium's id for an unpacked extension: the SHA-256 of its folder's path, in letters a–p. */
function unpackedExtensionId(folder: string): string {
  const hex = createHash('sha256').update(folder).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

describe('directory refresh', () => {
  // A browser of its own, whose worker can download from the fake web (see workerTrustsFakeWeb).
  let browsing: Matou;
  beforeAll(async () => {
    browsing = matou;
    matou = await launchMatou({ catchAll: true, workerTrustsFakeWeb: true });
    await answerWelcome(matou, 'ille');
  });
  afterAll(async () => {
    await matou.close();
    matou = browsing;
  });

  const publish = (path: string, builtAt: string, headers: Record<string, string>) =>
    publishAt(matou.web, CHROME_DIST, path, builtAt, headers);

  /** Refreshes twice from the options page: a new copy, then "already up to date" (HTTP 304). */
  async function refreshTwice(source: string | null, dated: RegExp): Promise<void> {
    const options = await matou.openOptions();
    if (source) {
      await options.locator('#directory-url').fill(source);
      await options.getByRole('button', { name: /^(Enregistrer l'adresse|Save the address)$/ }).click();
      await options.locator('#directory > p[role=status]').filter({ hasText: /\S/ }).waitFor();
    }
    matou.web.requests.length = 0;
    const status = options.locator('#directory .directory [role=status]');
    const refresh = options.getByRole('button', {
      name: /^(Mettre à jour l'annuaire|Update the directory)$/,
    });
    await refresh.click();
    await status.filter({ hasText: /nouvelle copie|new copy/ }).waitFor();
    await options.locator('#directory').getByText(dated).waitFor();
    await refresh.click();
    await status.filter({ hasText: /déjà à jour|already up to date/ }).waitFor();
    await options.close();
  }

  function expectOnly(seen: SeenDownload[], host: string, path: string): void {
    // Every request that reached the catch-all fake web went to the one configured address. Not
    // counted: Chromium's own Google account check, which this browser (trusting the fake web's
    // certificate) sometimes sends during the refresh; CI failed on it once.
    const requests = matou.web.requests.filter((request) => !isBrowsersOwn(request));
    expect(requests.map((request) => `${request.host}${request.path}`)).toEqual(
      requests.map(() => `${host}${path}`),
    );
    const gets = seen.filter((request) => request.method === 'GET');
    expect(gets.map((request) => [request.host, request.ifNoneMatch])).toEqual([
      [host, undefined],
      [host, ETAG],
    ]);
    expect(seen.every((request) => request.cookie === undefined && request.referer === undefined)).toBe(true);
  }

  test('the default source (a static host that sends no CORS headers): only its origin, nothing about the user, revalidated with its ETag', async () => {
    // The default is https://matou.frama.io/matou/directory/snapshot.json; the one host permission covers it.
    const seen = publish('/matou/directory/snapshot.json', '2027-01-04T08:00:00.000Z', {});
    await refreshTwice(
      null,
      /(Annuaire du|Directory of) .*(4 janvier 2027|January 4, 2027).*(copie téléchargée|downloaded copy)/,
    );
    expectOnly(seen, 'matou.frama.io', '/matou/directory/snapshot.json');
    // The host permission makes it a request without Origin.
    expect(seen.map((request) => request.origin)).toEqual(seen.map(() => undefined));
  });

  test('another source set in the options (serving CORS headers): only that origin', async () => {
    const seen = publish('/published/snapshot.json', '2027-01-11T08:00:00.000Z', CORS_HEADERS);
    await refreshTwice(
      'https://matou-directory.example/published/snapshot.json',
      /(Annuaire du|Directory of) .*(11 janvier 2027|January 11, 2027).*(copie téléchargée|downloaded copy)/,
    );
    expectOnly(seen, 'matou-directory.example', '/published/snapshot.json');
    // A CORS request: Chromium names the extension, whose id is derived from the package (its
    // key, or here its folder), the same on every installation, unlike Firefox's per-install UUID.
    expect(seen.map((request) => request.origin)).toEqual(
      seen.map(() => `chrome-extension://${unpackedExtensionId(CHROME_DIST)}`),
    );
    expect(matou.extensionId).toBe(unpackedExtensionId(CHROME_DIST));
  });
});
