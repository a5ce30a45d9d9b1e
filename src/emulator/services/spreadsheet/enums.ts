/**
 * The enums scripts use. In Apps Script an enum value is an object, not a string: it prints as
 * its name (`String(SpreadsheetApp.ProtectionType.RANGE) === "RANGE"`), has `name()` and
 * `ordinal()`, and equals only itself, so `type === 'RANGE'` is false and a method that takes an
 * enum refuses a bare string (APPS-SCRIPT.md, "Learned from the fidelity audit": comparing with
 * bare strings is a bug only an emulator with real enums catches). Each execution gets its own
 * objects, one per name, as each Apps Script execution does.
 */

/** One value of an Apps Script enum. */
export class EnumValue<K extends string = string> {
  // Private fields: the script sees toString, name and ordinal only, as on Google.
  readonly #key: K;
  readonly #index: number;

  constructor(key: K, index: number) {
    this.#key = key;
    this.#index = index;
  }

  toString(): K {
    return this.#key;
  }

  name(): K {
    return this.#key;
  }

  ordinal(): number {
    return this.#index;
  }
}

export type Enum<K extends string> = Readonly<Record<K, EnumValue<K>>>;

function enumOf<K extends string>(...names: K[]): Enum<K> {
  const out = {} as Record<K, EnumValue<K>>;
  names.forEach((n, i) => (out[n] = Object.freeze(new EnumValue(n, i)) as EnumValue<K>));
  return Object.freeze(out);
}

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
  ProtectionType: Enum<ProtectionTypeName>;
  Button: Enum<ButtonName>;
  ButtonSet: Enum<ButtonSetName>;
  DataValidationCriteria: Enum<CriteriaName>;
  BooleanCriteria: Enum<BooleanCriteriaName>;
  Dimension: Enum<'COLUMNS' | 'ROWS'>;
}

export function spreadsheetEnums(): SpreadsheetEnums {
  return {
    ProtectionType: enumOf(...PROTECTION_TYPES),
    Button: enumOf(...BUTTON_NAMES),
    ButtonSet: enumOf(...BUTTON_SET_NAMES),
    DataValidationCriteria: enumOf(...CRITERIA_NAMES),
    BooleanCriteria: enumOf(...BOOLEAN_CRITERIA_NAMES),
    Dimension: enumOf('COLUMNS', 'ROWS'),
  };
}

/** The name of `value` when it is a value of `e` (this very object), else null: a bare string is not. */
export function enumName<K extends string>(e: Enum<K>, value: unknown): K | null {
  if (!(value instanceof EnumValue)) return null;
  const name = value.name() as K;
  return e[name] === value ? name : null;
}

/** The buttons of each ButtonSet, first one first (what the emulated user clicks). */
export const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};
