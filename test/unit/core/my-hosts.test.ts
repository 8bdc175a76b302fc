// "This is my host now": the stored record read field by field, one choice per need, and the
// edits the popup, the options page and an import make.
import { describe, expect, it } from 'vitest';
import type { RankedHost } from '../../../src/core/directory';
import {
  MY_HOSTS_VERSION,
  NO_MY_HOSTS,
  choiceOf,
  isSameHost,
  mergeMyHosts,
  readMyHosts,
  withMyHost,
  withoutMyHost,
  type MyHost,
} from '../../../src/core/my-hosts';

const needs = new Set(['email', 'video-calls']);
const isNeed = (id: string) => needs.has(id);

const infini: MyHost = {
  category: 'email',
  organization: { id: 'infini', name: 'Infini (Internet Finistère)' },
  service: { id: 'hebergement-de-mails', name: 'Hébergement de mails', url: 'https://www.infini.fr/' },
  chosenAt: '2026-12-02T10:00:00.000Z',
};
const visio: MyHost = {
  category: 'video-calls',
  organization: { id: 'deuxfleurs', name: 'Deuxfleurs' },
  service: { id: 'jitsi', name: 'Jitsi', url: 'https://jitsi.deuxfleurs.fr/' },
  chosenAt: '2026-12-01T09:00:00.000Z',
};

describe('readMyHosts', () => {
  it('reads what it wrote, sorted by need', () => {
    const stored = { version: MY_HOSTS_VERSION, hosts: [visio, infini] };
    expect(readMyHosts(structuredClone(stored), isNeed)).toEqual({
      myHosts: { version: 1, hosts: [infini, visio] },
      dropped: [],
    });
  });

  it('nothing stored is no choice, and says nothing', () => {
    expect(readMyHosts(undefined, isNeed)).toEqual({ myHosts: NO_MY_HOSTS, dropped: [] });
  });

  it('a record without a version (version 0) is migrated', () => {
    expect(readMyHosts({ hosts: [infini] }, isNeed).myHosts).toEqual({ version: 1, hosts: [infini] });
  });

  it('a record from a newer Matou keeps what still reads, and says so', () => {
    const { myHosts, dropped } = readMyHosts({ version: 9, hosts: [infini], future: true }, isNeed);
    expect(myHosts.hosts).toEqual([infini]);
    expect(dropped).toEqual(['myHosts.version']);
  });

  it('drops a bad entry alone, keeps the others', () => {
    const bad = [
      { ...infini, category: 'not-a-need' },
      { ...infini, service: { ...infini.service, url: 'javascript:alert(1)' } },
      { ...infini, organization: { id: '../../x', name: 'X' } },
      { ...infini, organization: { ...infini.organization, name: '\u0000\u0007' } },
      { ...infini, chosenAt: 'yesterday' },
      'infini',
      null,
    ];
    const { myHosts, dropped } = readMyHosts({ version: 1, hosts: [...bad, visio] }, isNeed);
    expect(myHosts.hosts).toEqual([visio]);
    expect(dropped).toEqual(['myHosts.hosts[]']);
  });

  it('cleans names (controls out, length capped) and keeps one choice per need, the last', () => {
    const later = { ...infini, organization: { id: 'infini', name: 'Infini\u0007 '.repeat(100) } };
    const { myHosts } = readMyHosts({ version: 1, hosts: [infini, later] }, isNeed);
    expect(myHosts.hosts).toHaveLength(1);
    expect(myHosts.hosts[0]!.organization.name).not.toContain('\u0007');
    expect(Array.from(myHosts.hosts[0]!.organization.name).length).toBeLessThanOrEqual(200);
  });

  it('a record that is not one falls back to no choice, and says so', () => {
    expect(readMyHosts('hosts', isNeed)).toEqual({ myHosts: NO_MY_HOSTS, dropped: ['myHosts'] });
    expect(readMyHosts({ version: 1, hosts: 'infini' }, isNeed)).toEqual({
      myHosts: NO_MY_HOSTS,
      dropped: ['myHosts.hosts'],
    });
  });
});

describe('edits', () => {
  const ranked: RankedHost = {
    organization: { id: 'infini', name: 'Infini (Internet Finistère)', type: 'association' },
    service: { id: 'etherpad', name: 'Pad.Infini', url: 'https://pad.infini.fr/', urlSource: 'service' },
    software: { id: 'etherpad', name: 'Etherpad' },
    registration: 'none',
    load: 'unknown',
    locality: 'regional',
    place: { countryCode: 'FR', known: true, precision: 'country' },
  };

  it('a choice keeps the names and the address it was made with, and when', () => {
    expect(choiceOf(ranked, 'text-collaboration', new Date('2026-12-02T08:00:00Z'))).toEqual({
      category: 'text-collaboration',
      organization: { id: 'infini', name: 'Infini (Internet Finistère)' },
      service: { id: 'etherpad', name: 'Pad.Infini', url: 'https://pad.infini.fr/' },
      chosenAt: '2026-12-02T08:00:00.000Z',
    });
    expect(isSameHost(choiceOf(ranked, 'x', new Date()), ranked)).toBe(true);
    expect(isSameHost(infini, ranked)).toBe(false);
  });

  it('one host per need: choosing replaces, forgetting removes that need only', () => {
    const two = withMyHost(withMyHost(NO_MY_HOSTS, visio), infini);
    expect(two.hosts.map((h) => h.category)).toEqual(['email', 'video-calls']);
    const other = { ...infini, organization: { id: 'zaclys', name: 'Zaclys' } };
    expect(withMyHost(two, other).hosts).toEqual([other, visio]);
    expect(withoutMyHost(two, 'email').hosts).toEqual([visio]);
    expect(withoutMyHost(two, 'maps')).toEqual(two);
  });

  it("an import brings the file's choices over the current ones, need by need", () => {
    const other = { ...infini, organization: { id: 'zaclys', name: 'Zaclys' } };
    const merged = mergeMyHosts({ version: 1, hosts: [infini, visio] }, { version: 1, hosts: [other] });
    expect(merged.hosts).toEqual([other, visio]);
  });
});
