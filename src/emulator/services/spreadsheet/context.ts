/**
 * What every spreadsheet object of one execution shares: the execution (metering, realm, user),
 * the model, and the execution's pending writes (for flush).
 */
import { FLUSH_WITH_PENDING_WRITES_MS, FORCED_FLUSH_KEY, movedCellsCost } from '../../cost';
import type { Execution } from '../../execution';
import { signatureMismatch } from '../enum';
import { spreadsheetEnums, SpreadsheetEnums } from './enums';
import { NO_ACCESS_MESSAGE, PROTECTED_MESSAGE } from './messages';
import type { SpreadsheetModel } from './model';
import type { Box } from './protection-model';
import type { SheetModel } from './sheet-model';

export class SheetsContext {
  /** Whether the execution wrote since its last flush. */
  pendingWrites = false;
  /** The sheet `getActiveSheet()` returns; the first sheet until the script changes it. */
  activeSheet: SheetModel | null = null;
  /** This execution's enum objects (one per name), shared by SpreadsheetApp and what its methods return. */
  readonly enums: SpreadsheetEnums;

  constructor(readonly exec: Execution) {
    this.enums = spreadsheetEnums(exec);
  }

  get model(): SpreadsheetModel {
    return this.exec.world.spreadsheet;
  }

  /** Meters one Spreadsheet call; every public method calls this first. */
  call(key: string, units = 0): void {
    this.exec.call('Spreadsheet', key, units);
  }

  /**
   * Meters a call that reads what the sheet holds (values, formulas, last row, a search). When
   * writes are pending, Sheets must commit them before it can answer: the read pays the 500 ms
   * flush first ("Interleaving read and write commands is slow", Google's Apps Script best
   * practices, https://developers.google.com/apps-script/guides/support/best-practices).
   */
  read(key: string, units = 0): void {
    this.call(key, units);
    if (this.pendingWrites) {
      this.pendingWrites = false;
      this.exec.spend(FORCED_FLUSH_KEY, FLUSH_WITH_PENDING_WRITES_MS, false);
    }
  }

  /** Meters a row/column-moving call by the cells it moves (cost.ts movedCellsCost). */
  callMoving(key: string, movedCells: number): void {
    this.exec.callCosting(key, movedCellsCost(movedCells));
  }

  /** Throws a script-realm error with Apps Script's message. */
  fail(message: string): never {
    throw this.exec.guest.error(message);
  }

  /**
   * The user whose permissions decide what the script may change: installable triggers run with
   * their creator's authority, everything else as the user at the keyboard.
   */
  get user(): string {
    const o = this.exec.options;
    return o.kind === 'installable-trigger' ? o.effectiveUser : o.actingUser;
  }

  /** Throws unless the user may open the spreadsheet at all. */
  checkOpen(): void {
    if (!this.exec.world.canOpen(this.user)) this.fail(NO_ACCESS_MESSAGE);
  }

  /** Throws unless the user may edit the file (a viewer or outsider may not). */
  checkFileEdit(): void {
    if (!this.exec.world.canEditFile(this.user)) this.fail(NO_ACCESS_MESSAGE);
  }

  /** Throws unless the user may write `box` of `sheet`; marks a pending write when allowed. */
  checkWrite(sheet: SheetModel, box: Box): void {
    this.checkFileEdit();
    if (this.model.blockingProtection(sheet, box, this.user)) this.fail(PROTECTED_MESSAGE);
    this.pendingWrites = true;
  }

  /** A write that no protection guards (sheet structure the user may change): file access only. */
  checkStructureWrite(): void {
    this.checkFileEdit();
    this.pendingWrites = true;
  }

  /** Throws Apps Script's "The parameters (…) don't match the method signature for …" */
  signatureMismatch(method: string, args: readonly unknown[]): never {
    throw signatureMismatch(this.exec, method, args);
  }

  /** Checks that `args[i]` are numbers (integers are truncated by Apps Script, so any finite number passes). */
  requireNumbers(method: string, args: readonly unknown[]): void {
    for (const a of args) if (typeof a !== 'number' || !Number.isFinite(a)) this.signatureMismatch(method, args);
  }
}

/** Views the emulator's partial implementation as the Apps Script interface it stands for. */
export function asGas<T>(value: object): T {
  return value as T;
}
