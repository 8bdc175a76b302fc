// Where a guide's steps may point: the official documentation sites of the proprietary services
// and of the free software Matou proposes. A step backed by a blog post or a forum answer is
// refused by catalogue:check; add a host here only for a project's or a company's own help pages.
export const DOCUMENTATION_HOSTS: readonly string[] = [
  'support.google.com',
  'support.microsoft.com',
  'support.mozilla.org',
  'support.discord.com',
  'faq.whatsapp.com',
  'docs.nextcloud.com',
  'docs.cryptpad.org',
  'docs.cryptpad.fr',
  'jitsi.github.io',
  'matrix.org',
  'docs.joinpeertube.org',
];

/** Whether `url` is an https address on one of the documentation hosts. */
export function isDocumentationUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    DOCUMENTATION_HOSTS.includes(parsed.hostname)
  );
}
