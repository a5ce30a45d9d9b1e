/**
 * The bound spreadsheet's persistent state: its sheets, protections, time zone and locale. It
 * outlives executions (the World holds it) and is what the dev server shows and edits; the
 * SpreadsheetApp objects of an execution are views onto it.
 */
import { formatA1 } from './a1';
import { parseTyped } from './coercion';
import { displayValue } from './display';
import {
  DELETE_ALL_COLUMNS_MESSAGE, DELETE_ALL_ROWS_MESSAGE, DELETE_LAST_SHEET_MESSAGE, invalidArgumentMessage, OUTSIDE_MESSAGE,
  PROTECTED_MESSAGE, RANGE_NOT_FOUND_MESSAGE, sheetExistsMessage,
} from './messages';
import { parseA1 } from './a1';
import type { Written } from './coercion';
import { sortOrder } from './sort';
import { FILTER_EXISTS_MESSAGE } from './filter-model';
import { Box, intersects, mayEdit, ProtectionState, shiftForDelete, shiftForInsert } from './protection-model';
import { FilterState, SheetModel } from './sheet-model';
import { rejectionMessage, satisfies, ValidationState, warningMessage } from './validation-model';
import { CellJSON, cellFromJSON, cellToJSON, cellToPlain, CellValue } from './values';

export { SheetModel } from './sheet-model';
export type { ProtectionState, Box } from './protection-model';

export const DEFAULT_TIME_ZONE = 'Europe/Helsinki';
export const DEFAULT_LOCALE = 'en_US';

export interface SheetSnapshot {
  values: unknown[][];
  formulas: string[][];
  displayValues: string[][];
  protections: { description: string; range: string | null; editors: string[]; warningOnly: boolean }[];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  hidden: boolean;
  /** 1-based columns hidden by the user. */
  hiddenColumns: number[];
}

/** A block a person pasted: where it landed, for the edit event (one event over the whole range). */
export type UserPasteResult =
  | { ok: true; box: Box; oldValue?: string | number | boolean; value?: string | number | boolean; warnings: string[] }
  | { ok: false; message: string };

/** What a person does from the Sheets menus (POST /api/sheet-action). */
export type SheetAction =
  | { action: 'sort'; range: string; column: number; ascending: boolean }
  | { action: 'insertRows' | 'deleteRows' | 'insertColumns' | 'deleteColumns'; start: number; count: number }
  | { action: 'filter'; range: string | null };

/** The on-change event's changeType for each action (Google's event-objects page, Sheets "Change"). */
export const CHANGE_TYPE_OF: Record<SheetAction['action'], 'INSERT_ROW' | 'REMOVE_ROW' | 'INSERT_COLUMN' | 'REMOVE_COLUMN' | 'OTHER'> = {
  sort: 'OTHER',
  filter: 'OTHER',
  insertRows: 'INSERT_ROW',
  deleteRows: 'REMOVE_ROW',
  insertColumns: 'INSERT_COLUMN',
  deleteColumns: 'REMOVE_COLUMN',
};

export type UserEditResult =
  | { ok: true; oldValue: string | number | boolean | undefined; value: string | number | boolean; warning?: string }
  | { ok: false; message: string };

interface SheetJSON {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  hidden: boolean;
  /** 0-based hidden columns. */
  hiddenColumns?: number[];
  frozenRows: number;
  frozenColumns: number;
  /** Values row by row (null for an empty row), dates as {d: ms}. */
  rows: (CellJSON[] | null)[];
  /** [row, col, formula], 0-based. */
  formulas: [number, number, string][];
  /** [col, firstRow, lastRow, format]: runs of one format down a column, 0-based inclusive. */
  formats: [number, number, number, string][];
  /** 0-based rows hidden by the user. */
  hiddenRows?: number[];
  filter?: FilterState | null;
  /** Data-validation rules, each once, and [col, firstRow, lastRow, rule index] runs of them. */
  validationRules?: ValidationState[];
  validations?: [number, number, number, number][];
}

