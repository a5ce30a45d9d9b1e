/**
 * DataValidationBuilder (SpreadsheetApp.newDataValidation()): builds a rule locally, so its
 * methods cost nothing until the rule is set on a range. New rules allow invalid input (with a
 * warning) unless setAllowInvalid(false) (Google's DataValidation reference: "The default for new
 * data validation rules is true").
 */
import { asGas, SheetsContext } from './context';
import { ValidationGetters } from './criteria-getters';
import { DataValidationImpl } from './data-validation';
import { enumName } from '../enum';
import { CriteriaName, FAMILY } from './enums';
import type { CriteriaArg, ValidationState } from './validation-model';

type GasBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export type OfferedValidationBuilderMethods =
  | 'requireValueInList' | 'requireNumberBetween' | 'requireCheckbox' | 'requireTextIsEmail' | 'withCriteria'
  | 'setAllowInvalid' | 'setHelpText' | 'build' | 'copy' | 'getAllowInvalid' | 'getHelpText' | 'getCriteriaType'
  | 'getCriteriaValues';

/** A criteria argument as stored: strings, numbers, booleans (a list of them for VALUE_IN_LIST). */
function arg(v: unknown): CriteriaArg {
  if (Array.isArray(v)) return v.map(arg);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return v === null || v === undefined ? null : String(v);
}

export class DataValidationBuilderImpl extends ValidationGetters implements Pick<GasBuilder, OfferedValidationBuilderMethods> {
  private hasCriteria: boolean;

  constructor(ctx: SheetsContext, from?: ValidationState) {
    super(ctx, from ? structuredClone(from) : { criteria: 'VALUE_IN_LIST', args: [], allowInvalid: true, helpText: null }, 'DataValidationBuilder');
    this.hasCriteria = !!from;
  }

  private self(key: string): GasBuilder {
    this.ctx.exec.call('Free', key);
    return asGas<GasBuilder>(this);
  }

  private require(key: string, criteria: CriteriaName, args: CriteriaArg[]): GasBuilder {
    this.state.criteria = criteria;
    this.state.args = args;
    this.hasCriteria = true;
    return this.self(key);
  }

  requireValueInList(values: string[], showDropdown?: boolean): GasBuilder {
    if (!Array.isArray(values)) this.ctx.signatureMismatch('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    return this.require('DataValidationBuilder.requireValueInList', 'VALUE_IN_LIST', [arg(values), showDropdown === undefined ? true : !!showDropdown]);
  }

  requireNumberBetween(start: number, end: number): GasBuilder {
    this.ctx.requireNumbers('SpreadsheetApp.DataValidationBuilder.requireNumberBetween', [start, end]);
    return this.require('DataValidationBuilder.requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  requireCheckbox(checkedValue?: any, uncheckedValue?: any): GasBuilder {
    const args = [checkedValue, uncheckedValue].filter((v) => v !== undefined).map(arg);
    return this.require('DataValidationBuilder.requireCheckbox', 'CHECKBOX', args);
  }

  requireTextIsEmail(): GasBuilder {
    return this.require('DataValidationBuilder.requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }

  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: any[]): GasBuilder {
    const name = enumName<CriteriaName>(criteria, FAMILY.DataValidationCriteria);
    if (!name || !Array.isArray(args)) this.ctx.signatureMismatch('SpreadsheetApp.DataValidationBuilder.withCriteria', [criteria, args]);
    return this.require('DataValidationBuilder.withCriteria', name, args.map(arg));
  }

  setAllowInvalid(allowInvalidData: boolean): GasBuilder {
    this.state.allowInvalid = !!allowInvalidData;
    return this.self('DataValidationBuilder.setAllowInvalid');
  }

  setHelpText(helpText: string): GasBuilder {
    this.state.helpText = helpText === null || helpText === undefined || helpText === '' ? null : String(helpText);
    return this.self('DataValidationBuilder.setHelpText');
  }

  copy(): GasBuilder {
    this.ctx.exec.call('Free', 'DataValidationBuilder.copy');
    return asGas(new DataValidationBuilderImpl(this.ctx, this.state));
  }

  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    this.ctx.exec.call('Free', 'DataValidationBuilder.build');
    // A rule needs criteria (message as Apps Script words it for a builder without one: unconfirmed).
    if (!this.hasCriteria) this.ctx.fail('The data validation rule has no criteria.');
    return asGas(new DataValidationImpl(this.ctx, structuredClone(this.state)));
  }
}
