// Matou's privacy promises in Firefox ESR, with the built extension (dist/firefox): browsing 20
// pages and opening the real popup contacts nothing but the pages themselves; the directory
// refresh contacts only its one source, default or custom, revalidates with its ETag, and never
// sends an Origin naming the installation (Firefox's `moz-extension://<per-install UUID>`), which
// the options make sure of by asking for the custom source's origin (optional host permission).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIREFOX_DIST,
  clickButton,
  launchFirefoxMatou,
  typeInto,
  waitForText,
  withRealPopup,
  type FirefoxMatou,
} from '../../scripts/lib/browsers/firefox';
import {
  ETAG,
  PAGES,
  PAGE_REQUESTS,
  isBrowsersOwn,
  isBrowsersOwnConnection,
  publish,
  type SeenDownload,
} from './privacy-fixtures';

describe('Firefox: browsing', () => {
  let matou: FirefoxMatou;
  beforeAll(async () => {
    // Every hostname reaches the fake web through the tunnel, so any request would be seen.
    matou = await launchFirefoxMatou({ catchAll: true });
  });
  afterAll(async () => {
    await matou?.close();
  });

  test('browsing 20 pages and opening the popup on each contacts only the pages themselves', async () => {
    matou.web.requests.length = 0;
    matou.tunnel.connects.length = 0;
    for (const url of PAGES) {
      const { page } = await matou.visit(url);
      const heading = await withRealPopup(
        matou,
        page,
        (document) => document.querySelector('h1')?.textContent ?? '',
      );
      expect(heading).not.toBe('');
      await page.close();
    }
    const hosts = new Set(PAGES.map((url) => `${new URL(url).hostname}:443`));
    expect(
      matou.tunnel.connects.filter((target) => !hosts.has(target) && !isBrowsersOwnConnection(target)),
    ).toEqual([]);
    const unexpected = matou.web.requests
      .filter((request) => request.path !== '/favicon.ico' && !isBrowsersOwn(request))
      .map((request) => `${request.host}${request.path}`)
      .filter((seen) => !PAGE_REQUESTS.has(seen));
    expect(unexpected).toEqual([]);
    expect(matou.web.requests.filter((request) => request.origin?.startsWith('moz-extension:'))).toEqual([]);
  });
});

