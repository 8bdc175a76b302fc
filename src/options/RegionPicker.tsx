// Where the user is: a country and, in France, a département picked from a searchable list
// ("35 — Ille-et-Vilaine"). Plain form controls: a select for the country, a search field that
// filters a list box of the 101 départements, all usable with the keyboard alone.
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { COUNTRIES, DEPARTEMENTS, foldPlaceName, parseRegion, regionLabel } from '../core/regions';
import { lang, t } from '../ui/i18n';

export interface RegionPickerProps {
  /** The region to start from: the user's, or the one Matou guessed. */
  initial: string;
  /** Prefix for element ids, so that two pickers can live on one page. */
  idPrefix: string;
  saveLabel: string;
  onSave: (code: string) => void | Promise<void>;
  busy?: boolean;
  children?: ComponentChildren;
}

interface Start {
  country: string;
  departement: string;
}

function startFrom(code: string): Start {
  const parsed = parseRegion(code);
  if (!parsed) return { country: 'FR', departement: '' };
  if (parsed.kind === 'departement') return { country: 'FR', departement: parsed.code };
  return { country: parsed.countryCode, departement: '' };
}

/** "35 — Ille-et-Vilaine", as people write it. */
export function departementOption(code: string, name: string): string {
  return `${code} — ${name}`;
}

export function matchesDepartement(query: string, code: string, name: string): boolean {
  const q = foldPlaceName(query);
  if (q === '') return true;
  if (/^[0-9][0-9ab]?[0-9]?$/i.test(q)) return code.toLowerCase().startsWith(q);
  return foldPlaceName(name).includes(q) || foldPlaceName(departementOption(code, name)).includes(q);
}

export function RegionPicker({ initial, idPrefix, saveLabel, onSave, busy, children }: RegionPickerProps) {
  const start = useMemo(() => startFrom(initial), [initial]);
  const [country, setCountry] = useState(start.country);
  const [departement, setDepartement] = useState(start.departement);
  const [query, setQuery] = useState('');
  const language = lang();

  const countries = useMemo(() => {
    const list = COUNTRIES.map((c) => ({ code: c.code, label: c.name[language] }));
    if (!list.some((c) => c.code === start.country))
      list.push({ code: start.country, label: regionLabel(start.country, language) });
    return list;
  }, [language, start.country]);

  const matches = DEPARTEMENTS.filter((d) => matchesDepartement(query, d.code, d.name));
  const id = (name: string) => `${idPrefix}-${name}`;

  function search(value: string) {
    setQuery(value);
    // Keep the list box's choice among what is shown: the first match is chosen as one types.
    const shown = DEPARTEMENTS.filter((d) => matchesDepartement(value, d.code, d.name));
    if (value.trim() !== '' && !shown.some((d) => `FR-${d.code}` === departement)) {
      setDepartement(shown[0] ? `FR-${shown[0].code}` : '');
    }
  }

  return (
    <form
      class="region-picker"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(country === 'FR' && departement ? departement : country);
      }}
    >
      <div class="field">
        <label for={id('country')}>{t('regionCountry')}</label>
        <select
          id={id('country')}
          value={country}
          onChange={(event) => setCountry(event.currentTarget.value)}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {country === 'FR' ? (
        <fieldset class="field">
          <legend>{t('regionDepartement')}</legend>
          <label for={id('search')}>{t('regionDepartementSearch')}</label>
          <input
            id={id('search')}
            type="search"
            autocomplete="off"
            value={query}
            aria-controls={id('departement')}
            aria-describedby={id('count')}
            onInput={(event) => search(event.currentTarget.value)}
          />
          <p id={id('count')} class="muted" aria-live="polite">
            {t('regionDepartementCount', [String(matches.length)])}
          </p>
          <label for={id('departement')}>{t('regionDepartementChoose')}</label>
          <select
            id={id('departement')}
            size={6}
            value={departement}
            onChange={(event) => setDepartement(event.currentTarget.value)}
          >
            <option value="">{t('regionWholeCountry')}</option>
            {matches.map((d) => (
              <option key={d.code} value={`FR-${d.code}`}>
                {departementOption(d.code, d.name)}
              </option>
            ))}
          </select>
        </fieldset>
      ) : null}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {saveLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
