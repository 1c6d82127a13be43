/**
 * A page's list items as the scanner reads them (structure.ts step 3): each item's own line (its head: the
 * lines of its first paragraph), the item that line names and its role, and the chain of items around a line.
 */
import type { Flow, FlowLine } from './flow';
import type { Heading, Role } from './headings';
import { isContainerText, isTitleLike, itemName } from './headings';
import { clean } from './heading-lines';

/** The list items of `flow`, as headings made on first use. */
export function listItems(flow: Flow, titleWords: ReadonlySet<string>) {
  const lines = flow.lines;
  const liHead = new Map<number, FlowLine[]>();
  for (const l of lines) {
    if (l.blank || l.liId < 0) continue;
    const head = liHead.get(l.liId);
    if (!head) liHead.set(l.liId, [l]);
    else if (head[head.length - 1]!.para === l.para) head.push(l);
  }
  const liNodeCache = new Map<number, Heading>();
  const liIds = new Map<Heading, number>();
  const liNode = (id: number): Heading => {
    let node = liNodeCache.get(id);
    if (node) return node;
    const head = liHead.get(id) ?? [];
    const full = clean(head.map((l) => l.text).join(' '));
    // A long own line names its item in its first sentence ("report from Repositories workshop
    // (Alice). Workshop info at <link>. …").
    const first = full.split(/\s+/).length > 14 ? /^(.{6,120}?[a-z0-9)\]])[.;]\s+(?=[A-Z<])/.exec(full)?.[1] : undefined;
    const text = first && first.split(/\s+/).length <= 14 ? first : full;
    const name = itemName(text);
    const role: Role = !name
      ? 'reset'
      : isContainerText(text, titleWords)
        ? 'container'
        : isTitleLike(text) && !/^\[?\s*[x ]?\s*\]/i.test(text)
          ? 'item'
          : 'reset';
    node = {
      line: head[0]?.index ?? -1,
      text,
      name,
      rank: 20 + (flow.lis[id]?.depth ?? 0),
      kind: 'section',
      role,
      subpoint: false,
      source: 'li',
    };
    liNodeCache.set(id, node);
    liIds.set(node, id);
    return node;
  };
  const liChain = (id: number): Heading[] => {
    const chain: Heading[] = [];
    for (let j = id; j >= 0; j = flow.lis[j]?.parent ?? -1) chain.unshift(liNode(j));
    return chain;
  };
  return { liHead, liIds, liChain };
}
