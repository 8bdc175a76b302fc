// The host the popup leads with, and the words of its one button.
import { describe, expect, it } from 'vitest';
import type { RankedHost } from '../../../src/core/directory';
import { bestHostIndex, hostAction } from '../../../src/core/host-offer';

const host = (over: Partial<RankedHost> & { name?: string }): RankedHost => ({
  organization: { id: over.name ?? 'a', name: over.name ?? 'A' },
  service: { id: 's', name: 'S', url: 'https://s.example/', urlSource: 'service' },
  software: { name: '' },
  registration: 'free',
  load: 'unknown',
  locality: 'local',
  place: { known: true, precision: 'country', countryCode: 'FR' },
  ...over,
});

describe('hostAction', () => {
  it('says what it takes to get in: open, create an account, join, subscribe', () => {
    expect(hostAction(host({ registration: 'none' }))).toBe('open');
    expect(hostAction(host({ registration: 'free' }))).toBe('sign-up');
    expect(hostAction(host({ registration: 'member' }))).toBe('join');
    expect(hostAction(host({ registration: 'client' }))).toBe('subscribe');
    expect(hostAction(host({ registration: 'unknown' }))).toBe('open');
  });

  it("with only the organisation's website: join or sign up there, else visit it", () => {
    const site = { id: 's', name: 'S', url: 'https://org.example/', urlSource: 'organization' as const };
    expect(hostAction(host({ registration: 'member', service: site }))).toBe('join');
    expect(hostAction(host({ registration: 'none', service: site }))).toBe('website');
    expect(hostAction(host({ registration: 'unknown', service: site }))).toBe('website');
  });
});

describe('bestHostIndex', () => {
  it('none for no host; else the first of the ranking', () => {
    expect(bestHostIndex([])).toBe(-1);
    expect(bestHostIndex([host({ name: 'A' }), host({ name: 'B' })])).toBe(0);
  });

  it('steps over a closing host or unstated access, within the nearest group only', () => {
    const ending = host({ name: 'Ending', endDate: '2027-01-01' });
    const unknown = host({ name: 'Unknown', registration: 'unknown' });
    const good = host({ name: 'Good', registration: 'member' });
    expect(bestHostIndex([ending, unknown, good])).toBe(2);
    // Nothing better in the nearest group: its first host that is not closing.
    expect(bestHostIndex([ending, unknown, host({ name: 'Far', locality: 'national' })])).toBe(1);
    expect(bestHostIndex([ending, host({ name: 'Far', locality: 'national' })])).toBe(0);
  });
});
