// Host access for the directory source. In Firefox, a cross-origin fetch to a server Matou has no
// host permission for is a CORS request carrying `Origin: moz-extension://<UUID>`, a random
// identifier of this installation: the same server would recognise the user every week. With a
// host permission no Origin is sent. So where the manifest declares optional host permissions
// (Firefox's, see scripts/lib/firefox-manifest.ts), Matou asks for the one origin the user saves
// (a user gesture) and never downloads from an origin it was not granted. Chromium's Origin is
// `chrome-extension://<extension id>`, the same for every installation: no prompt there, and a
// source other than the default must then allow CORS.
import browser from './browser';

/** The match pattern covering every path of the URL's origin (`https://host/*`). */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

function manifest(): { host_permissions?: string[]; optional_host_permissions?: string[] } | null {
  try {
    return browser.runtime.getManifest();
  } catch {
    return null; // a test double without a manifest
  }
}

/** Whether this browser's build asks for each source's origin (unknown: ask, the safe side). */
function asksPerOrigin(): boolean {
  const declared = manifest();
  return declared === null || (declared.optional_host_permissions ?? []).length > 0;
}

/**
 * Asks the browser for access to the URL's origin; true when granted (at once when it already
 * was). Call it synchronously from a click or submit handler: browsers only prompt from a user
 * gesture, and an `await` before this call would lose it.
 */
export function requestOriginAccess(url: string): Promise<boolean> {
  if (!asksPerOrigin()) return Promise.resolve(true);
  return browser.permissions.request({ origins: [originPattern(url)] });
}

export async function hasOriginAccess(url: string): Promise<boolean> {
  if (!asksPerOrigin()) return true;
  return browser.permissions.contains({ origins: [originPattern(url)] });
}

/** Gives back the access to an origin Matou no longer uses. The manifest's own host stays. */
export async function releaseOriginAccess(url: string): Promise<void> {
  const declared = manifest();
  if (!declared || !asksPerOrigin()) return;
  const pattern = originPattern(url);
  if ((declared.host_permissions ?? []).includes(pattern)) return;
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}

/** Why a download was not even attempted (shown in the options' last-check line). */
export function noAccessReason(url: string): string {
  return `Matou has no permission to contact ${new URL(url).origin}, so it sent nothing there: save the address again in the options and allow it.`;
}

/**
 * `fetch` for the directory refresh: refuses, before any byte leaves, a URL whose origin Matou
 * may not contact without sending the installation's Origin.
 */
export const fetchWithOriginAccess: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!(await hasOriginAccess(url))) {
    // The refresh reports a NotAllowedError's message as it is (not as a network error).
    throw Object.assign(new Error(noAccessReason(url)), { name: 'NotAllowedError' });
  }
  return fetch(input, init);
};
