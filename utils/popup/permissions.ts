/**
 * Asking for a permission inside the member's click: the browser shows its question only during the
 * gesture, so the request must be the handler's first asynchronous step, before any await. One home for
 * that pattern (hooks/usePermissionRequest.ts gives it to components; subscribe.ts uses it directly).
 */
import { browser, type Browser } from 'wxt/browser';

export type PermissionRequest = Browser.permissions.Permissions;

/**
 * Ask now, synchronously, and answer whether it was granted. A browser that refuses to ask at all (it throws
 * at once, outside a gesture for example) gives a rejected promise, so callers handle one kind of failure.
 */
export function requestInGesture(request: PermissionRequest): Promise<boolean> {
  try {
    return browser.permissions.request(request);
  } catch (error) {
    return Promise.reject(error);
  }
}
