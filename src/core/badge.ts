// What the toolbar badge says for a detected service. Pure: the words come from `t`.
import type { RankedHost } from './directory';

export const BADGE_COLOR = '#1d6b55'; // deep green: readable with white text on light and dark toolbars
export const BADGE_TEXT_COLOR = '#ffffff';
/** Once the user has their own host for the need: a tick on another colour ("you have an alternative"). */
export const MY_HOST_BADGE_TEXT = '✓';
export const MY_HOST_BADGE_COLOR = '#3b4a9c'; // indigo: as readable with white text, and unlike the count's green

/** Hosts that count as "near": everything but the `elsewhere` group. */
export function nearHostCount(hosts: readonly RankedHost[]): number {
  return hosts.filter((host) => host.locality !== 'elsewhere').length;
}

export function badgeText(nearCount: number): string {
  if (nearCount <= 0) return '•';
  return nearCount > 99 ? '99+' : String(nearCount);
}

export function badgeTitle(
  serviceName: string,
  nearCount: number,
  t: (key: string, substitutions?: string[]) => string,
): string {
  if (nearCount === 0) return t('badgeTitleNoHost', [serviceName]);
  if (nearCount === 1) return t('badgeTitleOneHost', [serviceName]);
  return t('badgeTitleHosts', [serviceName, String(nearCount)]);
}

/** The tooltip once the user chose their host for this need: they have an alternative, named. */
export function myHostBadgeTitle(
  serviceName: string,
  hostName: string,
  t: (key: string, substitutions?: string[]) => string,
): string {
  return t('badgeTitleMyHost', [serviceName, hostName]);
}
