import type { Browser } from 'puppeteer-core';
export const FIREFOX_EXTENSION_DIR: string;
export const ADDON_ID: string;
export const EXTENSION_UUID: string;
export const MIN_FIREFOX: number;
export function firefoxPath(): string;
export function checkFirefoxVersion(path?: string): number;
export function launchFirefoxWithDocket(options?: {
  port?: number;
  googlePort?: number;
  headless?: boolean;
  extensionDir?: string;
  /** The member's time zone (an IANA name): TZ for the browser. */
  timezoneId?: string;
}): Promise<{
  browser: Browser;
  extensionUuid: string;
  popupUrl(query?: string): string;
  output: string[];
  close(): Promise<void>;
}>;
