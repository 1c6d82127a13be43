// @vitest-environment happy-dom
/**
 * hooks/useLatest.ts: of the replies to runs begun one after another, only the latest's is used, never after
 * unmounting; and whoever awaits a run goes on once the latest has settled.
 */
import { StrictMode, act, useEffect, useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useLatest, useLatestRuns } from '@/hooks/useLatest';
import type { LatestRuns } from '@/hooks/useLatest';
import { render, root, setUpReact, tick } from '../support/react';

setUpReact();

/** A promise settled by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Settle `d` and let what follows run. */
async function settle<T>(d: { resolve(value: T): void }, value: T): Promise<void> {
  await act(async () => d.resolve(value));
  await tick();
}

describe('useLatest', () => {
  function Probe({
    dep,
    loads,
    used,
    failed,
  }: {
    dep: string;
    loads: Map<string, Promise<string> | null>;
    used: string[];
    failed: unknown[];
  }) {
    useLatest(
      () => loads.get(dep) ?? null,
      (value) => used.push(value),
      (error) => failed.push(error),
      [dep],
    );
    return null;
  }

  it('drops a slow reply to older deps, even when it comes after the newer one', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const loads = new Map([
      ['a', a.promise],
      ['b', b.promise],
    ]);
    const used: string[] = [];
    await render(<Probe dep="a" loads={loads} used={used} failed={[]} />);
    await render(<Probe dep="b" loads={loads} used={used} failed={[]} />);
    await settle(b, 'reply b');
    await settle(a, 'reply a');
    expect(used).toEqual(['reply b']);
  });

  it('uses the reply when no newer run began', async () => {
    const a = deferred<string>();
    const used: string[] = [];
    await render(<Probe dep="a" loads={new Map([['a', a.promise]])} used={used} failed={[]} />);
    await settle(a, 'reply a');
    expect(used).toEqual(['reply a']);
  });

  it('drops an older reply when the newer deps have nothing to load', async () => {
    const a = deferred<string>();
    const loads = new Map<string, Promise<string> | null>([
      ['a', a.promise],
      ['none', null],
    ]);
    const used: string[] = [];
    await render(<Probe dep="a" loads={loads} used={used} failed={[]} />);
    await render(<Probe dep="none" loads={loads} used={used} failed={[]} />);
    await settle(a, 'reply a');
    expect(used).toEqual([]);
  });

  it('drops a reply that comes after unmounting', async () => {
    const a = deferred<string>();
    const used: string[] = [];
    await render(<Probe dep="a" loads={new Map([['a', a.promise]])} used={used} failed={[]} />);
    await act(async () => root!.render(null));
    await settle(a, 'reply a');
    expect(used).toEqual([]);
  });

  it('hands the latest run’s error to onError, and only the latest’s', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const loads = new Map([
      ['a', a.promise],
      ['b', b.promise],
    ]);
    const failed: unknown[] = [];
    await render(<Probe dep="a" loads={loads} used={[]} failed={failed} />);
    await render(<Probe dep="b" loads={loads} used={[]} failed={failed} />);
    await act(async () => a.reject(new Error('old')));
    await act(async () => b.reject(new Error('new')));
    await tick();
    expect(failed.map((e) => (e as Error).message)).toEqual(['new']);
  });
});

describe('useLatestRuns', () => {
  let runs: LatestRuns;
  function Holder() {
    runs = useLatestRuns();
    return null;
  }
  /** A run of `d`, its reply kept in `out`. */
  const runOn = (d: { promise: Promise<string> }, out: string[]) =>
    runs.run(
      () => d.promise,
      (v) => out.push(v),
      () => undefined,
    );

  it('is one object for the component’s life', async () => {
    await render(<Holder />);
    const first = runs;
    await render(<Holder />);
    expect(runs).toBe(first);
  });

  it('run: only the latest run’s reply is used', async () => {
    await render(<Holder />);
    const a = deferred<string>();
    const b = deferred<string>();
    const used: string[] = [];
    void runOn(a, used);
    void runOn(b, used);
    await settle(a, 'a');
    await settle(b, 'b');
    expect(used).toEqual(['b']);
  });

  it('run: an older run settles for its caller only once the latest has (a busy flag ends with the reply shown)', async () => {
    await render(<Holder />);
    const a = deferred<string>();
    const b = deferred<string>();
    const c = deferred<string>();
    const shown: string[] = [];
    const order: string[] = [];
    const first = runOn(a, shown).then(() => order.push(`a done, shown ${shown.join()}`));
    void runOn(b, shown);
    await settle(a, 'a');
    expect(order).toEqual([]);
    // A third run begun while the first waits for the second: the first waits for it too.
    void runOn(c, shown);
    await settle(b, 'b');
    expect(order).toEqual([]);
    await settle(c, 'c');
    await first;
    expect(order).toEqual(['a done, shown c']);
  });

  it('run: a load that throws at once is an error of that run', async () => {
    await render(<Holder />);
    const failed: unknown[] = [];
    await runs.run(
      () => {
        throw new Error('at once');
      },
      () => undefined,
      (e) => failed.push(e),
    );
    expect(failed.map((e) => (e as Error).message)).toEqual(['at once']);
  });

  it('run: the guard handed to the load says whether the run is still the latest', async () => {
    await render(<Holder />);
    let guard: () => boolean = () => true;
    const a = deferred<string>();
    void runs.run(
      (current) => {
        guard = current;
        return a.promise;
      },
      () => undefined,
      () => undefined,
    );
    expect(guard()).toBe(true);
    runs.begin();
    expect(guard()).toBe(false);
  });

  it('begin: a guard turns false when a newer run begins', async () => {
    await render(<Holder />);
    const first = runs.begin();
    const second = runs.begin();
    expect([first(), second()]).toEqual([false, true]);
  });

  it('run: work an effect starts once still lands through StrictMode’s second mount (ScanPanel’s first scan)', async () => {
    function StartsOnce({ load, used }: { load: () => Promise<string>; used: string[] }) {
      const latest = useLatestRuns();
      const started = useRef(false);
      useEffect(() => {
        if (started.current) return;
        started.current = true;
        void latest.run(
          load,
          (v) => used.push(v),
          () => undefined,
        );
      }, [latest, load, used]);
      return null;
    }
    const a = deferred<string>();
    const used: string[] = [];
    await render(
      <StrictMode>
        <StartsOnce load={() => a.promise} used={used} />
      </StrictMode>,
    );
    await settle(a, 'a');
    expect(used).toEqual(['a']);
  });
});
