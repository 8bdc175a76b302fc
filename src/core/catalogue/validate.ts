// Validating the catalogue: its shape (valibot), then what a schema cannot say (unique ids,
// references that resolve, rules that make sense, examples that match their service and
// look-alikes that match nothing). Each problem names the file and the field, and says in
// plain words what to change.
import * as v from 'valibot';
import { parse } from 'tldts';
import type { Catalogue, Category, MatchRule, Service, Software } from './types';
import { compileClassifier, normalisePathPrefix } from './classifier';
import { CATALOGUE_ID } from '../values';

export interface CatalogueProblem {
  /** The file to open, relative to the repository root (`src/catalogue/services/gmail.json`). */
  file: string;
  /** Where in that file (`match[0].host`, `fitNotes.email.fr`); empty for the whole file. */
  field: string;
  /** What is wrong. */
  message: string;
  /** What to do about it, for a contributor who has not read the code. */
  hint: string;
}

/** Where each part of the raw catalogue came from; defaults follow the repository's layout. */
export interface CatalogueFiles {
  categories?: string;
  /** One file name per entry of `software`, same order. */
  software?: string[];
  /** One file name per entry of `services`, same order. */
  services?: string[];
  /**
   * Files that could not be read (not valid JSON): their entries are absent from `raw`, and
   * nothing is said about what they would have held (a missing fixed id, an unknown category).
   * Their own problem is reported by whoever read them.
   */
  unreadable?: string[];
}

export interface CatalogueValidation {
  /** Present when there is no problem at all. */
  catalogue?: Catalogue;
  problems: CatalogueProblem[];
}

export const CATALOGUE_DIR = 'src/catalogue';
export const MAX_FIT_NOTE_LENGTH = 160;

/** Category ids other parts of Matou rely on. */
export const REQUIRED_CATEGORY_IDS: readonly string[] = [
  'email',
  'text-collaboration',
  'spreadsheet',
  'presentation',
  'forms',
  'polls',
  'file-storage',
  'file-transfer',
  'video-conference',
  'team-chat',
  'instant-messaging',
  'social-network',
  'microblogging',
  'events',
  'video-hosting',
  'photo-sharing',
  'calendar',
  'maps',
  'search',
  'translation',
  'notes',
  'mailing-lists',
  'project-boards',
  'url-shortener',
  'pastebin',
  'code-forge',
  // issue 13
  'office-suite',
  'website',
  'blog',
  'newsletter',
  'music-streaming',
  'web-analytics',
  'contacts',
  'tasks',
  'e-learning',
  'reading-list',
  'forum',
  'appointment-booking',
  'news-reader',
];

/** Service ids other tools rely on. */
export const REQUIRED_SERVICE_IDS: readonly string[] = [
  'gmail',
  'google-docs',
  'google-sheets',
  'google-slides',
  'google-forms',
  'google-drive',
  'google-meet',
  'google-calendar',
  'google-maps',
  'google-search',
  'youtube',
  'zoom',
  'discord',
  'microsoft-teams',
  'outlook',
  'onedrive',
  'whatsapp',
  'facebook',
  'facebook-events',
  'instagram',
  'messenger',
  'twitter-x',
  'slack',
  'doodle',
  'wetransfer',
  'dropbox',
  'trello',
  // issue 13: Microsoft 365 on the web, the rest of Google's and Apple's tools, Amazon, Meta, platforms
  'microsoft-word',
  'microsoft-excel',
  'microsoft-powerpoint',
  'microsoft-365',
  'sharepoint',
  'outlook-calendar',
  'microsoft-planner',
  'microsoft-todo',
  'onenote',
  'microsoft-forms',
  'microsoft-loop',
  'google-sites',
  'google-contacts',
  'google-tasks',
  'google-classroom',
  'google-analytics',
  'blogger',
  'google-news',
  'youtube-music',
  'google-translate',
  'google-chat',
  'icloud-calendar',
  'icloud-contacts',
  'icloud-notes',
  'icloud-pages',
  'icloud-numbers',
  'icloud-keynote',
  'apple-music',
  'facetime',
  'amazon-photos',
  'goodreads',
  'facebook-groups',
  'mailchimp',
  'medium',
  'substack',
  'wix',
  'squarespace',
  'calendly',
  'spotify',
  'reddit',
  'pinterest',
];

