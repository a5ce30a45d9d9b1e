/** FilterCriteria: what one column of a filter hides; a value object (its getters cost nothing). */
import { asGas, SheetsContext } from './context';
import { FilterCriteriaGetters } from './criteria-getters';
import { FilterCriteriaBuilderImpl } from './filter-criteria-builder';
import type { FilterCriteriaState } from './sheet-model';

type GasCriteria = GoogleAppsScript.Spreadsheet.FilterCriteria;

export type OfferedFilterCriteriaMethods = 'getHiddenValues' | 'getVisibleValues' | 'getCriteriaType' | 'getCriteriaValues' | 'copy';

export class FilterCriteriaImpl extends FilterCriteriaGetters implements Pick<GasCriteria, OfferedFilterCriteriaMethods> {
  constructor(ctx: SheetsContext, readonly state: FilterCriteriaState) {
    super(ctx, state, 'FilterCriteria');
  }

  copy(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
    this.ctx.exec.call('Free', 'FilterCriteria.copy');
    return asGas(new FilterCriteriaBuilderImpl(this.ctx, this.state));
  }
}
