// The popup, answer first: what Matou found on this tab in one line, then the best CHATONS host
// for this person (or the one they chose) with one clear action, the guide to move, the other
// hosts, the free software, and in the footer the ways to make Matou quiet here. Everything it
// shows comes from the background's PopupState; it never looks at the catalogue or the directory.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DirectoryStatus, PopupState } from '../core/protocol';
import { ask } from '../ui/background';
import { DirectoryLine } from './DirectoryLine';
import { errorText, pick, t } from '../ui/i18n';
import { ExternalLink } from '../ui/links';
import { Hosts, LeadHost, MyHost, type Choosing } from './Hosts';
import { correctRoute } from '../core/corrections/route';
import { UserHosts } from './UserHosts';
import { guideRoute } from '../core/guides/route';
import { GuideLink } from './GuideLink';

/** The options page, relative to this page (both live under src/ in every build). */
export const OPTIONS_PAGE = '../options/index.html';

type View =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'failed'; reason: string }
  | { kind: 'ready'; state: PopupState };

function OptionsLink({ section, children }: { section: string; children: ComponentChildren }) {
  return (
    <a href={`${OPTIONS_PAGE}#${section}`} target="_blank" rel="noopener">
      {children}
    </a>
  );
}

/** The tab's state: already asked (`state`, see early.ts), or asked as soon as the tab is known. */
function load(tabId: Promise<number | null>, state?: Promise<PopupState | null>): Promise<View> {
  const answer =
    state ?? tabId.then((id) => (id === null ? null : ask({ type: 'get-popup-state', tabId: id })));
  return answer.then(
    (ready): View => (ready === null ? { kind: 'no-tab' } : { kind: 'ready', state: ready }),
    (error: unknown): View => ({ kind: 'failed', reason: errorText(error) }),
  );
}

export function Popup({
  tabId,
  state,
}: {
  tabId: Promise<number | null>;
  state?: Promise<PopupState | null>;
}) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  // Asked during the first render at the latest, not in an effect: effects run after the first
  // paint, and the background's answer is what the popup waits for.
  const [answer] = useState(() => load(tabId, state));

  useEffect(() => {
    let live = true;
    void answer.then((next) => {
      if (live) setView(next);
    });
    return () => {
      live = false;
    };
  }, [answer]);

  if (view.kind === 'loading') {
    return (
      <main class="popup" aria-busy="true">
        <p class="muted">{t('loading')}</p>
      </main>
    );
  }
  if (view.kind !== 'ready') {
    return (
      <main class="popup">
        <h1>{t('popupNothingTitle')}</h1>
        <p>{view.kind === 'failed' ? t('popupFailed', [view.reason]) : t('popupNothingHere')}</p>
        <p>
          <OptionsLink section="region">{t('openSettings')}</OptionsLink>
        </p>
      </main>
    );
  }
  return <PopupView state={view.state} onState={(state) => setView({ kind: 'ready', state })} />;
}

