import type { BrowserContext, Page, Worker } from 'playwright-core';
export const EXTENSION_DIR: string;
export function chromiumPath(): string;
export function launchWithDocket(options?: {
  port?: number;
  googlePort?: number;
  headless?: boolean;
  extensionDir?: string;
  /** More host names the browser reaches on this machine: name → local port. */
  hosts?: Record<string, number>;
  /** The member's time zone (IANA name): the pages' (Playwright's emulation) and the browser's own (TZ). */
  timezoneId?: string;
  /** A profile to use and keep (default: a new one, removed on close). */
  userDataDir?: string;
}): Promise<{
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  popupUrl(query?: string): string;
  close(): Promise<void>;
}>;
export function tabIdOf(worker: Worker, page: Page): Promise<number | null>;
