// The toolbar badge, per tab. Browsers reset tab-specific values when the tab loads a new
// document, so a badge never outlives the page it was set for.
import browser from './browser';

export interface BadgeLook {
  text: string;
  title: string;
  color: string;
  textColor: string;
}

export async function showBadge(tabId: number, look: BadgeLook): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: look.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
    browser.action.setTitle({ tabId, title: look.title }),
    // Not in every browser's typings or versions; harmless where missing.
    browser.action.setBadgeTextColor?.({ tabId, color: look.textColor }),
  ]);
}

export async function clearBadge(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setTitle({ tabId, title: '' }),
  ]);
}
