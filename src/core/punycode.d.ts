/**
 * The `punycode` package (RFC 3492), imported by its ES module file so Node resolves the package, not
 * its deprecated built-in module of the same name; the package ships no types. Only what
 * core/validation.ts uses is declared.
 */
declare module 'punycode/punycode.es6.js' {
  /** A label's Unicode code points as Punycode's basic string (without the 'xn--' prefix). */
  export function encode(input: string): string;
  /** The Unicode string of a Punycode basic string; throws RangeError on invalid input. */
  export function decode(input: string): string;
}
