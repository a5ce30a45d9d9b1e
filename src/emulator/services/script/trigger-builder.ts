/** TriggerBuilder: ScriptApp.newTrigger(fn), then timeBased() or forSpreadsheet(ss). */
import type { Execution } from '../../execution';
import { ClockTriggerBuilderImpl } from './clock-trigger-builder';
import { SpreadsheetTriggerBuilderImpl } from './spreadsheet-trigger-builder';

/** The id of a Spreadsheet (any object with getId) or an id string. */
export function spreadsheetId(exec: Execution, ss: unknown): string {
  if (typeof ss === 'string') return ss;
  const s = ss as { getId?: () => unknown } | null;
  if (s && typeof s === 'object' && typeof s.getId === 'function') return String(s.getId());
  throw exec.guest.error('Invalid argument: spreadsheet');
}

const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export class TriggerBuilderImpl implements Pick<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {}

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.exec.call('Free', 'TriggerBuilder.timeBased');
    return new ClockTriggerBuilderImpl(this.exec, this.handler) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.exec.call('Free', 'TriggerBuilder.forSpreadsheet');
    const id = spreadsheetId(this.exec, sheet);
    if (id !== this.exec.world.drive.id) throw this.exec.guest.error(NOT_FOUND);
    return new SpreadsheetTriggerBuilderImpl(this.exec, this.handler, id) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}
