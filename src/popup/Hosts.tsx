// CHATONS hosts for the need at hand, in the order the background ranked them, grouped by how
// near they are, with their access conditions in plain words. Directory text is untrusted: it
// is only ever rendered as text, and only http(s) addresses become links.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HostView } from '../core/protocol';
import { formatDate, t } from '../ui/i18n';
import { ExternalLink, safeHref } from '../ui/links';
import { forgeIssueLink } from '../core/corrections/forge';

/** Hosts shown before "show more"; each "show more" adds as many again. */
export const FIRST_HOSTS = 5;

type Locality = HostView['locality'];
export const GROUP_KEYS: Record<Locality, string> = {
  local: 'hostsGroupLocal',
  regional: 'hostsGroupRegional',
  national: 'hostsGroupNational',
  elsewhere: 'hostsGroupElsewhere',
};

export const ACCESS_KEYS: Record<HostView['registration'], string> = {
  none: 'accessNone',
  free: 'accessFree',
  member: 'accessMember',
  client: 'accessClient',
  unknown: 'accessUnknown',
};

export function accessText(registration: HostView['registration']): string {
  return t(ACCESS_KEYS[registration] ?? 'accessUnknown');
}

/** Where a person suggests a host the directory does not know yet: a pre-filled issue on the forge (src/core/corrections/forge.ts). */
function suggestHostUrl(categoryLabel: string, serviceName: string): string {
  return forgeIssueLink(
    t('suggestHostIssueTitle', [categoryLabel]),
    t('suggestHostIssueBody', [categoryLabel, serviceName]),
  ).url;
}

interface Props {
  hosts: HostView[];
  categoryLabel: string;
  serviceName: string;
}

export function Hosts({ hosts, categoryLabel, serviceName }: Props) {
  const [shown, setShown] = useState(FIRST_HOSTS);
  const firstNew = useRef<HTMLHeadingElement>(null);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);

  useEffect(() => {
    if (focusFrom !== null) firstNew.current?.focus();
  }, [focusFrom]);

  if (hosts.length === 0) {
    return (
      <div class="empty">
        <p>{t('hostsNone', [categoryLabel])}</p>
        <p>{t('hostsNoneInvite')}</p>
        <p>
          <ExternalLink class="button primary" href={suggestHostUrl(categoryLabel, serviceName)}>
            {t('suggestHost')}
          </ExternalLink>
        </p>
      </div>
    );
  }

  const visible = hosts.slice(0, shown);
  const groups: Array<{ locality: Locality; items: Array<{ host: HostView; index: number }> }> = [];
  visible.forEach((host, index) => {
    const last = groups[groups.length - 1];
    if (last && last.locality === host.locality) last.items.push({ host, index });
    else groups.push({ locality: host.locality, items: [{ host, index }] });
  });
  const rest = hosts.length - visible.length;

  return (
    <div class="hosts">
      {groups.map((group) => (
        <div key={`${group.locality}-${group.items[0]?.index ?? 0}`} class="group">
          <h3>{t(GROUP_KEYS[group.locality] ?? 'hostsGroupElsewhere')}</h3>
          <ul class="cards">
            {group.items.map(({ host, index }) => (
              <HostCard
                key={`${host.organization.id}/${host.service.id}`}
                host={host}
                headingRef={index === focusFrom ? firstNew : undefined}
              />
            ))}
          </ul>
        </div>
      ))}
      {rest > 0 ? (
        <button
          type="button"
          class="more"
          onClick={() => {
            setFocusFrom(shown);
            setShown(shown + FIRST_HOSTS);
          }}
        >
          {t('hostsShowMore', [String(Math.min(rest, FIRST_HOSTS)), String(rest)])}
        </button>
      ) : null}
    </div>
  );
}

function HostCard({ host, headingRef }: { host: HostView; headingRef: Ref<HTMLHeadingElement> | undefined }) {
  const href = safeHref(host.service.url);
  const toService = host.service.urlSource === 'service';
  return (
    <li class="card host">
      <h4 tabIndex={headingRef ? -1 : undefined} ref={headingRef}>
        {host.organization.name}
      </h4>
      <p class="place">{host.placeLabel ?? t('placeUnknown')}</p>
      <p class={`access access-${host.registration}`}>
        <span class="label">{t('accessLabel')}</span> {accessText(host.registration)}
      </p>
      <p class="software">{t('hostSoftware', [host.software.name || host.service.name])}</p>
      {host.endDate ? <p class="ends">{t('hostEnds', [formatDate(host.endDate)])}</p> : null}
      {href ? (
        <p>
          {toService ? (
            <ExternalLink href={href} label={t('hostOpenLabel', [host.service.name, host.organization.name])}>
              {t('hostOpen', [host.service.name])}
            </ExternalLink>
          ) : (
            <ExternalLink href={href}>{t('hostOpenWebsite', [host.organization.name])}</ExternalLink>
          )}
        </p>
      ) : null}
    </li>
  );
}
