// The popup in Chromium, for Gmail, Google Docs, Zoom and Discord (served by the fake web):
// the service, ranked hosts from the bundled snapshot, and the ranking following the region
// chosen in the options page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchMatou, type Matou } from '../../scripts/lib/browsers/chromium';
import {
  FRENCH,
  SERVICES,
  answerWelcome,
  chooseRegion,
  readPopup,
  type PopupReading,
} from '../../scripts/lib/browsers/matou-pages';

const snapshot = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/directory/snapshot.json'), 'utf8'),
) as {
  organizations: Array<{ name: string }>;
};
const snapshotHosts = new Set(snapshot.organizations.map((o) => o.name));

const words = FRENCH;
let matou: Matou;
const tabs = new Map<string, number>();

async function popupFor(name: string): Promise<PopupReading> {
  const page = await matou.openPopup(tabs.get(name)!);
  const reading = await readPopup(page);
  await page.close();
  return reading;
}

beforeAll(async () => {
  matou = await launchMatou({ locale: 'fr-FR' });
  // chrome.i18n follows the browser's UI language, which needs Chromium's locale files (Debian's
  // chromium-l10n): without them Matou is in English whatever --lang says. This case is French.
  const ui = await (await matou.worker()).evaluate(() => chrome.i18n.getMessage('languageCode'));
  if (ui !== 'fr')
    throw new Error(
      `Chromium shows Matou in ${ui}, not French: install Debian's chromium-l10n (apt-get install chromium-l10n).`,
    );
  for (const service of SERVICES) {
    const { tabId } = await matou.visit(service.url);
    await matou.waitForBadge(tabId, (text) => text !== '');
    tabs.set(service.name, tabId);
  }
  // First run: "35" finds Ille-et-Vilaine in the département list.
  await answerWelcome(matou, '35');
});

afterAll(async () => {
  await matou?.close();
});

describe('popup in Chromium, region Ille-et-Vilaine', () => {
  test.each(SERVICES.map((s) => [s.name]))(
    '%s: the service and hosts from the bundled snapshot',
    async (name) => {
      const reading = await popupFor(name);
      expect(reading.service).toBe(name);
      expect(reading.rankedFor).toContain('Ille-et-Vilaine (35)');
      expect(reading.hosts.length).toBeGreaterThan(0);
      for (const host of reading.hosts) expect(snapshotHosts).toContain(host.slice(host.indexOf(': ') + 2));
    },
  );

  test('the badge tooltip names the service and counts the hosts near the user', async () => {
    const badge = await matou.badge(tabs.get('Google Docs')!);
    expect(badge.text).toMatch(/^\d+$/);
    expect(badge.title).toBe(words.tooltip('Google Docs', badge.text));
  });
});

describe('the ranking follows the region chosen in the options', () => {
  test('Rhône: Framasoft (Lyon) comes first for Google Docs, near you; Gmail reorders too', async () => {
    const docsBefore = await popupFor('Google Docs');
    const gmailBefore = await popupFor('Gmail');
    expect(docsBefore.hosts[0]).toBe(`${words.region}: Infini (Internet Finistère)`);
    await chooseRegion(matou, 'FR-69');
    const docsAfter = await popupFor('Google Docs');
    expect(docsAfter.rankedFor).toContain('Rhône (69)');
    expect(docsAfter.hosts[0]).toBe(`${words.near}: Framasoft`);
    const gmailAfter = await popupFor('Gmail');
    expect(gmailAfter.hosts).not.toEqual(gmailBefore.hosts);
  });

  test('Belgium: French hosts move to "elsewhere" for Discord; Zoom\'s only host stays', async () => {
    const discordBefore = await popupFor('Discord');
    await chooseRegion(matou, 'BE');
    const discordAfter = await popupFor('Discord');
    expect(discordAfter.rankedFor).toContain(words.belgium);
    expect(discordAfter.hosts).not.toEqual(discordBefore.hosts);
    expect(discordAfter.hosts.some((host) => host.startsWith(`${words.elsewhere}: `))).toBe(true);
    const zoom = await popupFor('Zoom');
    expect(zoom.rankedFor).toContain(words.belgium);
    expect(zoom.hosts.length).toBeGreaterThan(0);
  });
});
