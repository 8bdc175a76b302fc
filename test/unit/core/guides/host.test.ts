/** @vitest-environment node */
import { describe, expect, it } from 'vitest';
import { hostGuideOf } from '../../../../src/core/guides';
import type { RankedHost } from '../../../../src/core/directory';

type Host = Pick<RankedHost, 'organization' | 'service'>;
const host = (service: Partial<Host['service']>, organization: Partial<Host['organization']> = {}): Host => ({
  organization: { id: 'infini', name: 'Infini', ...organization },
  service: { id: 'mail', name: 'Mail', url: 'https://mail.infini.fr/', urlSource: 'service', ...service },
});

describe('the chosen host’s own user guide', () => {
  it("takes the service’s guide first, then the organisation’s (the directory's guideUrl facts)", () => {
    expect(
      hostGuideOf(host({ guideUrl: 'https://infini.fr/aide/mail' }, { guideUrl: 'https://infini.fr/aide' })),
    ).toEqual({ name: 'Infini', guideUrl: 'https://infini.fr/aide/mail' });
    expect(hostGuideOf(host({}, { guideUrl: 'https://infini.fr/aide' }))).toEqual({
      name: 'Infini',
      guideUrl: 'https://infini.fr/aide',
    });
  });

  it('gives nothing for a host without one, or with an address that is not https', () => {
    expect(hostGuideOf(host({}))).toBeNull();
    expect(hostGuideOf(undefined)).toBeNull();
    for (const guideUrl of [
      'http://infini.fr/aide',
      'javascript:alert(1)',
      'aide',
      'infini.fr/aide',
      `https://infini.fr/${'a'.repeat(2100)}`,
    ]) {
      expect(hostGuideOf(host({ guideUrl })), guideUrl.slice(0, 40)).toBeNull();
    }
  });
});
