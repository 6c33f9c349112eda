import type { RichText, Typesetter } from './typesetter';

/** A table column; `share` is its fraction of the frame width. */
export interface Column {
  readonly header: string;
  readonly share: number;
  readonly align?: 'left' | 'center' | 'right';
}

const PADDING = 3;
const RULE_WIDTH = 0.5;

/**
 * Draws a ruled table across the frame. Rows never split; a row that does not fit goes to the
 * next page under a repeated header, so a reader never sees a row without its column names.
 */
export function drawTable(ts: Typesetter, columns: readonly Column[], rows: readonly (readonly RichText[])[], size = 10): void {
  const xs: number[] = [];
  let x = ts.frame.left;
  for (const column of columns) {
    xs.push(x);
    x += column.share * ts.width;
  }
  const widthOf = (i: number): number => columns[i].share * ts.width;

  const rowHeight = (cells: readonly RichText[], bold: boolean): number =>
    Math.max(...cells.map((cell, i) => ts.heightOf(cell, size, widthOf(i) - 2 * PADDING, bold ? 'bold' : 'regular'))) + 2 * PADDING;

  const drawRow = (cells: readonly RichText[], bold: boolean): void => {
    const height = rowHeight(cells, bold);
    const top = ts.y;
    cells.forEach((cell, i) => {
      ts.block(cell, {
        x: xs[i] + PADDING,
        y: top + PADDING,
        width: widthOf(i) - 2 * PADDING,
        size,
        style: bold ? 'bold' : 'regular',
        align: bold ? 'center' : (columns[i].align ?? 'left'),
      });
      ts.doc.lineWidth(RULE_WIDTH).rect(xs[i], top, widthOf(i), height).stroke();
    });
    ts.y = top + height;
  };

  const header = columns.map((column) => column.header);
  ts.ensureSpace(rowHeight(header, true) + (rows[0] ? rowHeight(rows[0], false) : 0));
  drawRow(header, true);
  for (const row of rows) {
    const height = rowHeight(row, false);
    if (ts.y + height > ts.frame.bottom) {
      ts.newPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
}
