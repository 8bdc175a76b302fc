// A host's place in the words the popup shows, in the UI language.
import type { HostPlace } from '../directory/rank';
import { foldPlaceName, regionLabel, type Lang } from './index';

const withFr = (code: string | undefined): string | undefined =>
  code ? (code.startsWith('FR-') ? code : `FR-${code}`) : undefined;

/**
 * "Rennes, Ille-et-Vilaine (35)", "Bretagne", "Liège, Belgique"…; null when the directory does
 * not say where the host is.
 */
export function placeLabel(place: HostPlace, lang: Lang): string | null {
  if (!place.known) return null;
  const city = place.city?.trim() || undefined;
  const area = [withFr(place.departement), withFr(place.region), place.countryCode].find(
    (code) => code !== undefined,
  );
  const areaLabel = area ? regionLabel(area, lang) : undefined;
  // "Paris (75)", not "Paris, Paris (75)".
  const sameName =
    city !== undefined &&
    areaLabel !== undefined &&
    foldPlaceName(areaLabel).startsWith(`${foldPlaceName(city)} (`);
  const parts = [sameName ? undefined : city, areaLabel].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : null;
}
