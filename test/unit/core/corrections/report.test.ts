// The correction form's text: privacy by default (hostname only), each kind of correction, the
// catalogue snippet, length limits, and the route from the popup.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../../src/catalogue';
import {
  buildReport,
  emptyForm,
  formFromRoute,
  formProblems,
  HEADINGS,
  hostnameOnly,
  LIMITS,
  NOT_GIVEN,
  reportMarkdown,
  type CatalogueSummary,
  type CorrectionForm,
  type ReportContext,
} from '../../../../src/core/corrections/report';
import { correctRoute, parseCorrectRoute } from '../../../../src/core/corrections/route';
import { forgeIssueLink, MAX_FORGE_URL } from '../../../../src/core/corrections/forge';
import { decodeForgeLink } from '../../../forge-link';

const summary: CatalogueSummary = {
  services: catalogue.services.map(({ id, name, category }) => ({ id, name, category })),
  software: catalogue.software.map(({ id, name, categories }) => ({ id, name, categories })),
  categories: catalogue.categories.map(({ id, label }) => ({ id, label })),
};
const fr: ReportContext = { lang: 'fr', version: '0.1.0', catalogue: summary };
const en: ReportContext = { ...fr, lang: 'en' };
const PAGE = 'https://mail.google.com/mail/u/0/?search=rendez-vous+m%C3%A9decin#inbox/FMfcgz';

const form = (change: Partial<CorrectionForm>): CorrectionForm => ({ ...emptyForm(change.kind), ...change });
const gmail = (change: Partial<CorrectionForm> = {}) =>
  form({
    kind: 'wrong-detection',
    service: 'gmail',
    hostname: 'mail.google.com',
    category: 'email',
    pageUrl: PAGE,
    ...change,
  });

