/**
 * Spreadsheet: the bound file. Its editors are the Drive file's sharing (world.drive), so a change
 * here is what DriveApp and the access policy see.
 */
import { splitSheetName } from './a1';
import { asGas, SheetsContext } from './context';
import { isValidTimeZone } from './dates';
import { invalidArgumentMessage, NO_ACCESS_MESSAGE, RANGE_NOT_FOUND_MESSAGE } from './messages';
import { ProtectionImpl } from './protection';
import { protectionKind, RangeListImpl, resolveA1, SheetImpl } from './sheet';
import type { SheetModel } from './sheet-model';
import { TextFinderImpl } from './text-finder';
import { emailOf, UserImpl } from './user';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

export type OfferedSpreadsheetMethods =
  | 'getId' | 'getName' | 'rename' | 'getUrl' | 'getSpreadsheetTimeZone' | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale' | 'setSpreadsheetLocale' | 'getSheets' | 'getNumSheets' | 'getSheetByName'
  | 'getSheetById' | 'insertSheet' | 'deleteSheet' | 'getProtections' | 'getOwner' | 'getEditors' | 'addEditor'
  | 'addEditors' | 'removeEditor' | 'getViewers' | 'addViewer' | 'addViewers' | 'removeViewer' | 'getRange' | 'getRangeList' | 'toast' | 'getActiveSheet'
  | 'setActiveSheet' | 'createTextFinder';

export class SpreadsheetImpl implements Pick<GasSpreadsheet, OfferedSpreadsheetMethods> {
  constructor(private readonly ctx: SheetsContext) {}

  private get book() {
    return this.ctx.model;
  }

  private get drive() {
    return this.ctx.exec.world.drive;
  }

  private sheet(model: SheetModel): GasSheet {
    return asGas<GasSheet>(new SheetImpl(this.ctx, model));
  }

  /** The sheet getActiveSheet() returns: the one the script activated, else the first visible one. */
  activeModel(): SheetModel {
    const chosen = this.ctx.activeSheet;
    if (chosen && this.book.contains(chosen)) return chosen;
    return this.book.sheets.find((s) => !s.hidden) ?? this.book.sheets[0];
  }

  getId(): string {
    this.ctx.call('Spreadsheet.getId');
    return this.book.id;
  }

  getName(): string {
    this.ctx.call('Spreadsheet.getName');
    return this.book.name;
  }

  rename(newName: string): void {
    this.ctx.call('Spreadsheet.rename');
    if (typeof newName !== 'string' || !newName) this.ctx.fail(invalidArgumentMessage('newName'));
    this.ctx.checkStructureWrite();
    this.book.name = newName;
    this.drive.name = newName;
  }

  getUrl(): string {
    this.ctx.call('Spreadsheet.getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.book.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.ctx.call('Spreadsheet.getSpreadsheetTimeZone');
    return this.book.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.ctx.call('Spreadsheet.setSpreadsheetTimeZone');
    if (typeof timezone !== 'string' || !isValidTimeZone(timezone)) this.ctx.fail(invalidArgumentMessage('timeZone'));
    this.ctx.checkStructureWrite();
    this.book.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    this.ctx.call('Spreadsheet.getSpreadsheetLocale');
    return this.book.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.ctx.call('Spreadsheet.setSpreadsheetLocale');
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) this.ctx.fail(invalidArgumentMessage('locale'));
    this.ctx.checkStructureWrite();
    this.book.locale = locale;
  }

  // ---- sheets ----

  getSheets(): GasSheet[] {
    this.ctx.call('Spreadsheet.getSheets');
    return this.ctx.exec.guest.array(this.book.sheets.map((s) => this.sheet(s)));
  }

  getNumSheets(): number {
    this.ctx.call('Spreadsheet.getNumSheets');
    return this.book.sheets.length;
  }

  getSheetByName(name: string): GasSheet | null {
    this.ctx.call('Spreadsheet.getSheetByName');
    const s = this.book.sheetByName(String(name));
    return s ? this.sheet(s) : null;
  }

  getSheetById(id: number): GasSheet | null {
    this.ctx.call('Spreadsheet.getSheetById');
    const s = this.book.sheetById(Number(id));
    return s ? this.sheet(s) : null;
  }

