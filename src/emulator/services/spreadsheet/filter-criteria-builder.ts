/**
 * FilterCriteriaBuilder (SpreadsheetApp.newFilterCriteria()): what one filter column hides,
 * built locally (no calls until set on a filter). Hidden values, visible values and one
 * condition, as Google's FilterCriteriaBuilder reference lists them.
 */
import { asGas, SheetsContext } from './context';
import type { BooleanCriteriaName } from './enums';
import { FilterCriteriaGetters } from './criteria-getters';
import { FilterCriteriaImpl } from './filter-criteria';
import type { FilterCriteriaState } from './sheet-model';

type GasBuilder = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;

export type OfferedFilterCriteriaBuilderMethods =
  | 'setHiddenValues' | 'setVisibleValues' | 'whenTextContains' | 'whenTextDoesNotContain' | 'whenTextEqualTo'
  | 'whenTextStartsWith' | 'whenTextEndsWith' | 'whenCellEmpty' | 'whenCellNotEmpty' | 'whenNumberGreaterThan'
  | 'whenNumberLessThan' | 'whenNumberEqualTo' | 'build' | 'copy' | 'getHiddenValues' | 'getVisibleValues'
  | 'getCriteriaType' | 'getCriteriaValues';

export function emptyCriteria(): FilterCriteriaState {
  return { hiddenValues: null, visibleValues: null, condition: null };
}

export class FilterCriteriaBuilderImpl extends FilterCriteriaGetters implements Pick<GasBuilder, OfferedFilterCriteriaBuilderMethods> {
  constructor(ctx: SheetsContext, from?: FilterCriteriaState) {
    super(ctx, from ? structuredClone(from) : emptyCriteria(), 'FilterCriteriaBuilder');
  }

  private self(key: string): GasBuilder {
    this.ctx.exec.call('Free', key);
    return asGas<GasBuilder>(this);
  }

  private values(method: string, values: unknown): string[] {
    if (!Array.isArray(values)) this.ctx.signatureMismatch(`SpreadsheetApp.FilterCriteriaBuilder.${method}`, [values]);
    return values.map((v) => String(v));
  }

  setHiddenValues(values: string[]): GasBuilder {
    this.state.hiddenValues = this.values('setHiddenValues', values);
    return this.self('FilterCriteriaBuilder.setHiddenValues');
  }

  setVisibleValues(values: string[]): GasBuilder {
    this.state.visibleValues = this.values('setVisibleValues', values);
    return this.self('FilterCriteriaBuilder.setVisibleValues');
  }

  private when(method: string, type: BooleanCriteriaName, values: unknown[]): GasBuilder {
    this.state.condition = { type, values: values.map((v) => String(v)) };
    return this.self(`FilterCriteriaBuilder.${method}`);
  }

  whenTextContains(text: string): GasBuilder {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }

  whenTextDoesNotContain(text: string): GasBuilder {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }

  whenTextEqualTo(text: string): GasBuilder {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }

  whenTextStartsWith(text: string): GasBuilder {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text]);
  }

  whenTextEndsWith(text: string): GasBuilder {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text]);
  }

  whenCellEmpty(): GasBuilder {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }

  whenCellNotEmpty(): GasBuilder {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }

  whenNumberGreaterThan(number: number): GasBuilder {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }

  whenNumberLessThan(number: number): GasBuilder {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }

  whenNumberEqualTo(number: number): GasBuilder {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }

  copy(): GasBuilder {
    this.ctx.exec.call('Free', 'FilterCriteriaBuilder.copy');
    return asGas(new FilterCriteriaBuilderImpl(this.ctx, this.state));
  }

  build(): GoogleAppsScript.Spreadsheet.FilterCriteria {
    this.ctx.exec.call('Free', 'FilterCriteriaBuilder.build');
    return asGas(new FilterCriteriaImpl(this.ctx, structuredClone(this.state)));
  }
}
