/** @vitest-environment node */
// validateCatalogue: every problem names a file, a field, and says what to do.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../../src/catalogue';
import { validateCatalogue, type CatalogueProblem } from '../../../../src/core/catalogue';

type Raw = { categories: Record<string, unknown>[]; software: Record<string, unknown>[]; services: Record<string, unknown>[] };
const fresh = (): Raw => structuredClone(catalogue) as unknown as Raw;
const byId = (list: Record<string, unknown>[], id: string): Record<string, unknown> => {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
function problemsOf(raw: unknown): CatalogueProblem[] {
  const result = validateCatalogue(raw);
  expect(result.catalogue).toBeUndefined();
  for (const problem of result.problems) {
    expect(problem.file).toMatch(/^src\/catalogue\//);
    expect(problem.hint.length).toBeGreaterThan(10);
  }
  return result.problems;
}

describe('validateCatalogue', () => {
  it('accepts the real catalogue and returns it', () => {
    const result = validateCatalogue(structuredClone(catalogue));
    expect(result.problems).toEqual([]);
    expect(result.catalogue?.services.length).toBe(catalogue.services.length);
  });

  it('never throws on nonsense', () => {
    for (const raw of [undefined, null, 1, 'x', [], {}, { categories: 1, software: [], services: [] }, { categories: [], software: [null], services: [1] }]) {
      expect(() => validateCatalogue(raw)).not.toThrow();
      expect(validateCatalogue(raw).problems.length).toBeGreaterThan(0);
    }
  });

  it('points at a misspelt field', () => {
    const raw = fresh();
    const zoom = byId(raw.services, 'zoom');
    (zoom.match as Record<string, unknown>[])[0] = { host: 'zoom.us', subdomain: true };
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/zoom.json', field: 'match[0].subdomain', message: 'unknown field "subdomain"' }));
  });

  it('refuses hosts that are not plain hostnames, and wildcard rules on subdomains', () => {
    const raw = fresh();
    byId(raw.services, 'gmail').match = [{ host: 'https://Mail.Google.com/' }];
    byId(raw.services, 'slack').match = [{ host: 'app.slack.com', subdomains: true }];
    byId(raw.services, 'trello').match = [{ host: 'co.uk', subdomains: true }];
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/gmail.json', field: 'match[0].host' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/slack.json', field: 'match[0].subdomains', hint: expect.stringContaining('"slack.com"') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/trello.json', field: 'match[0].host' }));
  });

  it('checks paths and country domains', () => {
    const raw = fresh();
    byId(raw.services, 'google-docs').match = [{ host: 'docs.google.com', paths: ['document', '/Document', '/'] }];
    byId(raw.services, 'google-maps').match = [{ host: 'maps.google.fr', countryDomains: true }];
    const problems = problemsOf(raw);
    const fields = problems.filter((p) => p.file.endsWith('google-docs.json')).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['match[0].paths[0]', 'match[0].paths[1]', 'match[0].paths[2]']));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/google-maps.json', field: 'match[0].countryDomains' }));
  });

  it('finds duplicate ids, unknown categories and two services claiming one rule', () => {
    const raw = fresh();
    byId(raw.services, 'doodle').category = 'surveys';
    raw.services.push({ ...byId(raw.services, 'zoom') });
    byId(raw.services, 'webex').match = [{ host: 'zoom.us', subdomains: true }];
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/doodle.json', field: 'category', message: 'unknown category "surveys"' }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'id', message: 'the service id "zoom" is used twice' }));
    // webex.json comes first (files are read in name order), so zoom.json is told
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/zoom.json', field: 'match[0]', message: '"*.zoom.us" is already claimed by "webex"' }));
  });

  it('reports a missing fixed id, and a file named differently from its id', () => {
    const raw = fresh();
    raw.services = raw.services.filter((s) => s.id !== 'trello');
    const files = raw.services.map((s) => `src/catalogue/services/${String(s.id)}.json`);
    files[0] = 'src/catalogue/services/renamed.json';
    const problems = validateCatalogue(raw, { services: files }).problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/trello.json', message: 'the service "trello" is missing' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/renamed.json', field: 'id' }));
  });

  it('checks software: categories, one short note per category, directory names leading to one software', () => {
    const raw = fresh();
    const etherpad = byId(raw.software, 'etherpad');
    etherpad.categories = ['text-collaboration', 'spreadsheet', 'knitting'];
    (etherpad.fitNotes as Record<string, unknown>)['text-collaboration'] = { fr: 'x'.repeat(161), en: 'ok' };
    (byId(raw.software, 'hedgedoc').directoryNames as string[]).push('Etherpad ');
    const problems = problemsOf(raw).filter((p) => p.file.startsWith('src/catalogue/software/'));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/software/etherpad.json', field: 'categories[2]' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/software/etherpad.json', field: 'fitNotes.spreadsheet' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/software/etherpad.json', field: 'fitNotes.text-collaboration.fr' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/software/hedgedoc.json', field: 'directoryNames[2]', message: expect.stringContaining('"etherpad"') }));
  });

  it('runs every example and look-alike through the classifier', () => {
    const raw = fresh();
    (byId(raw.services, 'zoom').examples as string[]).push('https://zoom.example/j/1');
    (byId(raw.services, 'twitter-x').lookalikes as string[]).push('https://mobile.x.com/');
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/zoom.json', field: 'examples[4]', message: expect.stringContaining('recognised as nothing') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'src/catalogue/services/twitter-x.json', field: 'lookalikes[6]', message: expect.stringContaining('"twitter-x"') }));
  });

  it('asks for at least two examples and two look-alikes', () => {
    const raw = fresh();
    byId(raw.services, 'gmail').examples = ['https://mail.google.com/'];
    byId(raw.services, 'gmail').lookalikes = [];
    const fields = problemsOf(raw).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['examples', 'lookalikes']));
  });
});
