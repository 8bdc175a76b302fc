// The chosen host's own user guide, for the guide's step done at the host: the directory's
// `guideUrl` of the service (ChatonsInfos `service.guide.user`), else of the organisation
// (`organization.guide.user`), when the host publishes one; a host without it gets no link, and
// only an https address becomes one.
import type { RankedHost } from '../directory/rank';
import { httpUrl } from '../text';

export interface HostGuide {
  name: string;
  guideUrl: string;
}

const httpsUrl = (value: unknown): string | null =>
  typeof value === 'string' && /^https:/i.test(value.trim()) ? (httpUrl(value) ?? null) : null;

/** The host's name and user-guide address (the service's guide first), or null when it has none. */
export function hostGuideOf(
  host: Pick<RankedHost, 'organization' | 'service'> | null | undefined,
): HostGuide | null {
  if (!host) return null;
  const guideUrl = httpsUrl(host.service.guideUrl) ?? httpsUrl(host.organization.guideUrl);
  return guideUrl ? { name: host.organization.name, guideUrl } : null;
}
