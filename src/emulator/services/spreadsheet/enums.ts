/**
 * The enums of SpreadsheetApp and its Ui, built as every emulated enum is (../enum.ts: objects
 * that print as their name and equal only themselves, one instance per name within an
 * execution), and the names the spreadsheet model keeps.
 */
import type { Execution } from '../../execution';
import { EnumFamily, enumFamily } from '../enum';


export const PROTECTION_TYPES = ['RANGE', 'SHEET'] as const;
export const BUTTON_NAMES = ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const;
export const BUTTON_SET_NAMES = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const;
/** DataValidationCriteria as listed on Google's reference page (enum DataValidationCriteria). */
export const CRITERIA_NAMES = [
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
] as const;
/** BooleanCriteria (filter and conditional-format conditions), the ones a filter can hold. */
export const BOOLEAN_CRITERIA_NAMES = [
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'NUMBER_GREATER_THAN', 'NUMBER_LESS_THAN', 'NUMBER_EQUAL_TO', 'CUSTOM_FORMULA',
] as const;

export type ProtectionTypeName = (typeof PROTECTION_TYPES)[number];
export type ButtonName = (typeof BUTTON_NAMES)[number];
export type ButtonSetName = (typeof BUTTON_SET_NAMES)[number];
export type CriteriaName = (typeof CRITERIA_NAMES)[number];
export type BooleanCriteriaName = (typeof BOOLEAN_CRITERIA_NAMES)[number];

/** The enums of one execution's SpreadsheetApp (and its Ui). */
export interface SpreadsheetEnums {
  ProtectionType: EnumFamily<ProtectionTypeName>;
  Button: EnumFamily<ButtonName>;
  ButtonSet: EnumFamily<ButtonSetName>;
  DataValidationCriteria: EnumFamily<CriteriaName>;
  BooleanCriteria: EnumFamily<BooleanCriteriaName>;
  Dimension: EnumFamily<'COLUMNS' | 'ROWS'>;
}

/** The family names a signature mismatch prints; Button and ButtonSet belong to the Ui (reference "Enum ButtonSet", Base service). */
export const FAMILY = {
  ProtectionType: 'SpreadsheetApp.ProtectionType',
  Button: 'Ui.Button',
  ButtonSet: 'Ui.ButtonSet',
  DataValidationCriteria: 'SpreadsheetApp.DataValidationCriteria',
  BooleanCriteria: 'SpreadsheetApp.BooleanCriteria',
  Dimension: 'SpreadsheetApp.Dimension',
} as const;

/** The execution's SpreadsheetApp enums (the same instances wherever that execution asks). */
export function spreadsheetEnums(exec: Execution): SpreadsheetEnums {
  return {
    ProtectionType: enumFamily(exec, FAMILY.ProtectionType, PROTECTION_TYPES),
    Button: enumFamily(exec, FAMILY.Button, BUTTON_NAMES),
    ButtonSet: enumFamily(exec, FAMILY.ButtonSet, BUTTON_SET_NAMES),
    DataValidationCriteria: enumFamily(exec, FAMILY.DataValidationCriteria, CRITERIA_NAMES),
    BooleanCriteria: enumFamily(exec, FAMILY.BooleanCriteria, BOOLEAN_CRITERIA_NAMES),
    Dimension: enumFamily(exec, FAMILY.Dimension, ['COLUMNS', 'ROWS'] as const),
  };
}

/** The buttons of each ButtonSet, first one first (what the emulated user clicks). */
export const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};
