// Validating the migration guides (src/catalogue/guides/<service-id>.json): their shape, the
// service each one is for, and sources that are official documentation pages over https. Each
// problem names the file and the field and says in plain words what to change, like the
// catalogue's own validation, whose problem type and wording it shares.
import * as v from 'valibot';
import { schemaProblems, type CatalogueProblem } from '../catalogue/validate';
import type { Guide } from './types';
import { DOCUMENTATION_HOSTS, isDocumentationUrl } from './sources';

export const GUIDES_DIR = 'src/catalogue/guides';

/** Services that must have a guide: the mission's four and the most used others. */
export const REQUIRED_GUIDE_SERVICE_IDS: readonly string[] = [
  'gmail',
  'google-docs',
  'zoom',
  'discord',
  'google-drive',
  'google-calendar',
  'google-meet',
  'google-forms',
  'outlook',
  'microsoft-teams',
  'whatsapp',
  'youtube',
];

/** A guide stays short enough to read in a minute: limits per text, in characters. */
export const GUIDE_LIMITS = {
  title: 80,
  text: 420,
  summary: 300,
  notCarriedOver: 220,
  sourceTitle: 100,
  minSteps: 2,
  maxSteps: 8,
} as const;

const TextSchema = v.pipe(v.string(), v.trim(), v.minLength(1));
const LocalizedSchema = v.strictObject({ fr: TextSchema, en: TextSchema });

const StepSchema = v.strictObject({
  title: LocalizedSchema,
  text: LocalizedSchema,
  source: v.strictObject({ url: TextSchema, title: LocalizedSchema }),
  hostStep: v.optional(v.boolean()),
});

const GuideSchema = v.strictObject({
  service: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  summary: LocalizedSchema,
  steps: v.pipe(v.array(StepSchema), v.minLength(GUIDE_LIMITS.minSteps)),
  notCarriedOver: v.pipe(v.array(LocalizedSchema), v.minLength(1)),
});

const HINTS: Record<string, string> = {
  service:
    'Use the id of a service from src/catalogue/services/ (e.g. "gmail"); the file must be named after it.',
  summary:
    'Say in one or two sentences, in French ("fr") and English ("en"), where the person ends up and what the steps do.',
  steps: `List ${GUIDE_LIMITS.minSteps} to ${GUIDE_LIMITS.maxSteps} steps: {"title": {…}, "text": {…}, "source": {"url": "https://…", "title": {…}}}.`,
  title: 'Give a short title in French ("fr") and English ("en").',
  text: 'Say what to do, concretely, in French ("fr") and English ("en").',
  source:
    'Give the official documentation page the step is written from: {"url": "https://…", "title": {"fr": "…", "en": "…"}}.',
  url: 'Give the full https:// address of the official documentation page.',
  hostStep:
    "Use true on the step done at the new host (the guide then links to the host's own user guide), or leave the field out.",
  notCarriedOver:
    "List, honestly, what does not come along (comments, edit history, contacts' habits…), in French and English.",
  fr: 'Write the French text here; it must not be empty.',
  en: 'Write the English text here; it must not be empty.',
};

function hintFor(field: string): string {
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const hint = HINTS[parts[i] ?? ''];
    if (hint) return hint;
  }
  return 'Compare with an existing guide in src/catalogue/guides/; CONTRIBUTING.md describes each field.';
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** What `url` lacks to be a source: null when it is fine. */
function sourceProblem(url: string): { message: string; hint: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { message: `${JSON.stringify(url)} is not a full web address`, hint: HINTS.url ?? '' };
  }
  if (parsed.protocol !== 'https:')
    return {
      message: `${url} does not start with https://`,
      hint: 'Use the https:// address of the page; the guide shows only https links.',
    };
  if (!isDocumentationUrl(url)) {
    return {
      message: `${url} is not on an official documentation site`,
      hint: `Cite the service's or the software's own help pages (${DOCUMENTATION_HOSTS.join(', ')}). If it is another project's official documentation, add its host to DOCUMENTATION_HOSTS in src/core/guides/sources.ts.`,
    };
  }
  return null;
}

