/** @vitest-environment node */
// `npm run catalogue:check` on a copy of the repository's catalogue, broken on disk the way a
// contributor might break it: every problem it prints names the file, the field (or the line of
// a JSON syntax error) and what to do, and one mistake gives one problem, not a cascade.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCatalogue, formatProblems } from '../../../scripts/catalogue-check';
import { describeJsonError, jsonErrorOffset, REPO_ROOT } from '../../../scripts/lib/catalogue-files';
import type { CatalogueProblem } from '../../../src/core/catalogue';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'matou-catalogue-'));
  cpSync(join(REPO_ROOT, 'src/catalogue'), join(root, 'src/catalogue'), { recursive: true });
  cpSync(join(REPO_ROOT, 'manifest.json'), join(root, 'manifest.json'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const path = (file: string) => join(root, 'src/catalogue', file);
const readJson = (file: string) => JSON.parse(readFileSync(path(file), 'utf8')) as Record<string, unknown>;
const writeJson = (file: string, value: unknown) =>
  writeFileSync(path(file), `${JSON.stringify(value, null, 2)}\n`);
const edit = (file: string, change: (json: Record<string, unknown>) => void) => {
  const json = readJson(file);
  change(json);
  writeJson(file, json);
};

function check(): CatalogueProblem[] {
  const { problems, summary } = checkCatalogue({ root });
  for (const problem of problems) {
    expect(problem.file, problem.message).toMatch(/^(src\/catalogue\/|manifest\.json$)/);
    expect(problem.field, problem.message).not.toBe('');
    expect(problem.hint.length, problem.message).toBeGreaterThan(20);
  }
  if (problems.length > 0)
    expect(formatProblems(problems, summary)).toContain(
      `${problems[0]?.file} — ${problems[0]?.field}\n  ${problems[0]?.message}\n  hint: `,
    );
  return problems;
}

describe('catalogue:check on a copy of the catalogue', () => {
  it('finds nothing wrong with the catalogue as it is', () => {
    const { problems, summary } = checkCatalogue({ root });
    expect(problems).toEqual([]);
    expect(summary).toMatch(
      /^catalogue: \d+ services, \d+ software, \d+ categories, \d+ examples, \d+ look-alikes, \d+ content-script patterns, \d+ migration guides$/,
    );
  });

  it('a wrong category id: the file, the field, and the id meant', () => {
    edit('services/zoom.json', (zoom) => (zoom.category = 'video-conferencing'));
    expect(check()).toEqual([
      {
        file: 'src/catalogue/services/zoom.json',
        field: 'category',
        message: 'unknown category "video-conferencing"',
        hint: expect.stringContaining('Did you mean "video-conference"?'),
      },
    ]);
  });

  it('a software file whose id is not its name', () => {
    edit('software/jitsi-meet.json', (jitsi) => (jitsi.id = 'jitsi'));
    expect(check()).toEqual([
      {
        file: 'src/catalogue/software/jitsi-meet.json',
        field: 'id',
        message: 'the id "jitsi" does not match the file name "jitsi-meet.json"',
        hint: 'Rename the file to "jitsi.json" or change the id.',
      },
    ]);
  });

  it('a new file not listed in index.ts', () => {
    writeJson('software/jitsi-copy.json', {
      ...readJson('software/jitsi-meet.json'),
      id: 'jitsi-copy',
      directoryNames: ['jitsi copy'],
    });
    expect(check()).toEqual([
      {
        file: 'src/catalogue/index.ts',
        field: 'software',
        message: 'src/catalogue/software/jitsi-copy.json is not imported',
        hint: expect.stringContaining('npm run catalogue:check -- --fix-index'),
      },
    ]);
  });

  it('a look-alike that matches, and an example that does not', () => {
    edit('services/zoom.json', (zoom) => {
      (zoom.lookalikes as string[]).push('https://eu01web.zoom.us/j/1');
      (zoom.examples as string[]).push('https://zoom.example/j/1');
    });
    const problems = check();
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual({
      file: 'src/catalogue/services/zoom.json',
      field: 'examples[4]',
      message: 'https://zoom.example/j/1 is recognised as nothing, not "zoom"',
      hint: expect.stringContaining('Widen a rule in "match"'),
    });
    expect(problems).toContainEqual({
      file: 'src/catalogue/services/zoom.json',
      field: 'lookalikes[5]',
      message: 'https://eu01web.zoom.us/j/1 is recognised as "zoom" and should match nothing',
      hint: expect.stringContaining('move it to the examples of "zoom"'),
    });
  });

  it('a host claimed twice: both places are named', () => {
    edit('services/webex.json', (webex) =>
      (webex.match as unknown[]).push({ host: 'zoom.us', subdomains: true }),
    );
    const webexRules = (readJson('services/webex.json').match as unknown[]).length;
    expect(check()).toEqual([
      {
        file: 'src/catalogue/services/zoom.json',
        field: 'match[0]',
        message: `"*.zoom.us" is already claimed by "webex" (src/catalogue/services/webex.json, match[${webexRules - 1}])`,
        hint: expect.stringContaining('Two services cannot share a rule'),
      },
    ]);
  });

  it('bad JSON: the line and column, and nothing about the file’s content', () => {
    const zoom = readFileSync(path('services/zoom.json'), 'utf8');
    writeFileSync(path('services/zoom.json'), zoom.replace('"owner": "zoom",', '"owner": "zoom"'));
    const line = zoom.split('\n').findIndex((text) => text.includes('"category"')) + 1;
    expect(check()).toEqual([
      {
        file: 'src/catalogue/services/zoom.json',
        field: `line ${line}, column 3`,
        message: "not valid JSON: Expected ',' or '}' after property value",
        hint: expect.stringContaining(`Look at line ${line}, column 3 and just before it`),
      },
    ]);
  });

  it('bad JSON in categories.json is one problem, not one per use of a category', () => {
    const text = readFileSync(path('categories.json'), 'utf8');
    writeFileSync(path('categories.json'), text.replace(/\n\]\s*$/, ',\n]\n'));
    const problems = check();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'src/catalogue/categories.json',
      field: expect.stringMatching(/^line \d+, column \d+$/),
      message: expect.stringMatching(/^not valid JSON: /),
    });
  });

  it('a missing French fit note', () => {
    edit(
      'software/jitsi-meet.json',
      (jitsi) => delete (jitsi.fitNotes as Record<string, Record<string, string>>)['video-conference']?.fr,
    );
    expect(check()).toEqual([
      {
        file: 'src/catalogue/software/jitsi-meet.json',
        field: 'fitNotes.video-conference.fr',
        message: 'the field "fr" is missing',
        hint: 'Write the French text here; it must not be empty.',
      },
    ]);
  });

  it('a manifest out of step with the catalogue', () => {
    edit('services/zoom.json', (zoom) =>
      (zoom.match as unknown[]).push({ host: 'zoomgov.com', subdomains: true }),
    );
    const problems = check();
    expect(problems).toContainEqual({
      file: 'manifest.json',
      field: 'content_scripts[0].matches',
      message: 'https://*.zoomgov.com/* is missing',
      hint: expect.stringContaining('--fix-manifest'),
    });
  });
});

