// "Suggest a correction": a structured form (a view of the options page, #correct), a preview of
// exactly the text that would leave the device, and two ways out that send nothing by themselves:
// a link to a pre-filled issue on the project's forge, and "copy". The page is named by its
// hostname only; its full address is added only if the user ticks the box that warns about it.
// Where it helps, the same form also makes the local correction at once on this device.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FORGE, forgeIssueLink } from '../../core/corrections/forge';
import { normaliseHostUrl } from '../../core/corrections/local';
import { REGISTRATIONS } from '../../core/directory/schema';
import {
  ALTERNATIVE_PROBLEMS,
  buildReport,
  CORRECTION_KINDS,
  DETECTION_PROBLEMS,
  formFromRoute,
  formProblems,
  HOST_PROBLEMS,
  hostnameOnly,
  isRegistration,
  LIMITS,
  reportMarkdown,
  type CorrectionForm,
  type CorrectionKind,
  type FormField,
  type FormProblem,
} from '../../core/corrections/report';
import type { CorrectRoute } from '../../core/corrections/route';
import type { CorrectionsState } from '../../core/protocol';
import { ask } from '../../ui/background';
import { lang, t } from '../../ui/i18n';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const KIND_KEYS: Record<CorrectionKind, string> = {
  'wrong-detection': 'correctKindDetection',
  alternative: 'correctKindAlternative',
  'host-info': 'correctKindHostInfo',
  'missing-host': 'correctKindMissingHost',
  other: 'correctKindOther',
};

export const ALTERNATIVE_KEYS: Record<CorrectionForm['alternativeProblem'], string> = {
  missing: 'correctAlternativeMissing',
  wrong: 'correctAlternativeWrong',
};

export const HOST_PROBLEM_KEYS: Record<CorrectionForm['hostProblem'], string> = {
  access: 'correctHostProblemAccess',
  full: 'correctHostProblemFull',
  place: 'correctHostProblemPlace',
  closed: 'correctHostProblemClosed',
  link: 'correctHostProblemLink',
  other: 'correctHostProblemOther',
};

export const REGISTRATION_KEYS: Record<CorrectionForm['registration'], string> = {
  none: 'accessNone',
  free: 'accessFree',
  member: 'accessMember',
  client: 'accessClient',
  unknown: 'accessUnknown',
};

export const PROBLEM_CODE_KEYS: Record<FormProblem['code'], string> = {
  required: 'correctProblemRequired',
  invalid: 'correctProblemInvalid',
  tooLong: 'correctProblemTooLong',
};

/** The page: loads what the form needs (catalogue names, Matou's version), then the form. */
export function CorrectionPage({ route }: { route: CorrectRoute }) {
  const [state, setState] = useState<CorrectionsState | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    document.title = t('correctPageTitle');
    ask({ type: 'get-corrections' }).then(setState, (error: unknown) => setFailed(errorText(error)));
  }, []);
  if (failed) {
    return (
      <main class="options">
        <p role="alert">{t('optionsFailed', [failed])}</p>
      </main>
    );
  }
  if (!state) {
    return (
      <main class="options" aria-busy="true">
        <p class="muted">{t('loading')}</p>
      </main>
    );
  }
  return <CorrectionFormView route={route} context={state} />;
}

function Field({ id, label, help, error, children }: { id: string; label: string; help?: string | null; error?: string | null; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {help ? (
        <p id={`${id}-help`} class="muted">
          {help}
        </p>
      ) : null}
      <p id={`${id}-error`} class="error">
        {error}
      </p>
    </div>
  );
}

const describedBy = (id: string, help: boolean): string => (help ? `${id}-help ${id}-error` : `${id}-error`);