const HOST_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

const IdSchema = v.pipe(v.string(), v.regex(CATALOGUE_ID));
const TextSchema = v.pipe(v.string(), v.trim(), v.minLength(1));
const LocalizedSchema = v.strictObject({ fr: TextSchema, en: TextSchema });

const CategorySchema = v.strictObject({ id: IdSchema, label: LocalizedSchema });

const SoftwareSchema = v.strictObject({
  id: IdSchema,
  name: TextSchema,
  website: v.pipe(v.string(), v.url(), v.startsWith('https://')),
  licence: TextSchema,
  categories: v.pipe(v.array(IdSchema), v.minLength(1)),
  directoryNames: v.pipe(v.array(TextSchema), v.minLength(1)),
  fitNotes: v.record(IdSchema, LocalizedSchema),
});

const RuleSchema = v.strictObject({
  host: TextSchema,
  subdomains: v.optional(v.boolean()),
  paths: v.optional(v.pipe(v.array(TextSchema), v.minLength(1))),
  countryDomains: v.optional(v.boolean()),
});

const ServiceSchema = v.strictObject({
  id: IdSchema,
  name: TextSchema,
  owner: IdSchema,
  category: IdSchema,
  match: v.pipe(v.array(RuleSchema), v.minLength(1)),
  examples: v.pipe(v.array(TextSchema), v.minLength(2)),
  lookalikes: v.pipe(v.array(TextSchema), v.minLength(2)),
});

const FIELD_HINTS: Record<string, string> = {
  id: 'Use lower-case letters, digits and hyphens only (e.g. "google-docs"); the file must be named after it.',
  owner:
    'Use "google", "microsoft", "meta", "apple", "amazon", or the company name in lower case with hyphens.',
  category: 'Use the id of a category from src/catalogue/categories.json (e.g. "video-conference").',
  categories: 'List at least one category id from src/catalogue/categories.json.',
  label: 'Give the label in French ("fr") and English ("en").',
  fr: 'Write the French text here; it must not be empty.',
  en: 'Write the English text here; it must not be empty.',
  name: 'Write the name as people know it (e.g. "Google Docs", "Etherpad").',
  website: "Give the full https:// address of the software's own website.",
  licence: 'Give the licence as an SPDX identifier when there is one (e.g. "AGPL-3.0-or-later").',
  directoryNames:
    'List how CHATONS members write this software in their directory entries (e.g. ["etherpad", "etherpad-lite"]).',
  fitNotes: 'Give one note per category the software serves: {"<category-id>": {"fr": "…", "en": "…"}}.',
  match:
    'List at least one rule: {"host": "mail.google.com"}, optionally with "subdomains", "paths" or "countryDomains".',
  host: 'Write a hostname only, in lower case, without "https://", port, path or trailing dot (e.g. "mail.google.com").',
  subdomains: 'Use true (the domain and all its subdomains) or leave the field out.',
  countryDomains: 'Use true (the same host under country domains, e.g. google.fr) or leave the field out.',
  paths:
    'List path prefixes in lower case starting with "/" (e.g. ["/document"]), or leave the field out for the whole host.',
  examples: 'List at least two real URLs of this service that must be recognised.',
  lookalikes:
    'List at least two URLs that look like this service but are not (e.g. "https://mail.google.com.evil.example/").',
};

/** The hint of the innermost field that has one: `match[0].paths[1]` -> the hint for `paths`. */
function hintFor(field: string): string {
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const hint = FIELD_HINTS[parts[i] ?? ''];
    if (hint) return hint;
  }
  return 'Compare with an existing file in the same folder; src/catalogue/README.md describes each field.';
}

/** `match.0.host` -> `match[0].host` (also used by the guides' validation) */
function fieldFromPath(issue: v.BaseIssue<unknown>): string {
  let field = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') field += `[${key}]`;
    else field += field ? `.${String(key)}` : String(key);
  }
  return field;
}

