/** FilterCriteria: what one column of a filter hides; a value object (its getters cost nothing). */
import { asGas, SheetsContext } from './context';
import { FilterCriteriaBuilderImpl } from './filter-criteria-builder';
import type { FilterCriteriaState } from './sheet-model';

type GasCriteria = GoogleAppsScript.Spreadsheet.FilterCriteria;

export type OfferedFilterCriteriaMethods = 'getHiddenValues' | 'getVisibleValues' | 'getCriteriaType' | 'getCriteriaValues' | 'copy';

export class FilterCriteriaImpl implements Pick<GasCriteria, OfferedFilterCriteriaMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    readonly state: FilterCriteriaState,
  ) {}

  /** The hidden values, or null when none are set. */
  getHiddenValues(): string[] {
    this.ctx.exec.call('Free', 'FilterCriteria.getHiddenValues');
    return this.ctx.exec.guest.deep(this.state.hiddenValues) as string[];
  }

  getVisibleValues(): string[] {
    this.ctx.exec.call('Free', 'FilterCriteria.getVisibleValues');
    return this.ctx.exec.guest.deep(this.state.visibleValues) as string[];
  }

  /** The condition's BooleanCriteria, or null without one. */
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.ctx.exec.call('Free', 'FilterCriteria.getCriteriaType');
    const c = this.state.condition;
    return (c ? this.ctx.enums.BooleanCriteria[c.type] : null) as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }

  getCriteriaValues(): any[] {
    this.ctx.exec.call('Free', 'FilterCriteria.getCriteriaValues');
    return this.ctx.exec.guest.deep(this.state.condition?.values ?? []) as unknown[];
  }

  copy(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
    this.ctx.exec.call('Free', 'FilterCriteria.copy');
    return asGas(new FilterCriteriaBuilderImpl(this.ctx, this.state));
  }
}
