/**
 * Messages from Docket's own pages to the background over one port, in Firefox (issue 28, "Smaller").
 * A `runtime.sendMessage` still waiting when its page closes is rejected by Firefox after the page
 * is gone, and Firefox then logs "Promise rejected after context unloaded" in the browser console:
 * no code of the page can catch that promise. Over a port nothing is pending in the browser: a
 * request is a posted message, an answer another; when the page hides, the port is closed and its
 * pending requests are dropped (never settled: nobody is left to read the answer). When the port
 * closes under a page that is still open (the background stopped), pending requests fail with the
 * browser's own "message port closed" words, so that `send` asks again as it does for sendMessage.
 *
 * Both ends are here: `portTransport` (the pages' side) and `answerPort` (the background's).
 */

export const SEND_PORT = 'docket/send';

/** The part of `runtime.Port` used here. */
export interface PortLike {
  name: string;
  sender?: unknown;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface Pending {
  resolve: (reply: unknown) => void;
  reject: (error: Error) => void;
}

export interface PortTransport {
  request(message: unknown): Promise<unknown>;
  /** Requests waiting for their answers (0 after the page hid). */
  pending(): number;
}

/**
 * A transport over ports made by `connect` (`() => browser.runtime.connect({ name: SEND_PORT })`),
 * closed when `win` fires `pagehide`.
 */
export function portTransport(connect: () => PortLike, win: Pick<Window, 'addEventListener'>): PortTransport {
  let port: PortLike | null = null;
  let next = 0;
  let hidden = false;
  const waiting = new Map<number, Pending>();

  win.addEventListener('pagehide', () => {
    hidden = true;
    // Dropped, not settled: the page is going, nothing will read an answer or an error.
    waiting.clear();
    const p = port;
    port = null;
    try {
      p?.disconnect();
    } catch {
      // already closed
    }
  });
  // Back from the back-forward cache: requests may be made again.
  win.addEventListener('pageshow', () => {
    hidden = false;
  });

  function open(): PortLike {
    if (port) return port;
    const p = connect();
    p.onMessage.addListener((message) => {
      const { id, reply } = (message ?? {}) as { id?: number; reply?: unknown };
      const w = typeof id === 'number' ? waiting.get(id) : undefined;
      if (!w) return;
      waiting.delete(id!);
      w.resolve(reply);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      if (hidden) return;
      const cut = [...waiting.values()];
      waiting.clear();
      for (const w of cut) w.reject(new Error('The message port closed before a response was received.'));
    });
    port = p;
    return p;
  }

  return {
    request(message) {
      // After the page hid, nothing is sent and nothing settles.
      if (hidden) return new Promise(() => undefined);
      return new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve, reject });
        try {
          open().postMessage({ id, message });
        } catch (error) {
          waiting.delete(id);
          port = null;
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    pending: () => waiting.size,
  };
}

/** The background's end: each request on a page's port answered by `answer` (dispatch), on the same port. */
export function answerPort(port: PortLike, answer: (message: unknown, sender: unknown) => Promise<unknown>): void {
  if (port.name !== SEND_PORT) return;
  port.onMessage.addListener((raw) => {
    const { id, message } = (raw ?? {}) as { id?: unknown; message?: unknown };
    if (typeof id !== 'number') return;
    void answer(message, port.sender).then((reply) => {
      try {
        port.postMessage({ id, reply });
      } catch {
        // The page closed before its answer: nobody to tell.
      }
    });
  });
}
