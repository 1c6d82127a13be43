/**
 * The scorer of item choices (item-cues.ts): a linear score per choice, the highest wins (the
 * first on a tie). Its weights are data, fitted on the corpora's keys by `npm run fit:capture`
 * (item-fit.ts) and read from item-model.json; the eval fits them again without each group.
 */
import { CUES } from './item-cues';
import type { ItemChoice } from './item-cues';
import fitted from './item-model.json';

export interface ItemModel {
  /** Cue names, as item-cues.ts CUES (a model names its weights, so cues may be added later). */
  cues: readonly string[];
  weights: readonly number[];
}

/** The weights in CUES order (a cue the model does not know weighs 0). */
export function weightVector(model: ItemModel): Float64Array {
  const w = new Float64Array(CUES.length);
  const at = new Map(model.cues.map((c, i) => [c, i] as const));
  CUES.forEach((c, i) => {
    const j = at.get(c);
    if (j !== undefined) w[i] = model.weights[j] ?? 0;
  });
  return w;
}

export function scoreChoice(w: Float64Array, choice: ItemChoice): number {
  let s = 0;
  const cues = choice.cues;
  for (let i = 0; i < cues.length; i++) if (cues[i]) s += w[i]! * cues[i]!;
  return s;
}

/** The best choice's index. */
export function bestChoice(w: Float64Array, choices: readonly ItemChoice[]): number {
  let best = 0;
  let bestScore = -Infinity;
  choices.forEach((c, i) => {
    const s = scoreChoice(w, c);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

export const FITTED_MODEL: ItemModel = fitted;
