/**
 * Docket's editor windows (issue 13, item 2): at most one per tab that asked for it. A second
 * request from the same tab goes to the window already open, brought to the front, instead of a
 * new one. Which window belongs to which tab is kept in `memory` (the session's storage) so that
 * a restarted service worker still knows.
 */
export interface WindowApi {
  /** Open `url` in a new small window; its id. */
  create(url: string): Promise<number | undefined>;
  /** Show `url` in that window and bring it forward; false when the window is gone. */
  reuse(windowId: number, url: string): Promise<boolean>;
}

/** Where the tab → window pairs are kept between service worker starts. */
export interface WindowMemory {
  load(): Promise<Record<string, number>>;
  save(pairs: Record<string, number>): Promise<void>;
}

export interface EditorWindows {
  open(url: string, tabId?: number): Promise<void>;
  /** A window was closed. */
  closed(windowId: number): Promise<void>;
}

export function createEditorWindows(api: WindowApi, memory?: WindowMemory): EditorWindows {
  let pairs: Promise<Map<number, number>> | undefined;
  const known = () =>
    (pairs ??= (memory?.load() ?? Promise.resolve({}))
      .catch((): Record<string, number> => ({}))
      .then((saved) => {
        const map = new Map<number, number>();
        for (const [tab, win] of Object.entries(saved)) if (typeof win === 'number') map.set(Number(tab), win);
        return map;
      }));
  const save = async (map: Map<number, number>) =>
    memory?.save(Object.fromEntries([...map].map(([tab, win]) => [String(tab), win]))).catch(() => undefined);
  return {
    async open(url, tabId) {
      const map = await known();
      const windowId = tabId === undefined ? undefined : map.get(tabId);
      if (windowId !== undefined && (await api.reuse(windowId, url).catch(() => false))) return;
      const id = await api.create(url);
      if (tabId === undefined || id === undefined) return;
      map.set(tabId, id);
      await save(map);
    },
    async closed(windowId) {
      const map = await known();
      let changed = false;
      for (const [tab, id] of map) if (id === windowId) changed = map.delete(tab) || changed;
      if (changed) await save(map);
    },
  };
}
