// Regions: what a user or a host's place can be. Codes are ISO-like and always upper case:
//   a country        `FR`, `BE`, `CH`… (any ISO 3166-1 alpha-2 code)
//   a French département  `FR-69`, `FR-2A`, `FR-974`
//   a French région       `FR-ARA`, `FR-BRE`, `FR-LRE`…
// Pure functions over the tables in ./data.ts: no I/O, no browser API, never an IP lookup.

import {
  COUNTRIES,
  COUNTRY_NAME_ALIASES,
  DEPARTEMENTS,
  FORMER_REGIONS,
  FRENCH_REGIONS,
  ISO_ALPHA2,
  OVERSEAS_ALPHA2,
  REGION_ALIASES,
  TIME_ZONE_REGIONS,
  type Country,
  type Departement,
  type FrenchRegion,
} from './data';

export { COUNTRIES, DEPARTEMENTS, FRENCH_REGIONS, ISO_ALPHA2 };
export type { Country, Departement, FrenchRegion };

export type Lang = 'fr' | 'en';

export type RegionKind = 'country' | 'departement' | 'region';

export interface ParsedRegion {
  /** Canonical code: `FR`, `BE`, `FR-69`, `FR-2A`, `FR-974`, `FR-ARA`… */
  code: string;
  kind: RegionKind;
  countryCode: string;
  /** `FR-69` when the code is a département. */
  departement?: string;
  /** `FR-ARA` when the code is a département (its région) or a région. */
  region?: string;
}

const DEPARTEMENT_BY_CODE = new Map<string, Departement>(DEPARTEMENTS.map((d) => [d.code, d]));
const REGION_BY_CODE = new Map<string, FrenchRegion>(FRENCH_REGIONS.map((r) => [r.code, r]));
const COUNTRY_BY_CODE = new Map<string, Country>(COUNTRIES.map((c) => [c.code, c]));

const CODE_SHAPE = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/;

/**
 * Reads a region code typed or stored anywhere (case-insensitive, surrounding spaces ignored).
 * Returns null for anything that is not a known country, département or région.
 * `FR-69`, `fr-2a`, `FR-974`, `FR-ARA`, `BE` are valid; `FR-20`, `FR-975`, `FR-XYZ`, `ZZ` are not.
 * Current ISO spellings (`FR-20R`, `FR-RE`…) and the alpha-2 codes of overseas départements
 * (`RE` -> `FR-974`) are accepted and returned in the canonical form.
 */
export function parseRegion(input: string): ParsedRegion | null {
  if (typeof input !== 'string' || input.length > 10) return null;
  let code = input.trim().toUpperCase();
  if (!CODE_SHAPE.test(code)) return null;
  code = REGION_ALIASES[code] ?? code;
  const overseas = OVERSEAS_ALPHA2[code];
  if (overseas !== undefined) code = `FR-${overseas}`;

  const dash = code.indexOf('-');
  if (dash < 0) {
    return ISO_ALPHA2.has(code) ? { code, kind: 'country', countryCode: code } : null;
  }
  if (code.slice(0, dash) !== 'FR') return null;
  const sub = code.slice(dash + 1);
  const dep = DEPARTEMENT_BY_CODE.get(sub);
  if (dep) {
    return { code, kind: 'departement', countryCode: 'FR', departement: code, region: `FR-${dep.region}` };
  }
  if (REGION_BY_CODE.has(sub)) return { code, kind: 'region', countryCode: 'FR', region: code };
  return null;
}

/** `FR-69` -> `FR-ARA`; null when the code is not a département. */
export function regionOfDepartement(code: string): string | null {
  const parsed = parseRegion(code);
  return parsed?.kind === 'departement' ? (parsed.region ?? null) : null;
}

/**
 * The département of a French postcode, as a `FR-xx` code, or null.
 * `69440` -> `FR-69`; `20000`–`20199` -> `FR-2A`, `20200`–`20999` -> `FR-2B`;
 * `971xx`–`976xx` -> `FR-971`…`FR-976`, except the codes of other collectivities that share
 * these prefixes: `97133` (Saint-Barthélemy), `97150` (Saint-Martin) and `975xx`
 * (Saint-Pierre-et-Miquelon) give null. `98xxx` (Monaco, Pacific collectivities) and `00xxx` give null.
 */
