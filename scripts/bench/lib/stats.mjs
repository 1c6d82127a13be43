// Small statistics helpers for the benchmark (no dependencies).

export function sorted(values) {
  return values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
}

/** Linear-interpolated quantile, q in [0, 1]. */
export function quantile(values, q) {
  const s = sorted(values);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);
export const min = (values) => sorted(values)[0] ?? NaN;
export const max = (values) => sorted(values).at(-1) ?? NaN;
export const sum = (values) => values.reduce((a, b) => a + b, 0);

export function summary(values) {
  const s = sorted(values);
  return {
    n: s.length,
    median: median(s),
    min: min(s),
    max: max(s),
    q1: quantile(s, 0.25),
    q3: quantile(s, 0.75),
    values: s.map((v) => round(v)),
  };
}

export function round(v, digits = 3) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** A number for a table cell: 3 significant-ish digits. */
export function fmt(v) {
  if (typeof v !== 'number' || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
