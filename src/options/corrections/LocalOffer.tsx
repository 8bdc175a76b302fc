// Where the correction can also apply at once on this device: "this page is not <service>" (a
// wrong detection) or "a host I know" (a missing host), offered under the form.
import { useState } from 'preact/hooks';
import { exclusionId, normaliseHostUrl, type LocalCorrections } from '../../core/corrections/local';
import { hostnameOnly } from '../../core/corrections/report';
import { ask } from '../../ui/background';
import { errorText, t } from '../../ui/i18n';
import type { FormParts } from './fields';

export function LocalOffer({ parts, corrections }: { parts: FormParts; corrections: LocalCorrections }) {
  const { form, catalogue, language, serviceName } = parts;
  const [localDone, setLocalDone] = useState<string | null>(null);
  const needLabel = (id: string) => catalogue.categories.find((c) => c.id === id)?.label[language] ?? id;
  const host = hostnameOnly(form.hostname);
  const excludes = form.service && host ? exclusionId(form.service, host) : null;
  const alreadyExcluded = excludes !== null && corrections.exclusions.some((e) => e.id === excludes);
  const canExclude =
    form.kind === 'wrong-detection' &&
    form.detection === 'not-this-service' &&
    excludes !== null &&
    catalogue.services.some((s) => s.id === form.service);
  const hostUrl = normaliseHostUrl(form.hostUrl);
  const canAddHost =
    form.kind === 'missing-host' && form.category !== '' && form.hostName.trim() !== '' && hostUrl !== null;

  async function applyLocally() {
    try {
      if (canExclude) {
        await ask({ type: 'add-correction', correction: { kind: 'exclusion', service: form.service, host } });
        setLocalDone(t('correctExcludedDone', [host, serviceName(form.service)]));
      } else if (canAddHost && hostUrl) {
        await ask({
          type: 'add-correction',
          correction: {
            kind: 'user-host',
            category: form.category,
            name: form.hostName,
            url: hostUrl,
            registration: form.registration,
            ...(form.hostPlace.trim() ? { place: form.hostPlace } : {}),
          },
        });
        setLocalDone(t('correctHostAddedDone', [form.hostName.trim()]));
      }
    } catch (error) {
      setLocalDone(t('actionFailed', [errorText(error)]));
    }
  }

  if (!canExclude && !canAddHost) return null;
  return (
    <section aria-labelledby="correct-local-heading" class="local">
      <h2 id="correct-local-heading">{t('correctLocalTitle')}</h2>
      {canExclude ? (
        alreadyExcluded && localDone === null ? (
          <p>{t('correctAlreadyExcluded', [host, serviceName(form.service)])}</p>
        ) : (
          <>
            <p class="muted">{t('correctExcludeExplain')}</p>
            <button type="button" onClick={() => void applyLocally()}>
              {t('correctExcludeButton', [host, serviceName(form.service)])}
            </button>
          </>
        )
      ) : (
        <>
          <p class="muted">{t('correctAddHostExplain', [needLabel(form.category)])}</p>
          <button type="button" onClick={() => void applyLocally()}>
            {t('correctAddHostButton')}
          </button>
        </>
      )}
      <p role="status">
        {localDone}
        {localDone ? (
          <>
            {' '}
            <a href="index.html#corrections">{t('correctSeeLocal')}</a>
          </>
        ) : null}
      </p>
    </section>
  );
}
