// Chrome tracing through CDP, and attribution of the page's main-thread time to
// whoever ran it: Docket's content script, the baseline script, the page itself,
// the benchmark's own instrumentation, or the browser's rendering.

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline', // RunTask: the task boundaries
  'v8.execute', // RunMicrotasks
  'blink.user_timing', // navigationStart and performance.mark()
];

/**
 * A trace event (Chrome's trace event format; the fields read here).
 * @typedef {{ name: string, cat: string, ph: string, pid: number, tid: number, ts: number, dur?: number, tdur?: number, args?: any }} TraceEvent
 */
/**
 * Every event of a trace; `dataLoss` when the trace buffer overflowed.
 * @typedef {TraceEvent[] & { dataLoss?: boolean }} TraceEvents
 */

/**
 * Start tracing on a CDP session; `stop()` resolves with every event.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string[]} [categories]
 */
export async function startTrace(cdp, categories = TRACE_CATEGORIES) {
  /** @type {TraceEvents} */
  const events = [];
  const onData = (e) => {
    for (const ev of e.value) events.push(ev);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { dataLossOccurred } = await done;
      cdp.off('Tracing.dataCollected', onData);
      // The trace buffer overflowed: some events are missing (figures from it are low).
      events.dataLoss = !!dataLossOccurred;
      return events;
    },
  };
}

const RENDER_EVENTS = new Set([
  'UpdateLayoutTree',
  'RecalculateStyles',
  'Layout',
  'PrePaint',
  'Paint',
  'PaintImage',
  'Layerize',
  'Commit',
  'UpdateLayer',
  'UpdateLayerTree',
  'CompositeLayers',
  'ScheduleStyleRecalculation',
  'IntersectionObserverController::computeIntersections',
  'HitTest',
  'ParseAuthorStyleSheet',
]);
const JS_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'V8.Execute',
  'v8.run',
  'v8.callFunction',
]);

function urlOf(e) {
  const d = e.args?.data;
  return d?.url ?? d?.stackTrace?.[0]?.url ?? e.args?.fileName ?? undefined;
}

/**
 * Attribute the main thread of the renderer that loaded `pageUrl`.
 *  - classify(url, event) → owner name ('docket', 'baseline', 'page', 'bench', 'tool') for a JS entry with a URL.
 *  - orphanMicrotasks: owner of a microtask checkpoint that runs as a task of its own with no
 *    script URL inside it (promise continuations resumed by an extension message reply).
 */