export function CorrectionFormView({ route, context }: { route: CorrectRoute; context: CorrectionsState }) {
  const language = lang();
  const { catalogue } = context;
  const [form, setForm] = useState<CorrectionForm>(() => formFromRoute(route, catalogue));
  const [showProblems, setShowProblems] = useState(false);
  const [urlNote, setUrlNote] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [localDone, setLocalDone] = useState<string | null>(null);
  const previewRef = useRef<HTMLPreElement>(null);
  const set = (change: Partial<CorrectionForm>) => setForm((current) => ({ ...current, ...change }));

  const report = useMemo(() => buildReport(form, { lang: language, version: context.version, catalogue }), [form, language, context.version, catalogue]);
  const link = useMemo(() => forgeIssueLink(report.title, report.body, language), [report, language]);
  const problems = formProblems(form);
  const ready = problems.length === 0;

  const serviceName = (id: string) => catalogue.services.find((s) => s.id === id)?.name ?? id;
  const needLabel = (id: string) => catalogue.categories.find((c) => c.id === id)?.label[language] ?? id;
  const problemFor = (field: FormField): string | null => {
    if (!showProblems) return null;
    const problem = problems.find((p) => p.field === field);
    if (!problem) return null;
    return problemText(problem);
  };
  const invalid = (field: FormField) => (problemFor(field) ? 'true' : undefined);

  async function includeUrl(checked: boolean) {
    set({ includeUrl: checked });
    setUrlNote(null);
    if (!checked || form.pageUrl !== '') return;
    if (route.tab === undefined) {
      setUrlNote(t('correctUrlPaste'));
      return;
    }
    try {
      const { url } = await ask({ type: 'get-page-url', tabId: route.tab });
      if (url) set({ pageUrl: url });
      else setUrlNote(t('correctUrlUnavailable'));
    } catch {
      setUrlNote(t('correctUrlUnavailable'));
    }
  }

  /** The actions stay reachable; while the form is incomplete they say what is missing. */
  function blocked(): boolean {
    if (ready) return false;
    setShowProblems(true);
    setStatus(t('correctIncomplete', [String(problems.length)]));
    const first = problems[0];
    if (first) requestAnimationFrame(() => document.getElementById(`correct-${first.field}`)?.focus());
    return true;
  }

  async function copy(text: string, done: string) {
    if (blocked()) return;
    try {
      await navigator.clipboard.writeText(text);
      setStatus(done);
    } catch {
      // No clipboard (refused, or an old browser): select the preview for Ctrl+C.
      const preview = previewRef.current;
      const selection = getSelection();
      if (preview && selection) {
        selection.selectAllChildren(preview);
        preview.focus();
      }
      setStatus(t('correctCopyFailed'));
    }
  }

  const host = hostnameOnly(form.hostname);
  const exclusionId = form.service && host ? `not:${form.service}@${host}` : null;
  const alreadyExcluded = exclusionId !== null && context.corrections.exclusions.some((e) => e.id === exclusionId);
  const canExclude = form.kind === 'wrong-detection' && form.detection === 'not-this-service' && exclusionId !== null && catalogue.services.some((s) => s.id === form.service);
  const hostUrl = normaliseHostUrl(form.hostUrl);
  const canAddHost = form.kind === 'missing-host' && form.category !== '' && form.hostName.trim() !== '' && hostUrl !== null;

  async function applyLocally() {
    try {
      if (canExclude) {
        await ask({ type: 'add-correction', correction: { kind: 'exclusion', service: form.service, host } });
        setLocalDone(t('correctExcludedDone', [host, serviceName(form.service)]));
      } else if (canAddHost && hostUrl) {
        await ask({
          type: 'add-correction',
          correction: { kind: 'user-host', category: form.category, name: form.hostName, url: hostUrl, registration: form.registration, ...(form.hostPlace.trim() ? { place: form.hostPlace } : {}) },
        });
        setLocalDone(t('correctHostAddedDone', [form.hostName.trim()]));
      }
    } catch (error) {
      setLocalDone(t('actionFailed', [errorText(error)]));
    }
  }

  const needOptions = (
    <>
      <option value="">{t('correctChoose')}</option>
      {catalogue.categories.map((category) => (
        <option key={category.id} value={category.id}>
          {category.label[language]}
        </option>
      ))}
    </>
  );
  const serviceOptions = (none: string) => (
    <>
      <option value="">{none}</option>
      {catalogue.services.map((service) => (
        <option key={service.id} value={service.id}>
          {service.name}
        </option>
      ))}
    </>
  );
  const chars = (text: string) => Array.from(text).length;

  return (
    <main class="options correct">
      <p>
        <a href="index.html#corrections">{t('correctBack')}</a>
      </p>
      <h1>{t('correctTitle')}</h1>
      <p>{t('correctIntro', [FORGE.name])}</p>

      <form class="correct-form" onSubmit={(event) => event.preventDefault()} noValidate>
        <fieldset class="field">
          <legend>{t('correctKindLegend')}</legend>
          {CORRECTION_KINDS.map((kind) => (
            <label key={kind} class="choice">
              <input type="radio" name="correct-kind" value={kind} checked={form.kind === kind} onChange={() => set({ kind })} />
              {t(KIND_KEYS[kind])}
            </label>
          ))}
        </fieldset>

        <Field id="correct-service" label={t('correctService')} error={problemFor('service')}>
          <select id="correct-service" value={form.service} aria-invalid={invalid('service')} aria-describedby="correct-service-error" onChange={(event) => {
            const service = event.currentTarget.value;
            const category = catalogue.services.find((s) => s.id === service)?.category;
            set({ service, ...(category && form.category === '' ? { category } : {}) });
          }}>
            {serviceOptions(t('correctServiceNone'))}
          </select>
        </Field>

        <Field id="correct-hostname" label={t('correctHostname')} help={t('correctHostnameHelp')} error={problemFor('hostname')}>
          <input
            id="correct-hostname"
            type="text"
            inputMode="url"
            spellcheck={false}
            autocomplete="off"
            value={form.hostname}
            aria-invalid={invalid('hostname')}
            aria-describedby={describedBy('correct-hostname', true)}
            onInput={(event) => set({ hostname: event.currentTarget.value })}
            onBlur={(event) => {
              // A pasted address keeps only its hostname: its path and query stay on the device.
              const only = hostnameOnly(event.currentTarget.value);
              if (only) set({ hostname: only });
            }}
          />
        </Field>

        <div class="field privacy">
          <label class="choice">
            <input id="correct-include-url" type="checkbox" checked={form.includeUrl} aria-describedby="correct-include-url-warning" onChange={(event) => void includeUrl(event.currentTarget.checked)} />
            {t('correctIncludeUrl')}
          </label>
          <p id="correct-include-url-warning" class="muted">
            {t('correctIncludeUrlWarning')}
          </p>
          {form.includeUrl ? (
            <Field id="correct-pageUrl" label={t('correctPageUrl')} help={urlNote ?? t('correctPageUrlHelp')} error={problemFor('pageUrl')}>
              <input
                id="correct-pageUrl"
                type="text"
                inputMode="url"
                spellcheck={false}
                autocomplete="off"
                value={form.pageUrl}
                aria-invalid={invalid('pageUrl')}
                aria-describedby={describedBy('correct-pageUrl', true)}
                onInput={(event) => set({ pageUrl: event.currentTarget.value })}
              />
            </Field>
          ) : null}
        </div>

        {form.kind === 'wrong-detection' ? (
          <>
            <fieldset class="field">
              <legend>{t('correctDetectionLegend')}</legend>
              {DETECTION_PROBLEMS.map((detection) => (
                <label key={detection} class="choice">
                  <input type="radio" name="correct-detection" value={detection} checked={form.detection === detection} onChange={() => set({ detection })} />
                  {detection === 'not-this-service'
                    ? t('correctDetectionNotService', [form.service ? serviceName(form.service) : t('correctThisService')])
                    : t('correctDetectionMissed')}
                </label>
              ))}
            </fieldset>
            <Field id="correct-actualService" label={t('correctActualService')}>
              <select id="correct-actualService" value={form.actualService} aria-describedby="correct-actualService-error" onChange={(event) => set({ actualService: event.currentTarget.value })}>
                {serviceOptions(t('correctActualServiceNone'))}
              </select>
            </Field>
          </>
        ) : null}

        {form.kind === 'alternative' ? (
          <>
            <fieldset class="field">
              <legend>{t('correctAlternativeLegend')}</legend>
              {ALTERNATIVE_PROBLEMS.map((problem) => (
                <label key={problem} class="choice">
                  <input type="radio" name="correct-alternative" value={problem} checked={form.alternativeProblem === problem} onChange={() => set({ alternativeProblem: problem })} />
                  {t(ALTERNATIVE_KEYS[problem])}
                </label>
              ))}
            </fieldset>
            <Field id="correct-category" label={t('correctNeed')} error={problemFor('category')}>
              <select id="correct-category" value={form.category} aria-invalid={invalid('category')} aria-describedby="correct-category-error" onChange={(event) => set({ category: event.currentTarget.value })}>
                {needOptions}
              </select>
            </Field>
            <Field id="correct-software" label={t('correctSoftware')} error={problemFor('software')}>
              <input id="correct-software" type="text" list="correct-software-names" maxLength={LIMITS.name} value={form.software} aria-invalid={invalid('software')} aria-describedby="correct-software-error" onInput={(event) => set({ software: event.currentTarget.value })} />
              <datalist id="correct-software-names">
                {catalogue.software.map((software) => (
                  <option key={software.id} value={software.name} />
                ))}
              </datalist>
            </Field>
            {form.alternativeProblem === 'missing' ? (
              <Field id="correct-softwareWebsite" label={t('correctSoftwareWebsite')} error={problemFor('softwareWebsite')}>
                <input id="correct-softwareWebsite" type="text" inputMode="url" spellcheck={false} value={form.softwareWebsite} aria-invalid={invalid('softwareWebsite')} aria-describedby="correct-softwareWebsite-error" onInput={(event) => set({ softwareWebsite: event.currentTarget.value })} />
              </Field>
            ) : null}
            <Field id="correct-note" label={t('correctNote')} help={t('correctCount', [String(chars(form.note)), String(LIMITS.note)])} error={problemFor('note')}>
              <input id="correct-note" type="text" value={form.note} aria-invalid={invalid('note')} aria-describedby={describedBy('correct-note', true)} onInput={(event) => set({ note: event.currentTarget.value })} />
            </Field>
          </>
        ) : null}

        {form.kind === 'host-info' || form.kind === 'missing-host' ? (
          <>
            {form.kind === 'missing-host' ? (
              <Field id="correct-category" label={t('correctNeed')} error={problemFor('category')}>
                <select id="correct-category" value={form.category} aria-invalid={invalid('category')} aria-describedby="correct-category-error" onChange={(event) => set({ category: event.currentTarget.value })}>
                  {needOptions}
                </select>
              </Field>
            ) : null}
            <Field id="correct-hostName" label={t('correctHosterName')} error={problemFor('hostName')}>
              <input id="correct-hostName" type="text" maxLength={LIMITS.name} value={form.hostName} aria-invalid={invalid('hostName')} aria-describedby="correct-hostName-error" onInput={(event) => set({ hostName: event.currentTarget.value })} />
            </Field>
            <Field id="correct-hostUrl" label={form.kind === 'missing-host' ? t('correctHostUrl') : t('correctHostUrlOptional')} error={problemFor('hostUrl')}>
              <input id="correct-hostUrl" type="text" inputMode="url" spellcheck={false} value={form.hostUrl} aria-invalid={invalid('hostUrl')} aria-describedby="correct-hostUrl-error" onInput={(event) => set({ hostUrl: event.currentTarget.value })} />
            </Field>
            {form.kind === 'host-info' ? (
              <Field id="correct-hostProblem" label={t('correctHostProblem')}>
                <select id="correct-hostProblem" value={form.hostProblem} onChange={(event) => set({ hostProblem: event.currentTarget.value as CorrectionForm['hostProblem'] })}>
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
                  <input id="correct-hostPlace" type="text" maxLength={LIMITS.place} value={form.hostPlace} aria-invalid={invalid('hostPlace')} aria-describedby="correct-hostPlace-error" onInput={(event) => set({ hostPlace: event.currentTarget.value })} />
                </Field>
                <Field id="correct-registration" label={t('correctRegistration')}>
                  <select id="correct-registration" value={form.registration} onChange={(event) => {
                    const value = event.currentTarget.value;
                    if (isRegistration(value)) set({ registration: value });
                  }}>
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
        ) : null}

        <Field
          id="correct-details"
          label={form.kind === 'other' || form.kind === 'host-info' ? t('correctDetailsRequired') : t('correctDetails')}
          help={t('correctCount', [String(chars(form.details)), String(LIMITS.details)])}
          error={problemFor('details')}
        >
          <textarea id="correct-details" rows={5} value={form.details} aria-invalid={invalid('details')} aria-describedby={describedBy('correct-details', true)} onInput={(event) => set({ details: event.currentTarget.value })} />
        </Field>
      </form>

      <section aria-labelledby="correct-preview-heading" class="preview">
        <h2 id="correct-preview-heading">{t('correctPreviewTitle')}</h2>
        <p class="muted">{t('correctPreviewExplain')}</p>
        <p class="preview-label">{t('correctPreviewIssueTitle')}</p>
        <pre id="correct-preview-title" class="preview-text">{report.title}</pre>
        <p class="preview-label">{t('correctPreviewBody')}</p>
        <pre id="correct-preview-body" class="preview-text" tabIndex={0} ref={previewRef}>
          {link.body}
        </pre>
        {link.truncated ? <p class="notice">{t('correctTruncated')}</p> : null}
      </section>

      <div class="row actions">
        {ready ? (
          <a id="correct-open-issue" class="button primary" href={link.url} target="_blank" rel="noopener noreferrer">
            {t('correctOpenIssue', [FORGE.name])}
          </a>
        ) : (
          <button id="correct-open-issue" type="button" class="primary" aria-disabled="true" onClick={() => blocked()}>
            {t('correctOpenIssue', [FORGE.name])}
          </button>
        )}
        <button type="button" onClick={() => void copy(reportMarkdown(report), t('correctCopied'))}>
          {t('correctCopy')}
        </button>
        {report.snippet ? (
          <button type="button" onClick={() => void copy(`${report.snippet?.json ?? ''}\n`, t('correctJsonCopied'))}>
            {t('correctCopyJson')}
          </button>
        ) : null}
      </div>
      <p class="muted">{t('correctNothingSent', [FORGE.name])}</p>
      <div role="status" aria-live="polite">
        {status ? <p>{status}</p> : null}
        {showProblems && problems.length > 0 ? (
          <ul class="error">
            {problems.map((problem) => (
              <li key={`${problem.field}-${problem.code}`}>
                <a href={`#correct-${problem.field}`}>{fieldLabel(problem.field)}</a> — {problemText(problem)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {canExclude || canAddHost ? (
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
      ) : null}
    </main>
  );
}

export const FIELD_KEYS: Record<FormField, string> = {
  kind: 'correctKindLegend',
  service: 'correctService',
  hostname: 'correctHostname',
  includeUrl: 'correctIncludeUrl',
  pageUrl: 'correctPageUrl',
  detection: 'correctDetectionLegend',
  actualService: 'correctActualService',
  alternativeProblem: 'correctAlternativeLegend',
  category: 'correctNeed',
  software: 'correctSoftware',
  softwareWebsite: 'correctSoftwareWebsite',
  note: 'correctNote',
  hostName: 'correctHosterName',
  hostUrl: 'correctHostUrl',
  hostPlace: 'correctHostPlace',
  registration: 'correctRegistration',
  hostProblem: 'correctHostProblem',
  details: 'correctDetails',
};

/** The longest a field may be, for "at most N characters". */
function limitFor(field: FormField): number {
  if (field === 'details') return LIMITS.details;
  if (field === 'note') return LIMITS.note;
  if (field === 'hostPlace') return LIMITS.place;
  if (field === 'pageUrl' || field === 'hostUrl' || field === 'softwareWebsite') return LIMITS.url;
  return LIMITS.name;
}

export function problemText(problem: FormProblem): string {
  return t(PROBLEM_CODE_KEYS[problem.code], [String(limitFor(problem.field))]);
}

function fieldLabel(field: FormField): string {
  return t(FIELD_KEYS[field]);
}
