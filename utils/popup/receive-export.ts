/**
 * Receiving an export (issue 28, item 2): the background sends its text in pieces
 * (`export/piece`), and the page gathers them into a Blob piece by piece, so that no message and
 * no single string grows with the index.
 */
import type { ExportStarted, Req, Res } from '../shared/protocol';

type Piece = (type: 'export/piece', data: Req<'export/piece'>) => Promise<Res<'export/piece'>>;

/** The whole file as a Blob; `onPiece(received)` after each piece (characters so far). */
export async function receiveExport(send: Piece, started: ExportStarted, onPiece?: (chars: number) => void): Promise<Blob> {
  const parts: Blob[] = [];
  let chars = 0;
  for (let index = 0; ; index++) {
    const { chunk, last } = await send('export/piece', { exportId: started.exportId, index });
    parts.push(new Blob([chunk]));
    chars += chunk.length;
    onPiece?.(chars);
    if (last) break;
  }
  return new Blob(parts, { type: started.mime });
}
