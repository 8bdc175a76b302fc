// The way from the popup to the correction form: an options-page hash such as
// `#correct?service=gmail&host=mail.google.com&tab=12`. Only a hostname ever goes in it, never a
// path. Kept apart from the report's text so that the popup carries only these few lines.
import { isCatalogueId, normaliseHostname } from '../values';

export const CORRECTION_KINDS = [
  'wrong-detection',
  'alternative',
  'host-info',
  'missing-host',
  'other',
] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export interface CorrectRoute {
  kind?: CorrectionKind;
  service?: string;
  host?: string;
  tab?: number;
}

export const CORRECT_ROUTE = '#correct';

/** The options-page hash the popup links to. Only a hostname ever goes in it, never a path. */
export function correctRoute(route: CorrectRoute): string {
  const params = new URLSearchParams();
  if (route.kind) params.set('kind', route.kind);
  if (route.service) params.set('service', route.service);
  if (route.host) params.set('host', route.host);
  if (route.tab !== undefined) params.set('tab', String(route.tab));
  const query = params.toString();
  return query ? `${CORRECT_ROUTE}?${query}` : CORRECT_ROUTE;
}

/** Reads the hash back; anything malformed is left out. null when the hash is not the form's. */
export function parseCorrectRoute(hash: string): CorrectRoute | null {
  if (hash !== CORRECT_ROUTE && !hash.startsWith(`${CORRECT_ROUTE}?`)) return null;
  const params = new URLSearchParams(hash.slice(CORRECT_ROUTE.length + 1));
  const route: CorrectRoute = {};
  const kind = params.get('kind');
  if (kind && (CORRECTION_KINDS as readonly string[]).includes(kind)) route.kind = kind as CorrectionKind;
  const service = params.get('service');
  if (isCatalogueId(service)) route.service = service;
  const host = normaliseHostname(params.get('host'));
  if (host) route.host = host;
  const tab = Number(params.get('tab'));
  if (params.get('tab') !== null && Number.isInteger(tab) && tab >= 0) route.tab = tab;
  return route;
}
