/**
 * `npx tsx scripts/scan-outline.ts PAGE.html [--all]`: how the scanner reads one page — its
 * headings (level, role, name), its agenda, and for each Google document link the block it is
 * in and the item chosen. For tuning on the minutes corpus; not used by the extension.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { flowOf } from '../utils/popup/scan/flow';
import { buildOutline } from '../utils/popup/scan/structure';
import { findDocLinks } from '../utils/popup/scan/text-links';

const file = process.argv[2];
if (!file) throw new Error('usage: scan-outline.ts PAGE.html');
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
const doc = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html') as unknown as Document;
const flow = flowOf(doc);
const outline = buildOutline(flow, doc.title);
console.log(
  'agenda:',
  outline.agenda.map((e) => e.text),
);
for (const h of outline.headings)
  console.log(`${String(h.rank).padEnd(4)} ${h.role.padEnd(9)} ${JSON.stringify(h.name).slice(0, 110)}`);
console.log('--- links');
for (const hit of findDocLinks(flow, 'https://example.org/')) {
  const b = outline.blockAt(hit.start);
  console.log(
    `${hit.id}  → ${JSON.stringify(b?.section?.name ?? '')} [${b?.section?.source ?? ''}] in ${JSON.stringify(b?.text.slice(0, 90))}`,
  );
}
await window.happyDOM.close();
if (process.argv.includes('--lis')) {
  for (const l of flow.lines)
    if (l.liId >= 0 && !l.blank) console.log(l.liId, flow.lis[l.liId]?.parent, l.para, JSON.stringify(l.text.slice(0, 80)));
}
