// Figures, budgets, the printed table and the JSON file.
import { fmt, median, summary } from './stats.mjs';

/**
 * A budget, checked on the median of Docket's values (`on: 'docket'`) or of the ratios to the baseline (`on: 'ratio'`).
 * @typedef {{ on: 'docket' | 'ratio', op: '<=' | '>=', limit: number, text: string }} Budget
 */

/**
 * One measured figure.
 *  docket: one value per run (Docket's); baseline: the baseline's, same runs; ratio: docket / baseline per run.
 *  budget: { on: 'docket' | 'ratio', op: '<=' | '>=', limit, text } — checked on the median.
 * @param {{ name: string, unit?: string, docket: number[], baseline?: number[], budget?: Budget, note?: string }} input
 */
export function figure({ name, unit = 'ms', docket, baseline, budget, note }) {
  const ratio =
    baseline && baseline.length === docket.length ? docket.map((d, i) => (baseline[i] > 0 ? d / baseline[i] : NaN)) : undefined;
  const f = {
    name,
    unit,
    docket: summary(docket),
    baseline: baseline ? summary(baseline) : undefined,
    ratio: ratio ? summary(ratio) : undefined,
    budget,
    note,
  };
  if (budget) {
    const value = budget.on === 'ratio' ? f.ratio?.median : f.docket.median;
    f.pass = Number.isFinite(value) ? (budget.op === '>=' ? value >= budget.limit : value <= budget.limit) : false;
  }
  return f;
}

const num = (v, ints) => (ints && Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : fmt(v));
const cell = (s) => {
  if (!s) return '';
  const ints = s.values.every((v) => Number.isInteger(v));
  if (s.min === s.max) return num(s.median, ints);
  return `${num(s.median, ints)} (${num(s.min, ints)}–${num(s.max, ints)})`;
};

export function tableRows(scenarios) {
  const rows = [];
  for (const s of scenarios) {
    for (const f of s.figures) {
      rows.push([
        s.id,
        `${f.name}${f.unit ? ` (${f.unit})` : ''}`,
        cell(f.docket),
        f.baseline
          ? num(
              f.baseline.median,
              f.baseline.values.every((v) => Number.isInteger(v)),
            )
          : '',
        f.ratio ? `${fmt(f.ratio.median)}×` : '',
        f.budget?.text ?? '',
        f.budget ? (f.pass ? 'pass' : '**FAIL**') : '',
      ]);
    }
    if (s.error) rows.push([s.id, `error: ${s.error}`, '', '', '', '', '**FAIL**']);
  }
  return rows;
}

export function markdownTable(scenarios) {
  const head = ['#', 'Figure', 'Docket median (min–max)', 'Baseline median', 'Docket / baseline', 'Budget', 'Result'];
  const rows = tableRows(scenarios);
  const line = (r) => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A plain-text table for the terminal. */
export function textTable(scenarios) {
  const head = ['#', 'Figure', 'Docket median (min–max)', 'Baseline', 'Ratio', 'Budget', 'Result'];
  const rows = tableRows(scenarios).map((r) => r.map((c) => String(c).replace(/\*\*/g, '')));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export { median };