interface SpreadsheetJSON {
  format: 1;
  id: string;
  name: string;
  owner: string;
  timeZone: string;
  locale: string;
  nextSheetId: number;
  nextProtectionId: number;
  sheets: SheetJSON[];
  protections: ProtectionState[];
}

export class SpreadsheetModel {
  timeZone = DEFAULT_TIME_ZONE;
  locale = DEFAULT_LOCALE;
  sheets: SheetModel[] = [];
  protections: ProtectionState[] = [];
  private nextSheetId = 1;
  private nextProtectionId = 1;

  private constructor(
    public id: string,
    public name: string,
    /** The Drive file's owner: may always edit, whatever the protections say. */
    public owner: string,
  ) {}

  static create({ id, name, owner }: { id: string; name: string; owner: string }): SpreadsheetModel {
    const model = new SpreadsheetModel(id, name, owner);
    // The first sheet of a new spreadsheet has gid 0.
    model.sheets.push(new SheetModel(0, 'Sheet1'));
    return model;
  }

  get parseContext(): { locale: string; timeZone: string } {
    return { locale: this.locale, timeZone: this.timeZone };
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheetByName(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  sheetById(id: number): SheetModel | null {
    return this.sheets.find((s) => s.id === id) ?? null;
  }

  /** Whether `sheet` is still part of the spreadsheet (not deleted). */
  contains(sheet: SheetModel): boolean {
    return this.sheets.includes(sheet);
  }

  /** Sheets' message when `name` is taken (case-insensitively, as Sheets compares), else null. */
  nameConflict(name: string, except?: SheetModel): string | null {
    const lower = name.toLowerCase();
    return this.sheets.some((s) => s !== except && s.name.toLowerCase() === lower) ? sheetExistsMessage(name) : null;
  }

  /** A name for an unnamed new sheet: "Sheet2", "Sheet3", … */
  freshSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      if (!this.nameConflict(`Sheet${n}`)) return `Sheet${n}`;
    }
  }