/** A value as a contributor would see it in the file, kept short. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/** What a valibot issue means, in the words of someone editing the JSON file. */
function plainMessage(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.[issue.path.length - 1];
  const key = last === undefined ? undefined : String(last.key);
  const input: unknown = issue.input;
  switch (issue.type) {
    case 'object':
    case 'strict_object':
      if (issue.expected === 'never' && key !== undefined) return `unknown field "${key}"`;
      if (last?.origin === 'key' && key !== undefined) return `the field "${key}" is missing`;
      return `expected an object {…}, found ${shown(input)}`;
    case 'record':
      return `expected an object {…}, found ${shown(input)}`;
    case 'string':
      return `expected a text in double quotes, found ${shown(input)}`;
    case 'array':
      return `expected a list […], found ${shown(input)}`;
    case 'boolean':
      return `expected true or false, found ${shown(input)}`;
    case 'min_length':
      if (typeof input === 'string') return 'the text is empty';
      if (Array.isArray(input)) {
        const needed = Number(issue.requirement);
        const has =
          input.length === 0
            ? 'the list is empty'
            : `the list has ${input.length} item${input.length === 1 ? '' : 's'}`;
        return `${has}; at least ${needed} ${needed === 1 ? 'is' : 'are'} needed`;
      }
      return issue.message;
    case 'regex':
      return `${shown(input)} is not a valid id (lower-case letters, digits and hyphens)`;
    case 'url':
      return `${shown(input)} is not a full web address`;
    case 'starts_with':
      return `${shown(input)} does not start with ${String(issue.expected)}`;
    default:
      return issue.message;
  }
}

/**
 * Problems from valibot's issues: one per field (the first issue says it), in plain words, with
 * the hint `hints` gives for the field (the catalogue's own by default; the guides have theirs).
 */
export function schemaProblems(
  file: string,
  issues: readonly v.BaseIssue<unknown>[],
  hints: (field: string) => string = hintFor,
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const field = fieldFromPath(issue);
    if (seen.has(field)) continue;
    seen.add(field);
    const unknownField = issue.expected === 'never' && (issue.path?.length ?? 0) > 0;
    problems.push({
      file,
      field,
      message: plainMessage(issue),
      hint: unknownField
        ? 'Remove this field or correct its spelling (field names are case-sensitive).'
        : hints(field),
    });
  }
  return problems;
}

interface Source<T> {
  file: string;
  value: T;
  /** Position in the list it came from (categories share one file). */
  index: number;
}

/** Edit distance, to suggest the id a contributor probably meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The hint for an unknown category id: the nearest known id when one is close, else the list. */
function unknownCategoryHint(id: string, known: ReadonlySet<string>): string {
  let best = '';
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = candidate.startsWith(id) || id.startsWith(candidate) ? 1 : distance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best && bestDistance <= Math.max(2, Math.floor(id.length / 3))) {
    return `Did you mean "${best}"? Use the id of a category from src/catalogue/categories.json, or add the new need there first.`;
  }
  return `Use the id of a category from src/catalogue/categories.json (${[...known].sort().join(', ')}), or add the new need there first.`;
}