export function analyzeMainThread(events, { pageUrl, classify, orphanMicrotasks = 'unattributed' }) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl);
  let pid = nav?.pid;
  let tid = nav?.tid;
  if (!nav) {
    // Tracing started after the navigation: the renderer that holds the page's frame, its main thread.
    const frames = events.filter((e) => e.name === 'TracingStartedInBrowser').flatMap((e) => e.args?.data?.frames ?? []);
    pid = frames.find((f) => f.url === pageUrl)?.processId;
    tid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
    if (pid === undefined || tid === undefined) throw new Error(`No renderer for ${pageUrl} in the trace`);
  }
  const thread = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);

  // Nest the events, then give every piece of self time an owner.
  const nodes = [];
  const stack = [];
  const tasks = [];
  for (const e of thread) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const parent = stack.at(-1) ?? null;
    const url = JS_EVENTS.has(e.name) ? urlOf(e) : undefined;
    let owner = url ? classify(url, e) : undefined;
    if (!owner && e.name === 'EvaluateScript' && url === '' && !e.cat.includes('disabled-by-default')) owner = 'tool';
    const cpu = typeof e.tdur === 'number' ? e.tdur : e.dur;
    const node = {
      e,
      name: e.name,
      ts: e.ts,
      dur: e.dur,
      end: e.ts + e.dur,
      parent,
      children: [],
      owner,
      self: e.dur,
      selfCpu: cpu,
    };
    if (parent) {
      parent.children.push(node);
      parent.self -= e.dur;
      parent.selfCpu -= cpu;
    } else {
      node.task = node;
      tasks.push(node);
    }
    if (parent) node.task = parent.task;
    nodes.push(node);
    stack.push(node);
  }
  // Effective owner: own, else the nearest ancestor's; a top-level microtask checkpoint without any owner is an orphan.
  for (const n of nodes) {
    if (n.owner) n.eff = n.owner;
    else if (n.parent?.eff) n.eff = n.parent.eff;
    else if (n.name === 'RunMicrotasks') n.eff = orphanMicrotasks;
    else if (RENDER_EVENTS.has(n.name)) n.eff = 'render';
    else if (n.name === 'ParseHTML') n.eff = 'parse';
    else if (/GC|Scavenge|Sweep|Mark/i.test(n.name) && !n.parent?.eff) n.eff = 'gc';
    else n.eff = null;
  }
  // A task in which only one owner ran script is that owner's, overhead included (context creation, GC).
  const JS_OWNERS = new Set(['docket', 'baseline', 'page', 'bench', 'tool', 'unattributed', 'other-extension']);
  for (const t of tasks) {
    const owners = new Set();
    const seen = (n) => {
      if (n.eff && JS_OWNERS.has(n.eff)) owners.add(n.eff);
      n.children.forEach(seen);
    };
    seen(t);
    if (owners.size !== 1) continue;
    const [only] = owners;
    const claim = (n) => {
      if (n.eff === null || n.eff === 'gc') n.eff = only;
      n.children.forEach(claim);
    };
    claim(t);
  }
  for (const t of tasks) {
    t.owners = {};
    const walk = (n) => {
      const k = n.eff ?? 'other';
      t.owners[k] = (t.owners[k] ?? 0) + n.self / 1000;
      n.children.forEach(walk);
    };
    walk(t);
  }

  const marks = new Map();
  for (const e of events) {
    if (e.pid !== pid || !e.cat?.includes('blink.user_timing')) continue;
    if (!marks.has(e.name)) marks.set(e.name, []);
    marks.get(e.name).push(e.ts);
  }
  for (const list of marks.values()) list.sort((a, b) => a - b);

  /** Total self time (ms) per owner, optionally only for pieces that start in [from, to) (µs). */
  function ownedTime(owner, from = -Infinity, to = Infinity) {
    let total = 0;
    for (const n of nodes) if (n.eff === owner && n.ts >= from && n.ts < to) total += n.self;
    return total / 1000;
  }
  /** Like ownedTime, in the thread's CPU time (the trace's `tdur`): time the thread was descheduled on a busy machine left out. */
  function ownedCpu(owner) {
    let total = 0;
    for (const n of nodes) if (n.eff === owner) total += n.selfCpu;
    return total / 1000;
  }
  function totals(from = -Infinity, to = Infinity) {
    const out = {};
    for (const n of nodes) {
      if (n.ts < from || n.ts >= to) continue;
      const k = n.eff ?? 'other';
      out[k] = (out[k] ?? 0) + n.self / 1000;
    }
    return out;
  }
  /** First and last event owned by `owner` (µs), and the task each sits in. */
  function span(owner) {
    const mine = nodes.filter((n) => n.eff === owner);
    if (!mine.length) return null;
    const first = mine[0];
    const last = mine.reduce((a, b) => (b.end > a.end ? b : a));
    return { start: first.task.ts, firstTs: first.ts, end: last.end, firstTask: first.task, lastTask: last.task };
  }
  /** Per top-level task: ms of `owner` inside it (only tasks where it ran). */
  function tasksOf(owner) {
    return tasks
      .filter((t) => (t.owners[owner] ?? 0) > 0)
      .map((t) => ({ ts: t.ts, dur: t.dur / 1000, own: t.owners[owner], owners: t.owners }));
  }

  return { pid, tid, navigationStart: nav?.ts, nodes, tasks, marks, ownedTime, ownedCpu, totals, span, tasksOf };
}

/**
 * classify() for a page of the benchmark: the extension's scripts are Docket (its only extension: the content
 * script's later part is loaded from Chromium's dynamic address, chrome-extension://<a session id>/, not the
 * extension's id), /bench/baseline.js the baseline, /bench/observe.js the benchmark.
 */
export function benchClassifier() {
  return (url) => {
    if (url.startsWith('chrome-extension://')) return 'docket';
    if (url.includes('/bench/baseline.js')) return 'baseline';
    if (url.includes('/bench/observe.js')) return 'bench';
    if (url.startsWith('http')) return 'page';
    return 'tool';
  };
}
