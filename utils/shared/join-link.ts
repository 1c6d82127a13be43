/**
 * A join link on a group's own pages (issue 25): an ordinary link to the published sheet (or Docket file) whose
 * address ends in `#docket-join`:
 *
 *     <a href="https://docs.google.com/spreadsheets/d/e/…/pub?output=csv#docket-join">Join our group’s index</a>
 *
 * Where Docket is installed, the member's click on it opens Docket's join view with the address filled in (the
 * member still presses Join; a page can never subscribe anyone). Elsewhere it is a plain link to the sheet: the
 * fragment never reaches the server. The content script reads it on the click only (utils/content/first-part.ts).
 */

/** The marker that makes a link a join link: the end of its address. */
export const JOIN_MARKER = '#docket-join';

/** The sheet's address a join link names (the marker removed), or null when `href` is not a web join link. */
export function joinLinkAddress(href: string): string | null {
  if (!href.endsWith(JOIN_MARKER)) return null;
  const url = href.slice(0, -JOIN_MARKER.length);
  return /^https?:\/\/[^\s#]+$/i.test(url) ? url : null;
}

/** An address with the join marker removed (a member may paste the link itself). */
export function withoutJoinMarker(url: string): string {
  return url.endsWith(JOIN_MARKER) ? url.slice(0, -JOIN_MARKER.length) : url;
}
