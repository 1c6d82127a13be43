export const SITE_HOST: string;
export const OTHER_SITE_HOST: string;
export interface SeedPage {
  file: string;
  path: string;
  title: string;
  meetingDate: string;
  html: string;
  name: string;
}
type Route = { type: string; body: string } | ((req: unknown) => { type: string; body: string });
export function startServer(routes?: Record<string, Route>): Promise<{
  port: number;
  pages: SeedPage[];
  set(path: string, route: Route): void;
  remove(path: string): void;
  url(path?: string): string;
  close(): Promise<void>;
}>;
export const SHEETS_CONTENT_HOST: string;
export const GOOGLE_HOSTS: string[];
export function startGoogleStandIn(
  titles?: Record<string, string>,
  exports?: Record<string, string | number | GoogleExportAnswer>,
  sheets?: Record<string, GoogleSheetAnswer>,
): Promise<{ port: number; sent: Record<string, number>; read: Record<string, number>; close(): Promise<void> }>;
/** A Google Sheet as the stand-in serves it: published to the web (its CSV), or private (sign-in). */
export type GoogleSheetAnswer = { published: string } | { private: true };
/** An export answer Scan must not trust: an endless body, a stall, a redirect. */
export type GoogleExportAnswer = { endless: true } | { stall: true } | { redirect: string };
