/**
 * SpreadsheetApp for one execution: the bound spreadsheet (null in a standalone script), its UI,
 * flush, and the enums scripts use. Every method is metered as a Spreadsheet call.
 */
import { FLUSH_WITH_PENDING_WRITES_MS } from '../../cost';
import type { Execution } from '../../execution';
import { asGas, SheetsContext } from './context';
import type { SpreadsheetEnums } from './enums';
import { UI_CONTEXT_MESSAGE } from './messages';
import { SpreadsheetImpl } from './spreadsheet';
import { UiImpl } from './ui';
import { DataValidationBuilderImpl } from './data-validation-builder';
import { FilterCriteriaBuilderImpl } from './filter-criteria-builder';

export { SpreadsheetModel } from './model';

type GasApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SHEETS_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/spreadsheets',
];
const UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';

type OfferedAppMethods =
  | 'getActiveSpreadsheet' | 'getActive' | 'getActiveSheet' | 'getActiveRange' | 'flush' | 'getUi' | 'newDataValidation' | 'newFilterCriteria';

export type EmulatedSpreadsheetApp = Pick<GasApp, OfferedAppMethods> & SpreadsheetEnums;

export function createSpreadsheetApp(exec: Execution): EmulatedSpreadsheetApp {
  const ctx = new SheetsContext(exec);

  /** The bound spreadsheet, after the checks Apps Script makes; null in a standalone script. */
  function open(method: string): SpreadsheetImpl | null {
    if (!exec.container) return null;
    if (!exec.world.manifest.oauthScopes.some((s) => SHEETS_SCOPES.includes(s))) {
      ctx.fail(`You do not have permission to call ${method}. Required permissions: (${SHEETS_SCOPES.join(' || ')})`);
    }
    ctx.checkOpen();
    return new SpreadsheetImpl(ctx);
  }

  return {
    ...ctx.enums,

    getActiveSpreadsheet(): GasSpreadsheet {
      ctx.call('SpreadsheetApp.getActiveSpreadsheet');
      const ss = open('SpreadsheetApp.getActiveSpreadsheet');
      return (ss ? asGas<GasSpreadsheet>(ss) : null) as GasSpreadsheet;
    },

    getActive(): GasSpreadsheet {
      ctx.call('SpreadsheetApp.getActive');
      const ss = open('SpreadsheetApp.getActive');
      return (ss ? asGas<GasSpreadsheet>(ss) : null) as GasSpreadsheet;
    },

    getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
      ctx.call('SpreadsheetApp.getActiveSheet');
      const ss = open('SpreadsheetApp.getActiveSheet');
      if (!ss) return null as unknown as GoogleAppsScript.Spreadsheet.Sheet;
      return ss.getActiveSheetUnmetered();
    },

    /**
     * The user's selection (the page's grid sets it: POST /api/select), or null when there is none
     * or its tab is gone ("Returns the selected range in the active sheet, or null if there is no
     * active range": developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getactiverange).
     */
    getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
      ctx.call('SpreadsheetApp.getActiveRange');
      const ss = open('SpreadsheetApp.getActiveRange');
      const sel = exec.world.uiFor(exec.options.actingUser).selection;
      const sheet = ss && sel ? ss.sheetByNameUnmetered(sel.sheet) : null;
      if (!sheet || !sel) return null as unknown as GoogleAppsScript.Spreadsheet.Range;
      return sheet.getRange(sel.row, sel.column, sel.numRows, sel.numColumns);
    },

    /** Commits pending writes: 500 modelled ms when there are any, an ordinary call otherwise. */
    flush(): void {
      if (ctx.pendingWrites) {
        exec.callCosting('SpreadsheetApp.flush', FLUSH_WITH_PENDING_WRITES_MS);
        ctx.pendingWrites = false;
      } else {
        ctx.call('SpreadsheetApp.flush');
      }
    },

    /** Builders are local objects: listed in the stats, never a call of their own. */
    newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
      exec.call('Free', 'SpreadsheetApp.newDataValidation');
      return asGas(new DataValidationBuilderImpl(ctx));
    },

    newFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
      exec.call('Free', 'SpreadsheetApp.newFilterCriteria');
      return asGas(new FilterCriteriaBuilderImpl(ctx));
    },

    getUi(): GoogleAppsScript.Base.Ui {
      ctx.call('SpreadsheetApp.getUi');
      if (!exec.container) ctx.fail(UI_CONTEXT_MESSAGE);
      const trigger = exec.options.triggerUid
        ? exec.world.triggers.find((t) => t.uid === exec.options.triggerUid)
        : undefined;
      if (exec.options.kind === 'installable-trigger' && (!trigger || trigger.eventType === 'CLOCK')) {
        ctx.fail(UI_CONTEXT_MESSAGE);
      }
      exec.requireScope(UI_SCOPE, 'SpreadsheetApp.getUi');
      return asGas(new UiImpl(ctx));
    },
  };
}
