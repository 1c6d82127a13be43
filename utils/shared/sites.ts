/**
 * Where Docket runs (CONTRACT §5). Default sites need no prompt; any other site
 * is enabled by the member, one origin at a time, as an optional host permission.
 */
export const DEFAULT_SITE_PATTERNS = [
  '*://docs.google.com/*',
  '*://mail.google.com/*',
  '*://groups.google.com/*',
  '*://*.intgovforum.org/*',
] as const;

/** The match pattern for one page's origin (`https://example.org/*`), or null for pages no extension may run on. */
export function originPattern(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (!u.hostname) return null;
  return `${u.protocol}//${u.hostname}/*`;
}

/** True when a default pattern already covers this URL. */
export function isDefaultSite(url: string): boolean {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    host = u.hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === 'docs.google.com' ||
    host === 'mail.google.com' ||
    host === 'groups.google.com' ||
    host === 'intgovforum.org' ||
    host.endsWith('.intgovforum.org')
  );
}

/**
 * The origins (match patterns) a subscription to `url` reads: its own, and for a sheet Google
 * publishes to the web, the host Google serves the file from (a redirect to
 * `*.googleusercontent.com`). Asked for when the member subscribes; never a place Docket runs.
 */
export function feedOrigins(url: string): string[] {
  const own = originPattern(url);
  if (!own) return [];
  const host = new URL(url).hostname.toLowerCase();
  return host === 'docs.google.com' ? [own, 'https://*.googleusercontent.com/*'] : [own];
}

/** Every origin these subscriptions read. */
export function subscriptionOrigins(subs: readonly { url: string; origins?: string[] }[]): string[] {
  return [...new Set(subs.flatMap((s) => [...feedOrigins(s.url), ...(s.origins ?? [])]))];
}
