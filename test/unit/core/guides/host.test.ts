/** @vitest-environment node */
import { describe, expect, it } from 'vitest';
import { hostGuideOf } from '../../../../src/core/guides';

const host = (service: object, organization: object = {}) => ({ organization: { name: 'Infini', ...organization }, service: { id: 'mail', ...service } });

describe('the chosen host’s own user guide', () => {
  it('takes the service’s guide first, then the organisation’s', () => {
    expect(hostGuideOf(host({ guide: { user: 'https://infini.fr/aide/mail' } }, { guide: { user: 'https://infini.fr/aide' } }))).toEqual({ name: 'Infini', guideUrl: 'https://infini.fr/aide/mail' });
    expect(hostGuideOf(host({}, { guide: { user: 'https://infini.fr/aide' } }))).toEqual({ name: 'Infini', guideUrl: 'https://infini.fr/aide' });
  });

  it('gives nothing for a host without one, or with an address that is not https', () => {
    expect(hostGuideOf(host({}))).toBeNull();
    expect(hostGuideOf(undefined)).toBeNull();
    for (const user of ['http://infini.fr/aide', 'javascript:alert(1)', 'aide', 42, `https://infini.fr/${'a'.repeat(2100)}`]) {
      expect(hostGuideOf(host({ guide: { user } })), String(user).slice(0, 40)).toBeNull();
    }
  });
});
