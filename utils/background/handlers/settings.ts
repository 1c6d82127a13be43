/**
 * The member's settings that live in the background: the sites Docket runs on (enabled and
 * disabled with their permissions), and the index's status the popup tells (an upgrade that
 * failed, an operation cut short) until it is dismissed.
 */
import type { HandlerContext, HandlersFor } from './context';

type SettingsMessage = 'sites/get' | 'sites/enable' | 'sites/disable' | 'status/get' | 'status/dismiss';

export function createSettingsHandlers({ deps, indexChanged }: HandlerContext): HandlersFor<SettingsMessage> {
  return {
    'status/get': () => deps.status.get(),
    'status/dismiss': () => deps.status.dismiss(),
    'sites/get': () => deps.sites.get(),
    'sites/enable': ({ origin, tabId }) => deps.sites.enable(origin, tabId),
    'sites/disable': async ({ origin }) => {
      const state = await deps.sites.disable(origin);
      // Open pages of that site ask again now, are refused, and remove their badges (issue 13, item 5).
      await indexChanged();
      return state;
    },
  };
}