  insertSheet(): GasSheet;
  insertSheet(sheetIndex: number): GasSheet;
  insertSheet(sheetName: string): GasSheet;
  insertSheet(sheetName: string, sheetIndex: number): GasSheet;
  insertSheet(a?: string | number | object, b?: number | object): GasSheet {
    this.ctx.call('Spreadsheet.insertSheet');
    const name = typeof a === 'string' ? a : this.book.freshSheetName();
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : this.book.sheets.length;
    if (name.trim() === '') this.ctx.fail(invalidArgumentMessage('sheetName'));
    const conflict = this.book.nameConflict(name);
    if (conflict) this.ctx.fail(conflict);
    if (index < 0 || index > this.book.sheets.length) this.ctx.fail(invalidArgumentMessage('sheetIndex'));
    this.ctx.checkStructureWrite();
    const sheet = this.book.insertSheet(name, Math.trunc(index));
    // Like the editor, a new sheet becomes the active one.
    this.ctx.activeSheet = sheet;
    return this.sheet(sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    this.ctx.call('Spreadsheet.deleteSheet');
    if (!(sheet instanceof SheetImpl)) this.ctx.signatureMismatch('SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    const model = sheet.model;
    this.ctx.checkWrite(model, { row: 1, col: 1, numRows: model.maxRows, numCols: model.maxColumns });
    const refused = this.book.deleteSheet(model);
    if (refused) this.ctx.fail(refused);
  }

  getActiveSheet(): GasSheet {
    this.ctx.call('Spreadsheet.getActiveSheet');
    return this.sheet(this.activeModel());
  }

  /** For SpreadsheetApp.getActiveSheet(), which is metered on its own. */
  /** A sheet by name with no call of its own (for SpreadsheetApp.getActiveRange, metered there). */
  sheetByNameUnmetered(name: string): GasSheet | null {
    const s = this.book.sheetByName(String(name));
    return s ? this.sheet(s) : null;
  }

  getActiveSheetUnmetered(): GasSheet {
    return this.sheet(this.activeModel());
  }

  setActiveSheet(sheet: GasSheet, _restoreSelection?: boolean): GasSheet {
    this.ctx.call('Spreadsheet.setActiveSheet');
    if (!(sheet instanceof SheetImpl)) this.ctx.signatureMismatch('SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    this.ctx.activeSheet = sheet.model;
    return sheet;
  }

  /** A1 with a sheet name ("Register!A1:C9"); without one, on the active sheet. */
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.call('Spreadsheet.getRange');
    if (typeof a1Notation !== 'string') this.ctx.signatureMismatch('SpreadsheetApp.Spreadsheet.getRange', [a1Notation]);
    const { sheet } = splitSheetName(a1Notation);
    if (sheet !== null && !this.book.sheetByName(sheet)) this.ctx.fail(RANGE_NOT_FOUND_MESSAGE);
    return asGas(resolveA1(this.ctx, this.activeModel(), a1Notation));
  }

  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.ctx.call('Spreadsheet.getRangeList');
    if (!Array.isArray(a1Notations)) this.ctx.signatureMismatch('SpreadsheetApp.Spreadsheet.getRangeList', [a1Notations]);
    return asGas(new RangeListImpl(this.ctx, a1Notations.map((a1) => resolveA1(this.ctx, this.activeModel(), String(a1)))));
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.ctx.call('Spreadsheet.createTextFinder');
    if (typeof findText !== 'string') this.ctx.signatureMismatch('SpreadsheetApp.Spreadsheet.createTextFinder', [findText]);
    const scopes = this.book.sheets.map((sheet) => ({
      sheet,
      box: { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxColumns },
    }));
    return asGas(new TextFinderImpl(this.ctx, scopes, findText));
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.ctx.call('Spreadsheet.getProtections');
    const kind = protectionKind(this.ctx, 'SpreadsheetApp.Spreadsheet.getProtections', type);
    const list = this.book.sheets.flatMap((s) => this.book.protectionsOf(s, kind));
    return this.ctx.exec.guest.array(list.map((p) => asGas<GoogleAppsScript.Spreadsheet.Protection>(new ProtectionImpl(this.ctx, p))));
  }

  // ---- sharing (the Drive file's; reference "Class Spreadsheet", the same rules as DriveApp's File) ----

  /** "Returns the owner of the document, or null for a document in a shared drive." */
  getOwner(): GoogleAppsScript.Base.User | null {
    this.ctx.call('Spreadsheet.getOwner');
    return this.drive.sharedDrive ? null : new UserImpl(this.drive.owner);
  }

  /** The owner and the editors, as Apps Script lists them. */
  getEditors(): GoogleAppsScript.Base.User[] {
    this.ctx.call('Spreadsheet.getEditors');
    const emails = [this.drive.owner, ...this.drive.editors.filter((e) => e !== this.drive.owner)];
    return this.ctx.exec.guest.array(emails.map((e) => new UserImpl(e)));
  }

  /** "Gets the list of viewers and commenters for this Spreadsheet." */
  getViewers(): GoogleAppsScript.Base.User[] {
    this.ctx.call('Spreadsheet.getViewers');
    return this.ctx.exec.guest.array(this.drive.viewers.map((e) => new UserImpl(e)));
  }

  /** The valid emails of `users` (strings or Users), after the checks every sharing change makes. */
  private sharingEmails(method: string, users: unknown[]): string[] {
    const emails = users.map((u) => emailOf(u) ?? this.ctx.signatureMismatch(method, users));
    for (const e of emails) if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) this.ctx.fail(`Invalid email: ${e}`);
    this.ctx.checkStructureWrite();
    return emails;
  }

