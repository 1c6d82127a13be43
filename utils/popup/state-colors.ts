/**
 * The popup's colours for states come from the one table (shared/states.ts): at start, each urgency's
 * colour becomes a CSS custom property on the root (`--state-overdue`, `--state-overdue-dark`, …), and the
 * style sheet's `--danger`, `--warn`, `--ok` and the status pills use those, in light and dark.
 */
import { URGENCY_LOOK } from '../shared/states';
import type { Urgency } from '../shared/urgency';

/** Every `--state-<urgency>` and `--state-<urgency>-dark` property with its colour. */
export function stateColorProperties(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [urgency, look] of Object.entries(URGENCY_LOOK) as Array<[Urgency, (typeof URGENCY_LOOK)[Urgency]]>) {
    out[`--state-${urgency}`] = look.color;
    out[`--state-${urgency}-dark`] = look.darkColor;
  }
  return out;
}

export function applyStateColors(root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(stateColorProperties())) root.style.setProperty(name, value);
}
