// The one definition of the directory snapshot, used by the pipeline (directory:build), the
// refresh in the extension, the bundled copy's loader and the tests.

import * as v from 'valibot';
import { DEPARTEMENTS, FRENCH_REGIONS, ISO_ALPHA2 } from '../regions';
import { ID_PATTERN, MAX_URL_LENGTH, isCleanText, isFactLink, isHttpUrl, isSourceRef } from './text';

/** Bump when a reader of the previous version could no longer read the file. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

export const LIMITS = {
  name: 200,
  city: 120,
  softwareName: 120,
  description: 1000,
  /** An organisation's or a service's own `*.description`: a line or two, not a page. */
  factDescription: 300,
  fundingLinks: 8,
  warningMessage: 500,
  warnings: 300,
  categoriesPerService: 32,
  servicesPerOrganization: 1000,
  organizations: 50_000,
} as const;

/** Non-empty plain text of at most `max` UTF-16 units, without controls or invisible formatting. */
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.check(
      (s) => s.length >= 1 && s.length <= max && isCleanText(s),
      `non-empty text of at most ${max} characters, without control or invisible formatting characters`,
    ),
  );

const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'not an identifier'));

/** Catalogue category ids (`video-call`, `office`…). */
export const CATEGORY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const categoryId = v.pipe(v.string(), v.regex(CATEGORY_ID_PATTERN, 'not a category id'));

const httpUrlSchema = v.pipe(v.string(), v.check(isHttpUrl, 'only absolute http: or https: URLs'));

/**
 * A trust-fact link: an absolute http(s) URL, or a path (`/cgu`) on the organisation's website,
 * which `rankHosts` resolves against it (see `factLink` in text.ts).
 */
const factLinkSchema = v.pipe(
  v.string(),
  v.check(isFactLink, "an http(s) URL, or a path on the organisation's website"),
);

/** Where an entry was read: an http(s) URL, or a path relative to the federation file. */
const sourceRef = v.pipe(v.string(), v.check(isSourceRef, 'an http(s) URL or a path without a scheme'));

/** ISO date-time in UTC with a `Z`, so that two of them compare as strings. */
export const UTC_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const utcDateTime = v.pipe(
  v.string(),
  v.regex(UTC_DATE_TIME_PATTERN, 'ISO date-time in UTC (…Z)'),
  v.check((s) => Number.isFinite(Date.parse(s)), 'not a real date'),
);

const isoDate = v.pipe(
  v.string(),
  v.regex(ISO_DATE_PATTERN, 'ISO date'),
  v.check((s) => Number.isFinite(Date.parse(s)), 'not a real date'),
);

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const REGISTRATIONS = ['none', 'free', 'member', 'client', 'unknown'] as const;
export type Registration = (typeof REGISTRATIONS)[number];

export const COUNTRY_CODES: ReadonlySet<string> = ISO_ALPHA2;
export const DEPARTEMENT_CODES: ReadonlySet<string> = new Set(DEPARTEMENTS.map((d) => `FR-${d.code}`));
export const REGION_CODES: ReadonlySet<string> = new Set(FRENCH_REGIONS.map((r) => `FR-${r.code}`));

const countryCode = v.pipe(
  v.string(),
  v.check((s) => COUNTRY_CODES.has(s), 'ISO alpha-2 code'),
);

export const placeSchema = v.object({
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: v.optional(countryCode),
  /** `FR-69`, `FR-2A`, `FR-974`. */
  departement: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => DEPARTEMENT_CODES.has(s), 'département code'),
    ),
  ),
  /** `FR-ARA`… */
  region: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => REGION_CODES.has(s), 'région code'),
    ),
  ),
  city: v.optional(text(LIMITS.city)),
  latitude: v.optional(v.pipe(v.number(), v.minValue(-90), v.maxValue(90))),
  longitude: v.optional(v.pipe(v.number(), v.minValue(-180), v.maxValue(180))),
});

