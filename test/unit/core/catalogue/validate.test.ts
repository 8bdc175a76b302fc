/** @vitest-environment node */
// validateCatalogue: every problem names a file, a field, and says what to do.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../../src/catalogue';
import { validateCatalogue, type CatalogueProblem } from '../../../../src/core/catalogue';

type Raw = {
  categories: Record<string, unknown>[];
  software: Record<string, unknown>[];
  services: Record<string, unknown>[];
};
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
    for (const raw of [
      undefined,
      null,
      1,
      'x',
      [],
      {},
      { categories: 1, software: [], services: [] },
      { categories: [], software: [null], services: [1] },
    ]) {
      expect(() => validateCatalogue(raw)).not.toThrow();
      expect(validateCatalogue(raw).problems.length).toBeGreaterThan(0);
    }
  });

  it('points at a misspelt field', () => {
    const raw = fresh();
    const zoom = byId(raw.services, 'zoom');
    (zoom.match as Record<string, unknown>[])[0] = { host: 'zoom.us', subdomain: true };
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/services/zoom.json',
        field: 'match[0].subdomain',
        message: 'unknown field "subdomain"',
      }),
    );
  });

  it('refuses hosts that are not plain hostnames, and wildcard rules on subdomains', () => {
    const raw = fresh();
    byId(raw.services, 'gmail').match = [{ host: 'https://Mail.Google.com/' }];
    byId(raw.services, 'slack').match = [{ host: 'app.slack.com', subdomains: true }];
    byId(raw.services, 'trello').match = [{ host: 'co.uk', subdomains: true }];
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'src/catalogue/services/gmail.json', field: 'match[0].host' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/services/slack.json',
        field: 'match[0].subdomains',
        hint: expect.stringContaining('"slack.com"'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'src/catalogue/services/trello.json', field: 'match[0].host' }),
    );
  });

  it('checks paths and country domains', () => {
    const raw = fresh();
    byId(raw.services, 'google-docs').match = [
      { host: 'docs.google.com', paths: ['document', '/Document', '/'] },
    ];
    byId(raw.services, 'google-maps').match = [{ host: 'maps.google.fr', countryDomains: true }];
    const problems = problemsOf(raw);
    const fields = problems.filter((p) => p.file.endsWith('google-docs.json')).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['match[0].paths[0]', 'match[0].paths[1]', 'match[0].paths[2]']),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/services/google-maps.json',
        field: 'match[0].countryDomains',
      }),
    );
  });

  it('finds duplicate ids, unknown categories and two services claiming one rule', () => {
    const raw = fresh();
    byId(raw.services, 'doodle').category = 'surveys';
    raw.services.push({ ...byId(raw.services, 'zoom') });
    byId(raw.services, 'webex').match = [{ host: 'zoom.us', subdomains: true }];
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/services/doodle.json',
        field: 'category',
        message: 'unknown category "surveys"',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'id', message: 'the service id "zoom" is used twice' }),
    );
    // webex.json comes first (files are read in name order), so zoom.json is told
    // and told where the other claim is, since that may be the file just edited
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/services/zoom.json',
        field: 'match[0]',
        message: '"*.zoom.us" is already claimed by "webex" (src/catalogue/services/webex.json, match[0])',
      }),
    );
  });

  it('reports a missing fixed id, and a file named differently from its id', () => {
    const raw = fresh();
    raw.services = raw.services.filter((s) => s.id !== 'trello');
    const files = raw.services.map((s) => `src/catalogue/services/${String(s.id)}.json`);
    files[0] = 'src/catalogue/services/renamed.json';
    const problems = validateCatalogue(raw, { services: files }).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/services/trello.json',
        message: 'the service "trello" is missing',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'src/catalogue/services/renamed.json', field: 'id' }),
    );
  });

  it('checks software: categories, one short note per category, directory names leading to one software', () => {
    const raw = fresh();
    const etherpad = byId(raw.software, 'etherpad');
    etherpad.categories = ['text-collaboration', 'spreadsheet', 'knitting'];
    (etherpad.fitNotes as Record<string, unknown>)['text-collaboration'] = { fr: 'x'.repeat(161), en: 'ok' };
    (byId(raw.software, 'hedgedoc').directoryNames as string[]).push('Etherpad ');
    const problems = problemsOf(raw).filter((p) => p.file.startsWith('src/catalogue/software/'));
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'src/catalogue/software/etherpad.json', field: 'categories[2]' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/software/etherpad.json',
        field: 'fitNotes.spreadsheet',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/software/etherpad.json',
        field: 'fitNotes.text-collaboration.fr',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/software/hedgedoc.json',
        field: 'directoryNames[2]',
        message: expect.stringContaining('"etherpad"'),
      }),
    );
  });

  it('runs every example and look-alike through the classifier', () => {
    const raw = fresh();
    (byId(raw.services, 'zoom').examples as string[]).push('https://zoom.example/j/1');
    (byId(raw.services, 'twitter-x').lookalikes as string[]).push('https://mobile.x.com/');
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/services/zoom.json',
        field: 'examples[4]',
        message: expect.stringContaining('recognised as nothing'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/services/twitter-x.json',
        field: 'lookalikes[6]',
        message: expect.stringContaining('"twitter-x"'),
      }),
    );
  });

  it('asks for at least two examples and two look-alikes', () => {
    const raw = fresh();
    byId(raw.services, 'gmail').examples = ['https://mail.google.com/'];
    byId(raw.services, 'gmail').lookalikes = [];
    const fields = problemsOf(raw).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['examples', 'lookalikes']));
  });

  it('says what is wrong with a field in plain words, not in schema jargon', () => {
    const raw = fresh();
    const zoom = byId(raw.services, 'zoom');
    zoom.name = 3;
    zoom.owner = 'Zoom Inc';
    zoom.examples = ['https://zoom.us/j/1'];
    delete zoom.lookalikes;
    const jitsi = byId(raw.software, 'jitsi-meet');
    jitsi.website = 'http://jitsi.org/';
    jitsi.categories = [];
    jitsi.directoryNames = 'jitsi';
    byId(raw.software, 'lufi').website = 'lufi';
    byId(raw.software, 'lstu').name = '   ';
    const messages = Object.fromEntries(
      problemsOf(raw).map((p) => [`${p.file.replace('src/catalogue/', '')} ${p.field}`, p.message]),
    );
    expect(messages).toEqual({
      'services/zoom.json name': 'expected a text in double quotes, found 3',
      'services/zoom.json owner': '"Zoom Inc" is not a valid id (lower-case letters, digits and hyphens)',
      'services/zoom.json examples': 'the list has 1 item; at least 2 are needed',
      'services/zoom.json lookalikes': 'the field "lookalikes" is missing',
      'software/jitsi-meet.json website': '"http://jitsi.org/" does not start with "https://"',
      'software/jitsi-meet.json categories': 'the list is empty; at least 1 is needed',
      'software/jitsi-meet.json directoryNames': 'expected a list […], found "jitsi"',
      'software/lufi.json website': '"lufi" is not a full web address',
      'software/lstu.json name': 'the text is empty',
    });
  });

  it('names a missing or empty fit-note language with the field to fill', () => {
    const raw = fresh();
    const notes = byId(raw.software, 'jitsi-meet').fitNotes as Record<string, Record<string, string>>;
    delete notes['video-conference']?.fr;
    (byId(raw.software, 'etherpad').fitNotes as Record<string, Record<string, string>>)[
      'text-collaboration'
    ]!.en = '';
    const problems = problemsOf(raw);
    expect(problems).toContainEqual({
      file: 'src/catalogue/software/jitsi-meet.json',
      field: 'fitNotes.video-conference.fr',
      message: 'the field "fr" is missing',
      hint: expect.stringContaining('French'),
    });
    expect(problems).toContainEqual({
      file: 'src/catalogue/software/etherpad.json',
      field: 'fitNotes.text-collaboration.en',
      message: 'the text is empty',
      hint: expect.stringContaining('English'),
    });
    expect(problems).toHaveLength(2);
  });

  it('suggests the category id meant, or lists the ids when none is close', () => {
    const raw = fresh();
    byId(raw.services, 'zoom').category = 'video-conferencing';
    byId(raw.services, 'slack').category = 'visio';
    (byId(raw.software, 'jitsi-meet').categories as string[])[0] = 'video-conferenc';
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/services/zoom.json',
        field: 'category',
        hint: expect.stringMatching(/^Did you mean "video-conference"\?/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'src/catalogue/software/jitsi-meet.json',
        field: 'categories[0]',
        hint: expect.stringMatching(/^Did you mean "video-conference"\?/),
      }),
    );
    const slack = problems.find((p) => p.file.endsWith('/slack.json'));
    expect(slack).toMatchObject({ field: 'category', message: 'unknown category "visio"' });
    expect(slack?.hint).toContain('team-chat, text-collaboration');
  });

  it('reports a broken category once, without calling every use of it unknown', () => {
    const raw = fresh();
    delete (raw.categories[0]?.label as Record<string, string>).en;
    raw.categories.push({ id: 'maps', label: { fr: 'Cartes', en: 'Maps' } });
    const problems = problemsOf(raw);
    expect(problems).toEqual([
      {
        file: 'src/catalogue/categories.json',
        field: '[0].label.en',
        message: 'the field "en" is missing',
        hint: expect.stringContaining('English'),
      },
      {
        file: 'src/catalogue/categories.json',
        field: `[${raw.categories.length - 1}].id`,
        message: 'the category id "maps" is used twice',
        hint: expect.any(String),
      },
    ]);
  });

  it('asks for a free software for every need, naming the services that have it', () => {
    const raw = fresh();
    raw.categories.push({ id: 'wiki', label: { fr: 'Wiki', en: 'Wiki' } });
    byId(raw.services, 'notion').category = 'wiki';
    expect(problemsOf(raw)).toEqual([
      {
        file: 'src/catalogue/categories.json',
        field: `[${raw.categories.length - 1}].id`,
        message: 'no free software serves "wiki" (the need of notion.json)',
        hint: expect.stringContaining('"categories" of a software in src/catalogue/software/'),
      },
    ]);
  });

  it('says nothing about what an unreadable file would have held, and returns no catalogue', () => {
    const raw = fresh();
    raw.services = raw.services.filter((s) => s.id !== 'zoom');
    expect(validateCatalogue(raw, { unreadable: ['src/catalogue/services/zoom.json'] })).toEqual({
      problems: [],
    });
    const noCategories = fresh();
    noCategories.categories = [];
    expect(validateCatalogue(noCategories, { unreadable: ['src/catalogue/categories.json'] })).toEqual({
      problems: [],
    });
    // Without being told, the same catalogue is a catalogue with a missing fixed service.
    expect(validateCatalogue(raw).problems).toContainEqual(
      expect.objectContaining({ message: 'the service "zoom" is missing' }),
    );
  });
});
