/**
 * Protections of the spreadsheet: a whole sheet or a range of it, with the users allowed to edit.
 * Range protections follow their cells when rows or columns are inserted or deleted, as in Sheets.
 */
export interface Box {
  /** 1-based. */
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ProtectionState {
  id: number;
  sheetId: number;
  /** null for a sheet protection. */
  range: Box | null;
  description: string;
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
}

export function intersects(a: Box, b: Box): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

/** Whether `user` may write past protection `p` (warning-only protections only warn). */
export function mayEdit(p: ProtectionState, user: string, owner: string): boolean {
  return p.warningOnly || user === owner || p.editors.includes(user);
}

export type Axis = 'row' | 'col';

function span(box: Box, axis: Axis): [number, number] {
  return axis === 'row' ? [box.row, box.numRows] : [box.col, box.numCols];
}

function setSpan(box: Box, axis: Axis, start: number, size: number): void {
  if (axis === 'row') {
    box.row = start;
    box.numRows = size;
  } else {
    box.col = start;
    box.numCols = size;
  }
}

/** Moves or grows `box` for `count` rows/columns inserted before 1-based `at` (in place). */
export function shiftBoxForInsert(box: Box, axis: Axis, at: number, count: number): void {
  const [start, size] = span(box, axis);
  if (at <= start) setSpan(box, axis, start + count, size);
  else if (at < start + size) setSpan(box, axis, start, size + count);
}

/** Shrinks or moves `box` for `count` rows/columns deleted from 1-based `at`; false when all its cells went. */
export function shiftBoxForDelete(box: Box, axis: Axis, at: number, count: number): boolean {
  const end = at + count;
  const [start, size] = span(box, axis);
  const stop = start + size;
  const keptBefore = Math.max(0, Math.min(stop, at) - start);
  const keptAfter = Math.max(0, stop - Math.max(start, end));
  const newStart = start < at ? start : Math.max(at, start - count);
  setSpan(box, axis, newStart, keptBefore + keptAfter);
  return keptBefore + keptAfter > 0;
}

/** Shifts range protections of `sheetId` for `count` rows/columns inserted before 1-based `at`. */
export function shiftForInsert(list: ProtectionState[], sheetId: number, axis: Axis, at: number, count: number): void {
  for (const p of list) if (p.sheetId === sheetId && p.range) shiftBoxForInsert(p.range, axis, at, count);
}

/**
 * Shrinks or shifts range protections of `sheetId` for `count` rows/columns deleted from 1-based
 * `at`; a protection whose cells are all deleted goes with them. Returns the remaining list.
 */
export function shiftForDelete(list: ProtectionState[], sheetId: number, axis: Axis, at: number, count: number): ProtectionState[] {
  return list.filter((p) => p.sheetId !== sheetId || !p.range || shiftBoxForDelete(p.range, axis, at, count));
}
