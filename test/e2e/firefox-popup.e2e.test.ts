// The popup and the options page in Firefox ESR, with the built extension (dist/firefox), in
// French: the real toolbar popup for Gmail, Google Docs, Zoom and Discord; the ranking after a
// region change; the host each popup leads with, within its first 600 px, and "I use this one"
// with its undo; "never on this site" and "this page is not Gmail" with their undo; ignored
// sites, local corrections, export and import in the options; the correction form's link; axe.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIREFOX_DIST,
  clickButton,
  launchFirefoxMatou,
  waitForText,
  withRealPopup,
  type FirefoxMatou,
} from '../../scripts/lib/browsers/firefox';
import {
  AXE_SOURCE,
  FRENCH,
  POPUP_READY,
  SERVICES,
  axeInPage,
  readPopupDocument,
  type AxeViolation,
} from '../../scripts/lib/browsers/matou-pages';

const snapshot = JSON.parse(readFileSync(join(FIREFOX_DIST, 'directory/snapshot.json'), 'utf8')) as {
  organizations: Array<{ name: string }>;
};
const snapshotHosts = new Set(snapshot.organizations.map((o) => o.name));
const downloads = mkdtempSync(join(tmpdir(), 'matou-firefox-downloads-'));

let matou: FirefoxMatou;
const sites = new Map<string, { page: Page; tabId: number }>();

beforeAll(async () => {
  matou = await launchFirefoxMatou({ locale: 'fr', downloadDir: downloads });
  // First run: "35" finds Ille-et-Vilaine.
  await matou.control.bringToFront();
  await matou.control.waitForSelector('#welcome-search');
  await matou.control.type('#welcome-search', '35');
  await clickButton(matou.control, '#welcome', FRENCH.save);
  await matou.control.waitForSelector('#region');
  for (const service of SERVICES) {
    const site = await matou.visit(service.url);
    await matou.waitForBadge(site.tabId, (text) => text !== '');
    sites.set(service.name, site);
  }
});

afterAll(async () => {
  await matou?.close();
  rmSync(downloads, { recursive: true, force: true });
});

function realPopup(name: string) {
  return withRealPopup(matou, sites.get(name)!.page, readPopupDocument, POPUP_READY);
}

async function chooseRegion(code: string): Promise<void> {
  const options = await matou.openOptions('region');
  await options.waitForSelector('#region-country');
  await options.select('#region-country', code.startsWith('FR-') ? 'FR' : code);
  if (code.startsWith('FR-')) await options.select('#region-departement', code);
  await clickButton(options, '#region', 'Enregistrer la région');
  await waitForText(options, '#region [role=status]', /\S/);
  await options.close();
}

describe('Firefox: the real toolbar popup, region Ille-et-Vilaine', () => {
  test.each(SERVICES.map((s) => [s.name]))(
    '%s: the service and hosts from the bundled snapshot',
    async (name) => {
      const reading = await realPopup(name);
      expect(reading.service).toBe(name);
      expect(reading.rankedFor).toContain('Ille-et-Vilaine (35)');
      expect(reading.hosts.length).toBeGreaterThan(0);
      for (const host of reading.hosts) expect(snapshotHosts).toContain(host.slice(host.indexOf(': ') + 2));
    },
  );

  test('the ranking follows the region chosen in the options: Rhône puts Framasoft first for Google Docs', async () => {
    expect((await realPopup('Google Docs')).hosts[0]).toBe(`${FRENCH.region}: Infini (Internet Finistère)`);
    await chooseRegion('FR-69');
    const after = await realPopup('Google Docs');
    expect(after.rankedFor).toContain('Rhône (69)');
    expect(after.hosts[0]).toBe(`${FRENCH.near}: Framasoft`);
    await chooseRegion('FR-35');
  });
});

describe('Firefox: the popup shown as a tab of its own (as Firefox for Android does)', () => {
  test('with no tab given, it shows the tab the user was on just before', async () => {
    const { page } = sites.get('Zoom')!;
    await page.bringToFront();
    const popup = await matou.openExtensionPage('src/popup/index.html');
    await popup.waitForSelector(POPUP_READY);
    expect(await popup.evaluate(readPopupDocument as () => ReturnType<typeof readPopupDocument>)).toEqual(
      expect.objectContaining({ service: 'Zoom' }),
    );
    await popup.close();
  });
});

