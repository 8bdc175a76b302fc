// The way from the popup to a migration guide: an options-page hash such as
// `#guide?service=gmail&tab=12`, like the correction form's `#correct?…`. The tab lets the guide
// ask the background which host the popup proposed there, for that host's own user guide.
export interface GuideRoute {
  service: string;
  tab?: number;
}

export const GUIDE_ROUTE = '#guide';

export function guideRoute(route: GuideRoute): string {
  const params = new URLSearchParams({ service: route.service });
  if (route.tab !== undefined) params.set('tab', String(route.tab));
  return `${GUIDE_ROUTE}?${params.toString()}`;
}

/** Reads the hash back; null when it is not a guide's, or names no valid service id. */
export function parseGuideRoute(hash: string): GuideRoute | null {
  if (!hash.startsWith(`${GUIDE_ROUTE}?`)) return null;
  const params = new URLSearchParams(hash.slice(GUIDE_ROUTE.length + 1));
  const service = params.get('service');
  if (!service || service.length > 80 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(service)) return null;
  const route: GuideRoute = { service };
  const tab = Number(params.get('tab'));
  if (params.get('tab') !== null && Number.isInteger(tab) && tab >= 0) route.tab = tab;
  return route;
}