/** `[heading, value]` pairs of a body, in order. */
function sections(body: string): Array<[string, string]> {
  return body
    .split(/^### /m)
    .slice(1)
    .map((chunk) => {
      const [heading = '', ...rest] = chunk.split('\n');
      const value = rest
        .join('\n')
        .split(/\n\n> |\n---\n/)[0]!
        .trim();
      return [heading, value];
    });
}

describe('privacy default', () => {
  it('names the page by its hostname only, unless the box is ticked', () => {
    const report = buildReport(gmail(), fr);
    expect(report.body).toContain('mail.google.com');
    expect(report.body).not.toContain('/mail/u/0');
    expect(report.body).not.toContain('search=');
    expect(report.title).not.toContain('/mail');
    expect(sections(report.body)).toContainEqual([HEADINGS.pageUrl, NOT_GIVEN]);
    // The catalogue snippet does not leak it either.
    expect(report.snippet?.json).toContain('"https://mail.google.com/"');
    expect(report.snippet?.json).not.toContain('/mail/u/0');
  });

  it('puts the full address in the text (and the snippet) only when the user chose to', () => {
    const report = buildReport(gmail({ includeUrl: true }), fr);
    expect(sections(report.body)).toContainEqual([HEADINGS.pageUrl, PAGE]);
    expect(report.snippet?.json).toContain(JSON.stringify(PAGE));
  });

  it('keeps only the hostname of an address pasted in the site field', () => {
    expect(hostnameOnly('https://MAIL.google.com/mail/u/0/?q=secret')).toBe('mail.google.com');
    expect(hostnameOnly('mail.google.com/mail/u/0')).toBe('mail.google.com');
    expect(hostnameOnly('  zoom.us ')).toBe('zoom.us');
    expect(hostnameOnly('not a host at all')).toBe('');
    const report = buildReport(gmail({ hostname: 'https://mail.google.com/mail/u/0/?q=secret' }), fr);
    expect(report.body).not.toContain('secret');
  });

  it('the route from the popup carries a hostname, never a path', () => {
    const hash = correctRoute({ service: 'gmail', host: 'mail.google.com', tab: 12 });
    expect(hash).toBe('#correct?service=gmail&host=mail.google.com&tab=12');
    expect(parseCorrectRoute(hash)).toEqual({ service: 'gmail', host: 'mail.google.com', tab: 12 });
    expect(
      parseCorrectRoute('#correct?host=mail.google.com%2Fmail%2Fu%2F0&service=Not+An+Id&tab=-1&kind=nope'),
    ).toEqual({});
    expect(parseCorrectRoute('#region')).toBeNull();
    expect(parseCorrectRoute('#correct')).toEqual({});
    const opened = formFromRoute({ service: 'gmail', host: 'mail.google.com' }, summary);
    expect(opened).toMatchObject({
      kind: 'wrong-detection',
      service: 'gmail',
      category: 'email',
      hostname: 'mail.google.com',
      includeUrl: false,
      pageUrl: '',
    });
    expect(formFromRoute({}, summary).kind).toBe('other');
    expect(formFromRoute({ host: 'example.org' }, summary)).toMatchObject({
      kind: 'wrong-detection',
      detection: 'missed',
    });
  });
});

describe('each kind of correction', () => {
  it('wrong detection, "this page is not Gmail": a look-alike for gmail.json', () => {
    const report = buildReport(
      gmail({ details: 'C’est la messagerie de mon école, hébergée ailleurs.' }),
      fr,
    );
    expect(report.title).toBe('mail.google.com n’est pas Gmail');
    expect(sections(report.body).map(([h]) => h)).toEqual([
      HEADINGS.kind,
      HEADINGS.service,
      HEADINGS.hostname,
      HEADINGS.pageUrl,
      HEADINGS.detection,
      HEADINGS.actualService,
      HEADINGS.details,
      HEADINGS.snippet,
    ]);
    expect(report.body).toContain('gmail (Gmail)');
    expect(report.snippet?.files).toEqual(['src/catalogue/services/gmail.json']);
    expect(JSON.parse(report.snippet!.json)).toEqual({
      'src/catalogue/services/gmail.json': { lookalikes: ['https://mail.google.com/'] },
    });
    expect(report.body).toContain(`### ${HEADINGS.snippet}`);
    expect(report.body).toContain('```json\n');
    expect(buildReport(gmail(), en).title).toBe('mail.google.com is not Gmail');
  });

  it('wrong detection, missed: a rule and an example, for a known service or a new file', () => {
    const known = buildReport(
      form({
        kind: 'wrong-detection',
        detection: 'missed',
        hostname: 'meet.example.org',
        actualService: 'google-meet',
      }),
      en,
    );
    expect(known.title).toBe('Matou does not recognise Google Meet on meet.example.org');
    expect(JSON.parse(known.snippet!.json)).toEqual({
      'src/catalogue/services/google-meet.json': {
        match: [{ host: 'meet.example.org' }],
        examples: ['https://meet.example.org/'],
      },
    });
    const unknown = buildReport(
      form({
        kind: 'wrong-detection',
        detection: 'missed',
        hostname: 'chat.example.org',
        category: 'team-chat',
      }),
      fr,
    );
    expect(unknown.snippet?.newFiles).toEqual(['src/catalogue/services/new-service.json']);
    expect(unknown.body).toContain('Nouveau fichier `src/catalogue/services/new-service.json`');
    expect(JSON.parse(unknown.snippet!.json)['src/catalogue/services/new-service.json']).toMatchObject({
      match: [{ host: 'chat.example.org' }],
      category: 'team-chat',
      lookalikes: [],
    });
  });

  it('missing alternative: a new software file in the catalogue’s format', () => {
    const report = buildReport(
      form({
        kind: 'alternative',
        service: 'zoom',
        category: 'video-conference',
        software: 'Visio Libre',
        softwareWebsite: 'visio-libre.example',
        note: 'Visio à 100, salles de sous-groupes.',
      }),
      fr,
    );
    expect(report.title).toBe('Alternative manquante pour « Visioconférence » : Visio Libre');
    const file = JSON.parse(report.snippet!.json)['src/catalogue/software/visio-libre.json'];
    expect(file).toEqual({
      id: 'visio-libre',
      name: 'Visio Libre',
      website: 'https://visio-libre.example/',
      licence: '',
      categories: ['video-conference'],
      directoryNames: ['visio libre'],
      fitNotes: { 'video-conference': { fr: 'Visio à 100, salles de sous-groupes.', en: '' } },
    });
  });

  it('an alternative that exists: only what changes, on its own file', () => {
    const report = buildReport(
      form({
        kind: 'alternative',
        alternativeProblem: 'wrong',
        category: 'text-collaboration',
        software: 'etherpad',
        note: 'Écriture à plusieurs, sans table des matières.',
      }),
      fr,
    );
    expect(report.title).toBe('Alternative à revoir pour « Écriture collaborative » : etherpad');
    expect(JSON.parse(report.snippet!.json)).toEqual({
      'src/catalogue/software/etherpad.json': {
        fitNotes: { 'text-collaboration': { fr: 'Écriture à plusieurs, sans table des matières.', en: '' } },
      },
    });
  });

  it('host information: no catalogue snippet, and a word on ChatonsInfos', () => {
    const report = buildReport(
      form({
        kind: 'host-info',
        service: 'gmail',
        hostName: 'Chaton du Coin',
        hostProblem: 'full',
        details: 'N’accepte plus de comptes.',
      }),
      fr,
    );
    expect(report.title).toBe('Hébergeur : informations à corriger pour Chaton du Coin');
    expect(report.snippet).toBeNull();
    expect(report.body).toContain('ChatonsInfos');
    expect(sections(report.body)).toContainEqual([
      HEADINGS.hostProblem,
      'full — complet ou ouvert / full or open',
    ]);
  });

  it('missing host: need, name, address, place, access', () => {
    const report = buildReport(
      form({
        kind: 'missing-host',
        category: 'email',
        hostName: 'Chaton du Coin',
        hostUrl: 'https://chaton.example/',
        hostPlace: 'Rennes',
        registration: 'member',
      }),
      en,
    );
    expect(report.title).toBe('Missing host for “Email”: Chaton du Coin');
    expect(sections(report.body)).toEqual(
      expect.arrayContaining([
        [HEADINGS.category, 'email (Email)'],
        [HEADINGS.hostUrl, 'https://chaton.example/'],
        [HEADINGS.hostPlace, 'Rennes'],
        [HEADINGS.registration, 'member — réservé aux membres / members only'],
      ]),
    );
  });

  it('other: the details, and the service or the site in the title', () => {
    const report = buildReport(
      form({ kind: 'other', service: 'zoom', hostname: 'zoom.us', details: 'Line one\r\nLine two\u0007' }),
      fr,
    );
    expect(report.title).toBe('Correction : Zoom');
    expect(sections(report.body)).toContainEqual([HEADINGS.details, 'Line one\nLine two']);
    expect(report.snippet).toBeNull();
  });

  it('ends with the version and language, and copy gives the title then the body', () => {
    const report = buildReport(gmail(), fr);
    expect(
      report.body.endsWith('---\nMatou 0.1.0 · fr · envoyé depuis le formulaire de correction de Matou'),
    ).toBe(true);
    expect(reportMarkdown(report)).toBe(`## ${report.title}\n\n${report.body}\n`);
  });

  it('a snippet fence no backtick run in the text can close', () => {
    const report = buildReport(
      form({ kind: 'alternative', category: 'email', software: 'Mail ```` x', note: '``` oops' }),
      fr,
    );
    expect(report.body).toContain('`````json');
  });
});

describe('what the form asks before a report can be made', () => {
  it('each kind names its required fields', () => {
    expect(formProblems(form({ kind: 'wrong-detection' }))).toEqual([
      { field: 'hostname', code: 'required' },
      { field: 'service', code: 'required' },
    ]);
    expect(
      formProblems(form({ kind: 'wrong-detection', detection: 'missed', hostname: 'x.example' })),
    ).toEqual([]);
    expect(formProblems(form({ kind: 'alternative' })).map((p) => p.field)).toEqual(['category', 'software']);
    expect(formProblems(form({ kind: 'host-info' })).map((p) => p.field)).toEqual(['hostName', 'details']);
    expect(formProblems(form({ kind: 'missing-host' })).map((p) => p.field)).toEqual([
      'category',
      'hostName',
      'hostUrl',
    ]);
    expect(formProblems(form({ kind: 'other' })).map((p) => p.field)).toEqual(['details']);
    expect(formProblems(gmail())).toEqual([]);
  });

  it('refuses what is invalid or too long', () => {
    expect(formProblems(gmail({ hostname: 'not a host' }))).toContainEqual({
      field: 'hostname',
      code: 'invalid',
    });
    expect(formProblems(gmail({ includeUrl: true, pageUrl: 'javascript:alert(1)' }))).toContainEqual({
      field: 'pageUrl',
      code: 'invalid',
    });
    expect(formProblems(gmail({ includeUrl: true, pageUrl: '' }))).toContainEqual({
      field: 'pageUrl',
      code: 'required',
    });
    expect(formProblems(gmail({ details: 'é'.repeat(LIMITS.details) }))).toEqual([]);
    expect(formProblems(gmail({ details: 'é'.repeat(LIMITS.details + 1) }))).toContainEqual({
      field: 'details',
      code: 'tooLong',
    });
    expect(
      formProblems(
        form({ kind: 'alternative', category: 'email', software: 'A', note: 'n'.repeat(LIMITS.note + 1) }),
      ),
    ).toContainEqual({ field: 'note', code: 'tooLong' });
    expect(
      formProblems(
        form({ kind: 'missing-host', category: 'email', hostName: 'A', hostUrl: 'ftp://a.example/' }),
      ),
    ).toContainEqual({ field: 'hostUrl', code: 'invalid' });
  });

  it('a report at every field’s limit still fits in one link, and decodes back to the preview', () => {
    const full = gmail({
      includeUrl: true,
      pageUrl: `https://mail.google.com/${'é'.repeat(300)}`,
      details: 'é'.repeat(LIMITS.details),
      actualService: 'outlook',
    });
    expect(formProblems(full)).toEqual([]);
    const report = buildReport(full, fr);
    const link = forgeIssueLink(report.title, report.body, 'fr');
    expect(link.url.length).toBeLessThanOrEqual(MAX_FORGE_URL);
    expect(decodeForgeLink(link.url)).toEqual({ title: report.title, body: link.body });
  });

  it('titles stay short', () => {
    const report = buildReport(
      form({
        kind: 'missing-host',
        category: 'email',
        hostName: 'N'.repeat(LIMITS.name),
        hostUrl: 'https://a.example/',
      }),
      fr,
    );
    expect(Array.from(report.title).length).toBeLessThanOrEqual(LIMITS.title);
  });
});
