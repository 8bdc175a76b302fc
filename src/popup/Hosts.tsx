// CHATONS hosts for the need at hand: the one the popup leads with (the best for this person,
// or the one they chose), then the others in the order the background ranked them, grouped by
// how near they are, one or two lines each with their details on demand. Directory text is
// untrusted: it is only ever rendered as text, and only http(s) addresses become links.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { hostAction, type HostAction } from '../core/host-offer';
import type { HostView, MyHostView } from '../core/protocol';
import { formatDate, t } from '../ui/i18n';
import { ExternalLink } from '../ui/links';

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

/** `organization.type` in words; `other` says nothing worth showing. */
const ORG_TYPE_KEYS: Record<string, string> = {
  association: 'orgTypeAssociation',
  informal: 'orgTypeInformal',
  cooperative: 'orgTypeCooperative',
  microcompany: 'orgTypeMicrocompany',
  company: 'orgTypeCompany',
  individual: 'orgTypeIndividual',
};

const ACTION_KEYS: Record<HostAction, string> = {
  open: 'hostOpen',
  'sign-up': 'actionSignUp',
  join: 'actionJoin',
  subscribe: 'actionSubscribe',
  website: 'hostOpenWebsite',
};

export function accessText(registration: HostView['registration']): string {
  return t(ACCESS_KEYS[registration] ?? 'accessUnknown');
}

/** "Ouvrir Pad", "Rejoindre Infini", "Créer un compte"…: the one thing the main button does. */
export function actionText(host: HostView): string {
  const action = hostAction(host);
  return t(ACTION_KEYS[action], [action === 'open' ? host.service.name : host.organization.name]);
}

/** What "I use this one" and its undo need from the popup. */
export interface Choosing {
  busy: boolean;
  choose: (host: HostView) => void;
}

/**
 * The facts a member's files give that help trust a host: the kind of structure, since when it
 * is a CHATONS member (or founded), whether it says it takes new accounts, and its terms, user
 * guide and contact. A fact the files do not give is not shown.
 */
