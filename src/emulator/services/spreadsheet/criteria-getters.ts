/**
 * The getters Google lists alike on a value object and on its builder (DataValidation and
 * DataValidationBuilder; FilterCriteria and FilterCriteriaBuilder): one reading of the state for
 * both, free (the state is local), metered under the class the script called.
 */
import type { SheetsContext } from './context';
import type { FilterCriteriaState } from './sheet-model';
import type { ValidationState } from './validation-model';

/** getCriteriaType, getCriteriaValues, getAllowInvalid and getHelpText of a data-validation rule. */
export class ValidationGetters {
  constructor(
    protected readonly ctx: SheetsContext,
    protected state: ValidationState,
    private readonly className: 'DataValidation' | 'DataValidationBuilder',
  ) {}

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.ctx.exec.call('Free', `${this.className}.getCriteriaType`);
    return this.ctx.enums.DataValidationCriteria[this.state.criteria] as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  /** For VALUE_IN_LIST: [the list, showDropdown], as Apps Script returns them. */
  getCriteriaValues(): any[] {
    this.ctx.exec.call('Free', `${this.className}.getCriteriaValues`);
    return this.ctx.exec.guest.deep(this.state.args) as unknown[];
  }

  getAllowInvalid(): boolean {
    this.ctx.exec.call('Free', `${this.className}.getAllowInvalid`);
    return this.state.allowInvalid;
  }

  /** The help text, or null when none is set (Google's reference). */
  getHelpText(): string {
    this.ctx.exec.call('Free', `${this.className}.getHelpText`);
    return this.state.helpText as string;
  }
}

/** getHiddenValues, getVisibleValues, getCriteriaType and getCriteriaValues of one filter column's criteria. */
export class FilterCriteriaGetters {
  constructor(
    protected readonly ctx: SheetsContext,
    protected readonly state: FilterCriteriaState,
    private readonly className: 'FilterCriteria' | 'FilterCriteriaBuilder',
  ) {}

  /** The hidden values, or null when none are set. */
  getHiddenValues(): string[] {
    this.ctx.exec.call('Free', `${this.className}.getHiddenValues`);
    return this.ctx.exec.guest.deep(this.state.hiddenValues) as string[];
  }

  getVisibleValues(): string[] {
    this.ctx.exec.call('Free', `${this.className}.getVisibleValues`);
    return this.ctx.exec.guest.deep(this.state.visibleValues) as string[];
  }

  /** The condition's BooleanCriteria, or null without one. */
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.ctx.exec.call('Free', `${this.className}.getCriteriaType`);
    const c = this.state.condition;
    return (c ? this.ctx.enums.BooleanCriteria[c.type] : null) as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }

  getCriteriaValues(): any[] {
    this.ctx.exec.call('Free', `${this.className}.getCriteriaValues`);
    return this.ctx.exec.guest.deep(this.state.condition?.values ?? []) as unknown[];
  }
}
