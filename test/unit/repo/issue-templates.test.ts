/** @vitest-environment node */
// The issue templates of the repository (.gitlab/issue_templates for Framagit, .github/ISSUE_TEMPLATE
// for a mirror) against the text Matou's correction form pre-fills: for each kind of correction,
// the same headings in the same order, the same fixed and choice values, the directory note in the
// same place. The text comes from the real report builder, so neither side can drift silently.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/catalogue';
import {
  buildReport,
  CHOICE_TEXT,
  CORRECTION_KINDS,
  emptyForm,
  HEADINGS,
  NOT_GIVEN,
  type CatalogueSummary,
  type CorrectionForm,
  type CorrectionKind,
  type Heading,
} from '../../../src/core/corrections';

const ROOT = new URL('../../../', import.meta.url);
const GITLAB = '.gitlab/issue_templates/';
const GITHUB = '.github/ISSUE_TEMPLATE/';
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8');

const summary: CatalogueSummary = {
  services: catalogue.services.map(({ id, name, category }) => ({ id, name, category })),
  software: catalogue.software.map(({ id, name, categories }) => ({ id, name, categories })),
  categories: catalogue.categories.map(({ id, label }) => ({ id, label })),
};

/** A form with every field given, so that the text has every section its kind can have. */
function fullForm(kind: CorrectionKind): CorrectionForm {
  return {
    ...emptyForm(kind),
    service: 'gmail',
    hostname: 'mail.google.com',
    includeUrl: true,
    pageUrl: 'https://mail.google.com/mail/u/0/',
    detection: 'not-this-service',
    actualService: 'outlook',
    alternativeProblem: 'missing',
    category: 'email',
    software: 'Un logiciel nouveau',
    softwareWebsite: 'https://logiciel.example/',
    note: 'Une note honnête.',
    hostName: 'Chaton du coin',
    hostUrl: 'https://chaton.example/',
    hostPlace: 'Rennes',
    registration: 'free',
    hostProblem: 'access',
    details: 'Des détails.',
  };
}

/** The issue description Matou builds, without its closing "sent from" line. */
function reportBody(form: CorrectionForm, lang: 'fr' | 'en' = 'fr'): string {
  const body = buildReport(form, { lang, version: '1.2.3', catalogue: summary }).body;
  const footer = body.lastIndexOf('\n---\n');
  expect(footer).toBeGreaterThan(0);
  return body.slice(0, footer);
}

interface Section {
  heading: string;
  /** Its non-empty lines, HTML comments (the templates' guidance) left out. */
  lines: string[];
}

function sections(markdown: string): Section[] {
  const found: Section[] = [];
  for (const line of markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const heading = /^### (.+)$/.exec(line);
    if (heading) found.push({ heading: heading[1] ?? '', lines: [] });
    else if (line.trim() !== '') {
      const current = found[found.length - 1];
      // Text before the first heading would be lost in the comparison: there must be none.
      expect(current, `text before the first heading: ${line}`).toBeDefined();
      current?.lines.push(line);
    }
  }
  return found;
}

const headings = (markdown: string): string[] => sections(markdown).map((s) => s.heading);
const section = (markdown: string, key: Heading): Section | undefined =>
  sections(markdown).find((s) => s.heading === HEADINGS[key]);

/** A GitHub markdown template: its front matter (`key: "value"` lines) and its body. */
function frontMatter(text: string): { fields: Record<string, string>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no front matter');
  const fields = Object.fromEntries(
    (match[1] ?? '').split('\n').map((line) => {
      const field = /^([a-z]+): (.*)$/.exec(line);
      if (!field) throw new Error(`front matter line not understood: ${line}`);
      return [field[1] ?? '', field[2] ?? ''];
    }),
  );
  return { fields, body: text.slice(match[0].length) };
}

const CHOICE_FIELDS = [
  'detection',
  'alternativeProblem',
  'hostProblem',
  'registration',
] as const satisfies ReadonlyArray<keyof typeof CHOICE_TEXT & Heading>;

describe('issue templates', () => {
  it('one per kind of correction on each forge, and nothing else', () => {
    const expected = CORRECTION_KINDS.map((kind) => `${kind}.md`).sort();
    expect(readdirSync(new URL(GITLAB, ROOT)).sort()).toEqual(expected);
    expect(readdirSync(new URL(GITHUB, ROOT)).sort()).toEqual([...expected, 'config.yml'].sort());
  });

  describe.each(CORRECTION_KINDS)('%s', (kind) => {
    const gitlab = read(`${GITLAB}${kind}.md`);
    const github = read(`${GITHUB}${kind}.md`);
    const full = reportBody(fullForm(kind));

    it('GitLab: the headings of the text Matou pre-fills, in the same order', () => {
      expect(headings(gitlab)).toEqual(headings(full));
      // The same whatever the language of the form (headings are bilingual).
      expect(headings(reportBody(fullForm(kind), 'en'))).toEqual(headings(gitlab));
    });

    it('GitHub: the same headings, under a front matter that names the template', () => {
      const { fields, body } = frontMatter(github);
      expect(headings(body)).toEqual(headings(full));
      expect(body).toBe(gitlab);
      for (const key of ['name', 'about']) {
        expect(fields[key], key).toMatch(/^".+"$/);
        expect(JSON.parse(fields[key] ?? '""'), key).toContain(' / ');
      }
      expect(fields.labels).toBe('["correction"]');
    });

    it('the kind is written as Matou writes it', () => {
      expect(sections(gitlab)[0]).toEqual({ heading: HEADINGS.kind, lines: [CHOICE_TEXT.kind[kind]] });
      expect(section(full, 'kind')?.lines).toEqual([CHOICE_TEXT.kind[kind]]);
    });

    it('each choice lists the values Matou writes, and Matou writes one of them', () => {
      for (const field of CHOICE_FIELDS) {
        const inTemplate = section(gitlab, field);
        if (!section(full, field)) {
          expect(inTemplate, field).toBeUndefined();
          continue;
        }
        const values = Object.values(CHOICE_TEXT[field]) as string[];
        expect(
          inTemplate?.lines.filter((line) => !line.startsWith('> ')),
          field,
        ).toEqual(values);
        for (const choice of Object.keys(CHOICE_TEXT[field])) {
          const text = reportBody({ ...fullForm(kind), [field]: choice } as CorrectionForm);
          expect(values, `${field}=${choice}`).toContain(section(text, field)?.lines[0]);
        }
      }
    });

    it('the directory note stands in the same section as in Matou’s text', () => {
      const notes = (markdown: string) =>
        sections(markdown).map((s) => [s.heading, s.lines.filter((line) => line.startsWith('> '))]);
      expect(notes(gitlab)).toEqual(notes(full));
    });

    it('the page address is "not given" unless the reporter writes it, as in Matou', () => {
      expect(section(gitlab, 'pageUrl')?.lines).toEqual([NOT_GIVEN]);
      expect(section(reportBody({ ...fullForm(kind), includeUrl: false }), 'pageUrl')?.lines).toEqual([
        NOT_GIVEN,
      ]);
    });
  });

  it('a catalogue change is the last, optional section: Matou leaves it out when it has none', () => {
    const withoutSnippet = reportBody({ ...fullForm('wrong-detection'), hostname: '' });
    const template = headings(read(`${GITLAB}wrong-detection.md`));
    expect(template[template.length - 1]).toBe(HEADINGS.snippet);
    expect(headings(withoutSnippet)).toEqual(template.slice(0, -1));
  });
});
