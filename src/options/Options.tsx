// The options page: region (and, on first run, the welcome question), the directory's source
// and refresh, the hosts the user chose, ignored sites, and export/import of every setting as a file.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult, OptionsState } from '../core/protocol';
import { regionLabel } from '../core/regions';
import { isHttpsUrl, REFRESH_MODES, type RefreshMode } from '../core/settings';
import { hasOriginAccess, releaseOriginAccess, requestOriginAccess } from '../platform/permissions';
import { ask } from '../ui/background';
import { DirectoryStatusView } from './DirectoryStatusView';
import { errorText, lang, t } from '../ui/i18n';
import { RegionPicker } from './RegionPicker';
import { parseCorrectRoute } from '../core/corrections/route';
import { parseGuideRoute } from '../core/guides/route';
import { GuidePage } from './guide/GuidePage';
import { CorrectionPage } from './corrections/CorrectionPage';
import { CorrectionsSection } from './corrections/LocalCorrections';
import { MyHostsSection } from './MyHostsSection';
import { useRemoval } from './removal';

export function Options({ hash = '' }: { hash?: string }) {
  // "Suggest a correction" (#correct?…) and the migration guides (#guide?…) are views of this
  // page; main.tsx mounts a new Options when the hash moves between views.
  const correction = parseCorrectRoute(hash);
  if (correction) return <CorrectionPage route={correction} />;
  const guide = parseGuideRoute(hash);
  return guide ? <GuidePage route={guide} /> : <SettingsPage hash={hash} />;
}

function SettingsPage({ hash }: { hash: string }) {
  const [state, setState] = useState<OptionsState | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    ask({ type: 'get-options-state' }).then(setState, (error: unknown) => setFailed(errorText(error)));
  }, []);
  if (failed)
    return (
      <main class="options">
        <p role="alert">{t('optionsFailed', [failed])}</p>
      </main>
    );
  if (!state)
    return (
      <main class="options" aria-busy="true">
        <p class="muted">{t('loading')}</p>
      </main>
    );
  return (
    <OptionsView
      state={state}
      onState={setState}
      welcome={hash === '#welcome' || state.settings.regionPrompt === 'ask'}
    />
  );
}

export function OptionsView({
  state,
  onState,
  welcome,
}: {
  state: OptionsState;
  onState: (state: OptionsState) => void;
  welcome: boolean;
}) {
  const [showWelcome, setShowWelcome] = useState(welcome);
  const [regionNote, setRegionNote] = useState<string | null>(null);
  /** Bumped by an import: the local corrections section reads its list again. */
  const [imports, setImports] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const language = lang();
  const { settings } = state;

  // The page opened at a section (#region, #ignored…): show it once the content exists.
  useEffect(() => {
    const id = location.hash.slice(1);
    if (!welcome && /^[a-z]+$/.test(id)) document.getElementById(id)?.scrollIntoView();
  }, [welcome]);

  async function saveRegion(region: string | null, skipped = false) {
    try {
      const next = await ask({ type: 'set-region', region, skipped });
      onState(next);
      setRegionNote(
        region === null ? t('regionSkippedNote') : t('regionSavedNote', [regionLabel(region, language)]),
      );
    } catch (error) {
      setRegionNote(t('actionFailed', [errorText(error)]));
    }
    if (showWelcome) {
      setShowWelcome(false);
      // The welcome form is gone: the page's heading takes the focus, the note says what happened.
      requestAnimationFrame(() => heading.current?.focus());
    }
  }

  return (
    <main class="options">
      {showWelcome ? (
        <section id="welcome" aria-labelledby="welcome-title" class="welcome">
          <h1 id="welcome-title">{t('welcomeTitle')}</h1>
          <p>{t('welcomeText')}</p>
          <p>{t('welcomeGuess', [regionLabel(state.guessedRegion, language)])}</p>
          <RegionPicker
            idPrefix="welcome"
            initial={settings.region ?? state.guessedRegion}
            saveLabel={t('welcomeSave')}
            onSave={(code) => saveRegion(code)}
          >
            <button type="button" onClick={() => void saveRegion(null, true)}>
              {t('welcomeSkip')}
            </button>
          </RegionPicker>
          <p class="muted">{t('welcomePrivacy')}</p>
        </section>
      ) : (
        <>
          <h1 tabIndex={-1} ref={heading}>
            {t('optionsTitle')}
          </h1>
          <RegionSection state={state} note={regionNote} onSave={(code) => saveRegion(code)} />
          <DirectorySection state={state} onState={onState} />
          <MyHostsSection state={state} onState={onState} />
          <IgnoredSection state={state} onState={onState} />
          <CorrectionsSection reload={imports} />
          <BackupSection onState={onState} onImported={() => setImports((count) => count + 1)} />
        </>
      )}
    </main>
  );
}

