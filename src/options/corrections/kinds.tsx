// The part of the correction form that depends on the kind of correction: a wrong detection, a
// missing or wrong free software, a host's information or a missing host. ("Other" has none.)
import {
  ALTERNATIVE_PROBLEMS,
  DETECTION_PROBLEMS,
  HOST_PROBLEMS,
  isRegistration,
  LIMITS,
  type CorrectionForm,
} from '../../core/corrections/report';
import { REGISTRATIONS } from '../../core/directory/schema';
import { t } from '../../ui/i18n';
import { chars, describedBy, Field, NeedField, ServiceOptions, type FormParts } from './fields';
import { ALTERNATIVE_KEYS, HOST_PROBLEM_KEYS, REGISTRATION_KEYS } from './labels';

export function DetectionFields({ parts }: { parts: FormParts }) {
  const { form, set, serviceName } = parts;
  return (
    <>
      <fieldset class="field">
        <legend>{t('correctDetectionLegend')}</legend>
        {DETECTION_PROBLEMS.map((detection) => (
          <label key={detection} class="choice">
            <input
              type="radio"
              name="correct-detection"
              value={detection}
              checked={form.detection === detection}
              onChange={() => set({ detection })}
            />
            {detection === 'not-this-service'
              ? t('correctDetectionNotService', [
                  form.service ? serviceName(form.service) : t('correctThisService'),
                ])
              : t('correctDetectionMissed')}
          </label>
        ))}
      </fieldset>
      <Field id="correct-actualService" label={t('correctActualService')}>
        <select
          id="correct-actualService"
          value={form.actualService}
          aria-describedby="correct-actualService-error"
          onChange={(event) => set({ actualService: event.currentTarget.value })}
        >
          <ServiceOptions parts={parts} none={t('correctActualServiceNone')} />
        </select>
      </Field>
    </>
  );
}

export function AlternativeFields({ parts }: { parts: FormParts }) {
  const { form, set, catalogue, problemFor, invalid } = parts;
  return (
    <>
      <fieldset class="field">
        <legend>{t('correctAlternativeLegend')}</legend>
        {ALTERNATIVE_PROBLEMS.map((problem) => (
          <label key={problem} class="choice">
            <input
              type="radio"
              name="correct-alternative"
              value={problem}
              checked={form.alternativeProblem === problem}
              onChange={() => set({ alternativeProblem: problem })}
            />
            {t(ALTERNATIVE_KEYS[problem])}
          </label>
        ))}
      </fieldset>
      <NeedField parts={parts} />
      <Field id="correct-software" label={t('correctSoftware')} error={problemFor('software')}>
        <input
          id="correct-software"
          type="text"
          list="correct-software-names"
          maxLength={LIMITS.name}
          value={form.software}
          aria-invalid={invalid('software')}
          aria-describedby="correct-software-error"
          onInput={(event) => set({ software: event.currentTarget.value })}
        />
        <datalist id="correct-software-names">
          {catalogue.software.map((software) => (
            <option key={software.id} value={software.name} />
          ))}
        </datalist>
      </Field>
      {form.alternativeProblem === 'missing' ? (
        <Field
          id="correct-softwareWebsite"
          label={t('correctSoftwareWebsite')}
          error={problemFor('softwareWebsite')}
        >
          <input
            id="correct-softwareWebsite"
            type="text"
            inputMode="url"
            spellcheck={false}
            value={form.softwareWebsite}
            aria-invalid={invalid('softwareWebsite')}
            aria-describedby="correct-softwareWebsite-error"
            onInput={(event) => set({ softwareWebsite: event.currentTarget.value })}
          />
        </Field>
      ) : null}
      <Field
        id="correct-note"
        label={t('correctNote')}
        help={t('correctCount', [String(chars(form.note)), String(LIMITS.note)])}
        error={problemFor('note')}
      >
        <input
          id="correct-note"
          type="text"
          value={form.note}
          aria-invalid={invalid('note')}
          aria-describedby={describedBy('correct-note', true)}
          onInput={(event) => set({ note: event.currentTarget.value })}
        />
      </Field>
    </>
  );
}

/** A host's information (`host-info`) or a host the catalogue lacks (`missing-host`). */
export function HostFields({ parts }: { parts: FormParts }) {
  const { form, set, problemFor, invalid } = parts;
  return (
    <>
      {form.kind === 'missing-host' ? <NeedField parts={parts} /> : null}
      <Field id="correct-hostName" label={t('correctHosterName')} error={problemFor('hostName')}>
        <input
          id="correct-hostName"
          type="text"
          maxLength={LIMITS.name}
          value={form.hostName}
          aria-invalid={invalid('hostName')}
          aria-describedby="correct-hostName-error"
          onInput={(event) => set({ hostName: event.currentTarget.value })}
        />
      </Field>
      <Field
        id="correct-hostUrl"
        label={form.kind === 'missing-host' ? t('correctHostUrl') : t('correctHostUrlOptional')}
        error={problemFor('hostUrl')}
      >
        <input
          id="correct-hostUrl"
          type="text"
          inputMode="url"
          spellcheck={false}
          value={form.hostUrl}
          aria-invalid={invalid('hostUrl')}
          aria-describedby="correct-hostUrl-error"
          onInput={(event) => set({ hostUrl: event.currentTarget.value })}
        />
      </Field>
      {form.kind === 'host-info' ? (
        <Field id="correct-hostProblem" label={t('correctHostProblem')}>
          <select
            id="correct-hostProblem"
            value={form.hostProblem}
            onChange={(event) =>
              set({ hostProblem: event.currentTarget.value as CorrectionForm['hostProblem'] })
            }
          >
            {HOST_PROBLEMS.map((problem) => (
              <option key={problem} value={problem}>
                {t(HOST_PROBLEM_KEYS[problem])}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <>
          <Field id="correct-hostPlace" label={t('correctHostPlace')} error={problemFor('hostPlace')}>
            <input
              id="correct-hostPlace"
              type="text"
              maxLength={LIMITS.place}
              value={form.hostPlace}
              aria-invalid={invalid('hostPlace')}
              aria-describedby="correct-hostPlace-error"
              onInput={(event) => set({ hostPlace: event.currentTarget.value })}
            />
          </Field>
          <Field id="correct-registration" label={t('correctRegistration')}>
            <select
              id="correct-registration"
              value={form.registration}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isRegistration(value)) set({ registration: value });
              }}
            >
              {REGISTRATIONS.map((registration) => (
                <option key={registration} value={registration}>
                  {t(REGISTRATION_KEYS[registration])}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      <p class="notice">{t('correctDirectoryNote')}</p>
    </>
  );
}