/** What JSON.parse throws for `text`. */
function parseError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`valid JSON: ${text}`);
}

describe('describeJsonError', () => {
  it('turns a position into a line and a column, and keeps the parser’s words', () => {
    const text = '{\n  "id": "a"\n  "name": "b"\n}';
    expect(describeJsonError(text, parseError(text))).toEqual({
      message: "Expected ',' or '}' after property value",
      line: 3,
      column: 3,
    });
  });

  it('finds the place itself when Node does not give it (an unexpected token)', () => {
    const text = '{\n  "examples": [\n    "https://a.example/",\n  ]\n}';
    expect(describeJsonError(text, parseError(text))).toEqual({
      message: "Unexpected token ']'",
      line: 4,
      column: 3,
    });
    // In a longer file Node quotes only a piece of it, cut with "..." on both sides.
    const long = readFileSync(path('services/zoom.json'), 'utf8').replace(
      '"https://www.zoom.com/"',
      '"https://www.zoom.com/",',
    );
    const line = long.split('\n').findIndex((row) => row.includes('"https://www.zoom.com/",')) + 2;
    expect(describeJsonError(long, parseError(long))).toEqual({
      message: "Unexpected token ']'",
      line,
      column: 3,
    });
  });

  it('agrees with JSON.parse on what is valid, and points at the first mistake', () => {
    for (const valid of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}} ',
      readFileSync(path('services/zoom.json'), 'utf8'),
    ]) {
      expect(jsonErrorOffset(valid), valid).toBeNull();
    }
    const cases: [string, number][] = [
      ['[1,]', 3],
      ['{"a":1,}', 7],
      ['{"a" 1}', 5],
      ['{a:1}', 1],
      ['{"a":1}x', 7],
      ['{"a":"b', 7],
      ['{"a":01}', 6],
      ['// note\n{}', 0],
      ['', 0],
      ['{"a":"\\x"}', 6],
    ];
    for (const [text, offset] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(jsonErrorOffset(text), text).toBe(offset);
    }
  });

  it('says in words that a file ends too early', () => {
    const text = '{\n  "examples": [';
    expect(describeJsonError(text, parseError(text))).toEqual({
      message: 'the file ends too early (a closing } or ] or a quote is missing)',
      line: 2,
      column: 16,
    });
  });
});
