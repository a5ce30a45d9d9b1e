/**
 * The enums scripts use. Apps Script's enum values print as their names, so the emulator's values
 * are those names: `String(SpreadsheetApp.ProtectionType.RANGE) === "RANGE"`, and comparisons
 * with `==`/`===` against the enum work as in Apps Script.
 */
function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  const out = {} as Record<K, K>;
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

export const ProtectionType = enumOf('RANGE', 'SHEET');
export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

/** The buttons of each ButtonSet, first one first (what the emulated user clicks). */
export const BUTTONS_OF: Record<keyof typeof ButtonSet, (keyof typeof Button)[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};
