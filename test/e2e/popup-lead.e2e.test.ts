// Answer first, in Chromium with the built extension: someone in the Finistère opens the popup on
// Gmail, Google Docs, Zoom or Discord and, without scrolling a 400 × 600 popup, sees the host Matou
// leads with and its one button, in French and in English. Then "I use this one": the badge and
// the next popup say so, and one click undoes both.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchMatou, type Matou } from '../../scripts/lib/browsers/chromium';
import {
  SERVICES,
  answerWelcome,
  readPopup,
  type PopupReading,
} from '../../scripts/lib/browsers/matou-pages';

const POPUP = { width: 400, height: 600 };

/** What the lead card's button says for each service's host in the Finistère, per language. */
const ACTIONS: Record<'fr' | 'en', Record<string, RegExp>> = {
  fr: {
    Gmail: /^Rejoindre Infini \(Internet Finistère\)$/,
    'Google Docs': /^Ouvrir Pad\.Infini$/,
    Zoom: /^(Ouvrir|Rejoindre|Créer un compte chez|S'abonner chez|Site de) /,
    Discord: /^(Ouvrir|Rejoindre|Créer un compte chez|S'abonner chez|Site de) /,
  },
  en: {
    Gmail: /^Join Infini \(Internet Finistère\)$/,
    'Google Docs': /^Open Pad\.Infini$/,
    Zoom: /^(Open |Join |Create an account at |Subscribe at )|^Visit /,
    Discord: /^(Open |Join |Create an account at |Subscribe at )|^Visit /,
  },
};

const launched: Matou[] = [];
afterAll(async () => {
  for (const matou of launched) await matou.close();
});

async function finistere(locale: string): Promise<{ matou: Matou; tabs: Map<string, number> }> {
  const matou = await launchMatou({ locale });
  launched.push(matou);
  const tabs = new Map<string, number>();
  for (const service of SERVICES) {
    const { tabId } = await matou.visit(service.url);
    await matou.waitForBadge(tabId, (text) => text !== '');
    tabs.set(service.name, tabId);
  }
  await answerWelcome(matou, '29');
  return { matou, tabs };
}

async function popupAt400(matou: Matou, tabId: number): Promise<PopupReading> {
  const page = await matou.openPopup(tabId);
  await page.setViewportSize(POPUP);
  const reading = await readPopup(page);
  await page.close();
  return reading;
}

describe.each([
  ['fr', 'fr-FR'],
  ['en', 'en-US'],
] as const)('the first screen of the popup (%s)', (lang, locale) => {
  let matou: Matou;
  let tabs: Map<string, number>;
  beforeAll(async () => {
    ({ matou, tabs } = await finistere(locale));
  });

  test.each(SERVICES.map((s) => [s.name]))(
    '%s: the host it leads with, and its one button, are within the first 600 px',
    async (name) => {
      const reading = await popupAt400(matou, tabs.get(name)!);
      expect(reading.service).toBe(name);
      expect(reading.lead, JSON.stringify(reading)).not.toBeNull();
      const lead = reading.lead!;
      expect(lead.action).toMatch(ACTIONS[lang][name]!);
      expect(lead.href).toMatch(/^https:\/\//);
      expect(lead.nameBottom).toBeLessThanOrEqual(POPUP.height);
      expect(lead.actionBottom).toBeLessThanOrEqual(POPUP.height);
      // For the closing note: where they end, in CSS px from the top.
      console.info(
        `[${lang}] ${name}: ${lead.name} ends at ${lead.nameBottom} px, "${lead.action}" at ${lead.actionBottom} px`,
      );
    },
  );
});

describe('"I use this one", in Chromium', () => {
  test('changes the badge and the next popup; one click undoes both', async () => {
    const { matou, tabs } = await finistere('fr-FR');
    const tabId = tabs.get('Gmail')!;
    const before = await matou.badge(tabId);
    expect(before.text).toMatch(/^\d+$/);

    const page = await matou.openPopup(tabId);
    await page.setViewportSize(POPUP);
    await readPopup(page);
    await page.locator('.lead-host').getByRole('button', { name: "J'utilise celui-ci" }).click();
    await page.getByText('Votre hébergeur pour « Courriel »').waitFor();
    await page.close();
    await matou.waitForBadge(tabId, (text) => text === '✓');
    expect((await matou.badge(tabId)).title).toBe(
      'Matou : vous êtes sur Gmail. Vous avez une alternative : Infini (Internet Finistère).',
    );

    const next = await matou.openPopup(tabId);
    const reading = await readPopup(next);
    expect(reading.lead).toMatchObject({ name: 'Infini (Internet Finistère)', mine: true });
    await next.locator('.lead-host').getByRole('button', { name: "Je ne l'utilise plus" }).click();
    await next.getByText('Conseillé pour vous').waitFor();
    await next.close();
    await matou.waitForBadge(tabId, (text) => text === before.text);
    expect((await matou.badge(tabId)).title).toBe(before.title);
  });
});
