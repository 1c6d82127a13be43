import { safeColor } from '@/utils/popup/answer-schema';

/** A workstream's colour dot (decorative: the name always sits next to it). Only `#rrggbb` is drawn. */
export function Swatch({ color }: { color?: string }) {
  return <span className="swatch" aria-hidden="true" style={{ background: safeColor(color) ?? 'transparent' }} />;
}
