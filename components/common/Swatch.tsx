/** A workstream's colour dot (decorative: the name always sits next to it). */
export function Swatch({ color }: { color?: string }) {
  return <span className="swatch" aria-hidden="true" style={{ background: color ?? 'transparent' }} />;
}