  insertSheet(name: string, index = this.sheets.length): SheetModel {
    // New sheets get gid-like ids: large, stable, not positional.
    const id = (this.nextSheetId++ * 1_299_709 + 104_729) % 2_147_483_647;
    const sheet = new SheetModel(id, name);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /** Removes a sheet and its protections; returns an error message when it is the last visible one. */
  deleteSheet(sheet: SheetModel): string | null {
    if (this.sheets.filter((s) => !s.hidden && s !== sheet).length === 0) return DELETE_LAST_SHEET_MESSAGE;
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.protections = this.protections.filter((p) => p.sheetId !== sheet.id);
    return null;
  }

  // ---- protections ----

  addProtection(sheet: SheetModel, range: Box | null, editors: string[]): ProtectionState {
    const p: ProtectionState = {
      id: this.nextProtectionId++,
      sheetId: sheet.id,
      range: range ? { ...range } : null,
      description: '',
      editors: [...new Set(editors)],
      warningOnly: false,
      domainEdit: false,
    };
    this.protections.push(p);
    return p;
  }

  removeProtection(p: ProtectionState): void {
    this.protections = this.protections.filter((q) => q !== p);
  }

  protectionsOf(sheet: SheetModel, kind: 'RANGE' | 'SHEET'): ProtectionState[] {
    return this.protections.filter((p) => p.sheetId === sheet.id && (kind === 'SHEET' ? !p.range : !!p.range));
  }

  /** The protection that forbids `user` to write `box` of `sheet` (null: allowed). */
  blockingProtection(sheet: SheetModel, box: Box, user: string): ProtectionState | null {
    if (user === this.owner) return null;
    for (const p of this.protections) {
      if (p.sheetId !== sheet.id || mayEdit(p, user, this.owner)) continue;
      if (!p.range || intersects(p.range, box)) return p;
    }
    return null;
  }

  /** Whether `user` may insert rows/columns before 1-based `at`: not inside a range they may not edit. */
  blockingInsert(sheet: SheetModel, axis: 'row' | 'col', at: number, user: string): ProtectionState | null {
    if (user === this.owner) return null;
    for (const p of this.protections) {
      if (p.sheetId !== sheet.id || mayEdit(p, user, this.owner)) continue;
      if (!p.range) return p;
      const [start, size] = axis === 'row' ? [p.range.row, p.range.numRows] : [p.range.col, p.range.numCols];
      if (at > start && at < start + size) return p;
    }
    return null;
  }

  // ---- structure (keeps protections attached to their cells) ----

  insertRows(sheet: SheetModel, before: number, count: number, inheritFrom: number | null): void {
    sheet.insertRows(before - 1, count, inheritFrom === null ? null : inheritFrom - 1);
    shiftForInsert(this.protections, sheet.id, 'row', before, count);
  }

  deleteRows(sheet: SheetModel, from: number, count: number): void {
    sheet.deleteRows(from - 1, count);
    this.protections = shiftForDelete(this.protections, sheet.id, 'row', from, count);
  }

  insertColumns(sheet: SheetModel, before: number, count: number, inheritFrom: number | null): void {
    sheet.insertColumns(before - 1, count, inheritFrom === null ? null : inheritFrom - 1);
    shiftForInsert(this.protections, sheet.id, 'col', before, count);
  }

  deleteColumns(sheet: SheetModel, from: number, count: number): void {
    sheet.deleteColumns(from - 1, count);
    this.protections = shiftForDelete(this.protections, sheet.id, 'col', from, count);
  }

  // ---- what the dev server uses ----

  /** The data region of a sheet, JSON-safe (dates as ISO strings), or null for an unknown name. */
  snapshot(name: string): SheetSnapshot | null {
    const sheet = this.sheetByName(name);
    if (!sheet) return null;
    const lastRow = sheet.lastRow();
    const lastCol = sheet.lastColumn();
    const values: unknown[][] = [];
    const formulas: string[][] = [];
    const displayValues: string[][] = [];
    for (let r = 0; r < lastRow; r++) {
      const v: unknown[] = [];
      const f: string[] = [];
      const d: string[] = [];
      for (let c = 0; c < lastCol; c++) {
        const value = sheet.value(r, c);
        v.push(cellToPlain(value));
        f.push(sheet.formula(r, c));
        d.push(displayValue(value, sheet.format(r, c), this.parseContext));
      }
      values.push(v);
      formulas.push(f);
      displayValues.push(d);
    }
    const protections = this.protections
      .filter((p) => p.sheetId === sheet.id)
      .map((p) => ({
        description: p.description,
        range: p.range ? formatA1(p.range.row, p.range.col, p.range.numRows, p.range.numCols) : null,
        editors: [...this.protectionEditors(p)],
        warningOnly: p.warningOnly,
      }));
    return {
      values,
      formulas,
      displayValues,
      protections,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      hidden: sheet.hidden,
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b).map((c) => c + 1),
    };
  }

  /** A protection's editors as Sheets lists them: the owner always among them. */
  protectionEditors(p: ProtectionState): string[] {
    return p.editors.includes(this.owner) ? p.editors : [this.owner, ...p.editors];
  }

