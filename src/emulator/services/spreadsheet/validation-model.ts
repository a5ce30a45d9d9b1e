/**
 * Data-validation rules as the spreadsheet stores them (JSON-safe, per cell), and what Sheets
 * does with a value typed into a validated cell. A rule refuses a typed value when
 * `allowInvalid` is false and keeps it with a warning otherwise (DataValidation.getAllowInvalid:
 * "true if the rule shows a warning when input fails data validation, or false if it rejects
 * the input entirely"; new rules default to true — Google's DataValidation reference page).
 * A script's setValue/setValues is not checked: script writes bypass validation, which works
 * at the editor's input layer (community reports; Google documents no check on script writes).
 */
import type { CriteriaName } from './enums';
import type { CellValue } from './values';

/** Criteria values, JSON-safe: strings, numbers, booleans and arrays of them. */
export type CriteriaArg = string | number | boolean | null | CriteriaArg[];

export interface ValidationState {
  criteria: CriteriaName;
  args: CriteriaArg[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** Criteria whose check the emulator performs; other criteria are stored and never refuse. */
export const CHECKED_CRITERIA: ReadonlySet<CriteriaName> = new Set([
  'VALUE_IN_LIST', 'NUMBER_BETWEEN', 'CHECKBOX', 'TEXT_IS_VALID_EMAIL',
]);

/** Whether `value` (shown as `text`) satisfies the rule. Empty cells always do. */
export function satisfies(rule: ValidationState, value: CellValue, text: string): boolean {
  if (value === '') return true;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = Array.isArray(rule.args[0]) ? rule.args[0] : [];
      return list.some((item) => String(item) === text);
    }
    case 'NUMBER_BETWEEN': {
      const [lo, hi] = rule.args.map(Number);
      return typeof value === 'number' && value >= Math.min(lo, hi) && value <= Math.max(lo, hi);
    }
    case 'CHECKBOX': {
      if (rule.args.length === 0) return typeof value === 'boolean';
      return rule.args.some((a) => String(a) === text);
    }
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
    default:
      return true;
  }
}

/**
 * What Sheets shows when it rejects typed input: the rule's help text when it has one, else its
 * standard sentence naming the cell (the wording of Sheets' "There was a problem" dialog as
 * community sources quote it; not confirmed on a Google page).
 */
export function rejectionMessage(rule: ValidationState, a1: string): string {
  return rule.helpText || `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
}

/** The warning a kept invalid value carries (the red corner's tooltip). */
export function warningMessage(rule: ValidationState): string {
  if (rule.helpText) return rule.helpText;
  return rule.criteria === 'VALUE_IN_LIST' ? 'Invalid: Input must be an item on the specified list.' : 'Invalid: Input violates the data validation rule.';
}

export function sameRule(a: ValidationState | undefined, b: ValidationState | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
