import { requestInGesture, type PermissionRequest } from '@/utils/popup/permissions';

/**
 * `ask(request)` for a component's click or change handler: call it first, before any await (the browser
 * only asks during the member's gesture); it answers whether the permission was granted, and rejects when
 * the browser would not ask (utils/popup/permissions.ts).
 */
export function usePermissionRequest(): (request: PermissionRequest) => Promise<boolean> {
  return requestInGesture;
}
