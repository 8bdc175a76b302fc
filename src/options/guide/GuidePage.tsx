// "How to move from Gmail": a migration guide, as a view of the options page (#guide?service=…),
// opened from the popup. The guide's text loads on demand; the service's name comes from the
// catalogue through the background; with the popup's tab, the host the popup proposed first
// lends its own user guide to the step done at the host.
import { useEffect, useState } from 'preact/hooks';
import type { Guide } from '../../core/guides/types';
import type { GuideRoute } from '../../core/guides/route';
import { hostGuideOf, type HostGuide } from '../../core/guides/host';
import { correctRoute } from '../../core/corrections/route';
import { ask } from '../../ui/background';
import { loadGuide } from '../../ui/guides';
import { errorText, pick, t } from '../../ui/i18n';
import { ExternalLink } from '../../ui/links';

type View =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed'; reason: string }
  | { kind: 'ready'; guide: Guide; serviceName: string; host: HostGuide | null };

/** The best host the popup showed on that tab, for this guide's service, if it still shows it. */
async function chosenHost(route: GuideRoute): Promise<HostGuide | null> {
  if (route.tab === undefined) return null;
  try {
    const state = await ask({ type: 'get-popup-state', tabId: route.tab });
    return state.detection?.service.id === route.service ? hostGuideOf(state.hosts[0]) : null;
  } catch {
    return null; // the guide stands without it
  }
}

export function GuidePage({ route }: { route: GuideRoute }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    (async (): Promise<View> => {
      const guide = await loadGuide(route.service);
      if (!guide) return { kind: 'missing' };
      const [{ catalogue }, host] = await Promise.all([ask({ type: 'get-corrections' }), chosenHost(route)]);
      const serviceName = catalogue.services.find((s) => s.id === route.service)?.name ?? route.service;
      return { kind: 'ready', guide, serviceName, host };
    })()
      .catch((error: unknown): View => ({ kind: 'failed', reason: errorText(error) }))
      .then((next) => {
        if (live) setView(next);
      });
    return () => {
      live = false;
    };
  }, [route.service, route.tab]);

  if (view.kind === 'loading')
    return (
      <main class="options guide" aria-busy="true">
        <p class="muted">{t('loading')}</p>
      </main>
    );
  if (view.kind !== 'ready') {
    return (
      <main class="options guide">
        <h1>{t('guideMissingTitle')}</h1>
        <p role="alert">{view.kind === 'failed' ? t('guideFailed', [view.reason]) : t('guideMissing')}</p>
        <p>
          <a href="#region">{t('openSettings')}</a>
        </p>
      </main>
    );
  }
  return <GuideView guide={view.guide} serviceName={view.serviceName} host={view.host} />;
}

interface GuideViewProps {
  guide: Guide;
  serviceName: string;
  /** The chosen host's own user guide, linked from the step marked `hostStep`. */
  host?: HostGuide | null;
}

export function GuideView({ guide, serviceName, host }: GuideViewProps) {
  useEffect(() => {
    document.title = t('guidePageTitle', [serviceName]);
  }, [serviceName]);

  return (
    <main class="options guide">
      <h1>{t('guideTitle', [serviceName])}</h1>
      <p class="lead">{pick(guide.summary)}</p>
      <section aria-labelledby="guide-steps-title">
        <h2 id="guide-steps-title">{t('guideStepsTitle', [String(guide.steps.length)])}</h2>
        <ol class="guide-steps">
          {guide.steps.map((step, i) => (
            <li key={i} class="card">
              <h3>{pick(step.title)}</h3>
              <p>{pick(step.text)}</p>
              {step.hostStep && host ? (
                <p class="host-guide">
                  {t('guideHostGuide', [host.name])}{' '}
                  <ExternalLink href={host.guideUrl}>{t('guideHostGuideLink', [host.name])}</ExternalLink>
                </p>
              ) : null}
              <p class="source muted">
                {t('guideSource')}{' '}
                <ExternalLink href={step.source.url}>{pick(step.source.title)}</ExternalLink>
              </p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="guide-lost-title">
        <h2 id="guide-lost-title">{t('guideNotCarriedOverTitle')}</h2>
        <ul class="guide-lost">
          {guide.notCarriedOver.map((text, i) => (
            <li key={i}>{pick(text)}</li>
          ))}
        </ul>
      </section>
      <footer>
        <p class="muted">{t('guideHonesty')}</p>
        <p>
          <a href={correctRoute({ kind: 'other', service: guide.service })}>{t('guideSuggestCorrection')}</a>
        </p>
      </footer>
    </main>
  );
}