describe('Firefox: directory refresh', () => {
  let matou: FirefoxMatou;
  beforeAll(async () => {
    // Firefox's automation switch answers "Allow" to the permission the options ask for.
    matou = await launchFirefoxMatou({ catchAll: true, autoGrantPermissions: true });
    await matou.control.bringToFront();
    await matou.control.waitForSelector('#welcome-search');
    await clickButton(matou.control, '#welcome', /^(Passer|Skip|Plus tard|Later)/);
  });
  afterAll(async () => {
    await matou?.close();
  });

  async function saveSource(url: string): Promise<void> {
    const options = await matou.openOptions('directory');
    await typeInto(options, '#directory-url', url);
    await clickButton(options, '#directory form', "Enregistrer l'adresse");
    await waitForText(options, '#directory > p[role=status]', /Adresse enregistrée/);
    await options.close();
  }

  /** Refreshes twice from the options page: a new copy, then "already up to date" (HTTP 304). */
  async function refreshTwice(dated: RegExp): Promise<void> {
    const options = await matou.openOptions('directory');
    matou.web.requests.length = 0;
    matou.tunnel.connects.length = 0;
    await clickButton(options, '#directory', "Mettre à jour l'annuaire");
    await waitForText(options, '#directory .directory [role=status]', /nouvelle copie/);
    await waitForText(options, '#directory', dated);
    await clickButton(options, '#directory', "Mettre à jour l'annuaire");
    await waitForText(options, '#directory .directory [role=status]', /déjà à jour/);
    await options.close();
  }

  /** What reached the network while refreshing, but for Firefox's own Remote Settings. */
  const connects = () => matou.tunnel.connects.filter((target) => !isBrowsersOwnConnection(target));
  const requests = () =>
    matou.web.requests
      .filter((request) => !isBrowsersOwn(request))
      .map((request) => `${request.host}${request.path}`);

  function expectOnly(seen: SeenDownload[], host: string, path: string): void {
    expect(connects()).toEqual(connects().map(() => `${host}:443`));
    expect(requests()).toEqual(requests().map(() => `${host}${path}`));
    expect(seen.map((request) => [request.method, request.ifNoneMatch])).toEqual([
      ['GET', undefined],
      ['GET', ETAG],
    ]);
    for (const request of seen) {
      expect(request.cookie).toBeUndefined();
      expect(request.referer).toBeUndefined();
      // No Origin at all: with the host permission Firefox sends none, so no per-install UUID.
      expect(request.origin).toBeUndefined();
      expect(JSON.stringify(request.headers)).not.toMatch(
        /moz-extension|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i,
      );
    }
  }

  test('the default source: only its origin, no Origin header, revalidated with its ETag', async () => {
    const seen = publish(
      matou.web,
      FIREFOX_DIST,
      '/matou/directory/snapshot.json',
      '2027-01-04T08:00:00.000Z',
      {},
    );
    await refreshTwice(/Annuaire du .*4 janvier 2027.*copie téléchargée/);
    expectOnly(seen, 'matou.frama.io', '/matou/directory/snapshot.json');
  });

  test('a custom source without CORS headers: saving asks for that origin, and the download carries no Origin', async () => {
    const seen = publish(matou.web, FIREFOX_DIST, '/published/snapshot.json', '2027-01-11T08:00:00.000Z', {});
    await saveSource('https://matou-directory.example/published/snapshot.json');
    expect(
      await matou.ext(() => browser.permissions.contains({ origins: ['https://matou-directory.example/*'] })),
    ).toBe(true);
    await refreshTwice(/Annuaire du .*11 janvier 2027.*copie téléchargée/);
    expectOnly(seen, 'matou-directory.example', '/published/snapshot.json');
  });

  test('a custom source whose permission was taken back: the refresh sends nothing and says why', async () => {
    const seen = publish(matou.web, FIREFOX_DIST, '/other/snapshot.json', '2027-01-18T08:00:00.000Z', {});
    await saveSource('https://annuaire.example.org/other/snapshot.json');
    // The previous source's access was given back when the address changed.
    expect(
      await matou.ext(() => browser.permissions.contains({ origins: ['https://matou-directory.example/*'] })),
    ).toBe(false);
    await matou.ext(() => browser.permissions.remove({ origins: ['https://annuaire.example.org/*'] }));
    const options = await matou.openOptions('directory');
    await waitForText(
      options,
      '#directory',
      /Matou n'a pas l'autorisation de contacter https:\/\/annuaire\.example\.org/,
    );
    matou.web.requests.length = 0;
    matou.tunnel.connects.length = 0;
    await clickButton(options, '#directory', "Mettre à jour l'annuaire");
    await waitForText(
      options,
      '#directory .directory [role=status]',
      /échec \(Matou has no permission to contact https:\/\/annuaire\.example\.org/,
    );
    expect(seen).toEqual([]);
    expect(connects()).toEqual([]);
    expect(requests()).toEqual([]);
    await options.close();
  });

  test('refusals: a source that answers garbage or redirects is refused and the copy in use stays', async () => {
    matou.web.route(
      '/broken/snapshot.json',
      (_request, response) =>
        void response.writeHead(200, { 'content-type': 'application/json' }).end('{"not": "a snapshot"'),
    );
    matou.web.route(
      '/moved/snapshot.json',
      (_request, response) => void response.writeHead(302, { location: '/published/snapshot.json' }).end(),
    );
    for (const [path, refusal] of [
      ['/broken/snapshot.json', /copie refusée car invalide/],
      ['/moved/snapshot.json', /échec/],
    ] as const) {
      await saveSource(`https://matou-directory.example${path}`);
      const options = await matou.openOptions('directory');
      matou.web.requests.length = 0;
      await clickButton(options, '#directory', "Mettre à jour l'annuaire");
      await waitForText(options, '#directory .directory [role=status]', refusal);
      // The copy downloaded from the custom source (December 7) is still the one in use.
      await waitForText(options, '#directory', /Annuaire du .*11 janvier 2027.*copie téléchargée/);
      expect(requests()).toEqual([`matou-directory.example${path}`]);
      await options.close();
    }
  });
});
