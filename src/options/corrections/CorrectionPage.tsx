// "Suggest a correction": a structured form (a view of the options page, #correct), a preview of
// exactly the text that would leave the device, and two ways out that send nothing by themselves:
// a link to a pre-filled issue on the project's forge, and "copy". The page is named by its
// hostname only; its full address is added only if the user ticks the box that warns about it.
// Where it helps, the same form also makes the local correction at once on this device.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FORGE, forgeIssueLink } from '../../core/corrections/forge';
import {
  buildReport,
  CORRECTION_KINDS,
  formFromRoute,
  formProblems,
  hostnameOnly,
  LIMITS,
  reportMarkdown,
  type CorrectionForm,
  type FormField,
} from '../../core/corrections/report';
import type { CorrectRoute } from '../../core/corrections/route';
import type { CorrectionsState } from '../../core/protocol';
import { ask } from '../../ui/background';
import { errorText, lang, t } from '../../ui/i18n';
import { chars, describedBy, Field, ServiceOptions, type FormParts } from './fields';
import { AlternativeFields, DetectionFields, HostFields } from './kinds';
import { LocalOffer } from './LocalOffer';
import { fieldLabel, KIND_KEYS, problemText } from './labels';

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

export function CorrectionFormView({ route, context }: { route: CorrectRoute; context: CorrectionsState }) {
  const language = lang();
  const { catalogue } = context;
  const [form, setForm] = useState<CorrectionForm>(() => formFromRoute(route, catalogue));
  const [showProblems, setShowProblems] = useState(false);
  const [urlNote, setUrlNote] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const previewRef = useRef<HTMLPreElement>(null);
  const set = (change: Partial<CorrectionForm>) => setForm((current) => ({ ...current, ...change }));

  const report = useMemo(
    () => buildReport(form, { lang: language, version: context.version, catalogue }),
    [form, language, context.version, catalogue],
  );
  const link = useMemo(() => forgeIssueLink(report.title, report.body, language), [report, language]);
  const problems = formProblems(form);
  const ready = problems.length === 0;

  const serviceName = (id: string) => catalogue.services.find((s) => s.id === id)?.name ?? id;
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

  const parts: FormParts = { form, set, catalogue, language, problemFor, invalid, serviceName };

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
              <input
                type="radio"
                name="correct-kind"
                value={kind}
                checked={form.kind === kind}
                onChange={() => set({ kind })}
              />
              {t(KIND_KEYS[kind])}
            </label>
          ))}
        </fieldset>

        <Field id="correct-service" label={t('correctService')} error={problemFor('service')}>
          <select
            id="correct-service"
            value={form.service}
            aria-invalid={invalid('service')}
            aria-describedby="correct-service-error"
            onChange={(event) => {
              const service = event.currentTarget.value;
              const category = catalogue.services.find((s) => s.id === service)?.category;
              set({ service, ...(category && form.category === '' ? { category } : {}) });
            }}
          >
            <ServiceOptions parts={parts} none={t('correctServiceNone')} />
          </select>
        </Field>

        <Field
          id="correct-hostname"
          label={t('correctHostname')}
          help={t('correctHostnameHelp')}
          error={problemFor('hostname')}
        >
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
            <input
              id="correct-include-url"
              type="checkbox"
              checked={form.includeUrl}
              aria-describedby="correct-include-url-warning"
              onChange={(event) => void includeUrl(event.currentTarget.checked)}
            />
            {t('correctIncludeUrl')}
          </label>
          <p id="correct-include-url-warning" class="muted">
            {t('correctIncludeUrlWarning')}
          </p>
          {form.includeUrl ? (
            <Field
              id="correct-pageUrl"
              label={t('correctPageUrl')}
              help={urlNote ?? t('correctPageUrlHelp')}
              error={problemFor('pageUrl')}
            >
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

        {form.kind === 'wrong-detection' ? <DetectionFields parts={parts} /> : null}
        {form.kind === 'alternative' ? <AlternativeFields parts={parts} /> : null}
        {form.kind === 'host-info' || form.kind === 'missing-host' ? <HostFields parts={parts} /> : null}

        <Field
          id="correct-details"
          label={
            form.kind === 'other' || form.kind === 'host-info'
              ? t('correctDetailsRequired')
              : t('correctDetails')
          }
          help={t('correctCount', [String(chars(form.details)), String(LIMITS.details)])}
          error={problemFor('details')}
        >
          <textarea
            id="correct-details"
            rows={5}
            value={form.details}
            aria-invalid={invalid('details')}
            aria-describedby={describedBy('correct-details', true)}
            onInput={(event) => set({ details: event.currentTarget.value })}
          />
        </Field>
      </form>

      <section aria-labelledby="correct-preview-heading" class="preview">
        <h2 id="correct-preview-heading">{t('correctPreviewTitle')}</h2>
        <p class="muted">{t('correctPreviewExplain')}</p>
        <p class="preview-label">{t('correctPreviewIssueTitle')}</p>
        <pre id="correct-preview-title" class="preview-text">
          {report.title}
        </pre>
        <p class="preview-label">{t('correctPreviewBody')}</p>
        <pre id="correct-preview-body" class="preview-text" tabIndex={0} ref={previewRef}>
          {link.body}
        </pre>
        {link.truncated ? <p class="notice">{t('correctTruncated')}</p> : null}
      </section>

      <div class="row actions">
        {ready ? (
          <a
            id="correct-open-issue"
            class="button primary"
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('correctOpenIssue', [FORGE.name])}
          </a>
        ) : (
          <button
            id="correct-open-issue"
            type="button"
            class="primary"
            aria-disabled="true"
            onClick={() => blocked()}
          >
            {t('correctOpenIssue', [FORGE.name])}
          </button>
        )}
        <button type="button" onClick={() => void copy(reportMarkdown(report), t('correctCopied'))}>
          {t('correctCopy')}
        </button>
        {report.snippet ? (
          <button
            type="button"
            onClick={() => void copy(`${report.snippet?.json ?? ''}\n`, t('correctJsonCopied'))}
          >
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

      <LocalOffer parts={parts} corrections={context.corrections} />
    </main>
  );
}
