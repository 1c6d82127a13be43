/**
 * `npm run fit:capture`: fits the item scorer (utils/popup/scan/item-fit.ts) on every key of the
 * batches (../shared/minutes-corpus, ../shared/minutes-corpus-2, the seeds) and writes its weights
 * to utils/popup/scan/item-model.json, which the scanner imports. Deterministic: the same keys
 * and pages give the same file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fitItemModel } from '../utils/popup/scan/item-fit';
import { DESIGNS, SHIPPED_DESIGN } from './capture-designs';
import { ROOT, RULE_MODEL, closeWindow, examplesOf, loadPages, scanPage } from './capture-lib';

const pages = await loadPages();
const examples = pages.filter((p) => !p.error).flatMap((p) => examplesOf(p, scanPage(p, { model: RULE_MODEL, explain: true })));
const design = DESIGNS.find((d) => d.name === SHIPPED_DESIGN)!;
const model = fitItemModel(examples, { without: design.without });
const file = resolve(ROOT, 'utils/popup/scan/item-model.json');
writeFileSync(file, `${JSON.stringify({ design: design.name, examples: examples.length, ...model }, null, 2)}\n`);
console.log(`item-model.json: design "${design.name}", ${examples.length} examples, ${model.cues.length} cues`);
await closeWindow();
