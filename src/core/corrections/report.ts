// The correction form's model and the text it produces: a title, a Markdown body whose headings
// match the issue templates of the repository field for field (.gitlab/issue_templates,
// .github/ISSUE_TEMPLATE), and, when the correction is a catalogue change, a JSON snippet in
// the catalogue's own format. Privacy by default: the page is named by its hostname only; its
// full address goes into the text only when the user asked for it. Pure: no browser API.
import type { LocalizedText } from '../catalogue/types';
import { REGISTRATIONS, type Registration } from '../directory/schema';
import { normaliseHostname } from '../values';
import { LONE_SURROGATE_G } from '../text';
import { normaliseHostUrl } from './local';

import { CORRECTION_KINDS, type CorrectionKind, type CorrectRoute } from './route';

export { CORRECTION_KINDS, type CorrectionKind };

export const DETECTION_PROBLEMS = ['not-this-service', 'missed'] as const;
export type DetectionProblem = (typeof DETECTION_PROBLEMS)[number];

export const ALTERNATIVE_PROBLEMS = ['missing', 'wrong'] as const;
export type AlternativeProblem = (typeof ALTERNATIVE_PROBLEMS)[number];

export const HOST_PROBLEMS = ['access', 'full', 'place', 'closed', 'link', 'other'] as const;
export type HostProblem = (typeof HOST_PROBLEMS)[number];

/** How long each field may be; the form says so before the user reaches the limit. */
export const LIMITS = {
  details: 1500,
  name: 120,
  url: 2048,
  note: 160,
  place: 120,
  title: 200,
} as const;

export interface CorrectionForm {
  kind: CorrectionKind;
  /** Catalogue id of the service concerned; '' when none. */
  service: string;
  /** The page's hostname, and nothing more. */
  hostname: string;
  /** Whether the page's full address goes into the text (off unless the user ticks it). */
  includeUrl: boolean;
  /** The full address, used only when `includeUrl`. */
  pageUrl: string;
  detection: DetectionProblem;
  /** What the page really is (a catalogue service id); '' when unknown or none. */
  actualService: string;
  alternativeProblem: AlternativeProblem;
  /** The need concerned (a catalogue category id). */
  category: string;
  software: string;
  softwareWebsite: string;
  /** The proposed one-line fit note, in the user's language. */
  note: string;
  hostName: string;
  hostUrl: string;
  hostPlace: string;
  registration: Registration;
  hostProblem: HostProblem;
  /** What is wrong, in the user's words. */
  details: string;
}

/** What the form needs to know of the catalogue (sent by the background with the corrections). */
export interface CatalogueSummary {
  services: Array<{ id: string; name: string; category: string }>;
  software: Array<{ id: string; name: string; categories: string[] }>;
  categories: Array<{ id: string; label: LocalizedText }>;
}

export interface ReportContext {
  lang: 'fr' | 'en';
  /** Matou's version, written at the end of the text. */
  version: string;
  catalogue: CatalogueSummary;
}

export interface CatalogueSnippet {
  /** The files the change touches, in order (`src/catalogue/services/gmail.json`). */
  files: string[];
  /** Those of `files` that do not exist yet (the snippet is then the whole file). */
  newFiles: string[];
  /** `{ "<file>": { <fields to add, in the catalogue's format> } }`, pretty-printed. */
  json: string;
}

export interface Report {
  title: string;
  /** Markdown, the description. */
  body: string;
  snippet: CatalogueSnippet | null;
}

export type FormField = keyof CorrectionForm;
export interface FormProblem {
  field: FormField;
  code: 'required' | 'invalid' | 'tooLong';
}

export function emptyForm(kind: CorrectionKind = 'wrong-detection'): CorrectionForm {
  return {
    kind,
    service: '',
    hostname: '',
    includeUrl: false,
    pageUrl: '',
    detection: 'not-this-service',
    actualService: '',
    alternativeProblem: 'missing',
    category: '',
    software: '',
    softwareWebsite: '',
    note: '',
    hostName: '',
    hostUrl: '',
    hostPlace: '',
    registration: 'unknown',
    hostProblem: 'access',
    details: '',
  };
}

