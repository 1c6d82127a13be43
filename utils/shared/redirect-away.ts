/**
 * After a fetch that followed redirects failed: did the address send the reader to a site Docket may not read?
 * Google sends a reader who is not signed in from a sheet that is not published (or not shared) to its sign-in
 * page; that hop fails as no answer does, and the browser does not say where it led. Asked again without following
 * it: an opaque redirect says so. Used by the Share panel's link check (popup) and a subscription's sync (background).
 */
export async function redirectsAway(url: string, signal?: AbortSignal): Promise<boolean> {
  const hop = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'manual', signal }).catch(() => null);
  return hop?.type === 'opaqueredirect';
}
