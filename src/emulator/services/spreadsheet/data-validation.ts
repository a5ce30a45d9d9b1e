/**
 * DataValidation: a rule read from a cell or built by a DataValidationBuilder. A value object:
 * its getters cost nothing (the rule came with the read that returned it).
 */
import { asGas, SheetsContext } from './context';
import { ValidationGetters } from './criteria-getters';
import { DataValidationBuilderImpl } from './data-validation-builder';
import type { ValidationState } from './validation-model';

type GasValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export type OfferedValidationMethods = 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy';

export class DataValidationImpl extends ValidationGetters implements Pick<GasValidation, OfferedValidationMethods> {
  constructor(ctx: SheetsContext, readonly state: ValidationState) {
    super(ctx, state, 'DataValidation');
  }

  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.exec.call('Free', 'DataValidation.copy');
    return asGas(new DataValidationBuilderImpl(this.ctx, this.state));
  }
}