export interface GuidesValidation {
  /** Present when there is no problem at all. */
  guides?: Guide[];
  problems: CatalogueProblem[];
}

/**
 * Checks the guides read from their files. `files[i]` names the file `raw[i]` came from;
 * `serviceIds` are the catalogue's services (null when the catalogue itself could not be read:
 * then nothing is said about which services exist); `unreadable` are guide files that were not
 * valid JSON (reported by whoever read them). Never throws.
 */
export function validateGuides(
  raw: readonly unknown[],
  files: readonly string[],
  serviceIds: ReadonlySet<string> | null,
  unreadable: readonly string[] = [],
): GuidesValidation {
  const problems: CatalogueProblem[] = [];
  const guides: Guide[] = [];
  raw.forEach((item, index) => {
    const file = files[index] ?? `${GUIDES_DIR}/#${index}.json`;
    const result = v.safeParse(GuideSchema, item);
    if (!result.success) {
      problems.push(...schemaProblems(file, result.issues, hintFor));
      return;
    }
    const guide = result.output as Guide;
    const add = (field: string, message: string, hint: string) =>
      problems.push({ file, field, message, hint });
    if (baseName(file) !== `${guide.service}.json`)
      add(
        'service',
        `the service "${guide.service}" does not match the file name "${baseName(file)}"`,
        `Rename the file to "${guide.service}.json" or change "service".`,
      );
    if (serviceIds && !serviceIds.has(guide.service))
      add('service', `there is no service "${guide.service}" in the catalogue`, HINTS.service ?? '');
    if (guide.steps.length > GUIDE_LIMITS.maxSteps)
      add(
        'steps',
        `the guide has ${guide.steps.length} steps (at most ${GUIDE_LIMITS.maxSteps})`,
        'Keep the steps that matter; merge or drop the others.',
      );
    const tooLong = (field: string, text: { fr: string; en: string }, max: number) => {
      for (const lang of ['fr', 'en'] as const) {
        if (text[lang].length > max)
          add(
            `${field}.${lang}`,
            `the text is ${text[lang].length} characters long (at most ${max})`,
            'Say it shorter: a guide is read in a minute, the official page has the details.',
          );
      }
    };
    tooLong('summary', guide.summary, GUIDE_LIMITS.summary);
    let hostSteps = 0;
    guide.steps.forEach((step, i) => {
      tooLong(`steps[${i}].title`, step.title, GUIDE_LIMITS.title);
      tooLong(`steps[${i}].text`, step.text, GUIDE_LIMITS.text);
      tooLong(`steps[${i}].source.title`, step.source.title, GUIDE_LIMITS.sourceTitle);
      const source = sourceProblem(step.source.url);
      if (source) add(`steps[${i}].source.url`, source.message, source.hint);
      if (step.hostStep) hostSteps += 1;
      if (hostSteps > 1 && step.hostStep)
        add(
          `steps[${i}].hostStep`,
          'a second step is marked "hostStep"',
          "Mark only the one step where the host's own user guide helps most.",
        );
    });
    guide.notCarriedOver.forEach((text, i) =>
      tooLong(`notCarriedOver[${i}]`, text, GUIDE_LIMITS.notCarriedOver),
    );
    guides.push(guide);
  });

  const present = new Set(
    raw.map((item) =>
      typeof item === 'object' && item !== null ? (item as { service?: unknown }).service : undefined,
    ),
  );
  for (const id of REQUIRED_GUIDE_SERVICE_IDS) {
    const file = `${GUIDES_DIR}/${id}.json`;
    if (!present.has(id) && !unreadable.includes(file) && !files.includes(file)) {
      problems.push({
        file,
        field: '',
        message: `there is no migration guide for "${id}"`,
        hint: 'Write this guide: the popup offers one on this service (see CONTRIBUTING.md, "Writing a migration guide").',
      });
    }
  }
  return problems.length === 0 && unreadable.length === 0 ? { guides, problems } : { problems };
}