export function departementFromPostcode(postcode: string): string | null {
  if (typeof postcode !== 'string') return null;
  const p = postcode.trim();
  if (!/^\d{5}$/.test(p)) return null;
  if (p.startsWith('97')) {
    if (p === '97133' || p === '97150') return null;
    const dep = p.slice(0, 3);
    return DEPARTEMENT_BY_CODE.has(dep) ? `FR-${dep}` : null;
  }
  const two = p.slice(0, 2);
  if (two === '20') return Number(p.slice(2, 3)) <= 1 ? 'FR-2A' : 'FR-2B';
  if (two === '00' || two === '96' || two === '98' || two === '99') return null;
  return DEPARTEMENT_BY_CODE.has(two) ? `FR-${two}` : null;
}

/** Lower case, no accents, one kind of apostrophe, hyphens as spaces: for comparing place names. */
export function foldPlaceName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[-_\s]+/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .trim();
}

interface NameHit {
  departement?: string;
  region?: string;
  countryCode?: string;
  /** The name is a town (a prefecture): keep it as the city. */
  city?: boolean;
}

// The two name tables below fold a few hundred names: built on first use, not when the module
// loads (the background worker loads it at every start and reads place names only when asked).
let placeNames: ReadonlyMap<string, NameHit> | null = null;
let countryNames: ReadonlyMap<string, string> | null = null;

function placeNameTable(): ReadonlyMap<string, NameHit> {
  if (placeNames) return placeNames;
  const m = new Map<string, NameHit>();
  for (const r of FRENCH_REGIONS) {
    m.set(foldPlaceName(r.name.fr), { region: `FR-${r.code}`, countryCode: 'FR' });
    m.set(foldPlaceName(r.name.en), { region: `FR-${r.code}`, countryCode: 'FR' });
  }
  for (const [name, code] of Object.entries(FORMER_REGIONS)) {
    m.set(foldPlaceName(name), { region: `FR-${code}`, countryCode: 'FR' });
  }
  for (const d of DEPARTEMENTS) {
    const hit: NameHit = { departement: `FR-${d.code}`, region: `FR-${d.region}`, countryCode: 'FR' };
    m.set(foldPlaceName(d.prefecture), { ...hit, city: true });
    const existing = m.get(foldPlaceName(d.name));
    // A département name wins over a homonymous town elsewhere; "Paris" stays a town too.
    m.set(foldPlaceName(d.name), existing && existing.departement === hit.departement ? existing : hit);
  }
  for (const [name, code] of Object.entries(COUNTRY_NAME_ALIASES))
    m.set(foldPlaceName(name), { countryCode: code });
  placeNames = m;
  return m;
}

function countryNameTable(): ReadonlyMap<string, string> {
  countryNames ??= new Map([
    ...COUNTRIES.flatMap((c) => [
      [foldPlaceName(c.name.fr), c.code] as const,
      [foldPlaceName(c.name.en), c.code] as const,
    ]),
    ...Object.entries(COUNTRY_NAME_ALIASES).map(([name, code]) => [foldPlaceName(name), code] as const),
  ]);
  return countryNames;
}

/** `France`, `Belgique`, `Suisse`… (as hosts write `organization.country.name`) -> `FR`, `BE`, `CH`; or null. */
export function countryFromName(name: string): string | null {
  if (typeof name !== 'string' || name.length > 80) return null;
  const code = countryNameTable().get(foldPlaceName(name));
  if (code) return code;
  const upper = name.trim().toUpperCase();
  return ISO_ALPHA2.has(upper) ? upper : null;
}

export interface AddressPlace {
  countryCode?: string;
  departement?: string;
  region?: string;
  city?: string;
}

/** Five digits followed by a town name ("69440 Mornant"): a lone number may be anything. */
const POSTCODE = /(?<![\d\w])(\d{5})(?=[ \t]*,?[ \t]*\p{L})/gu;
const NOT_A_POSTCODE_BEFORE = /\b(?:BP|CS|TSA|CP|SP)\s*$/i;

/**
 * Reads a free-text postal address. With a French postcode (not a `BP`/`CS` box number), the
 * département comes from it and the city is the text after it (without "Cedex"). Without one,
 * each comma-separated part is compared, whole, with the names of départements, régions
 * (current and pre-2016), prefectures and a few countries, the last part first
 * ("Brest, Finistère" -> FR-29, city Brest; "Lyon" -> FR-69; "Alsace" -> FR-GES).
 * `countryCode`, when the host states a country other than France, turns the French readings off.
 */
