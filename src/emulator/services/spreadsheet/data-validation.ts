/**
 * DataValidation: a rule read from a cell or built by a DataValidationBuilder. A value object:
 * its getters cost nothing (the rule came with the read that returned it).
 */
import { asGas, SheetsContext } from './context';
import { DataValidationBuilderImpl } from './data-validation-builder';
import type { ValidationState } from './validation-model';

type GasValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export type OfferedValidationMethods = 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy';

export class DataValidationImpl implements Pick<GasValidation, OfferedValidationMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    readonly state: ValidationState,
  ) {}

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.ctx.exec.call('Free', 'DataValidation.getCriteriaType');
    return this.ctx.enums.DataValidationCriteria[this.state.criteria] as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  /** For VALUE_IN_LIST: [the list, showDropdown], as Apps Script returns them. */
  getCriteriaValues(): any[] {
    this.ctx.exec.call('Free', 'DataValidation.getCriteriaValues');
    return this.ctx.exec.guest.deep(this.state.args) as unknown[];
  }

  getAllowInvalid(): boolean {
    this.ctx.exec.call('Free', 'DataValidation.getAllowInvalid');
    return this.state.allowInvalid;
  }

  /** The help text, or null when none is set (Google's reference). */
  getHelpText(): string {
    this.ctx.exec.call('Free', 'DataValidation.getHelpText');
    return this.state.helpText as string;
  }

  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.exec.call('Free', 'DataValidation.copy');
    return asGas(new DataValidationBuilderImpl(this.ctx, this.state));
  }
}