function RegionSection({
  state,
  note,
  onSave,
}: {
  state: OptionsState;
  note: string | null;
  onSave: (code: string) => Promise<void>;
}) {
  const language = lang();
  const region = state.settings.region;
  return (
    <section id="region" aria-labelledby="region-title">
      <h2 id="region-title">{t('regionTitle')}</h2>
      <p>
        {region
          ? t('regionCurrent', [regionLabel(region, language)])
          : t('regionNotSet', [regionLabel(state.guessedRegion, language)])}
      </p>
      <p class="muted">{t('regionExplain')}</p>
      <RegionPicker
        idPrefix="region"
        initial={region ?? state.guessedRegion}
        saveLabel={t('regionSave')}
        onSave={onSave}
      />
      <p role="status">{note}</p>
    </section>
  );
}

function DirectorySection({
  state,
  onState,
}: {
  state: OptionsState;
  onState: (state: OptionsState) => void;
}) {
  const { directory } = state.settings;
  const [url, setUrl] = useState(directory.url);
  const [note, setNote] = useState<string | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);

  // Whether Matou may contact the saved address's origin (it downloads nothing where it may not).
  const [access, setAccess] = useState<boolean | null>(null);
  useEffect(() => {
    hasOriginAccess(directory.url).then(setAccess, () => setAccess(null));
  }, [directory.url]);

  /** Runs in the submit or click handler: the permission prompt needs that user gesture. */
  function saveUrl(next: string) {
    if (!isHttpsUrl(next)) {
      setUrlError(t('directoryUrlInvalid'));
      return;
    }
    setUrlError(null);
    setUrl(next);
    const previous = directory.url;
    const granted = requestOriginAccess(next);
    void (async () => {
      try {
        if (!(await granted)) {
          setUrlError(t('directoryPermissionRefused', [new URL(next).origin]));
          return;
        }
        onState(await ask({ type: 'set-directory-source', url: next }));
        setAccess(true);
        if (new URL(previous).origin !== new URL(next).origin) await releaseOriginAccess(previous);
        setNote(t('directoryUrlSaved'));
      } catch (error) {
        setUrlError(t('actionFailed', [errorText(error)]));
      }
    })();
  }

  async function setMode(mode: RefreshMode) {
    try {
      onState(await ask({ type: 'set-refresh-mode', mode }));
      setNote(t('refreshModeSaved'));
    } catch (error) {
      setNote(t('actionFailed', [errorText(error)]));
    }
  }

  return (
    <section id="directory" aria-labelledby="directory-title">
      <h2 id="directory-title">{t('directoryTitle')}</h2>
      <DirectoryStatusView
        status={state.directory}
        refreshMode={directory.refresh}
        onRefresh={async () => {
          const next = await ask({ type: 'refresh-directory' });
          onState(next);
          return next.directory;
        }}
      />
      <fieldset class="field">
        <legend>{t('refreshModeTitle')}</legend>
        {REFRESH_MODES.map((mode) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name="refresh-mode"
              value={mode}
              checked={directory.refresh === mode}
              onChange={() => void setMode(mode)}
            />
            {t(`refreshMode_${mode}`)}
          </label>
        ))}
      </fieldset>
      <form
        class="field"
        onSubmit={(event) => {
          event.preventDefault();
          saveUrl(url.trim());
        }}
      >
        <label for="directory-url">{t('directoryUrlLabel')}</label>
        <input
          id="directory-url"
          type="text"
          inputMode="url"
          autocomplete="url"
          spellcheck={false}
          value={url}
          aria-invalid={urlError ? 'true' : undefined}
          aria-describedby="directory-url-help directory-url-error"
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
        <p id="directory-url-help" class="muted">
          {t('directoryUrlHelp')}
        </p>
        <p id="directory-url-error" class="error" role="alert">
          {urlError}
        </p>
        {access === false ? (
          <p class="error">
            {t('directoryPermissionMissing', [new URL(directory.url).origin])}{' '}
            <button type="button" onClick={() => saveUrl(directory.url)}>
              {t('directoryPermissionAllow')}
            </button>
          </p>
        ) : null}
        <div class="row">
          <button type="submit">{t('directoryUrlSave')}</button>
          {directory.url !== state.defaultDirectoryUrl ? (
            <button type="button" onClick={() => saveUrl(state.defaultDirectoryUrl)}>
              {t('directoryUrlReset')}
            </button>
          ) : null}
        </div>
      </form>
      <p role="status">{note}</p>
    </section>
  );
}

