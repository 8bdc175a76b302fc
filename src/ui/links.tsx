// Links to the outside world. Addresses come from the directory and the catalogue, which are
// untrusted text: only http(s) addresses become links, always in a new tab, with no opener and
// no referrer. Anything else is shown as plain text (or not at all).
import type { ComponentChildren } from 'preact';

/**
 * An absolute http(s) address, or null: then no link. Every address reaching a view was already
 * read by core/text.ts's httpUrl (directory pipeline and schema, local corrections); this is the
 * views' last guard, kept to the URL parser so that the popup's bundle does not carry the cleaner.
 */
export function safeHref(url: string | undefined | null): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      !parsed.username &&
      !parsed.password
      ? parsed.href
      : null;
  } catch {
    return null;
  }
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