describe('Firefox: silence and corrections, and their undo', () => {
  test('never on this site: one click in the popup, undone in the options', async () => {
    const { tabId } = sites.get('Discord')!;
    const popup = await matou.openPopup(tabId);
    await popup.waitForSelector(POPUP_READY);
    await clickButton(popup, 'main', 'Jamais sur ce site');
    await popup.waitForSelector('.notice[role=status]');
    await matou.waitForBadge(tabId, (text) => text === '');
    await popup.close();

    const options = await matou.openOptions('ignored');
    await clickButton(options, '#ignored', /discord\.com/);
    await waitForText(options, '#ignored', /discord\.com n'est plus ignoré/);
    await options.close();
    await matou.waitForBadge(tabId, (text) => text !== '');
  });

  test('this page is not Gmail: the badge goes, and Annuler in the popup brings it back', async () => {
    const { tabId } = sites.get('Gmail')!;
    const popup = await matou.openPopup(tabId);
    await popup.waitForSelector(POPUP_READY);
    await clickButton(popup, 'main', "Cette page n'est pas Gmail");
    await waitForText(popup, '.notice[role=status]', /mail\.google\.com/);
    await matou.waitForBadge(tabId, (text) => text === '');
    await clickButton(popup, '.notice', 'Annuler');
    await matou.waitForBadge(tabId, (text) => text !== '');
    await popup.close();
  });

  test('local corrections in the options: listed, exported, removed, imported again', async () => {
    const { tabId } = sites.get('Gmail')!;
    const popup = await matou.openPopup(tabId);
    await popup.waitForSelector(POPUP_READY);
    await clickButton(popup, 'main', "Cette page n'est pas Gmail");
    await matou.waitForBadge(tabId, (text) => text === '');
    await popup.close();

    const options = await matou.openOptions('corrections');
    await waitForText(options, '#corrections', /mail\.google\.com/);
    // The export is the Blob the page hands to the browser's download (read as it is made:
    // headless Firefox sometimes leaves such a download in .part, which is not Matou's doing).
    await options.evaluate(() => {
      const made = URL.createObjectURL.bind(URL);
      const seen = globalThis as unknown as { exportedText?: Promise<string> };
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) seen.exportedText = blob.text();
        return made(blob);
      };
    });
    await clickButton(options, '#backup', /^Exporter les réglages/);
    await waitForText(options, '#backup', /matou-settings-.*\.json/);
    const text = await options.evaluate(
      () => (globalThis as unknown as { exportedText?: Promise<string> }).exportedText ?? '',
    );
    const exported = JSON.parse(text) as { corrections: { exclusions: unknown[] } };
    const file = join(downloads, 'matou-settings.json');
    writeFileSync(file, text);
    expect(exported.corrections.exclusions).toHaveLength(1);

    await clickButton(options, '#corrections', /mail\.google\.com/);
    await waitForText(options, '#corrections', /Correction retirée/);
    await matou.waitForBadge(tabId, (text) => text !== '');

    const input = (await options.waitForSelector('#import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await waitForText(options, '.import-result', /\S/);
    expect(await options.$eval('.import-result', (node) => node.textContent)).not.toMatch(
      /partiel|n'ont pas pu/i,
    );
    await matou.waitForBadge(tabId, (text) => text === '');
    await options.close();
    // A page opened afterwards lists the imported correction, and removes it.
    const again = await matou.openOptions('corrections');
    await clickButton(again, '#corrections', /mail\.google\.com/);
    await waitForText(again, '#corrections', /Correction retirée/);
    await matou.waitForBadge(tabId, (text) => text !== '');
    await again.close();
  });

  test("the correction form's forge link decodes back to the previewed text", async () => {
    const { tabId } = sites.get('Google Docs')!;
    const popup = await matou.openPopup(tabId);
    await popup.waitForSelector(POPUP_READY);
    const href = await popup.$$eval(
      'a',
      (links) => links.find((a) => a.textContent === 'Suggérer une correction')?.getAttribute('href') ?? '',
    );
    await popup.close();
    expect(href).toBe(`../options/index.html#correct?service=google-docs&host=docs.google.com&tab=${tabId}`);
    const form = await matou.openExtensionPage(`src/options/index.html#${href.split('#')[1]}`);
    await form.waitForSelector('#correct-preview-body');
    const preview = await form.evaluate(() => ({
      title: document.querySelector('#correct-preview-title')?.textContent ?? '',
      body: document.querySelector('#correct-preview-body')?.textContent ?? '',
      href: document.querySelector('a#correct-open-issue')?.getAttribute('href') ?? '',
    }));
    expect(preview.body).toContain('docs.google.com');
    expect(preview.body).not.toContain('1AbCdEf');
    expect(preview.href.startsWith('https://framagit.org/matou/matou/-/issues/new?')).toBe(true);
    const params = new URL(preview.href).searchParams;
    expect({ title: params.get('issue[title]'), body: params.get('issue[description]') }).toEqual({
      title: preview.title,
      body: preview.body,
    });
    await form.close();
  });
});

describe('Firefox: answer first, and "I use this one"', () => {
  test.each(SERVICES.map((s) => [s.name]))(
    '%s: the real popup leads with a host, its name and one button within the first 600 px',
    async (name) => {
      const { lead } = await realPopup(name);
      expect(lead).not.toBeNull();
      expect(lead!.href).toMatch(/^https:\/\//);
      expect(lead!.nameBottom).toBeLessThanOrEqual(600);
      expect(lead!.actionBottom).toBeLessThanOrEqual(600);
      console.info(
        `[firefox] ${name}: ${lead!.name} ends at ${lead!.nameBottom} px, "${lead!.action}" at ${lead!.actionBottom} px`,
      );
    },
  );

  test('Gmail: the badge and the next popup say "your host", and one click undoes both', async () => {
    const { tabId } = sites.get('Gmail')!;
    const before = await matou.badge(tabId);
    expect(before.text).toMatch(/^\d+$/);
    const popup = await matou.openPopup(tabId);
    await popup.waitForSelector('.lead-host');
    await clickButton(popup, '.lead-host', "J'utilise celui-ci");
    await waitForText(popup, '.lead-host', /Votre hébergeur pour « Courriel »/);
    await matou.waitForBadge(tabId, (text) => text === '✓');
    expect((await matou.badge(tabId)).title).toMatch(
      /^Matou : vous êtes sur Gmail\. Vous avez une alternative : .+\.$/,
    );
    const { lead } = await realPopup('Gmail');
    expect(lead?.mine).toBe(true);
    await clickButton(popup, '.lead-host', "Je ne l'utilise plus");
    await matou.waitForBadge(tabId, (text) => text === before.text);
    expect((await matou.badge(tabId)).title).toBe(before.title);
    await popup.close();
  });
});

describe('Firefox: axe-core finds no violation', () => {
  async function axe(page: Page): Promise<AxeViolation[]> {
    await page.evaluate(AXE_SOURCE);
    return page.evaluate(axeInPage);
  }

  test('popup on Google Docs', async () => {
    const popup = await matou.openPopup(sites.get('Google Docs')!.tabId);
    await popup.waitForSelector(POPUP_READY);
    expect(await axe(popup)).toEqual([]);
    await popup.close();
  });

  test('options page, all settings', async () => {
    const options = await matou.openOptions();
    await options.waitForSelector('#directory');
    expect(await axe(options)).toEqual([]);
    await options.close();
  });

  test('axe itself sees a violation when there is one (the check can fail)', async () => {
    const options = await matou.openOptions();
    await options.waitForSelector('#directory');
    await options.evaluate(() => document.querySelector('#directory-url')?.removeAttribute('id'));
    await options.evaluate(() => document.querySelector('label[for="directory-url"]')?.remove());
    expect((await axe(options)).map((violation) => violation.id)).toContain('label');
    await options.close();
  });
});
