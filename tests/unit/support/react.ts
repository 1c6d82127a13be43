/**
 * The one React harness for component tests (happy-dom): a fresh host element and root for every test,
 * unmounted after it, and the few ways a test acts on what was drawn (inside React's act()).
 *
 * Call setUpReact() after the file's own beforeEach/afterEach: the host is made after the file's set-up
 * (its mocks are in place) and the root unmounted before the file's clean-up runs.
 */
import { act } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The element the test draws into (the body's only child). */
export let host: HTMLElement;
/** Its React root (null until startRoot() when set up with `lazyRoot`). */
export let root: Root | null = null;

/**
 * Before each test: a new host (with `id`, if given) as the body's only child and, unless `lazyRoot`,
 * its root. After each: the root unmounted.
 */
export function setUpReact(options: { id?: string; lazyRoot?: boolean } = {}): void {
  beforeEach(() => {
    host = document.createElement('div');
    if (options.id) host.id = options.id;
    document.body.replaceChildren(host);
    if (!options.lazyRoot) root = createRoot(host);
  });
  afterEach(() => {
    const r = root;
    if (r) act(() => r.unmount());
    root = null;
  });
}

/** The root for a test set up with `lazyRoot` (what was drawn in the host before is React's to replace). */
export function startRoot(): Root {
  root = createRoot(host);
  return root;
}

/** One turn of the event loop, inside act (replies resolved by mocks land). */
export const tick = () => act(async () => new Promise((r) => setTimeout(r, 0)));

/** Draw `node`, let its effects run and the mocks' first replies land (one tick). */
export async function render(node: ReactNode): Promise<void> {
  await act(async () => root!.render(node));
  await tick();
}

/** The button whose text matches `name`. */
export function button(name: RegExp): HTMLButtonElement {
  const b = [...host.querySelectorAll('button')].find((x) => name.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${name}`);
  return b;
}

/** The control labelled `name` (a label's whole text, or a pattern). */
export function labelled(name: string | RegExp): HTMLInputElement & HTMLSelectElement {
  const label = [...host.querySelectorAll('label')].find((l) =>
    typeof name === 'string' ? l.textContent === name : name.test(l.textContent ?? ''),
  );
  if (!label) throw new Error(`no label ${name}`);
  return host.querySelector('#' + CSS.escape(label.htmlFor)) as HTMLInputElement & HTMLSelectElement;
}

/** Type `value` into `el` as a member would (React sees an input event). */
export async function setValue(el: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
