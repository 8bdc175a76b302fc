// The chosen host's own user guide, for the guide's step done at the host. The directory gives it
// as `service.guide.user` or `organization.guide.user` (ChatonsInfos keys) when the host publishes
// one; a host without it simply gets no link. Typed loosely on purpose: it reads whatever host
// shape the popup state carries, and only an https address becomes a link.
export interface HostGuide {
  name: string;
  guideUrl: string;
}

interface MaybeGuided {
  organization: { name: string; guide?: { user?: unknown } };
  service: { id: string; guide?: { user?: unknown } };
}

function httpsUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The host's name and user-guide address (the service's guide first), or null when it has none. */
export function hostGuideOf(host: MaybeGuided | null | undefined): HostGuide | null {
  if (!host) return null;
  const guideUrl = httpsUrl(host.service.guide?.user) ?? httpsUrl(host.organization.guide?.user);
  return guideUrl ? { name: host.organization.name, guideUrl } : null;
}
