// Hosts the user added on this device for the need at hand ("a host I know"), shown before the
// directory's, each marked as added by the user. Their text is the user's own, shown as text;
// only http(s) addresses become links.
import type { UserHost } from '../core/corrections/local';
import { t } from '../ui/i18n';
import { ExternalLink } from '../ui/links';
import { accessText } from './Hosts';

export function UserHosts({ hosts }: { hosts: UserHost[] }) {
  if (hosts.length === 0) return null;
  return (
    <div class="group user-hosts">
      <h3>{t('userHostsGroup')}</h3>
      <ul class="cards">
        {hosts.map((host) => (
          <li key={host.id} class="card host added-by-user">
            <h4>{host.name}</h4>
            <p class="added-by">{t('addedByYou')}</p>
            {host.place ? <p class="place">{host.place}</p> : null}
            <p class={`access access-${host.registration}`}>
              <span class="label">{t('accessLabel')}</span> {accessText(host.registration)}
            </p>
            <p>
              <ExternalLink href={host.url} label={t('userHostOpenLabel', [host.name])}>
                {t('hostOpenWebsite', [host.name])}
              </ExternalLink>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