export function placeFromAddress(address: string, countryCode?: string): AddressPlace {
  const out: AddressPlace = {};
  if (typeof address !== 'string') return out;
  const text = address.slice(0, 500);
  const french = countryCode === undefined || countryCode === 'FR';

  if (french) {
    let found: { dep: string; index: number; code: string } | null = null;
    for (const m of text.matchAll(POSTCODE)) {
      const code = m[1] ?? '';
      const index = m.index ?? 0;
      if (NOT_A_POSTCODE_BEFORE.test(text.slice(Math.max(0, index - 6), index))) continue;
      const dep = departementFromPostcode(code);
      if (dep) found = { dep, index, code };
    }
    if (found) {
      out.countryCode = 'FR';
      out.departement = found.dep;
      out.region = regionOfDepartement(found.dep) ?? undefined;
      const after = text.slice(found.index + found.code.length).split(/[,;\n/]|\s-\s/)[0] ?? '';
      const city = after
        .replace(/\bcedex\b.*$/i, '')
        .replace(/\d+/g, '')
        .trim();
      if (/\p{L}/u.test(city) && city.length <= 80) out.city = city;
      return out;
    }
  } else {
    const m = /(?:^|[\s,])(?:[A-Z]{1,2}-)?\d{4,5}\s+([^\d,;\n]{2,80})/.exec(text);
    const city = m?.[1]?.trim();
    if (city && /\p{L}/u.test(city)) out.city = city;
    return out;
  }

  const parts = text
    .split(/[,;\n/()]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  let cityCandidate: string | undefined;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] ?? '';
    const hit = placeNameTable().get(foldPlaceName(part));
    if (!hit) {
      if (/^[\p{L}][\p{L}' .-]{0,79}$/u.test(part) && !/\d/.test(part)) cityCandidate = part;
      continue;
    }
    if (hit.countryCode && !out.countryCode) out.countryCode = hit.countryCode;
    if (hit.departement && !out.departement) {
      out.departement = hit.departement;
      out.region = hit.region;
      if (hit.city && !out.city) out.city = part;
    } else if (hit.departement && !out.city) {
      out.city = part; // "Vienne, Isère": the département is Isère, Vienne is the town
    } else if (hit.region && !out.region) {
      out.region = hit.region;
    }
  }
  if (
    !out.city &&
    cityCandidate &&
    (out.departement || out.region || parts.length === 1 || out.countryCode)
  ) {
    out.city = cityCandidate;
  }
  return out;
}

const LANG_REGION = /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-|$)/;

/**
 * A default region from the browser's languages and time zone only (never a network lookup).
 * The time zone says where the device is, so it wins when it names a country or an overseas
 * département (`Indian/Reunion` -> `FR-974`, `America/Montreal` -> `CA`); otherwise the first
 * language with a country part gives it (`fr-BE` -> `BE`); otherwise `FR`.
 */
export function guessRegion(input: { languages: readonly string[]; timeZone?: string }): string {
  const tz = typeof input?.timeZone === 'string' ? TIME_ZONE_REGIONS[input.timeZone] : undefined;
  if (tz && parseRegion(tz)) return tz;
  for (const lang of Array.isArray(input?.languages) ? input.languages : []) {
    if (typeof lang !== 'string') continue;
    const m = LANG_REGION.exec(lang.trim());
    const parsed = m?.[1] ? parseRegion(m[1]) : null;
    if (parsed) return parsed.code;
  }
  return 'FR';
}

const displayNames = new Map<Lang, Intl.DisplayNames | null>();
function countryDisplayName(code: string, lang: Lang): string | undefined {
  if (!displayNames.has(lang)) {
    try {
      displayNames.set(lang, new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }));
    } catch {
      displayNames.set(lang, null);
    }
  }
  try {
    return displayNames.get(lang)?.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A human label: `FR-69` -> "Rhône (69)", `FR-ARA` -> "Auvergne-Rhône-Alpes", `BE` -> "Belgique" /
 * "Belgium". Unknown codes come back unchanged.
 */
export function regionLabel(code: string, lang: Lang): string {
  const parsed = parseRegion(code);
  if (!parsed) return String(code);
  if (parsed.kind === 'departement') {
    const sub = parsed.code.slice(3);
    const dep = DEPARTEMENT_BY_CODE.get(sub);
    return dep ? `${dep.name} (${dep.code})` : parsed.code;
  }
  if (parsed.kind === 'region') {
    const r = REGION_BY_CODE.get(parsed.code.slice(3));
    return r ? r.name[lang] : parsed.code;
  }
  const c = COUNTRY_BY_CODE.get(parsed.code);
  if (c) return c.name[lang];
  return countryDisplayName(parsed.code, lang) ?? parsed.code;
}

export { placeLabel } from './place-label';
