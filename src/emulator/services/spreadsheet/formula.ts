/**
 * A deliberately tiny formula evaluator. The emulator stores every formula exactly as written
 * (getFormulas shows it) but computes only self-contained arithmetic and literals
 * (`=1+1`, `="a"&"b"`, `=-3`); anything naming a function or a cell evaluates to "#NAME?", a
 * formula that does not parse to "#ERROR!", as Sheets shows for a parse error.
 */
import type { CellValue } from './values';

type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'op'; value: string }
  | { kind: 'name'; value: string };

class ParseError extends Error {}
class NameError extends Error {}
class DivZero extends Error {}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new ParseError();
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      tokens.push({ kind: 'str', value: s });
      i = j + 1;
      continue;
    }
    const name = /^[A-Za-z_$][A-Za-z0-9_.$!:']*/.exec(src.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^&(),<>=%;{}])/.exec(src.slice(i));
    if (op) {
      tokens.push({ kind: 'op', value: op[0] });
      i += op[0].length;
      continue;
    }
    throw new ParseError();
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): CellValue {
    const v = this.concat();
    if (this.pos !== this.tokens.length) throw new ParseError();
    return v;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.tokens[this.pos];
    return t && t.kind === 'op' && ops.includes(t.value) ? t.value : null;
  }

  private concat(): CellValue {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.pos++;
      const right = this.additive();
      left = text(left) + text(right);
    }
    return left;
  }

  private additive(): CellValue {
    let left = this.multiplicative();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.pos++;
      const right = this.multiplicative();
      left = op === '+' ? num(left) + num(right) : num(left) - num(right);
    }
    return left;
  }

  private multiplicative(): CellValue {
    let left = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.pos++;
      const right = num(this.power());
      if (op === '/' && right === 0) throw new DivZero();
      left = op === '*' ? num(left) * right : num(left) / right;
    }
    return left;
  }

  private power(): CellValue {
    const base = this.unary();
    if (this.peekOp('^')) {
      this.pos++;
      return Math.pow(num(base), num(this.power()));
    }
    return base;
  }

  private unary(): CellValue {
    const op = this.peekOp('+', '-');
    if (op) {
      this.pos++;
      const v = this.unary();
      return op === '-' ? -num(v) : num(v);
    }
    const v = this.primary();
    if (this.peekOp('%')) {
      this.pos++;
      return num(v) / 100;
    }
    return v;
  }

  private primary(): CellValue {
    const t = this.tokens[this.pos++];
    if (!t) throw new ParseError();
    if (t.kind === 'num' || t.kind === 'str') return t.value;
    if (t.kind === 'name') {
      const upper = t.value.toUpperCase();
      if ((upper === 'TRUE' || upper === 'FALSE') && !this.peekOp('(')) return upper === 'TRUE';
      if (this.peekOp('(')) this.skipArguments();
      throw new NameError();
    }
    if (t.value === '(') {
      const v = this.concat();
      if (!this.peekOp(')')) throw new ParseError();
      this.pos++;
      return v;
    }
    throw new ParseError();
  }

  /** Checks a function call's parentheses balance before reporting the unknown name. */
  private skipArguments(): void {
    let depth = 0;
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos++];
      if (t.kind === 'op' && t.value === '(') depth++;
      if (t.kind === 'op' && t.value === ')' && --depth === 0) return;
    }
    throw new ParseError();
  }
}

function num(v: CellValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(n)) return n;
  throw new ValueError();
}

class ValueError extends Error {}

function text(v: CellValue): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** The value a formula (text beginning with "=") shows. */
export function evaluateFormula(formula: string): CellValue {
  try {
    const v = new Parser(tokenize(formula.slice(1))).parseAll();
    if (typeof v === 'number' && !Number.isFinite(v)) return '#NUM!';
    return v;
  } catch (e) {
    if (e instanceof NameError) return '#NAME?';
    if (e instanceof DivZero) return '#DIV/0!';
    if (e instanceof ValueError) return '#VALUE!';
    return '#ERROR!';
  }
}
