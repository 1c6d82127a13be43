/**
 * `npm run fit:capture`: fits the item scorer (utils/popup/scan/item-fit.ts) on every key of the
 * batches (../shared/minutes-corpus, ../shared/minutes-corpus-2, the seeds) and writes its weights
 * to utils/popup/scan/item-model.json, which the scanner imports. Deterministic: the same keys
 * and pages give the same file.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { resolve } from 'node:path';
import { fitItemModel } from '../utils/popup/scan/item-fit';
import { DESIGNS, SHIPPED_DESIGN } from './capture-designs';
import { ROOT, RULE_MODEL, closeWindow, examplesOf, loadPages, scanPage } from './capture-lib';

const pages = await loadPages();
const examples = pages.filter((p) => !p.error).flatMap((p) => examplesOf(p, scanPage(p, { model: RULE_MODEL, explain: true })));
const design = DESIGNS.find((d) => d.name === SHIPPED_DESIGN)!;
const model = fitItemModel(examples, { without: design.without });
const file = resolve(ROOT, 'utils/popup/scan/item-model.json');
const json = JSON.stringify({ design: design.name, examples: examples.length, ...model });
// Written as `npm run lint` (prettier) wants it, so a refit changes only what changed.
writeFileSync(file, await format(json, { ...(await resolveConfig(file)), filepath: file }));
console.log(`item-model.json: design "${design.name}", ${examples.length} examples, ${model.cues.length} cues`);
await closeWindow();
