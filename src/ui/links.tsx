// Links to the outside world. Addresses come from the directory and the catalogue, which are
// untrusted text: only http(s) addresses become links, always in a new tab, with no opener and
// no referrer. Anything else is shown as plain text (or not at all).
import type { ComponentChildren } from 'preact';
import { httpUrl } from '../core/text';

/** An absolute http(s) address (the shared rule of core/text.ts), or null: then no link. */
export function safeHref(url: string | undefined | null): string | null {
  return typeof url === 'string' && /^https?:/i.test(url.trim()) ? (httpUrl(url) ?? null) : null;
}

interface ExternalLinkProps {
  href: string | undefined | null;
  children: ComponentChildren;
  class?: string;
  label?: string;
}

/** An outside link, or its text alone when the address is not http(s). */
export function ExternalLink({ href, children, class: className, label }: ExternalLinkProps) {
  const safe = safeHref(href);
  if (!safe) return <span class={className}>{children}</span>;
  return (
    <a class={className} href={safe} target="_blank" rel="noopener noreferrer" aria-label={label}>
      {children}
    </a>
  );
}
