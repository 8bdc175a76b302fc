/** @vitest-environment node */
import { describe, expect, it } from 'vitest';
import { guideRoute, parseGuideRoute } from '../../../../src/core/guides';

describe('the guide route (#guide?service=…&tab=…)', () => {
  it('goes there and back', () => {
    expect(guideRoute({ service: 'gmail', tab: 12 })).toBe('#guide?service=gmail&tab=12');
    expect(parseGuideRoute('#guide?service=gmail&tab=12')).toEqual({ service: 'gmail', tab: 12 });
    expect(parseGuideRoute(guideRoute({ service: 'google-docs' }))).toEqual({ service: 'google-docs' });
  });

  it('is not the correction form, the settings, or a malformed service', () => {
    for (const hash of [
      '',
      '#region',
      '#correct?service=gmail',
      '#guide',
      '#guide?',
      '#guide?service=',
      '#guide?service=Gmail',
      '#guide?service=../x',
      `#guide?service=${'a'.repeat(81)}`,
    ]) {
      expect(parseGuideRoute(hash), hash).toBeNull();
    }
  });

  it('drops a tab that is not a tab id', () => {
    expect(parseGuideRoute('#guide?service=zoom&tab=-1')).toEqual({ service: 'zoom' });
    expect(parseGuideRoute('#guide?service=zoom&tab=abc')).toEqual({ service: 'zoom' });
  });
});