/** The form as the route opens it: the service and its need, the hostname only. */
export function formFromRoute(route: CorrectRoute, catalogue: CatalogueSummary): CorrectionForm {
  const form = emptyForm(route.kind ?? (route.service || route.host ? 'wrong-detection' : 'other'));
  const service = route.service ? catalogue.services.find((s) => s.id === route.service) : undefined;
  if (service) {
    form.service = service.id;
    form.category = service.category;
  }
  if (route.host) form.hostname = route.host;
  if (!service && route.host) form.detection = 'missed';
  return form;
}

// ---- cleaning ------------------------------------------------------------------------

/**
 * Text as it goes into the report: well-formed, no control characters but line breaks, trimmed.
 * Unlike core/text.ts's cleanText (one line, bounded), a report keeps its paragraphs.
 */
export function cleanText(text: string, multiline = false): string {
  // eslint-disable-next-line no-control-regex -- control characters are removed on purpose
  const controls = multiline ? /[\u0000-\u0008\u000b-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g;
  const cleaned = text
    .replace(LONE_SURROGATE_G, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(controls, multiline ? '' : ' ');
  return (multiline ? cleaned.replace(/\n{3,}/g, '\n\n') : cleaned.replace(/\s+/g, ' ')).trim();
}

/**
 * Only the hostname of whatever was typed or pasted in the site field: a pasted address gives
 * its host, its path and query are dropped. '' when there is no hostname in it.
 */
export function hostnameOnly(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const direct = normaliseHostname(trimmed);
  if (direct) return direct;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return normaliseHostname(url.hostname) ?? '';
  } catch {
    return '';
  }
}

const length = (text: string): number => Array.from(text).length;

// ---- validation ------------------------------------------------------------------------

/** What stops the form from making a report; empty when it can. */
export function formProblems(form: CorrectionForm): FormProblem[] {
  const problems: FormProblem[] = [];
  const required = (field: FormField, value: string): void => {
    if (value.trim() === '') problems.push({ field, code: 'required' });
  };
  const limit = (field: FormField, value: string, max: number): void => {
    if (length(value) > max) problems.push({ field, code: 'tooLong' });
  };
  const url = (field: FormField, value: string, optional = false): void => {
    if (value.trim() === '') {
      if (!optional) problems.push({ field, code: 'required' });
    } else if (value.length > LIMITS.url) problems.push({ field, code: 'tooLong' });
    else if (!normaliseHostUrl(value)) problems.push({ field, code: 'invalid' });
  };

  if (form.hostname.trim() !== '' && !normaliseHostname(form.hostname))
    problems.push({ field: 'hostname', code: 'invalid' });
  if (form.includeUrl) url('pageUrl', form.pageUrl);
  switch (form.kind) {
    case 'wrong-detection':
      required('hostname', form.hostname);
      if (form.detection === 'not-this-service') required('service', form.service);
      break;
    case 'alternative':
      required('category', form.category);
      required('software', form.software);
      limit('software', form.software, LIMITS.name);
      url('softwareWebsite', form.softwareWebsite, true);
      limit('note', form.note, LIMITS.note);
      if (form.alternativeProblem === 'wrong' && form.note.trim() === '') required('details', form.details);
      break;
    case 'host-info':
      required('hostName', form.hostName);
      limit('hostName', form.hostName, LIMITS.name);
      url('hostUrl', form.hostUrl, true);
      required('details', form.details);
      break;
    case 'missing-host':
      required('category', form.category);
      required('hostName', form.hostName);
      limit('hostName', form.hostName, LIMITS.name);
      url('hostUrl', form.hostUrl);
      limit('hostPlace', form.hostPlace, LIMITS.place);
      break;
    case 'other':
      required('details', form.details);
      break;
  }
  limit('details', form.details, LIMITS.details);
  return problems;
}

// ---- the text ------------------------------------------------------------------------

/**
 * The body's headings, in the order they appear. The issue templates use the same headings in
 * the same order (a test checks it): French first, then English, whatever the UI language, so
 * that a maintainer reads every report the same way.
 */
export const HEADINGS = {
  kind: 'Type de correction / Kind of correction',
  service: 'Service',
  hostname: 'Site / Website',
  pageUrl: 'Adresse complète de la page / Full page address',
  detection: 'Problème de détection / Detection problem',
  actualService: 'Service réel / Actual service',
  alternativeProblem: "Problème d'alternative / Alternative problem",
  category: 'Besoin / Need',
  software: 'Logiciel libre / Free software',
  softwareWebsite: 'Site du logiciel / Software website',
  note: 'Note proposée / Proposed note',
  hostName: 'Hébergeur / Host',
  hostUrl: "Adresse de l'hébergeur / Host address",
  hostPlace: 'Lieu / Place',
  registration: "Conditions d'accès / Access conditions",
  hostProblem: 'Information à corriger / What is outdated or wrong',
  details: 'Détails / Details',
  snippet: 'Proposition pour le catalogue / Catalogue change',
} as const;
export type Heading = keyof typeof HEADINGS;

/** Fixed, bilingual values of the choices: the same words as the templates' dropdowns. */
export const CHOICE_TEXT = {
  kind: {
    'wrong-detection': 'wrong-detection — mauvaise détection / wrong detection',
    alternative: 'alternative — alternative manquante ou fausse / missing or wrong alternative',
    'host-info': 'host-info — information d’hébergeur périmée ou fausse / host information outdated or wrong',
    'missing-host': 'missing-host — hébergeur manquant / missing host',
    other: 'other — autre / other',
  },
  detection: {
    'not-this-service': 'not-this-service — cette page n’est pas ce service / this page is not this service',
    missed: 'missed — Matou n’a rien signalé ici / Matou said nothing here',
  },
  alternativeProblem: {
    missing: 'missing — il manque un logiciel libre / a free software is missing',
    wrong: 'wrong — la note ou le logiciel ne convient pas / the note or the software is wrong',
  },
  hostProblem: {
    access: 'access — conditions d’accès / access conditions',
    full: 'full — complet ou ouvert / full or open',
    place: 'place — lieu / place',
    closed: 'closed — service fermé / service closed',
    link: 'link — lien cassé / broken link',
    other: 'other — autre / other',
  },
  registration: {
    none: 'none — sans compte / no account',
    free: 'free — compte gratuit ouvert à tous / free account open to all',
    member: 'member — réservé aux membres / members only',
    client: 'client — clients payants / paying clients',
    unknown: 'unknown — je ne sais pas / unknown',
  },
} as const satisfies Record<string, Record<string, string>>;

/** Written instead of an empty value, and instead of the page address unless the user gave it. */
export const NOT_GIVEN = '— (non donné / not given)';

const DIRECTORY_NOTE =
  '> Les informations des hébergeurs viennent de leurs propres fichiers ChatonsInfos. / Host information comes from each host’s own ChatonsInfos files.';

const WORDS = {
  fr: {
    notService: (host: string, service: string) => `${host} n’est pas ${service}`,
    missed: (host: string, service: string) =>
      service ? `Matou ne reconnaît pas ${service} sur ${host}` : `Matou ne dit rien sur ${host}`,
    altMissing: (software: string, need: string) => `Alternative manquante pour « ${need} » : ${software}`,
    altWrong: (software: string, need: string) => `Alternative à revoir pour « ${need} » : ${software}`,
    hostInfo: (host: string) => `Hébergeur : informations à corriger pour ${host}`,
    missingHost: (host: string, need: string) => `Hébergeur manquant pour « ${need} » : ${host}`,
    other: (about: string) => (about ? `Correction : ${about}` : 'Correction'),
    addTo: (file: string) => `À ajouter dans \`${file}\``,
    newFile: (file: string) => `Nouveau fichier \`${file}\``,
    sentFrom: 'envoyé depuis le formulaire de correction de Matou',
  },
  en: {
    notService: (host: string, service: string) => `${host} is not ${service}`,
    missed: (host: string, service: string) =>
      service ? `Matou does not recognise ${service} on ${host}` : `Matou says nothing on ${host}`,
    altMissing: (software: string, need: string) => `Missing alternative for “${need}”: ${software}`,
    altWrong: (software: string, need: string) => `Alternative to review for “${need}”: ${software}`,
    hostInfo: (host: string) => `Host: information to correct for ${host}`,
    missingHost: (host: string, need: string) => `Missing host for “${need}”: ${host}`,
    other: (about: string) => (about ? `Correction: ${about}` : 'Correction'),
    addTo: (file: string) => `To add to \`${file}\``,
    newFile: (file: string) => `New file \`${file}\``,
    sentFrom: 'sent from Matou’s correction form',
  },
} as const;

/** `Écriture collaborative` -> `ecriture-collaborative` */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A fence longer than any run of backticks in the text, so nothing the user wrote can close it. */
function fence(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The page as the report names it: its full address only when the user chose to give it. */
export function pageAddress(form: CorrectionForm): string | null {
  if (!form.includeUrl) return null;
  const url = cleanText(form.pageUrl);
  return url === '' ? null : url;
}

/** The address the catalogue snippet uses as an example or look-alike. */
function exampleUrl(form: CorrectionForm, host: string): string {
  return pageAddress(form) ?? `https://${host}/`;
}

function catalogueSnippet(form: CorrectionForm, ctx: ReportContext): CatalogueSnippet | null {
  const { catalogue, lang } = ctx;
  const host = hostnameOnly(form.hostname);
  const files: Record<string, unknown> = {};
  const newFiles: string[] = [];
  const serviceFile = (id: string) => `src/catalogue/services/${id}.json`;
  const known = (id: string) => catalogue.services.some((s) => s.id === id);
  if (form.kind === 'wrong-detection' && host) {
    const example = exampleUrl(form, host);
    if (form.detection === 'not-this-service' && known(form.service))
      files[serviceFile(form.service)] = { lookalikes: [example] };
    const actual =
      form.actualService && form.actualService !== form.service && known(form.actualService)
        ? form.actualService
        : '';
    if (actual) {
      files[serviceFile(actual)] =
        form.detection === 'missed' ? { match: [{ host }], examples: [example] } : { examples: [example] };
    } else if (form.detection === 'missed') {
      newFiles.push(serviceFile('new-service'));
      files[serviceFile('new-service')] = {
        id: 'new-service',
        name: '',
        owner: '',
        category: form.category,
        match: [{ host }],
        examples: [example],
        lookalikes: [],
      };
    }
  }
  if (form.kind === 'alternative' && form.category) {
    const name = cleanText(form.software);
    const note = cleanText(form.note);
    const fitNote = note
      ? { [form.category]: { fr: lang === 'fr' ? note : '', en: lang === 'en' ? note : '' } }
      : undefined;
    const existing = catalogue.software.find(
      (s) => s.name.toLowerCase() === name.toLowerCase() || s.id === slug(name),
    );
    if (existing) {
      const change: Record<string, unknown> = {};
      if (!existing.categories.includes(form.category)) change.categories = [form.category];
      if (fitNote) change.fitNotes = fitNote;
      if (Object.keys(change).length > 0) files[`src/catalogue/software/${existing.id}.json`] = change;
    } else if (name && form.alternativeProblem === 'missing') {
      const id = slug(name) || 'new-software';
      const website = normaliseHostUrl(form.softwareWebsite);
      newFiles.push(`src/catalogue/software/${id}.json`);
      files[`src/catalogue/software/${id}.json`] = {
        id,
        name,
        website: website ?? '',
        licence: '',
        categories: [form.category],
        directoryNames: [name.toLowerCase()],
        fitNotes: fitNote ?? { [form.category]: { fr: '', en: '' } },
      };
    }
  }
  const names = Object.keys(files);
  return names.length === 0 ? null : { files: names, newFiles, json: JSON.stringify(files, null, 2) };
}

/** The report for a form. It shows whatever the form holds; `formProblems` says if it is ready. */
export function buildReport(form: CorrectionForm, ctx: ReportContext): Report {
  const { catalogue, lang } = ctx;
  const words = WORDS[lang];
  const host = hostnameOnly(form.hostname);
  const serviceName = (id: string) => catalogue.services.find((s) => s.id === id)?.name ?? id;
  const needLabel = (id: string) => catalogue.categories.find((c) => c.id === id)?.label[lang] ?? id;
  const software = cleanText(form.software);
  const hostName = cleanText(form.hostName);
  const sections: Array<[Heading, string]> = [];
  const add = (heading: Heading, value: string): void => {
    sections.push([heading, value === '' ? NOT_GIVEN : value]);
  };
  const withName = (id: string, name: string) => (id ? (name && name !== id ? `${id} (${name})` : id) : '');

  add('kind', CHOICE_TEXT.kind[form.kind]);
  add('service', withName(form.service, form.service ? serviceName(form.service) : ''));
  add('hostname', host);
  add('pageUrl', pageAddress(form) ?? '');
  let title: string;
  switch (form.kind) {
    case 'wrong-detection': {
      add('detection', CHOICE_TEXT.detection[form.detection]);
      add(
        'actualService',
        withName(form.actualService, form.actualService ? serviceName(form.actualService) : ''),
      );
      const about = host || NOT_GIVEN;
      title =
        form.detection === 'not-this-service'
          ? words.notService(about, serviceName(form.service))
          : words.missed(about, form.actualService ? serviceName(form.actualService) : '');
      break;
    }
    case 'alternative':
      add('alternativeProblem', CHOICE_TEXT.alternativeProblem[form.alternativeProblem]);
      add('category', withName(form.category, needLabel(form.category)));
      add('software', software);
      add('softwareWebsite', cleanText(form.softwareWebsite));
      add('note', cleanText(form.note));
      title = (form.alternativeProblem === 'missing' ? words.altMissing : words.altWrong)(
        software,
        needLabel(form.category),
      );
      break;
    case 'host-info':
      add('hostName', hostName);
      add('hostUrl', cleanText(form.hostUrl));
      add('hostProblem', CHOICE_TEXT.hostProblem[form.hostProblem]);
      title = words.hostInfo(hostName);
      break;
    case 'missing-host':
      add('category', withName(form.category, needLabel(form.category)));
      add('hostName', hostName);
      add('hostUrl', cleanText(form.hostUrl));
      add('hostPlace', cleanText(form.hostPlace));
      add('registration', CHOICE_TEXT.registration[form.registration]);
      title = words.missingHost(hostName, needLabel(form.category));
      break;
    case 'other':
      title = words.other(form.service ? serviceName(form.service) : host);
      break;
  }
  add('details', cleanText(form.details, true));

  const snippet = catalogueSnippet(form, ctx);
  const lines: string[] = [];
  for (const [heading, value] of sections) {
    lines.push(`### ${HEADINGS[heading]}`, '', value, '');
    if (heading === 'hostProblem' || (heading === 'registration' && form.kind === 'missing-host'))
      lines.push(DIRECTORY_NOTE, '');
  }
  if (snippet) {
    const f = fence(snippet.json);
    lines.push(`### ${HEADINGS.snippet}`, '');
    for (const file of snippet.files)
      lines.push(`- ${snippet.newFiles.includes(file) ? words.newFile(file) : words.addTo(file)}`);
    lines.push('', `${f}json`, snippet.json, f, '');
  }
  lines.push('---', `Matou ${ctx.version || '?'} · ${lang} · ${words.sentFrom}`);
  return { title: cut(cleanText(title), LIMITS.title), body: lines.join('\n'), snippet };
}

/** What "copy" puts on the clipboard: the title as a heading, then the body. */
export function reportMarkdown(report: Report): string {
  return `## ${report.title}\n\n${report.body}\n`;
}

export const isRegistration = (value: string): value is Registration =>
  (REGISTRATIONS as readonly string[]).includes(value);