function IgnoredSection({ state, onState }: { state: OptionsState; onState: (state: OptionsState) => void }) {
  const { note, title, remove: removal } = useRemoval();
  const sites = state.settings.ignoredSites;
  const remove = (host: string) =>
    removal(() => ask({ type: 'unignore-site', host }), onState, t('ignoredRemoved', [host]));

  return (
    <section id="ignored" aria-labelledby="ignored-title">
      <h2 id="ignored-title" tabIndex={-1} ref={title}>
        {t('ignoredTitle')}
      </h2>
      {sites.length === 0 ? (
        <p>{t('ignoredNone')}</p>
      ) : (
        <>
          <p class="muted">{t('ignoredExplain')}</p>
          <ul class="sites">
            {sites.map((host) => (
              <li key={host}>
                <span class="host-name">{host}</span>
                <button
                  type="button"
                  aria-label={t('ignoredRemoveLabel', [host])}
                  onClick={() => void remove(host)}
                >
                  {t('ignoredRemove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status">{note}</p>
    </section>
  );
}

export const PROBLEM_KEYS: Record<string, string> = {
  notJson: 'importProblemNotJson',
  notSettings: 'importProblemNotSettings',
  settings: 'importProblemNotSettings',
  version: 'importProblemVersion',
  region: 'importProblemRegion',
  regionPrompt: 'importProblemRegionPrompt',
  directory: 'importProblemDirectory',
  'directory.url': 'importProblemDirectoryUrl',
  'directory.refresh': 'importProblemDirectoryRefresh',
  ignoredSites: 'importProblemIgnoredSites',
  'ignoredSites[]': 'importProblemIgnoredSite',
  corrections: 'importProblemCorrections',
  'corrections.version': 'importProblemVersion',
  'corrections.exclusions': 'importProblemCorrections',
  'corrections.exclusions[]': 'importProblemExclusion',
  'corrections.userHosts': 'importProblemCorrections',
  'corrections.userHosts[]': 'importProblemUserHost',
  myHosts: 'importProblemMyHosts',
  'myHosts.version': 'importProblemVersion',
  'myHosts.hosts': 'importProblemMyHosts',
  'myHosts.hosts[]': 'importProblemMyHost',
};

export function importProblemText(code: string): string {
  const key = PROBLEM_KEYS[code];
  return key ? t(key) : t('importProblemOther', [code]);
}

/** "matou-settings-2026-11-22.json" */
export function exportFileName(now = new Date()): string {
  return `matou-settings-${now.toISOString().slice(0, 10)}.json`;
}

function BackupSection({
  onState,
  onImported,
}: {
  onState: (state: OptionsState) => void;
  onImported: () => void;
}) {
  const [result, setResult] = useState<ImportResult | null>(null);
  const [note, setNote] = useState<string | null>(null);

  async function exportSettings() {
    try {
      const data = await ask({ type: 'export-settings' });
      const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = exportFileName();
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setResult(null);
      setNote(t('exportDone', [link.download]));
    } catch (error) {
      setNote(t('actionFailed', [errorText(error)]));
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setNote(null);
    try {
      if (file.size > 1_000_000) {
        setResult(null);
        setNote(t('importTooLarge'));
        return;
      }
      const answer = await ask({ type: 'import-settings', text: await file.text() });
      onState(await ask({ type: 'get-options-state' }));
      onImported();
      setResult(answer);
    } catch (error) {
      setResult(null);
      setNote(t('actionFailed', [errorText(error)]));
    }
  }

  const nothingRead =
    result !== null &&
    result.problems.some((p) => p === 'notJson' || p === 'notSettings' || p === 'settings');
  return (
    <section id="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p class="muted">{t('backupExplain')}</p>
      <div class="row">
        <button type="button" onClick={() => void exportSettings()}>
          {t('exportButton')}
        </button>
      </div>
      <div class="field">
        <label for="import-file">{t('importLabel')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(event) => void importFile(event.currentTarget.files?.[0])}
        />
      </div>
      <div role="status" class="import-result">
        {note ? <p>{note}</p> : null}
        {result ? (
          <>
            <p>{result.ok ? t('importDone') : nothingRead ? t('importNothing') : t('importPartial')}</p>
            {result.problems.length > 0 ? (
              <ul>
                {result.problems.map((problem) => (
                  <li key={problem}>{importProblemText(problem)}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
