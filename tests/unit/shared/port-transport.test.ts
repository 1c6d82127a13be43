// @vitest-environment happy-dom
/**
 * Issue 28, "Smaller": in Firefox, closing a Docket page while a message is pending logged "Promise
 * rejected after context unloaded" (the browser rejects a pending runtime.sendMessage after the
 * page is gone). Docket's pages there ask over a port instead: when the page hides, the port is
 * closed and its pending requests dropped — nothing is left pending in the browser, nothing settles
 * after the page is gone — while a port cut under an open page fails as the background stopping.
 */
import { describe, expect, it, vi } from 'vitest';
import { SEND_PORT, answerPort, portTransport } from '@/utils/shared/port-transport';
import type { PortLike } from '@/utils/shared/port-transport';

/** A pair of connected ports, as runtime.connect and onConnect give them. */
function pair(sender: unknown = { id: 'docket', url: 'moz-extension://x/popup.html' }) {
  const make = (name: string) => {
    const messages: Array<(m: unknown) => void> = [];
    const disconnects: Array<() => void> = [];
    return {
      port: {
        name,
        sender,
        posted: [] as unknown[],
        connected: true,
        postMessage(m: unknown) {
          if (!this.connected) throw new Error('Attempt to postMessage on disconnected port');
          this.posted.push(m);
          // Delivered to the other end in a later task, as the browser does.
          setTimeout(() => other(this).deliver(m), 0);
        },
        disconnect() {
          this.connected = false;
          const o = other(this);
          o.port.connected = false;
          for (const d of o.disconnects) d();
        },
        onMessage: { addListener: (l: (m: unknown) => void) => messages.push(l) },
        onDisconnect: { addListener: (l: () => void) => disconnects.push(l) },
      },
      deliver: (m: unknown) => messages.forEach((l) => l(m)),
      disconnects,
    };
  };
  const page = make(SEND_PORT);
  const background = make(SEND_PORT);
  const other = (p: unknown) => (p === page.port ? background : page);
  return { page, background };
}

describe('asking the background over a port', () => {
  it('each request gets its own answer, on one port', async () => {
    const ends = pair();
    const connect = vi.fn(() => ends.page.port as PortLike);
    const answer = vi.fn(async (m: unknown) => ({ ok: true, result: (m as { n: number }).n * 2 }));
    answerPort(ends.background.port as PortLike, answer);
    const t = portTransport(connect, new EventTarget() as unknown as Window);
    expect(await Promise.all([t.request({ n: 1 }), t.request({ n: 21 })])).toEqual([
      { ok: true, result: 2 },
      { ok: true, result: 42 },
    ]);
    expect(connect).toHaveBeenCalledTimes(1);
    expect(answer).toHaveBeenCalledWith({ n: 1 }, { id: 'docket', url: 'moz-extension://x/popup.html' });
    expect(t.pending()).toBe(0);
  });

  it('the page hides with a request pending: the port closed, the request dropped, nothing settles afterwards', async () => {
    const ends = pair();
    const win = new EventTarget();
    let release!: () => void;
    answerPort(
      ends.background.port as PortLike,
      () => new Promise((resolve) => (release = () => resolve({ ok: true, result: 'late' }))),
    );
    const t = portTransport(() => ends.page.port as PortLike, win as unknown as Window);
    const settled = vi.fn();
    t.request({ n: 1 }).then(settled, settled);
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    win.dispatchEvent(new Event('pagehide'));
    expect(ends.page.port.connected).toBe(false);
    expect(t.pending()).toBe(0);
    // The background answers after the page went: its answer goes nowhere, and throws nothing.
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).not.toHaveBeenCalled();
    // Nothing more is sent from a hidden page.
    t.request({ n: 2 }).then(settled, settled);
    expect(ends.page.port.posted).toHaveLength(1);
  });

  it('the port cut under an open page (the background stopped): pending requests fail as "port closed", the next request opens a new port', async () => {
    const first = pair();
    const second = pair();
    const ports = [first.page.port, second.page.port];
    const connect = vi.fn(() => ports.shift() as PortLike);
    answerPort(second.background.port as PortLike, async () => ({ ok: true, result: 'again' }));
    const t = portTransport(connect, new EventTarget() as unknown as Window);
    const pending = t.request({ n: 1 });
    first.background.port.disconnect();
    await expect(pending).rejects.toThrow(/message port closed/);
    expect(await t.request({ n: 1 })).toEqual({ ok: true, result: 'again' });
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('the background answers only ports of this name', () => {
    const ends = pair();
    const port = { ...ends.background.port, name: 'other', onMessage: { addListener: vi.fn() } };
    answerPort(port as unknown as PortLike, vi.fn());
    expect(port.onMessage.addListener).not.toHaveBeenCalled();
  });
});
