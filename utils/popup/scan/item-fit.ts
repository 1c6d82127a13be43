/**
 * Fitting the item scorer (item-model.ts) on examples taken from the keys: each example is one
 * document's choices (item-cues.ts) and which of them the key accepts (one or more: a list item
 * and the heading it repeats may both be "the item"; "none" when the key has no workstream).
 *
 * The model is a conditional logit (a softmax over one block's choices); the fit maximises the
 * likelihood that the accepted choices win, with an L2 penalty, by full-batch gradient descent
 * from zero weights for a fixed number of steps: deterministic, the same examples in the same
 * order give the same weights. Not bundled: only the scripts and tests import it.
 */
import { CUES } from './item-cues';
import type { ItemChoice } from './item-cues';
import type { ItemModel } from './item-model';

export interface FitExample {
  choices: ItemChoice[];
  /** Indexes of the choices the key accepts (non-empty). */
  accepted: number[];
  /** The example's weight (default 1). */
  weight?: number;
}

export interface FitOptions {
  /** L2 penalty (default 0.05 per example weight). */
  l2?: number;
  steps?: number;
  rate?: number;
  /** Cues left out (always weight 0): to compare designs. */
  without?: readonly string[];
}

interface Sparse {
  /** Per choice: the indexes and values of its non-zero cues. */
  idx: Int32Array[];
  val: Float64Array[];
  accepted: Set<number>;
  weight: number;
}

function sparse(ex: FitExample): Sparse {
  const idx: Int32Array[] = [];
  const val: Float64Array[] = [];
  for (const c of ex.choices) {
    const i: number[] = [];
    const v: number[] = [];
    c.cues.forEach((x, k) => {
      if (x) {
        i.push(k);
        v.push(x);
      }
    });
    idx.push(Int32Array.from(i));
    val.push(Float64Array.from(v));
  }
  return { idx, val, accepted: new Set(ex.accepted), weight: ex.weight ?? 1 };
}

/** Negative log-likelihood (with the penalty) and its gradient. */
function lossAndGradient(w: Float64Array, examples: readonly Sparse[], l2: number, mask: Uint8Array) {
  const k = w.length;
  const grad = new Float64Array(k);
  let loss = 0;
  let total = 0;
  for (const ex of examples) {
    total += ex.weight;
    const m = ex.idx.length;
    const scores = new Float64Array(m);
    let max = -Infinity;
    for (let j = 0; j < m; j++) {
      let s = 0;
      const ij = ex.idx[j]!;
      const vj = ex.val[j]!;
      for (let t = 0; t < ij.length; t++) s += w[ij[t]!]! * vj[t]!;
      scores[j] = s;
      if (s > max) max = s;
    }
    let z = 0;
    let za = 0;
    for (let j = 0; j < m; j++) {
      scores[j] = Math.exp(scores[j]! - max);
      z += scores[j]!;
      if (ex.accepted.has(j)) za += scores[j]!;
    }
    loss += ex.weight * (Math.log(z) - Math.log(za));
    // d/dw = E_all[cues] − E_accepted[cues]
    for (let j = 0; j < m; j++) {
      const f = (scores[j]! / z - (ex.accepted.has(j) ? scores[j]! / za : 0)) * ex.weight;
      if (f === 0) continue;
      const ij = ex.idx[j]!;
      const vj = ex.val[j]!;
      for (let t = 0; t < ij.length; t++) grad[ij[t]!]! += f * vj[t]!;
    }
  }
  const n = Math.max(1, total);
  for (let i = 0; i < k; i++) {
    grad[i] = mask[i] ? 0 : grad[i]! / n + l2 * w[i]!;
    loss += (n * l2 * w[i]! * w[i]!) / 2;
  }
  return { loss: loss / n, grad };
}

/** Fits the weights (deterministic). */
export function fitItemModel(examples: readonly FitExample[], opts: FitOptions = {}): ItemModel {
  const l2 = opts.l2 ?? 0.05;
  const steps = opts.steps ?? 1500;
  const rate = opts.rate ?? 0.5;
  const mask = new Uint8Array(CUES.length);
  for (const c of opts.without ?? []) {
    const i = CUES.indexOf(c as (typeof CUES)[number]);
    if (i >= 0) mask[i] = 1;
  }
  const usable = examples.filter((e) => e.accepted.length && e.choices.length).map(sparse);
  const w = new Float64Array(CUES.length);
  for (let s = 0; s < steps; s++) {
    const { grad } = lossAndGradient(w, usable, l2, mask);
    for (let i = 0; i < w.length; i++) w[i] = w[i]! - rate * grad[i]!;
  }
  return { cues: [...CUES], weights: [...w].map((x) => Math.round(x * 1e6) / 1e6) };
}

/** The fit's loss on examples (for tests and reports). */
export function modelLoss(model: ItemModel, examples: readonly FitExample[], l2 = 0): number {
  const w = new Float64Array(CUES.length);
  CUES.forEach((c, i) => {
    const j = model.cues.indexOf(c);
    if (j >= 0) w[i] = model.weights[j] ?? 0;
  });
  return lossAndGradient(w, examples.map(sparse), l2, new Uint8Array(CUES.length)).loss;
}
