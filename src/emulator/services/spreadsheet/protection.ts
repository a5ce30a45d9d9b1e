/**
 * Protection of a range or a sheet. As in Sheets, a new protection starts out mirroring the
 * spreadsheet's editors (so it protects nothing until editors are removed), the owner can never
 * be removed, nor can the user running the script, and only someone allowed to edit a
 * protection may change it.
 */
import { asGas, SheetsContext } from './context';
import { PROTECTED_MESSAGE } from './messages';
import { mayEdit, ProtectionState, Box } from './protection-model';
import { RangeImpl } from './range';
import type { SheetModel } from './sheet-model';
import { emailOf, UserImpl } from './user';

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

export type OfferedProtectionMethods =
  | 'getDescription' | 'setDescription' | 'getEditors' | 'addEditor' | 'addEditors' | 'removeEditor'
  | 'removeEditors' | 'setWarningOnly' | 'isWarningOnly' | 'canEdit' | 'remove' | 'getRange'
  | 'getProtectionType' | 'setDomainEdit' | 'canDomainEdit';

export class ProtectionImpl implements Pick<GasProtection, OfferedProtectionMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    readonly state: ProtectionState,
  ) {}

  /** A new protection of `box` (null: the whole sheet) created by the script's user. */
  static create(ctx: SheetsContext, sheet: SheetModel, box: Box | null): ProtectionImpl {
    if (!box) {
      const existing = ctx.model.protectionsOf(sheet, 'SHEET')[0];
      if (existing) return new ProtectionImpl(ctx, existing);
    }
    const world = ctx.exec.world;
    const editors = [world.drive.owner, ...world.drive.editors, ctx.user];
    ctx.pendingWrites = true;
    return new ProtectionImpl(ctx, ctx.model.addProtection(sheet, box, editors));
  }

  private self(): GasProtection {
    return asGas<GasProtection>(this);
  }

  private mayChange(): boolean {
    return mayEdit({ ...this.state, warningOnly: false }, this.ctx.user, this.ctx.model.owner);
  }

  /** Changing a protection requires being one of its editors. */
  private checkChange(): void {
    this.ctx.checkFileEdit();
    if (!this.mayChange()) this.ctx.fail(PROTECTED_MESSAGE);
    this.ctx.pendingWrites = true;
  }

  getDescription(): string {
    this.ctx.call('Protection.getDescription');
    return this.state.description;
  }

  setDescription(description: string): GasProtection {
    this.ctx.call('Protection.setDescription');
    this.checkChange();
    this.state.description = String(description ?? '');
    return this.self();
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    this.ctx.call('Protection.getEditors');
    return this.ctx.exec.guest.array(this.ctx.model.protectionEditors(this.state).map((e) => new UserImpl(e)));
  }

  private emails(method: string, users: unknown): string[] {
    const list = Array.isArray(users) ? users : [users];
    return list.map((u) => emailOf(u) ?? this.ctx.signatureMismatch(method, [users]));
  }

  addEditor(emailAddress: string): GasProtection;
  addEditor(user: GoogleAppsScript.Base.User): GasProtection;
  addEditor(user: string | GoogleAppsScript.Base.User): GasProtection {
    this.ctx.call('Protection.addEditor');
    const emails = this.emails('SpreadsheetApp.Protection.addEditor', user);
    this.checkChange();
    this.add(emails);
    return this.self();
  }

  addEditors(emailAddresses: string[]): GasProtection {
    this.ctx.call('Protection.addEditors');
    if (!Array.isArray(emailAddresses)) this.ctx.signatureMismatch('SpreadsheetApp.Protection.addEditors', [emailAddresses]);
    const emails = this.emails('SpreadsheetApp.Protection.addEditors', emailAddresses);
    this.checkChange();
    this.add(emails);
    return this.self();
  }

  private add(emails: string[]): void {
    for (const e of emails) if (!this.state.editors.includes(e)) this.state.editors.push(e);
  }

  removeEditor(emailAddress: string): GasProtection;
  removeEditor(user: GoogleAppsScript.Base.User): GasProtection;
  removeEditor(user: string | GoogleAppsScript.Base.User): GasProtection {
    this.ctx.call('Protection.removeEditor');
    const emails = this.emails('SpreadsheetApp.Protection.removeEditor', user);
    this.checkChange();
    this.remove_(emails);
    return this.self();
  }

  removeEditors(emailAddresses: string[]): GasProtection;
  removeEditors(users: GoogleAppsScript.Base.User[]): GasProtection;
  removeEditors(users: string[] | GoogleAppsScript.Base.User[]): GasProtection {
    this.ctx.call('Protection.removeEditors');
    if (!Array.isArray(users)) this.ctx.signatureMismatch('SpreadsheetApp.Protection.removeEditors', [users]);
    const emails = this.emails('SpreadsheetApp.Protection.removeEditors', users);
    this.checkChange();
    this.remove_(emails);
    return this.self();
  }

  /** Removes editors, silently keeping the owner and the user running the script, as Sheets does. */
  private remove_(emails: string[]): void {
    const keep = new Set([this.ctx.model.owner, this.ctx.user]);
    this.state.editors = this.state.editors.filter((e) => keep.has(e) || !emails.includes(e));
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    this.ctx.call('Protection.setWarningOnly');
    this.checkChange();
    this.state.warningOnly = !!warningOnly;
    return this.self();
  }

  isWarningOnly(): boolean {
    this.ctx.call('Protection.isWarningOnly');
    return this.state.warningOnly;
  }

  setDomainEdit(editable: boolean): GasProtection {
    this.ctx.call('Protection.setDomainEdit');
    this.checkChange();
    this.state.domainEdit = !!editable;
    return this.self();
  }

  /** Consumer-style sharing: no domain-wide edit rights. */
  canDomainEdit(): boolean {
    this.ctx.call('Protection.canDomainEdit');
    return false;
  }

  canEdit(): boolean {
    this.ctx.call('Protection.canEdit');
    return this.ctx.exec.world.canEditFile(this.ctx.user) && mayEdit(this.state, this.ctx.user, this.ctx.model.owner);
  }

  remove(): void {
    this.ctx.call('Protection.remove');
    this.checkChange();
    this.ctx.model.removeProtection(this.state);
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.call('Protection.getRange');
    const sheet = this.ctx.model.sheetById(this.state.sheetId);
    if (!sheet) this.ctx.fail('The protected sheet no longer exists.');
    const r = this.state.range ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxColumns };
    return asGas(new RangeImpl(this.ctx, sheet, r.row, r.col, r.numRows, r.numCols));
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.ctx.call('Protection.getProtectionType');
    return this.ctx.enums.ProtectionType[this.state.range ? 'RANGE' : 'SHEET'] as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
}