  /**
   * A user typing `input` into 1-based (row, col) of a sheet in the editor: parsed as Sheets
   * parses typed input, refused where a protection forbids that user (or, with
   * `canEditFile: false`, where the user may only view the file). Returns what an onEdit event
   * needs.
   */
  userEdit(user: string, sheetName: string, row: number, col: number, input: string,
    options: { canEditFile?: boolean } = {}): UserEditResult {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) return { ok: false, message: `Sheet "${sheetName}" not found.` };
    if (options.canEditFile === false) return { ok: false, message: 'You can only view this spreadsheet.' };
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1 || row > sheet.maxRows || col > sheet.maxColumns) {
      return { ok: false, message: OUTSIDE_MESSAGE };
    }
    if (this.blockingProtection(sheet, { row, col, numRows: 1, numCols: 1 }, user)) {
      return { ok: false, message: PROTECTED_MESSAGE };
    }
    const old: CellValue = sheet.value(row - 1, col - 1);
    const written = parseTyped(input, sheet.isPlainText(row - 1, col - 1), this.parseContext);
    // A validated cell refuses typed input that fails its rule, or keeps it with a warning.
    const rule = sheet.validation(row - 1, col - 1);
    let warning: string | undefined;
    if (rule && !satisfies(rule, written.value, displayValue(written.value, sheet.format(row - 1, col - 1), this.parseContext))) {
      if (!rule.allowInvalid) return { ok: false, message: rejectionMessage(rule, formatA1(row, col, 1, 1)) };
      warning = warningMessage(rule);
    }
    sheet.put(row - 1, col - 1, written);
    return { ok: true, oldValue: old === '' ? undefined : cellToPlain(old), value: cellToPlain(written.value), ...(warning ? { warning } : {}) };
  }

  /**
   * A person pasting `block` (typed text, row by row; short rows are padded with blanks) with its
   * top-left at 1-based (row, col): each cell parsed as typed input. Refused whole where the user
   * may not edit any one of its cells, or where a cell's validation rejects its value, as Sheets
   * refuses such a paste.
   */
  userPaste(user: string, sheetName: string, row: number, col: number, block: readonly (readonly string[])[],
    options: { canEditFile?: boolean } = {}): UserPasteResult {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) return { ok: false, message: `Sheet "${sheetName}" not found.` };
    if (options.canEditFile === false) return { ok: false, message: 'You can only view this spreadsheet.' };
    const numRows = block.length;
    const numCols = Math.max(0, ...block.map((r) => r.length));
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1 || numRows < 1 || numCols < 1 ||
      row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) {
      return { ok: false, message: OUTSIDE_MESSAGE };
    }
    const box = { row, col, numRows, numCols };
    if (this.blockingProtection(sheet, box, user)) return { ok: false, message: PROTECTED_MESSAGE };
    const parsed: Written[][] = block.map((cells, i) =>
      Array.from({ length: numCols }, (_, j) => parseTyped(cells[j] ?? '', sheet.isPlainText(row - 1 + i, col - 1 + j), this.parseContext)));
    const warnings: string[] = [];
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const [r, c] = [row - 1 + i, col - 1 + j];
        const rule = sheet.validation(r, c);
        const w = parsed[i][j];
        if (!rule || satisfies(rule, w.value, displayValue(w.value, sheet.format(r, c), this.parseContext))) continue;
        if (!rule.allowInvalid) return { ok: false, message: rejectionMessage(rule, formatA1(r + 1, c + 1, 1, 1)) };
        warnings.push(`${formatA1(r + 1, c + 1, 1, 1)}: ${warningMessage(rule)}`);
      }
    }
    const old = sheet.value(row - 1, col - 1);
    parsed.forEach((cells, i) => cells.forEach((w, j) => sheet.put(row - 1 + i, col - 1 + j, w)));
    if (numRows === 1 && numCols === 1) {
      const v = parsed[0][0].value;
      return { ok: true, box, warnings, ...(old === '' ? {} : { oldValue: cellToPlain(old) }), ...(v === '' ? {} : { value: cellToPlain(v) }) };
    }
    return { ok: true, box, warnings };
  }

  /**
   * A person's action from the Sheets menus: sort a range by a sheet column, insert or delete
   * rows or columns, create a filter on a range (range null removes the sheet's filter). Refused
   * where a protection forbids the user what the action changes: the sorted or filtered range, the
   * deleted rows or columns, an insertion inside a protected range.
   */
  userSheetAction(user: string, sheetName: string, a: SheetAction, options: { canEditFile?: boolean } = {}): { ok: true } | { ok: false; message: string } {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) return { ok: false, message: `Sheet "${sheetName}" not found.` };
    if (options.canEditFile === false) return { ok: false, message: 'You can only view this spreadsheet.' };
    const refuse = (message: string) => ({ ok: false as const, message });
    const rangeOf = (a1: string): Box | null => parseA1(a1, sheet.maxRows, sheet.maxColumns);
    switch (a.action) {
      case 'sort': {
        const box = rangeOf(a.range);
        if (!box) return refuse(RANGE_NOT_FOUND_MESSAGE);
        if (a.column < box.col || a.column >= box.col + box.numCols) return refuse(invalidArgumentMessage('column'));
        if (this.blockingProtection(sheet, box, user)) return refuse(PROTECTED_MESSAGE);
        const order = sortOrder(sheet, box.row - 1, box.numRows, [{ col: a.column - 1, ascending: a.ascending }], this.locale);
        sheet.permuteRows(box.row - 1, order, box.col - 1, box.numCols);
        return { ok: true };
      }
      case 'filter': {
        if (a.range === null) {
          if (!sheet.filter) return { ok: true };
          if (this.blockingProtection(sheet, sheet.filter.range, user)) return refuse(PROTECTED_MESSAGE);
          sheet.filter = null;
          return { ok: true };
        }
        const box = rangeOf(a.range);
        if (!box) return refuse(RANGE_NOT_FOUND_MESSAGE);
        if (sheet.filter) return refuse(FILTER_EXISTS_MESSAGE);
        if (this.blockingProtection(sheet, box, user)) return refuse(PROTECTED_MESSAGE);
        sheet.filter = { range: box, criteria: {} };
        return { ok: true };
      }
      case 'insertRows':
      case 'deleteRows': {
        const max = sheet.maxRows;
        if (a.start < 1 || a.count < 1 || (a.action === 'deleteRows' ? a.start + a.count - 1 > max : a.start > max + 1)) return refuse('Those rows are out of bounds.');
        if (a.action === 'insertRows') {
          if (this.blockingInsert(sheet, 'row', a.start, user)) return refuse(PROTECTED_MESSAGE);
          this.insertRows(sheet, a.start, a.count, a.start > 1 ? a.start - 1 : null);
          return { ok: true };
        }
        if (a.count >= max - sheet.frozenRows) return refuse(DELETE_ALL_ROWS_MESSAGE);
        if (this.blockingProtection(sheet, { row: a.start, col: 1, numRows: a.count, numCols: sheet.maxColumns }, user)) return refuse(PROTECTED_MESSAGE);
        this.deleteRows(sheet, a.start, a.count);
        return { ok: true };
      }
      case 'insertColumns':
      case 'deleteColumns': {
        const max = sheet.maxColumns;
        if (a.start < 1 || a.count < 1 || (a.action === 'deleteColumns' ? a.start + a.count - 1 > max : a.start > max + 1)) return refuse('Those columns are out of bounds.');
        if (a.action === 'insertColumns') {
          if (this.blockingInsert(sheet, 'col', a.start, user)) return refuse(PROTECTED_MESSAGE);
          this.insertColumns(sheet, a.start, a.count, a.start > 1 ? a.start - 1 : null);
          return { ok: true };
        }
        if (a.count >= max) return refuse(DELETE_ALL_COLUMNS_MESSAGE);
        if (this.blockingProtection(sheet, { row: 1, col: a.start, numRows: sheet.maxRows, numCols: a.count }, user)) return refuse(PROTECTED_MESSAGE);
        this.deleteColumns(sheet, a.start, a.count);
        return { ok: true };
      }
    }
  }

  // ---- persistence ----

  toJSON(): SpreadsheetJSON {
    return {
      format: 1,
      id: this.id,
      name: this.name,
      owner: this.owner,
      timeZone: this.timeZone,
      locale: this.locale,
      nextSheetId: this.nextSheetId,
      nextProtectionId: this.nextProtectionId,
      sheets: this.sheets.map(sheetToJSON),
      protections: this.protections.map((p) => ({ ...p, range: p.range && { ...p.range }, editors: [...p.editors] })),
    };
  }

  static fromJSON(json: unknown): SpreadsheetModel {
    const j = json as SpreadsheetJSON;
    if (!j || typeof j !== 'object' || !Array.isArray(j.sheets)) throw new Error('Not a saved spreadsheet');
    const model = new SpreadsheetModel(String(j.id), String(j.name), String(j.owner));
    model.timeZone = j.timeZone ?? DEFAULT_TIME_ZONE;
    model.locale = j.locale ?? DEFAULT_LOCALE;
    model.nextSheetId = j.nextSheetId ?? j.sheets.length + 1;
    model.nextProtectionId = j.nextProtectionId ?? (j.protections?.length ?? 0) + 1;
    model.sheets = j.sheets.map(sheetFromJSON);
    model.protections = (j.protections ?? []).map((p) => ({ ...p, range: p.range && { ...p.range }, editors: [...p.editors] }));
    return model;
  }
}

