// A host's place in words, finest first, in the UI language.
import { describe, expect, it } from 'vitest';
import { placeLabel } from '../../../../src/core/regions';

describe('placeLabel', () => {
  it('puts a place in words, finest first', () => {
    expect(
      placeLabel(
        {
          countryCode: 'FR',
          departement: 'FR-29',
          region: 'FR-BRE',
          city: 'Brest',
          known: true,
          precision: 'departement',
        },
        'fr',
      ),
    ).toBe('Brest, Finistère (29)');
    expect(placeLabel({ countryCode: 'FR', region: 'FR-BRE', known: true, precision: 'region' }, 'en')).toBe(
      'Brittany',
    );
    expect(placeLabel({ countryCode: 'BE', city: 'Liège', known: true, precision: 'country' }, 'fr')).toBe(
      'Liège, Belgique',
    );
    expect(placeLabel({ known: false, precision: 'unknown' }, 'fr')).toBeNull();
    expect(
      placeLabel(
        { countryCode: 'FR', departement: 'FR-75', city: 'Paris', known: true, precision: 'departement' },
        'fr',
      ),
    ).toBe('Paris (75)');
  });

  it('reads département and région codes written without their country', () => {
    expect(
      placeLabel({ countryCode: 'FR', departement: '35', known: true, precision: 'departement' }, 'fr'),
    ).toBe('Ille-et-Vilaine (35)');
    expect(
      placeLabel({ countryCode: 'FR', region: 'BRE', city: ' ', known: true, precision: 'region' }, 'fr'),
    ).toBe('Bretagne');
  });
});