export function PopupView({ state, onState }: { state: PopupState; onState: (state: PopupState) => void }) {
  const { detection } = state;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const leadRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function silence(kind: 'snooze-site' | 'ignore-site') {
    if (!detection) return;
    await act(() => ask({ type: kind, host: detection.host, tabId: state.tabId }));
  }

  /** One action at a time (silence, "not <service>", "I use this one" and their undo): the new state, or why not. */
  async function act(change: () => Promise<PopupState>, focusLead = false) {
    setBusy(true);
    try {
      const next = await change();
      setNotice(null);
      onState(next);
      // The button that was clicked is gone: the card that replaced it takes the focus.
      if (focusLead) requestAnimationFrame(() => leadRef.current?.focus());
    } catch (error) {
      setNotice(t('actionFailed', [errorText(error)]));
    } finally {
      setBusy(false);
    }
  }

  const choosing: Choosing = {
    busy,
    choose: (host) =>
      void act(
        () =>
          ask({
            type: 'choose-host',
            tabId: state.tabId,
            organization: host.organization.id,
            service: host.service.id,
          }),
        true,
      ),
  };

  // The silence buttons disappear once used: keep the keyboard focus on what replaced them.
  const silenced = detection?.silenced ?? null;
  const excluded = state.excludedBy;
  useEffect(() => {
    if ((silenced || excluded) && document.activeElement === document.body) noticeRef.current?.focus();
  }, [silenced, excluded]);

  async function refreshDirectory(): Promise<DirectoryStatus> {
    const options = await ask({ type: 'refresh-directory' });
    onState(await ask({ type: 'get-popup-state', tabId: state.tabId }));
    return options.directory;
  }

  const needLabel = detection ? pick(detection.category.label) : '';
  return (
    <main class="popup">
      {detection ? (
        <header class="service-line">
          <h1>{detection.service.name}</h1>
          <p class="need">{t('popupNeed', [needLabel])}</p>
        </header>
      ) : (
        <header>
          <h1>{t('popupNothingTitle')}</h1>
          <p>{t('popupNotCatalogued')}</p>
        </header>
      )}

      {excluded ? (
        <div class="notice" role="status" tabIndex={-1} ref={noticeRef}>
          <p>{t('excludedNotice', [`${excluded.host}${excluded.path ?? ''}`, excluded.service.name])}</p>
          <div class="row">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void act(() => ask({ type: 'undo-exclusion', id: excluded.id, tabId: state.tabId }))
              }
            >
              {t('excludedUndo')}
            </button>
            <OptionsLink
              section={correctRoute({
                kind: 'wrong-detection',
                service: excluded.service.id,
                host: excluded.host,
                tab: state.tabId,
              }).slice(1)}
            >
              {t('excludedReport')}
            </OptionsLink>
          </div>
        </div>
      ) : null}
      {detection && silenced !== null ? (
        <p class="notice" role="status" tabIndex={-1} ref={noticeRef}>
          {silenced === 'snoozed'
            ? t('snoozedNotice', [detection.host])
            : t('ignoredNotice', [detection.host])}{' '}
          {silenced === 'ignored' ? <OptionsLink section="ignored">{t('ignoredUndo')}</OptionsLink> : null}
        </p>
      ) : null}
      {notice ? (
        <p class="notice error" role="alert">
          {notice}
        </p>
      ) : null}

      <RegionPrompt state={state} />

      {detection ? (
        <>
          <section aria-labelledby="hosts-title">
            <h2 id="hosts-title" class="visually-hidden">
              {t('hostsTitle')}
            </h2>
            {state.myHost ? (
              <MyHost
                mine={state.myHost}
                needLabel={needLabel}
                headingRef={leadRef}
                busy={busy}
                onForget={() => void act(() => ask({ type: 'forget-my-host', tabId: state.tabId }), true)}
              />
            ) : state.best ? (
              <LeadHost host={state.best} headingRef={leadRef} choosing={choosing} />
            ) : null}
            <GuideLink
              service={detection.service}
              href={`${OPTIONS_PAGE}${guideRoute({ service: detection.service.id, tab: state.tabId })}`}
            />
            <UserHosts hosts={state.userHosts} />
            <Hosts
              hosts={state.hosts}
              categoryLabel={needLabel}
              suggestHref={`${OPTIONS_PAGE}${correctRoute({ kind: 'missing-host', service: detection.service.id, host: detection.host, tab: state.tabId })}`}
              choosing={choosing}
              led={state.best !== null || state.myHost !== null}
            />
            <RankedForLine state={state} />
          </section>
          <Alternatives alternatives={state.alternatives} />
        </>
      ) : (
        <RankedForLine state={state} />
      )}

      <footer>
        {detection && silenced === null ? (
          <div class="row quiet" role="group" aria-label={t('quietTitle')}>
            <button type="button" disabled={busy} onClick={() => void silence('snooze-site')}>
              {t('snoozeSite')}
            </button>
            <button type="button" disabled={busy} onClick={() => void silence('ignore-site')}>
              {t('ignoreSite')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => ask({ type: 'exclude-page', tabId: state.tabId }))}
            >
              {t('notThisService', [detection.service.name])}
            </button>
          </div>
        ) : null}
        <h2 class="visually-hidden">{t('directoryTitle')}</h2>
        <DirectoryLine
          status={state.directory}
          refreshMode={state.refreshMode}
          onRefresh={refreshDirectory}
          details={<OptionsLink section="directory">{t('directoryDetails')}</OptionsLink>}
        />
        <p class="links">
          <OptionsLink section="region">{t('openSettings')}</OptionsLink>
          <OptionsLink
            section={correctRoute(
              detection
                ? { service: detection.service.id, host: detection.host, tab: state.tabId }
                : { tab: state.tabId },
            ).slice(1)}
          >
            {t('suggestCorrection')}
          </OptionsLink>
        </p>
      </footer>
    </main>
  );
}

/** Free software for the need, after the hosts: the name and a one-line fit note, the rest on demand. */
function Alternatives({ alternatives }: { alternatives: PopupState['alternatives'] }) {
  return (
    <section aria-labelledby="alternatives-title">
      <h2 id="alternatives-title">{t('alternativesTitle')}</h2>
      {alternatives.length > 0 ? (
        <ul class="software">
          {alternatives.map((software) => (
            <li key={software.id}>
              <details>
                <summary>
                  <span class="name">{software.name}</span>
                  {software.fitNote ? <span class="fit"> – {pick(software.fitNote)}</span> : null}
                </summary>
                {software.fitNote ? <p>{pick(software.fitNote)}</p> : null}
                <p class="muted">{t('licence', [software.licence])}</p>
                <p>
                  <ExternalLink href={software.website}>{t('softwareWebsite', [software.name])}</ExternalLink>
                </p>
              </details>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('alternativesNone')}</p>
      )}
    </section>
  );
}

function RankedForLine({ state }: { state: PopupState }) {
  return (
    <p class="region-line">
      {state.rankedFor.guessed
        ? t('rankedForGuessed', [state.rankedFor.label])
        : t('rankedFor', [state.rankedFor.label])}{' '}
      <OptionsLink section="region">{t('changeRegion')}</OptionsLink>
    </p>
  );
}

/**
 * After a skipped first run, the popup asks once, gently, where the user is. Showing it counts
 * as asking: the background is told at once, so the next popup does not ask again.
 */
function RegionPrompt({ state }: { state: PopupState }) {
  const show = state.region === null && state.regionPrompt === 'skipped';
  const [open, setOpen] = useState(show);
  useEffect(() => {
    if (show) void ask({ type: 'dismiss-region-prompt' }).catch(() => undefined);
  }, [show]);
  if (!open) return null;
  return (
    <aside class="prompt" aria-labelledby="region-prompt-title">
      <h2 id="region-prompt-title">{t('regionPromptTitle')}</h2>
      <p>{t('regionPromptText')}</p>
      <div class="row">
        <a class="button primary" href={`${OPTIONS_PAGE}#welcome`} target="_blank" rel="noopener">
          {t('regionPromptChoose')}
        </a>
        <button type="button" onClick={() => setOpen(false)}>
          {t('regionPromptLater')}
        </button>
      </div>
    </aside>
  );
}
