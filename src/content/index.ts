// Runs only on catalogued hosts (see manifest.json). It reads nothing from the page but its
// address, and tells the background; it adds nothing to the page. Kept tiny on purpose:
// no polyfill (Chromium's MV3 `chrome.runtime` returns promises; Firefox has `browser`).

interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: unknown, respond: (answer: unknown) => void) => boolean | void,
    ): void;
  };
}

const scope = globalThis as unknown as {
  browser?: { runtime: RuntimeLike };
  chrome?: { runtime: RuntimeLike };
};
const runtime = (scope.browser ?? scope.chrome)?.runtime;

/** The address without its fragment: a fragment never changes which service a page is. */
const currentUrl = (): string => location.href.split('#')[0] ?? '';

let reported = '';

function report(): void {
  const url = currentUrl();
  if (url === reported || !runtime) return;
  reported = url;
  // The worker may be restarting or the extension updating: nothing to do about it here.
  runtime.sendMessage({ type: 'page', url }).catch(() => undefined);
}

if (runtime) {
  report();
  // In-page navigations (a single-page app moving from Docs to Sheets).
  const navigation = (globalThis as unknown as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', report);
  else {
    addEventListener('popstate', report);
    // No Navigation API (older Firefox): look again now and then, only while the tab is seen.
    setInterval(() => {
      if (document.visibilityState === 'visible') report();
    }, 1500);
  }
  // Back/forward cache: the same document shown again.
  addEventListener('pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) {
      reported = '';
      report();
    }
  });
  runtime.onMessage.addListener((message, _sender, respond) => {
    if ((message as { type?: unknown } | null)?.type !== 'current-url') return;
    respond({ type: 'page', url: currentUrl() });
  });
}
