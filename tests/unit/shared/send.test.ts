/** Issue 13, item 14: what the popup says when Docket's background stopped mid-message. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorCode, send } from '@/utils/shared/protocol';
import { messagesOf, setLanguage } from '@/utils/shared/i18n';
import fr from '@/public/_locales/fr/messages.json';

const CUT = 'The message port closed before a response was received.';

beforeEach(() => fakeBrowser.reset());

describe('send', () => {
  it('asks a question again once when the worker stopped before answering', async () => {
    const spy = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error(CUT))
      .mockResolvedValueOnce({ ok: true, result: { doc: null } } as never);
    expect(await send('doc/get', { id: 'x' })).toEqual({ doc: null });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('a write that may not repeat says in a sentence what may have happened, not the browser’s words', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error(CUT));
    const error = await send('doc/delete', { id: 'x' }).catch((e: unknown) => e);
    expect(String((error as Error).message)).toBe(
      'Docket’s background stopped before it answered, so this may not have been done. Check, then try again.',
    );
    expect(errorCode(error)).toBe('stopped');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('an edit saved just before the worker stopped is sent again, once (saving it twice changes nothing)', async () => {
    const spy = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const error = await send('doc/put', { doc: { id: 'x', kind: 'document', aliases: [], updatedAt: 'T' } }).catch(
      (e: unknown) => e,
    );
    expect(spy).toHaveBeenCalledTimes(2);
    expect((error as Error).message).toMatch(/^Docket’s background stopped before it answered/);
  });

  it('passes the background’s own refusals through with their code', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: 'Docket no longer runs on this site.',
      code: 'not-enabled',
    } as never);
    const error = await send('lookup', { ids: [] }).catch((e: unknown) => e);
    expect(errorCode(error)).toBe('not-enabled');
  });

  it('says a refusal given as a message key in the page’s language, and the sender’s words for a key it lacks', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: 'There is no workstream “ws-x”.',
      said: { key: 'error_no_workstream', vars: { id: 'ws-x' } },
    } as never);
    setLanguage({ lang: 'fr', messages: messagesOf(fr) });
    try {
      const error = await send('ws/delete', { id: 'ws-x', reassignTo: null }).catch((e: unknown) => e);
      expect((error as Error).message).toBe('Il n’y a pas d’axe de travail « ws-x ».');
      spy.mockResolvedValue({ ok: false, error: 'Older words.', said: { key: 'error_from_the_future' } } as never);
      const older = await send('ws/delete', { id: 'ws-x', reassignTo: null }).catch((e: unknown) => e);
      expect((older as Error).message).toBe('Older words.');
    } finally {
      setLanguage(null);
    }
  });
});
