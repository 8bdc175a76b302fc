// Which host the popup leads with, and what its one button does. Pure, so that the popup's
// first screen is decided (and tested) here, not in the view.
import type { RankedHost } from './directory/rank';

/**
 * What a host card's main button says it does, all pointing at the service's address (or the
 * organisation's website when the service gave none, where joining or signing up starts):
 * create a free account, join the organisation (members only), subscribe (paying), open the
 * service (no account needed, or access not stated), or visit the website (no service address,
 * nothing to join).
 */
export type HostAction = 'open' | 'sign-up' | 'join' | 'subscribe' | 'website';

export function hostAction(host: Pick<RankedHost, 'registration' | 'service'>): HostAction {
  switch (host.registration) {
    case 'free':
      return 'sign-up';
    case 'member':
      return 'join';
    case 'client':
      return 'subscribe';
    default:
      return host.service.urlSource === 'organization' ? 'website' : 'open';
  }
}

/**
 * The host to lead with, as an index into the ranked list (-1 when there is none): within the
 * nearest group, the first that says how to get in and announces no end of service; else the
 * first of that group. Full services are never ranked, and the ranking already puts open access
 * first within a group, so this only steps over hosts that would be a poor first answer.
 */
export function bestHostIndex(hosts: readonly RankedHost[]): number {
  const first = hosts[0];
  if (!first) return -1;
  let fallback = 0;
  for (let i = 0; i < hosts.length && hosts[i]!.locality === first.locality; i++) {
    const host = hosts[i]!;
    if (host.endDate !== undefined) continue;
    if (host.registration !== 'unknown') return i;
    if (hosts[fallback]!.endDate !== undefined) fallback = i;
  }
  return fallback;
}