/** The `id` of an entry that may not have passed the schema, when it has one. */
function rawId(item: unknown): string | null {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

function defaultFile(kind: 'software' | 'services', raw: unknown, index: number): string {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : `#${index}`;
  return `${CATALOGUE_DIR}/${kind}/${id}.json`;
}

function baseName(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? file : file.slice(slash + 1);
}

function ruleProblems(file: string, field: string, rule: MatchRule): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const add = (subfield: string, message: string, hint: string): void => {
    problems.push({ file, field: `${field}${subfield}`, message, hint });
  };
  const host = rule.host;
  if (!HOST_PATTERN.test(host)) {
    add('.host', `"${host}" is not a plain lower-case hostname`, FIELD_HINTS.host ?? '');
    return problems;
  }
  const info = parse(host, { allowPrivateDomains: false });
  if (info.isIp || !info.domain || !info.publicSuffix) {
    add(
      '.host',
      `"${host}" has no registrable domain (it is an IP address or a public suffix)`,
      'Match a real site, e.g. "zoom.us" or "mail.google.com"; a rule on a whole public suffix would catch every site.',
    );
    return problems;
  }
  if (rule.subdomains && info.domain !== host) {
    add(
      '.subdomains',
      `"subdomains": true needs a registrable domain, and "${host}" is a subdomain of "${info.domain}"`,
      `Write the rule on "${info.domain}" with "subdomains": true, or on "${host}" alone without it.`,
    );
  }
  if (rule.countryDomains && info.publicSuffix !== 'com') {
    add(
      '.countryDomains',
      `country-domain rules are written on the .com host, and "${host}" ends in ".${info.publicSuffix}"`,
      `Write the host with ".com" (e.g. "${host.slice(0, host.length - info.publicSuffix.length)}com"); the other country domains follow.`,
    );
  }
  const seen = new Set<string>();
  rule.paths?.forEach((path, i) => {
    const sub = `.paths[${i}]`;
    if (!path.startsWith('/') || /[?#\s]/.test(path))
      add(
        sub,
        `"${path}" is not a path prefix`,
        'Start the prefix with "/" and leave out any query ("?") or fragment ("#").',
      );
    else if (path !== path.toLowerCase())
      add(
        sub,
        `"${path}" has upper-case letters`,
        `Write it in lower case ("${path.toLowerCase()}"); paths are compared without regard to case.`,
      );
    else if (normalisePathPrefix(path) === '/')
      add(sub, '"/" matches the whole host', 'Leave "paths" out to match the whole host.');
    if (seen.has(normalisePathPrefix(path)))
      add(sub, `"${path}" is listed twice`, 'Remove the repeated path.');
    seen.add(normalisePathPrefix(path));
  });
  return problems;
}

/** Rule keys claimed by each service, to find two services claiming the same URLs. */
function ruleKeys(rule: MatchRule): string[] {
  const base = `${rule.subdomains ? '*.' : ''}${rule.host}`;
  return rule.paths?.length ? rule.paths.map((path) => `${base}${normalisePathPrefix(path)}`) : [base];
}

/**
 * Checks a catalogue read from its JSON files. `raw` is `{categories, software, services}`;
 * `files` names the file each entry came from (defaults: the repository's layout).
 * Never throws.
 */
export function validateCatalogue(raw: unknown, files: CatalogueFiles = {}): CatalogueValidation {
  const problems: CatalogueProblem[] = [];
  const categoriesFile = files.categories ?? `${CATALOGUE_DIR}/categories.json`;
  const servicesDir = `${CATALOGUE_DIR}/services/`;

  if (typeof raw !== 'object' || raw === null) {
    return {
      problems: [
        {
          file: CATALOGUE_DIR,
          field: '',
          message: 'the catalogue is not an object',
          hint: 'Load it from src/catalogue/index.ts.',
        },
      ],
    };
  }
  const top = raw as Record<string, unknown>;
  for (const key of ['categories', 'software', 'services']) {
    if (!Array.isArray(top[key])) {
      problems.push({
        file: key === 'categories' ? categoriesFile : `${CATALOGUE_DIR}/${key}/`,
        field: key,
        message: `"${key}" is not a list`,
        hint: 'Check src/catalogue/index.ts: it must gather every file of the folder into a list.',
      });
    }
  }
  if (problems.length > 0) return { problems };

  // 1. Shapes, entry by entry, so that one broken file does not hide the others.
  const unreadable = new Set(files.unreadable ?? []);
  const categoriesReadable = !unreadable.has(categoriesFile);
  const categories: Source<Category>[] = [];
  (top.categories as unknown[]).forEach((item, index) => {
    const parsed = v.safeParse(CategorySchema, item);
    if (parsed.success) categories.push({ file: categoriesFile, value: parsed.output, index });
    else
      problems.push(
        ...schemaProblems(categoriesFile, parsed.issues).map((p) => ({
          ...p,
          field: `[${index}]${p.field ? `.${p.field}` : ''}`,
        })),
      );
  });

  const software: Source<Software>[] = [];
  (top.software as unknown[]).forEach((item, i) => {
    const file = files.software?.[i] ?? defaultFile('software', item, i);
    const parsed = v.safeParse(SoftwareSchema, item);
    if (parsed.success) software.push({ file, value: parsed.output, index: i });
    else problems.push(...schemaProblems(file, parsed.issues));
  });

  const services: Source<Service>[] = [];
  (top.services as unknown[]).forEach((item, i) => {
    const file = files.services?.[i] ?? defaultFile('services', item, i);
    const parsed = v.safeParse(ServiceSchema, item);
    if (parsed.success) services.push({ file, value: parsed.output, index: i });
    else problems.push(...schemaProblems(file, parsed.issues));
  });

  // 2. Ids: unique, named like their file, the fixed ones present.
  const uniqueIds = <T extends { id: string }>(
    entries: Source<T>[],
    what: string,
    fileNamed: boolean,
  ): Set<string> => {
    const ids = new Set<string>();
    entries.forEach(({ file, value, index }) => {
      const field = fileNamed ? 'id' : `[${index}].id`;
      if (ids.has(value.id))
        problems.push({
          file,
          field,
          message: `the ${what} id "${value.id}" is used twice`,
          hint: `Give each ${what} its own id, or merge the two entries.`,
        });
      ids.add(value.id);
      if (fileNamed && baseName(file) !== `${value.id}.json`) {
        problems.push({
          file,
          field: 'id',
          message: `the id "${value.id}" does not match the file name "${baseName(file)}"`,
          hint: `Rename the file to "${value.id}.json" or change the id.`,
        });
      }
    });
    return ids;
  };
  uniqueIds(categories, 'category', false);
  uniqueIds(software, 'software', true);
  uniqueIds(services, 'service', true);
  // Ids of entries that failed the schema still count below: one broken entry is one problem,
  // not one more for everything that refers to it.
  const idsOf = (list: unknown[]): Set<string> =>
    new Set(list.map(rawId).filter((id): id is string => id !== null));
  const categoryIds = idsOf(top.categories as unknown[]);
  const serviceIds = idsOf(top.services as unknown[]);
  if (categoriesReadable) {
    for (const id of REQUIRED_CATEGORY_IDS) {
      if (!categoryIds.has(id))
        problems.push({
          file: categoriesFile,
          field: '',
          message: `the category "${id}" is missing`,
          hint: `Add {"id": "${id}", "label": {"fr": "…", "en": "…"}}: other parts of Matou rely on this id.`,
        });
    }
  }
  for (const id of REQUIRED_SERVICE_IDS) {
    const file = `${servicesDir}${id}.json`;
    if (!serviceIds.has(id) && !unreadable.has(file) && !problems.some((p) => p.file === file)) {
      problems.push({
        file,
        field: '',
        message: `the service "${id}" is missing`,
        hint: 'Add this file and list it in src/catalogue/index.ts: other tools rely on this id.',
      });
    }
  }

  // 3. Software: categories that exist, one fit note per category, directory names unique.
  const servedCategories = new Set<string>();
  for (const item of top.software as unknown[]) {
    const listed =
      typeof item === 'object' && item !== null ? (item as { categories?: unknown }).categories : undefined;
    if (Array.isArray(listed))
      for (const category of listed) if (typeof category === 'string') servedCategories.add(category);
  }
  const directoryNameOwner = new Map<string, string>();
  for (const { file, value } of software) {
    value.categories.forEach((category, i) => {
      if (categoriesReadable && !categoryIds.has(category))
        problems.push({
          file,
          field: `categories[${i}]`,
          message: `unknown category "${category}"`,
          hint: unknownCategoryHint(category, categoryIds),
        });
      if (!value.fitNotes[category])
        problems.push({
          file,
          field: `fitNotes.${category}`,
          message: `no fit note for "${category}"`,
          hint: 'Write one honest line, in French and English, on what it does and does not do for this need.',
        });
    });
    for (const [category, note] of Object.entries(value.fitNotes)) {
      if (!value.categories.includes(category)) {
        problems.push({
          file,
          field: `fitNotes.${category}`,
          message: `a fit note for "${category}", which is not in "categories"`,
          hint: `Add "${category}" to "categories" or remove the note.`,
        });
      }
      for (const lang of ['fr', 'en'] as const) {
        if (note[lang].length > MAX_FIT_NOTE_LENGTH) {
          problems.push({
            file,
            field: `fitNotes.${category}.${lang}`,
            message: `the note is ${note[lang].length} characters long (at most ${MAX_FIT_NOTE_LENGTH})`,
            hint: 'Keep one short line: the one limit or strength that matters most for this need.',
          });
        }
      }
    }
    value.directoryNames.forEach((name, i) => {
      const key = name.trim().toLowerCase();
      const owner = directoryNameOwner.get(key);
      if (owner !== undefined && owner !== value.id) {
        problems.push({
          file,
          field: `directoryNames[${i}]`,
          message: `"${name}" already names the software "${owner}"`,
          hint: 'A directory name must lead to one software only: keep it on the one CHATONS members mean.',
        });
      } else if (owner === value.id) {
        problems.push({
          file,
          field: `directoryNames[${i}]`,
          message: `"${name}" is listed twice (names are compared without regard to case)`,
          hint: 'Remove the repeated name.',
        });
      }
      directoryNameOwner.set(key, value.id);
    });
  }

  // Every need has a free software to show (unless a software file could not be read).
  if (categoriesReadable && ![...unreadable].some((file) => file.includes('/software/'))) {
    for (const { file, value, index } of categories) {
      if (servedCategories.has(value.id)) continue;
      const users = services.filter((s) => s.value.category === value.id).map((s) => baseName(s.file));
      problems.push({
        file,
        field: `[${index}].id`,
        message: `no free software serves "${value.id}"${users.length > 0 ? ` (the need of ${users.join(', ')})` : ''}`,
        hint: `Add "${value.id}" to the "categories" of a software in src/catalogue/software/, with its fit note, so the popup has an alternative to show.`,
      });
    }
  }

  // 4. Services: category, rules, and no two services claiming the same rule.
  const claimed = new Map<string, { id: string; file: string; field: string }>();
  for (const { file, value } of services) {
    if (categoriesReadable && !categoryIds.has(value.category))
      problems.push({
        file,
        field: 'category',
        message: `unknown category "${value.category}"`,
        hint: unknownCategoryHint(value.category, categoryIds),
      });
    value.match.forEach((rule, i) => {
      const ruleIssues = ruleProblems(file, `match[${i}]`, rule);
      problems.push(...ruleIssues);
      if (ruleIssues.length > 0) return;
      for (const key of ruleKeys(rule)) {
        const other = claimed.get(key);
        if (other !== undefined) {
          problems.push({
            file,
            field: `match[${i}]`,
            message: `"${key}" is already claimed by "${other.id}" (${other.file}, ${other.field})`,
            hint: 'Two services cannot share a rule: keep it in one of the two files, narrow one of them with "paths", or merge the two services.',
          });
        } else claimed.set(key, { id: value.id, file, field: `match[${i}]` });
      }
    });
  }

  // 5. Examples and look-alikes, with the real classifier.
  if (problems.length === 0) {
    const catalogue: Catalogue = {
      categories: categories.map((c) => c.value),
      software: software.map((s) => s.value),
      services: services.map((s) => s.value),
    };
    const classifier = compileClassifier(catalogue);
    for (const { file, value } of services) {
      value.examples.forEach((url, i) => {
        const found = classifier.classify(url)?.service ?? null;
        if (found !== value.id) {
          problems.push({
            file,
            field: `examples[${i}]`,
            message: `${url} is recognised as ${found === null ? 'nothing' : `"${found}"`}, not "${value.id}"`,
            hint:
              found === null
                ? 'Widen a rule in "match" (another host, "subdomains" or a path) or correct the example.'
                : `A more specific rule of "${found}" wins: narrow it, or correct the example.`,
          });
        }
      });
      value.lookalikes.forEach((url, i) => {
        const found = classifier.classify(url)?.service ?? null;
        if (found !== null) {
          problems.push({
            file,
            field: `lookalikes[${i}]`,
            message: `${url} is recognised as "${found}" and should match nothing`,
            hint: `A rule of "${found}" is too broad: use an exact host instead of "subdomains", or add a path. Or this is not a look-alike: move it to the examples of "${found}".`,
          });
        }
      });
    }
    if (problems.length === 0 && unreadable.size === 0) return { catalogue, problems };
  }
  return { problems };
}
