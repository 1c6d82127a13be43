/** Asking for a permission inside the click (utils/popup/permissions.ts): asked at once, one way to fail. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestInGesture } from '@/utils/popup/permissions';

beforeEach(() => fakeBrowser.reset());

const REFUSED = new Error('permissions.request may only be called from a user input handler');

describe('requestInGesture', () => {
  it.each<[string, () => Promise<boolean>, boolean | Error]>([
    ['granted', async () => true, true],
    ['refused by the member', async () => false, false],
    ['the browser rejects', () => Promise.reject(REFUSED), REFUSED],
    [
      'the browser throws at once',
      () => {
        throw REFUSED;
      },
      REFUSED,
    ],
  ])('%s', async (_, answer, expected) => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(answer as never);
    const asked = requestInGesture({ origins: ['https://lists.example.org/*'] });
    // Asked synchronously, in the gesture: before the caller's first await.
    expect(request).toHaveBeenCalledWith({ origins: ['https://lists.example.org/*'] });
    if (expected instanceof Error) await expect(asked).rejects.toBe(expected);
    else await expect(asked).resolves.toBe(expected);
  });
});
