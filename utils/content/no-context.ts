/**
 * Stands in for WXT's ContentScriptContext in the content script's first part (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file for that build only). WXT's entry wrapper makes one
 * and hands it to `main()`; Docket's `main()` never uses it (its copy decides itself when its
 * extension is gone: first-part.ts), and the real one brings webextension-polyfill and 3.6 kB of
 * its own to every page (issue 27: the first part stays under 8 kB).
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
