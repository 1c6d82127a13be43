/** The designs of the item scorer that eval:capture --designs compares (README: "How well Scan reads minutes"). */
export interface Design {
  name: string;
  about: string;
  /** Cues left out of the fit. */
  without: readonly string[];
}

export const DESIGNS: readonly Design[] = [
  { name: 'rules', about: 'the fixed rules alone (the outline as it was)', without: [] },
  { name: 'cues+rule', about: "every cue, the fixed rule's choice among them", without: [] },
  { name: 'cues', about: "every cue but the fixed rule's choice", without: ['rule_pick'] },
];

/** The design item-model.json is fitted with. */
export const SHIPPED_DESIGN = 'cues+rule';
