/**
 * Running a long synchronous job (the scan) in slices, so that the popup keeps painting and
 * answering: the job is a generator that yields often; each slice runs it for `sliceMs`, then
 * gives the event loop a turn (a message-channel task: not clamped like nested timeouts).
 */

export interface SliceOptions<P> {
  /** Called between slices with the job's last progress. */
  onProgress?: (progress: P) => void;
  /** Milliseconds of work per slice (default 12: a frame keeps room to paint). */
  sliceMs?: number;
  signal?: AbortSignal;
}

/** A task after the current one (other events and painting come first). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `job` to its end in slices; rejects with an AbortError when `signal` aborts. */
export async function runInSlices<P, R>(job: Generator<P, R>, opts: SliceOptions<P> = {}): Promise<R> {
  const sliceMs = opts.sliceMs ?? 12;
  let start = performance.now();
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    if (performance.now() - start >= sliceMs) {
      opts.onProgress?.(step.value);
      await nextTask();
      if (opts.signal?.aborted) throw new DOMException('The scan was stopped.', 'AbortError');
      start = performance.now();
    }
  }
}
