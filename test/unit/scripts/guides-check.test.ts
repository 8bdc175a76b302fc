/** @vitest-environment node */
// The migration guides under `npm run catalogue:check`, on a copy of the repository's catalogue
// broken the way a contributor might break a guide: each mistake gives one problem that names
// the file, the field and what to do, in plain words.
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCatalogue } from '../../../scripts/catalogue-check';
import { REPO_ROOT } from '../../../scripts/lib/catalogue-files';
import { readGuideFiles } from '../../../scripts/lib/guide-files';
import { guideStepCounts } from '../../../scripts/lib/guide-steps-plugin';
import {
  DOCUMENTATION_HOSTS,
  REQUIRED_GUIDE_SERVICE_IDS,
  isDocumentationUrl,
  validateGuides,
  type Guide,
} from '../../../src/core/guides';
import { catalogue } from '../../../src/catalogue';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'matou-guides-'));
  cpSync(join(REPO_ROOT, 'src/catalogue'), join(root, 'src/catalogue'), { recursive: true });
  cpSync(join(REPO_ROOT, 'manifest.json'), join(root, 'manifest.json'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const path = (name: string) => join(root, 'src/catalogue/guides', name);
/** A guide as JSON, loose enough to break. */
type Step = Record<string, unknown> & { source: { url: string }; text: { fr: string; en: string } };
type Editable = { service: string; steps: Step[]; notCarriedOver: unknown[] };
const edit = (name: string, change: (guide: Editable) => void) => {
  const guide = JSON.parse(readFileSync(path(name), 'utf8')) as Editable;
  change(guide);
  writeFileSync(path(name), `${JSON.stringify(guide, null, 2)}\n`);
};
const problems = () => checkCatalogue({ root }).problems;

describe('the guides as they are', () => {
  it('pass, one per required service, every step backed by an https documentation page', () => {
    expect(problems()).toEqual([]);
    const { raw, files } = readGuideFiles();
    const { guides } = validateGuides(raw, files, new Set(catalogue.services.map((s) => s.id)));
    expect(guides?.map((g) => g.service).sort()).toEqual([...REQUIRED_GUIDE_SERVICE_IDS].sort());
    for (const guide of guides as Guide[]) {
      for (const step of guide.steps)
        expect(isDocumentationUrl(step.source.url), `${guide.service}: ${step.source.url}`).toBe(true);
      expect(guide.notCarriedOver.length, guide.service).toBeGreaterThan(0);
    }
  });

  it('gives the popup each guide’s step count, derived from the files (virtual:guide-steps)', () => {
    const { raw, files } = readGuideFiles();
    expect(guideStepCounts()).toEqual(
      Object.fromEntries(
        files.map((file, i) => [file.replace(/^.*\/|\.json$/g, ''), (raw[i] as Guide).steps.length]),
      ),
    );
    edit('zoom.json', (g) => g.steps.pop());
    writeFileSync(path('broken.json'), '{');
    expect(guideStepCounts(root)).toMatchObject({
      zoom: (raw[files.indexOf('src/catalogue/guides/zoom.json')] as Guide).steps.length - 1,
    });
    expect(guideStepCounts(root)).not.toHaveProperty('broken');
  });

  it('moves mail from Gmail in five steps, one of them at the host', () => {
    const gmail = JSON.parse(
      readFileSync(join(REPO_ROOT, 'src/catalogue/guides/gmail.json'), 'utf8'),
    ) as Guide;
    expect(gmail.steps).toHaveLength(5);
    expect(gmail.steps.filter((s) => s.hostStep)).toHaveLength(1);
  });
});

describe('catalogue:check on a broken copy of a guide', () => {
  it('a source over plain http', () => {
    edit('gmail.json', (g) => (g.steps[3]!.source.url = 'http://support.google.com/mail/answer/10957'));
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/gmail.json',
        field: 'steps[3].source.url',
        message: 'http://support.google.com/mail/answer/10957 does not start with https://',
        hint: expect.stringContaining('https://'),
      },
    ]);
  });

  it('a source that is not an official documentation page', () => {
    edit('zoom.json', (g) => (g.steps[0]!.source.url = 'https://www.example-blog.net/jitsi-tips'));
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/zoom.json',
        field: 'steps[0].source.url',
        message: 'https://www.example-blog.net/jitsi-tips is not on an official documentation site',
        hint: expect.stringContaining('DOCUMENTATION_HOSTS in src/core/guides/sources.ts'),
      },
    ]);
  });

  it('a step with no source at all', () => {
    edit('discord.json', (g) => delete (g.steps[1] as Record<string, unknown>).source);
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/discord.json',
        field: 'steps[1].source',
        message: 'the field "source" is missing',
        hint: expect.stringContaining('official documentation page'),
      },
    ]);
  });

  it('an empty English text', () => {
    edit('google-docs.json', (g) => (g.steps[0]!.text.en = '  '));
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/google-docs.json',
        field: 'steps[0].text.en',
        message: 'the text is empty',
        hint: 'Write the English text here; it must not be empty.',
      },
    ]);
  });

  it('nothing said about what does not carry over', () => {
    edit('youtube.json', (g) => (g.notCarriedOver = []));
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/youtube.json',
        field: 'notCarriedOver',
        message: 'the list is empty; at least 1 is needed',
        hint: expect.stringContaining('honestly'),
      },
    ]);
  });

  it('a service the catalogue does not have', () => {
    writeFileSync(
      path('gmial.json'),
      readFileSync(path('gmail.json'), 'utf8').replace('"service": "gmail"', '"service": "gmial"'),
    );
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/gmial.json',
        field: 'service',
        message: 'there is no service "gmial" in the catalogue',
        hint: expect.stringContaining('src/catalogue/services/'),
      },
    ]);
  });

  it('a file named after another service', () => {
    edit('outlook.json', (g) => (g.service = 'gmail'));
    const found = problems();
    expect(found).toContainEqual({
      file: 'src/catalogue/guides/outlook.json',
      field: 'service',
      message: 'the service "gmail" does not match the file name "outlook.json"',
      hint: 'Rename the file to "gmail.json" or change "service".',
    });
  });

  it('a missing required guide', () => {
    unlinkSync(path('whatsapp.json'));
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/whatsapp.json',
        field: '',
        message: 'there is no migration guide for "whatsapp"',
        hint: expect.stringContaining('Writing a migration guide'),
      },
    ]);
  });

  it('a misspelt field', () => {
    edit('zoom.json', (g) => {
      g.steps[0]!.hoststep = true;
    });
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/zoom.json',
        field: 'steps[0].hoststep',
        message: 'unknown field "hoststep"',
        hint: 'Remove this field or correct its spelling (field names are case-sensitive).',
      },
    ]);
  });

  it('two steps marked as the host’s', () => {
    edit('gmail.json', (g) => (g.steps[1]!.hostStep = true));
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/gmail.json',
        field: 'steps[1].hostStep',
        message: 'a second step is marked "hostStep"',
        hint: expect.stringContaining('one step'),
      },
    ]);
  });

  it('a text too long to read in a minute', () => {
    edit('gmail.json', (g) => (g.steps[0]!.text.fr = 'x'.repeat(500)));
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/gmail.json',
        field: 'steps[0].text.fr',
        message: 'the text is 500 characters long (at most 420)',
        hint: expect.stringContaining('shorter'),
      },
    ]);
  });

  it('bad JSON: the line and column, and no "missing guide" on top', () => {
    const text = readFileSync(path('zoom.json'), 'utf8');
    writeFileSync(path('zoom.json'), text.replace('"service": "zoom",', '"service": "zoom"'));
    expect(problems()).toEqual([
      {
        file: 'src/catalogue/guides/zoom.json',
        field: expect.stringMatching(/^line \d+, column \d+$/),
        message: expect.stringMatching(/^not valid JSON: /),
        hint: expect.stringContaining('missing comma'),
      },
    ]);
  });
});

describe('isDocumentationUrl', () => {
  it('takes https pages on the listed hosts only', () => {
    expect(DOCUMENTATION_HOSTS).toContain('support.google.com');
    expect(isDocumentationUrl('https://support.google.com/mail/answer/10957')).toBe(true);
    expect(isDocumentationUrl('http://support.google.com/mail/answer/10957')).toBe(false);
    expect(isDocumentationUrl('https://support.google.com.evil.example/')).toBe(false);
    expect(isDocumentationUrl('https://user@support.google.com/')).toBe(false);
    expect(isDocumentationUrl('javascript:alert(1)')).toBe(false);
    expect(isDocumentationUrl('not a url')).toBe(false);
  });
});