/** `organization.type`, lower-cased. */
export const ORGANIZATION_TYPES = [
  'association',
  'informal',
  'cooperative',
  'microcompany',
  'company',
  'individual',
  'other',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/**
 * `host.provider.type`, lower-cased: `home` (a server at someone's home), `hostedbay` (the
 * host's own machine in a rented rack), `hostedserver` (a rented server), `outsourced` (a
 * service run by a third party).
 */
export const HOST_PROVIDER_TYPES = ['home', 'hostedbay', 'hostedserver', 'outsourced'] as const;
export type HostProviderType = (typeof HOST_PROVIDER_TYPES)[number];

/** `organization.funding.<kind>`: the platforms YunoHost's form names, else `other`. */
export const FUNDING_KINDS = ['liberapay', 'tipeee', 'helloasso', 'paypal', 'custom', 'other'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export const fundingSchema = v.object({ kind: v.picklist(FUNDING_KINDS), url: factLinkSchema });

// Trust facts (schema version 1 too: readers that predate them ignore keys they do not know).
// Every one is optional: a fact the member's files do not give is absent, never guessed. They
// sit in one `facts` object per entry, so that organisations and services keep a few shapes
// (the index reads them fast) whatever combination of facts each member gives.
const hostFacts = {
  /** `host.provider.type`: where the machine runs. */
  hostProvider: v.optional(v.picklist(HOST_PROVIDER_TYPES)),
  /** `host.country.code`: the country the machine is in (ISO alpha-2), which may differ from the organisation's place. */
  hostCountry: v.optional(countryCode),
};

/** An empty `facts` object is refused: absent means "the file says none of them". */
const NON_EMPTY = 'an empty facts object';

/** The service facts one by one (a bad one is dropped alone, see `parseSnapshot`). */
export const serviceFactsEntries = v.object({
  /** `service.startdate`: first day of service (not after the build). */
  startDate: v.optional(isoDate),
  /** `service.description`, plain text, capped. */
  description: v.optional(text(LIMITS.factDescription)),
  /** `service.legal.url`: terms of use (absent when the same as the organisation's legal notice). */
  legalUrl: v.optional(factLinkSchema),
  /** `service.guide.user`: the user guide (absent when the same as the organisation's). */
  guideUrl: v.optional(factLinkSchema),
  /** `service.contact.url` (absent when the same as the organisation's). */
  contactUrl: v.optional(factLinkSchema),
  /** Absent when on the organisation (all its services state the same). */
  ...hostFacts,
});

export const serviceFactsSchema = v.pipe(
  serviceFactsEntries,
  v.check((facts) => Object.keys(facts).length > 0, NON_EMPTY),
);

/** The organisation facts one by one. */
export const organizationFactsEntries = v.object({
  /** `organization.type`. */
  type: v.optional(v.picklist(ORGANIZATION_TYPES)),
  /** `organization.startdate`: when the organisation began (not after the build). */
  startDate: v.optional(isoDate),
  /** `organization.memberof.chatons.startdate`: when it joined CHATONS (not after the build). */
  memberSince: v.optional(isoDate),
  /** `organization.description`, plain text, capped. */
  description: v.optional(text(LIMITS.factDescription)),
  /** `organization.contact.url`. */
  contactUrl: v.optional(factLinkSchema),
  /** `organization.legal.url`: legal notice. */
  legalUrl: v.optional(factLinkSchema),
  /** `organization.guide.user`. */
  guideUrl: v.optional(factLinkSchema),
  /** `organization.funding.*`: where to give, one link per platform, in a stable order. */
  funding: v.optional(v.pipe(v.array(fundingSchema), v.minLength(1), v.maxLength(LIMITS.fundingLinks))),
  /** The host facts every one of its services states alike (two or more), stored once. */
  ...hostFacts,
});

export const organizationFactsSchema = v.pipe(
  organizationFactsEntries,
  v.check((facts) => Object.keys(facts).length > 0, NON_EMPTY),
);

export const serviceSchema = v.object({
  /** Unique within its organisation (from `subs.<id>`). */
  id,
  name: text(LIMITS.name),
  /** The service's own address; absent when its file gives none (the organisation's website may help). */
  url: v.optional(httpUrlSchema),
  software: v.object({
    /** Catalogue software id, when the name was recognised. */
    id: v.optional(id),
    /** The name as the host wrote it (`software.name`). */
    name: v.optional(text(LIMITS.softwareName)),
  }),
  /** Catalogue categories (needs) this service fills. */
  categories: v.pipe(v.array(categoryId), v.maxLength(LIMITS.categoriesPerService)),
  /** How the categories were found: from the recognised software, or from words in the service's name. */
  categoryBasis: v.optional(v.picklist(['software', 'name'])),
  registration: v.picklist(REGISTRATIONS),
  /** `full`: no longer accepts new accounts. */
  load: v.picklist(['open', 'full', 'unknown']),
  /** Last day of service when one was announced (still in the future when built). */
  endDate: v.optional(isoDate),
  /** What the service's file says about it (trust facts); absent when it says none of them. */
  facts: v.optional(serviceFactsSchema),
  /** Where the service file was read, relative to its organisation's `from` when on the same site. */
  from: sourceRef,
});

export const organizationSchema = v.object({
  id,
  name: text(LIMITS.name),
  website: v.optional(httpUrlSchema),
  place: placeSchema,
  /** Last day as an active CHATONS member or of activity, when announced (future when built). */
  endDate: v.optional(isoDate),
  /** What the organisation's file says about it (trust facts); absent when it says none of them. */
  facts: v.optional(organizationFactsSchema),
  from: sourceRef,
  services: v.pipe(v.array(serviceSchema), v.maxLength(LIMITS.servicesPerOrganization)),
});

export const warningSchema = v.object({
  code: id,
  message: text(LIMITS.warningMessage),
  at: v.optional(sourceRef),
});

export const sourceSchema = v.object({
  /** `http`: crawled from the web; `file`: built from files on disk (paths relative to the federation file). */
  kind: v.picklist(['http', 'file']),
  /** The federation file: its URL, or its path as given to the command. */
  federation: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(MAX_URL_LENGTH),
    v.check(isCleanText, 'controls'),
  ),
  /** One honest sentence for people: what this copy is and how complete (in French, Matou's first language). */
  description: text(LIMITS.description),
  /**
   * The same sentence per language, shown in the user's (`description` when theirs is missing).
   * Optional, so that extensions that predate it read the file as before and show `description`.
   */
  descriptions: v.optional(
    v.object({ fr: v.optional(text(LIMITS.description)), en: v.optional(text(LIMITS.description)) }),
  ),
  /** `file.datetime` of the federation file, as written there. */
  datetime: v.optional(text(64)),
});

export const countsSchema = v.object({
  organizations: count,
  services: count,
  /** Services per category. */
  categories: v.record(categoryId, count),
  /** Services kept without a category (their need is not in the catalogue). */
  uncategorized: count,
  /** Services kept without a URL of their own. */
  withoutUrl: count,
  excludedOrganizations: count,
  excludedServices: count,
  /** Software names no catalogue entry recognised. */
  unknownSoftware: count,
  /** Files that could not be read (unreachable, empty, oversized, not properties). */
  skippedFiles: count,
  /** All warnings, including those beyond the ones kept in `warnings`. */
  warnings: count,
});

export const snapshotSchema = v.object({
  schemaVersion: v.literal(SNAPSHOT_SCHEMA_VERSION),
  /** When this snapshot was built; a refresh only accepts a strictly later one. */
  builtAt: utcDateTime,
  /**
   * When the directory's content (its organisations and services) last changed, as the
   * publishing pipeline records it (`npm run directory:publish`): the build date of the first
   * snapshot with this content. Absent in copies built without a previous one to compare with.
   */
  changedAt: v.optional(utcDateTime),
  generator: text(LIMITS.name),
  source: sourceSchema,
  counts: countsSchema,
  warnings: v.pipe(v.array(warningSchema), v.maxLength(LIMITS.warnings)),
  organizations: v.pipe(v.array(organizationSchema), v.maxLength(LIMITS.organizations)),
});

export type DirectorySnapshot = v.InferOutput<typeof snapshotSchema>;
export type DirectoryOrganization = v.InferOutput<typeof organizationSchema>;
export type DirectoryService = v.InferOutput<typeof serviceSchema>;
export type DirectoryPlace = v.InferOutput<typeof placeSchema>;
export type DirectoryWarning = v.InferOutput<typeof warningSchema>;
export type DirectoryCounts = v.InferOutput<typeof countsSchema>;
export type ServiceLoad = DirectoryService['load'];
export type FundingLink = v.InferOutput<typeof fundingSchema>;
export type ServiceFacts = v.InferOutput<typeof serviceFactsSchema>;
export type OrganizationFacts = v.InferOutput<typeof organizationFactsSchema>;

/** Validates a whole snapshot against the schema, without dropping anything. */
export function validateSnapshot(
  raw: unknown,
): { ok: true; snapshot: DirectorySnapshot } | { ok: false; issues: string[] } {
  const result = v.safeParse(snapshotSchema, raw);
  if (result.success) return { ok: true, snapshot: result.output };
  return { ok: false, issues: result.issues.slice(0, 10).map(describeIssue) };
}

export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return `${path ?? '(root)'}: ${issue.message}`.slice(0, 300);
}