  /** "If the user was already on the list of viewers, this method promotes the user out of the list of viewers." */
  private share(method: string, users: unknown[]): void {
    for (const e of this.sharingEmails(method, users)) {
      if (e === this.drive.owner) continue;
      this.drive.viewers = this.drive.viewers.filter((v) => v !== e);
      if (!this.drive.editors.includes(e)) this.drive.editors.push(e);
    }
  }

  /** "If the user was already on the list of editors, this method has no effect." */
  private shareToView(method: string, users: unknown[]): void {
    for (const e of this.sharingEmails(method, users)) {
      if (e === this.drive.owner || this.drive.editors.includes(e) || this.drive.viewers.includes(e)) continue;
      this.drive.viewers.push(e);
    }
  }

  /**
   * Removes the user's own permission: "For Drive files, this also removes the user from the list
   * of viewers" (removeEditor) and "of editors" (removeViewer). Access through general sharing or
   * a shared drive stays ("doesn't block users … who have general access").
   */
  private unshare(method: string, user: unknown): void {
    const email = emailOf(user) ?? this.ctx.signatureMismatch(method, [user]);
    this.ctx.checkStructureWrite();
    if (email === this.drive.owner && !this.drive.sharedDrive) this.ctx.fail(NO_ACCESS_MESSAGE);
    this.drive.editors = this.drive.editors.filter((e) => e !== email);
    this.drive.viewers = this.drive.viewers.filter((e) => e !== email);
  }

  addEditor(emailAddress: string): GasSpreadsheet;
  addEditor(user: GoogleAppsScript.Base.User): GasSpreadsheet;
  addEditor(user: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    this.ctx.call('Spreadsheet.addEditor');
    this.share('SpreadsheetApp.Spreadsheet.addEditor', [user]);
    return asGas(this);
  }

  addEditors(emailAddresses: string[]): GasSpreadsheet {
    this.ctx.call('Spreadsheet.addEditors');
    if (!Array.isArray(emailAddresses)) this.ctx.signatureMismatch('SpreadsheetApp.Spreadsheet.addEditors', [emailAddresses]);
    this.share('SpreadsheetApp.Spreadsheet.addEditors', emailAddresses);
    return asGas(this);
  }

  removeEditor(emailAddress: string): GasSpreadsheet;
  removeEditor(user: GoogleAppsScript.Base.User): GasSpreadsheet;
  removeEditor(user: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    this.ctx.call('Spreadsheet.removeEditor');
    this.unshare('SpreadsheetApp.Spreadsheet.removeEditor', user);
    return asGas(this);
  }

  addViewer(emailAddress: string): GasSpreadsheet;
  addViewer(user: GoogleAppsScript.Base.User): GasSpreadsheet;
  addViewer(user: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    this.ctx.call('Spreadsheet.addViewer');
    this.shareToView('SpreadsheetApp.Spreadsheet.addViewer', [user]);
    return asGas(this);
  }

  addViewers(emailAddresses: string[]): GasSpreadsheet {
    this.ctx.call('Spreadsheet.addViewers');
    if (!Array.isArray(emailAddresses)) this.ctx.signatureMismatch('SpreadsheetApp.Spreadsheet.addViewers', [emailAddresses]);
    this.shareToView('SpreadsheetApp.Spreadsheet.addViewers', emailAddresses);
    return asGas(this);
  }

  removeViewer(emailAddress: string): GasSpreadsheet;
  removeViewer(user: GoogleAppsScript.Base.User): GasSpreadsheet;
  removeViewer(user: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    this.ctx.call('Spreadsheet.removeViewer');
    this.unshare('SpreadsheetApp.Spreadsheet.removeViewer', user);
    return asGas(this);
  }

  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    this.ctx.call('Spreadsheet.toast');
    const ui = this.ctx.exec.world.uiFor(this.ctx.exec.options.actingUser);
    ui.toasts.push({ title: title === undefined ? '' : String(title), message: String(msg), at: this.ctx.exec.now() });
    if (ui.toasts.length > 50) ui.toasts.splice(0, ui.toasts.length - 50);
  }
}
