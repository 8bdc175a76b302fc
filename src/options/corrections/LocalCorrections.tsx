// The options page's "Local corrections" section: what the user told Matou on this device
// ("this page is not <service>", hosts they know), each removable, a form to add a host they
// know, and the way to the correction form. Kept under their own storage key: a directory
// refresh or an update never changes them; export and import carry them.
import { useEffect, useState } from 'preact/hooks';
import {
  cleanLine,
  MAX_HOST_NAME,
  MAX_PLACE,
  normaliseHostUrl,
  type UserHost,
} from '../../core/corrections/local';
import { isRegistration } from '../../core/corrections/report';
import { REGISTRATIONS } from '../../core/directory/schema';
import { correctRoute } from '../../core/corrections/route';
import type { CorrectionsState } from '../../core/protocol';
import { ask } from '../../ui/background';
import { errorText, lang, t } from '../../ui/i18n';
import { ExternalLink } from '../../ui/links';
import { REGISTRATION_KEYS } from './labels';
import { useRemoval } from '../removal';

/** `reload` changes when the corrections may have changed elsewhere on the page (an import). */
export function CorrectionsSection({ reload = 0 }: { reload?: number }) {
  const [state, setState] = useState<CorrectionsState | null>(null);
  const { note, setNote, title, remove: removal } = useRemoval();

  useEffect(() => {
    ask({ type: 'get-corrections' }).then(setState, (error: unknown) =>
      setNote(t('actionFailed', [errorText(error)])),
    );
  }, [reload]);

  const remove = (id: string, what: string) =>
    removal(() => ask({ type: 'remove-correction', id }), setState, t('localCorrectionRemoved', [what]));

  const language = lang();
  const serviceName = (id: string) => state?.catalogue.services.find((s) => s.id === id)?.name ?? id;
  const needLabel = (id: string) =>
    state?.catalogue.categories.find((c) => c.id === id)?.label[language] ?? id;
  const exclusions = state?.corrections.exclusions ?? [];
  const userHosts = state?.corrections.userHosts ?? [];

  return (
    <section id="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title" tabIndex={-1} ref={title}>
        {t('localCorrectionsTitle')}
      </h2>
      <p class="muted">{t('localCorrectionsExplain')}</p>

      <h3>{t('exclusionsTitle')}</h3>
      {exclusions.length === 0 ? (
        <p>{t('exclusionsNone')}</p>
      ) : (
        <ul class="sites">
          {exclusions.map((exclusion) => {
            const where = `${exclusion.host}${exclusion.path ?? ''}`;
            const what = t('exclusionText', [where, serviceName(exclusion.service)]);
            return (
              <li key={exclusion.id}>
                <span>
                  <span class="host-name">{where}</span> —{' '}
                  {t('exclusionNot', [serviceName(exclusion.service)])}
                </span>
                <button
                  type="button"
                  aria-label={t('localCorrectionRemoveLabel', [what])}
                  onClick={() => void remove(exclusion.id, what)}
                >
                  {t('localCorrectionRemove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <h3>{t('userHostsTitle')}</h3>
      {userHosts.length === 0 ? (
        <p>{t('userHostsNone')}</p>
      ) : (
        <ul class="sites">
          {userHosts.map((host) => (
            <li key={host.id}>
              <span>
                <strong>{host.name}</strong> — {needLabel(host.category)} —{' '}
                {t(REGISTRATION_KEYS[host.registration])}
                {host.place ? ` — ${host.place}` : ''}
                <br />
                <ExternalLink class="host-name" href={host.url}>
                  {host.url}
                </ExternalLink>
              </span>
              <button
                type="button"
                aria-label={t('localCorrectionRemoveLabel', [host.name])}
                onClick={() => void remove(host.id, host.name)}
              >
                {t('localCorrectionRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {state ? (
        <AddHostForm
          state={state}
          onAdded={(next, host) => {
            setState(next);
            setNote(t('userHostAdded', [host.name, needLabel(host.category)]));
          }}
        />
      ) : null}
      <p role="status">{note}</p>
      <p>
        {t('localCorrectionsReport')} <a href={`index.html${correctRoute({})}`}>{t('suggestCorrection')}</a>
      </p>
    </section>
  );
}

function AddHostForm({
  state,
  onAdded,
}: {
  state: CorrectionsState;
  onAdded: (state: CorrectionsState, host: UserHost) => void;
}) {
  const language = lang();
  const [category, setCategory] = useState('');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [place, setPlace] = useState('');
  const [registration, setRegistration] = useState<UserHost['registration']>('unknown');
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const cleanName = cleanLine(name, MAX_HOST_NAME);
    const cleanUrl = normaliseHostUrl(url);
    if (!category || !cleanName || !cleanUrl || (place.trim() !== '' && !cleanLine(place, MAX_PLACE))) {
      setError(t('userHostInvalid'));
      return;
    }
    setError(null);
    try {
      const next = await ask({
        type: 'add-correction',
        correction: {
          kind: 'user-host',
          category,
          name: cleanName,
          url: cleanUrl,
          registration,
          ...(place.trim() ? { place: place.trim() } : {}),
        },
      });
      const added = next.corrections.userHosts.find(
        (host) => host.url === cleanUrl && host.category === category,
      );
      if (added) onAdded(next, added);
      setName('');
      setUrl('');
      setPlace('');
    } catch (failure) {
      setError(t('actionFailed', [errorText(failure)]));
    }
  }

  return (
    <form
      class="add-host"
      aria-labelledby="add-host-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="add-host-title">{t('userHostAddTitle')}</h3>
      <p class="muted">{t('userHostAddExplain')}</p>
      <div class="field">
        <label for="add-host-need">{t('correctNeed')}</label>
        <select
          id="add-host-need"
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value)}
        >
          <option value="">{t('correctChoose')}</option>
          {state.catalogue.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label[language]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="add-host-name">{t('correctHosterName')}</label>
        <input
          id="add-host-name"
          type="text"
          maxLength={MAX_HOST_NAME}
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="add-host-url">{t('correctHostUrl')}</label>
        <input
          id="add-host-url"
          type="text"
          inputMode="url"
          spellcheck={false}
          value={url}
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="add-host-registration">{t('correctRegistration')}</label>
        <select
          id="add-host-registration"
          value={registration}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isRegistration(value)) setRegistration(value);
          }}
        >
          {REGISTRATIONS.map((value) => (
            <option key={value} value={value}>
              {t(REGISTRATION_KEYS[value])}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="add-host-place">{t('userHostPlaceOptional')}</label>
        <input
          id="add-host-place"
          type="text"
          maxLength={MAX_PLACE}
          value={place}
          onInput={(event) => setPlace(event.currentTarget.value)}
        />
      </div>
      <p class="error" role="alert">
        {error}
      </p>
      <div class="row">
        <button type="submit">{t('userHostAddButton')}</button>
      </div>
    </form>
  );
}