export function TrustFacts({ host }: { host: HostView }) {
  const { organization: org, service } = host;
  const facts: string[] = [];
  const type = org.type && ORG_TYPE_KEYS[org.type];
  if (type) facts.push(t(type));
  if (org.memberSince) facts.push(t('factMemberSince', [org.memberSince.slice(0, 4)]));
  else if (org.startDate) facts.push(t('factFounded', [org.startDate.slice(0, 4)]));
  if (host.load === 'open') facts.push(t('factOpen'));
  const links: Array<[string, string]> = [];
  if (service.legalUrl) links.push([service.legalUrl, t('factTerms')]);
  else if (org.legalUrl) links.push([org.legalUrl, t('factLegal')]);
  const guide = service.guideUrl ?? org.guideUrl;
  if (guide) links.push([guide, t('factGuide')]);
  const contact = service.contactUrl ?? org.contactUrl;
  if (contact) links.push([contact, t('factContact')]);
  return (
    <>
      {facts.length > 0 ? <p class="facts">{capitalised(facts.join(' · '))}</p> : null}
      {host.endDate ? <p class="ends">{t('hostEnds', [formatDate(host.endDate)])}</p> : null}
      {links.length > 0 ? (
        <p class="fact-links">
          {links.map(([href, label]) => (
            <ExternalLink key={label} href={href} label={`${label} – ${org.name}`}>
              {label}
            </ExternalLink>
          ))}
        </p>
      ) : null}
    </>
  );
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function HostAccess({ host }: { host: HostView }) {
  return (
    <p class={`access access-${host.registration}`}>
      <span class="label">{t('accessLabel')}</span> {accessText(host.registration)}
      {host.software.name ? ` · ${host.software.name}` : ''}
    </p>
  );
}

/** The main button: to the service (or the organisation's website when the service gave no address). */
function HostActionLink({ host, primary }: { host: HostView; primary?: boolean }) {
  return (
    <ExternalLink
      class={primary ? 'button primary' : 'button'}
      href={host.service.url}
      label={t('hostActionLabel', [actionText(host), host.organization.name])}
    >
      {actionText(host)}
    </ExternalLink>
  );
}

interface LeadProps {
  headingRef: Ref<HTMLHeadingElement>;
  choosing: Choosing;
}

/** The host the popup leads with: nearest, open to this person, not full, with one clear action. */
export function LeadHost({ host, headingRef, choosing }: LeadProps & { host: HostView }) {
  return (
    <article class="card lead-host" aria-labelledby="lead-name">
      <p class="eyebrow">
        {t('leadTitle')} · <span class="group-label">{t(GROUP_KEYS[host.locality])}</span>
      </p>
      <h3 id="lead-name" tabIndex={-1} ref={headingRef}>
        {host.organization.name}
      </h3>
      <p class="place">{host.placeLabel ?? t('placeUnknown')}</p>
      <HostAccess host={host} />
      <TrustFacts host={host} />
      <div class="row">
        <HostActionLink host={host} primary />
        <button type="button" disabled={choosing.busy} onClick={() => choosing.choose(host)}>
          {t('chooseHost')}
        </button>
      </div>
    </article>
  );
}

/** The host the user said they use for this need; the directory's current facts when it still lists it. */
export function MyHost({
  mine,
  needLabel,
  headingRef,
  busy,
  onForget,
}: {
  mine: MyHostView;
  needLabel: string;
  headingRef: Ref<HTMLHeadingElement>;
  busy: boolean;
  onForget: () => void;
}) {
  const { choice, listed } = mine;
  return (
    <article class="card lead-host mine" aria-labelledby="lead-name">
      <p class="eyebrow">{t('myHostTitle', [needLabel])}</p>
      <h3 id="lead-name" tabIndex={-1} ref={headingRef}>
        {choice.organization.name}
      </h3>
      {listed ? (
        <>
          <p class="place">{listed.placeLabel ?? t('placeUnknown')}</p>
          <HostAccess host={listed} />
          <TrustFacts host={listed} />
        </>
      ) : (
        <p class="gone">{t('myHostGone')}</p>
      )}
      <div class="row">
        <ExternalLink class="button primary" href={choice.service.url}>
          {t('hostOpen', [choice.service.name])}
        </ExternalLink>
        <button type="button" disabled={busy} onClick={onForget}>
          {t('myHostUndo')}
        </button>
      </div>
    </article>
  );
}

interface ListProps {
  hosts: HostView[];
  categoryLabel: string;
  /** The correction form, on its "a host is missing" kind: it explains, and makes the forge link. */
  suggestHref: string;
  choosing: Choosing;
  /** False when no host leads either: then an empty list invites to suggest one. */
  led: boolean;
}

/** The other hosts, compact, grouped by nearness, five at a time. */
export function Hosts({ hosts, categoryLabel, suggestHref, choosing, led }: ListProps) {
  const [shown, setShown] = useState(FIRST_HOSTS);
  const firstNew = useRef<HTMLHeadingElement>(null);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);

  useEffect(() => {
    if (focusFrom !== null) firstNew.current?.focus();
  }, [focusFrom]);

  if (hosts.length === 0) {
    if (led) return null;
    return (
      <div class="empty">
        <p>{t('hostsNone', [categoryLabel])}</p>
        <p>{t('hostsNoneInvite')}</p>
        <p>
          <a class="button primary" href={suggestHref} target="_blank" rel="noopener">
            {t('suggestHost')}
          </a>
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
      {led ? <p class="others-title">{t('otherHostsTitle')}</p> : null}
      {groups.map((group) => (
        <div key={`${group.locality}-${group.items[0]?.index ?? 0}`} class="group">
          <h3>{t(GROUP_KEYS[group.locality] ?? 'hostsGroupElsewhere')}</h3>
          <ul class="compact">
            {group.items.map(({ host, index }) => (
              <HostLine
                key={`${host.organization.id}/${host.service.id}`}
                host={host}
                choosing={choosing}
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

/** One host in two lines (name and place; access and software), its facts and actions on demand. */
function HostLine({
  host,
  choosing,
  headingRef,
}: {
  host: HostView;
  choosing: Choosing;
  headingRef: Ref<HTMLHeadingElement> | undefined;
}) {
  return (
    <li class="host">
      <h4 tabIndex={headingRef ? -1 : undefined} ref={headingRef}>
        {host.organization.name}
      </h4>{' '}
      <span class="place">{host.placeLabel ?? t('placeUnknown')}</span>
      <HostAccess host={host} />
      <details>
        <summary>
          {t('hostDetails')}
          <span class="visually-hidden"> – {host.organization.name}</span>
        </summary>
        <TrustFacts host={host} />
        <div class="row">
          <HostActionLink host={host} />
          <button type="button" disabled={choosing.busy} onClick={() => choosing.choose(host)}>
            {t('chooseHost')}
          </button>
        </div>
      </details>
    </li>
  );
}