function sheetToJSON(s: SheetModel): SheetJSON {
  const last = s.lastRow();
  const rows: (CellJSON[] | null)[] = [];
  for (let r = 0; r < last; r++) {
    const row = s.rows[r];
    rows.push(row ? Array.from(row, cellToJSON) : null);
  }
  const formulas: [number, number, string][] = [];
  s.formulas.forEach((f, r) => f?.forEach((text, c) => formulas.push([r, c, text])));
  const formats: [number, number, number, string][] = [];
  const width = s.formats.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  for (let c = 0; c < width; c++) {
    let run: [number, number, number, string] | null = null;
    for (let r = 0; r < s.formats.length; r++) {
      const f = s.formats[r]?.[c];
      if (run && f === run[3] && run[2] === r - 1) run[2] = r;
      else if (f !== undefined) formats.push((run = [c, r, r, f]));
      else run = null;
    }
  }
  const validationRules: ValidationState[] = [];
  const ruleIndex = new Map<string, number>();
  const validations: [number, number, number, number][] = [];
  const vWidth = s.validations.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  for (let c = 0; c < vWidth; c++) {
    let run: [number, number, number, number] | null = null;
    for (let r = 0; r < s.validations.length; r++) {
      const v = s.validations[r]?.[c];
      if (!v) {
        run = null;
        continue;
      }
      const key = JSON.stringify(v);
      let index = ruleIndex.get(key);
      if (index === undefined) {
        index = validationRules.push(v) - 1;
        ruleIndex.set(key, index);
      }
      if (run && run[3] === index && run[2] === r - 1) run[2] = r;
      else validations.push((run = [c, r, r, index]));
    }
  }
  return {
    id: s.id,
    name: s.name,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    hidden: s.hidden,
    hiddenColumns: [...s.hiddenColumns],
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    rows,
    formulas,
    formats,
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
    filter: s.filter ? structuredClone(s.filter) : null,
    validationRules,
    validations,
  };
}

function sheetFromJSON(j: SheetJSON): SheetModel {
  const s = new SheetModel(j.id, j.name, j.maxRows, j.maxColumns);
  s.hidden = !!j.hidden;
  s.hiddenColumns = new Set(j.hiddenColumns ?? []);
  s.frozenRows = j.frozenRows ?? 0;
  s.frozenColumns = j.frozenColumns ?? 0;
  s.rows = (j.rows ?? []).map((row) => (row ? row.map(cellFromJSON) : undefined));
  for (const [r, c, text] of j.formulas ?? []) (s.formulas[r] ??= new Map()).set(c, text);
  for (const [c, from, to, f] of j.formats ?? []) {
    for (let r = from; r <= to; r++) (s.formats[r] ??= [])[c] = f;
  }
  s.hiddenRows = new Set(j.hiddenRows ?? []);
  s.filter = j.filter ? structuredClone(j.filter) : null;
  const rules = j.validationRules ?? [];
  for (const [c, from, to, index] of j.validations ?? []) {
    const rule = rules[index];
    if (rule) for (let r = from; r <= to; r++) (s.validations[r] ??= [])[c] = rule;
  }
  return s;
}
