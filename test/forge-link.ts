// What a forge "new issue" link carries, decoded as GitLab reads it: the tests' independent
// reading of the links the extension builds (src/core/corrections/forge.ts).
export function decodeForgeLink(url: string): { title: string; body: string } | null {
  try {
    const params = new URL(url).searchParams;
    const title = params.get('issue[title]');
    const body = params.get('issue[description]');
    return title === null || body === null ? null : { title, body };
  } catch {
    return null;
  }
}
