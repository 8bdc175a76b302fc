// "How to move from Gmail — 5 steps", under the detected service, opening the guide in the
// options page's guide view. The popup knows only each guide's step count (computed at build);
// the guide's text loads on demand in that view, never as part of the popup's bundle.
import guideSteps from 'virtual:guide-steps';
import { t } from '../ui/i18n';

export function GuideLink({ service, href }: { service: { id: string; name: string }; href: string }) {
  const steps = guideSteps[service.id];
  if (steps === undefined) return null;
  return (
    <p class="guide-link">
      <a href={href} target="_blank" rel="noopener">
        {t('guideLink', [service.name, String(steps)])}
      </a>
    </p>
  );
}
