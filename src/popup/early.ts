// The popup's first question to the background, asked before the rest of its code is evaluated:
// main.tsx imports this module first, and modules run in import order, so the background is
// already answering while Preact and the views load.
import { activeTabId } from '../platform/pages';
import type { PopupState } from '../core/protocol';
import { ask } from '../ui/background';

/** Tests and "open in a tab" pass the tab to show as ?tab=<id>; otherwise the active tab. */
function tabToShow(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(fromQuery) && fromQuery > 0 ? Promise.resolve(fromQuery) : activeTabId();
}

export const tabId = tabToShow();
/** The state of that tab, or null when there is no tab to show. */
export const firstState: Promise<PopupState | null> = tabId.then((id) =>
  id === null ? null : ask({ type: 'get-popup-state', tabId: id }),
);
// Its failure is the view's to show; do not let it surface as unhandled before the view reads it.
firstState.catch(() => undefined);
