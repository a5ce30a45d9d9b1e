/**
 * TextFinder: searches on Google's side in one call. Cells are matched on the text they show
 * (or on their formula with matchFormulaText), in row-major order within each searched range.
 */
import { evaluateFormula } from './formula';
import { asGas, SheetsContext } from './context';
import { displayValue } from './display';
import type { Box } from './protection-model';
import { RangeImpl } from './range';
import type { SheetModel } from './sheet-model';

type GasTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export interface SearchScope {
  sheet: SheetModel;
  box: Box;
}

interface Match {
  sheet: SheetModel;
  row: number; // 1-based
  col: number;
}

export type OfferedTextFinderMethods =
  | 'matchCase' | 'matchEntireCell' | 'useRegularExpression' | 'ignoreDiacritics' | 'matchFormulaText'
  | 'findAll' | 'findNext' | 'findPrevious' | 'getCurrentMatch' | 'replaceAllWith';

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class TextFinderImpl implements Pick<GasTextFinder, OfferedTextFinderMethods> {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private diacritics = false;
  private formulaText = false;
  /** Matches found by findNext/findPrevious, and the position of the current one. */
  private cursor: { matches: Match[]; index: number } | null = null;

  constructor(
    private readonly ctx: SheetsContext,
    private readonly scopes: SearchScope[],
    private readonly findText: string,
  ) {}

  private self(): GasTextFinder {
    return asGas<GasTextFinder>(this);
  }

  private option(key: string, apply: () => void): GasTextFinder {
    this.ctx.call(key);
    apply();
    this.cursor = null;
    return this.self();
  }

  matchCase(matchCase: boolean): GasTextFinder {
    return this.option('TextFinder.matchCase', () => (this.caseSensitive = !!matchCase));
  }

  matchEntireCell(matchEntireCell: boolean): GasTextFinder {
    return this.option('TextFinder.matchEntireCell', () => (this.entireCell = !!matchEntireCell));
  }

  useRegularExpression(useRegEx: boolean): GasTextFinder {
    return this.option('TextFinder.useRegularExpression', () => (this.regex = !!useRegEx));
  }

  ignoreDiacritics(ignoreDiacritics: boolean): GasTextFinder {
    return this.option('TextFinder.ignoreDiacritics', () => (this.diacritics = !!ignoreDiacritics));
  }

  matchFormulaText(matchFormulaText: boolean): GasTextFinder {
    return this.option('TextFinder.matchFormulaText', () => (this.formulaText = !!matchFormulaText));
  }

  private pattern(global: boolean): RegExp {
    let source = this.regex ? this.findText : escapeRegExp(this.findText);
    if (this.diacritics) source = stripDiacritics(source);
    if (this.entireCell) source = `^(?:${source})$`;
    let flags = this.caseSensitive ? 'u' : 'iu';
    if (global) flags += 'g';
    try {
      return new RegExp(source, flags);
    } catch {
      return this.ctx.fail(`Invalid regular expression: ${this.findText}`);
    }
  }

  private cellText(sheet: SheetModel, r: number, c: number): string {
    const formula = this.formulaText ? sheet.formula(r, c) : '';
    const text = formula || displayValue(sheet.value(r, c), sheet.format(r, c), this.ctx.model.parseContext);
    return this.diacritics ? stripDiacritics(text) : text;
  }

  private search(): Match[] {
    const re = this.pattern(false);
    const out: Match[] = [];
    for (const { sheet, box } of this.scopes) {
      const rEnd = Math.min(box.row - 1 + box.numRows, Math.max(sheet.rows.length, sheet.formulas.length));
      for (let r = box.row - 1; r < rEnd; r++) {
        if (!sheet.hasContent(r)) continue;
        for (let c = box.col - 1; c < box.col - 1 + box.numCols; c++) {
          const text = this.cellText(sheet, r, c);
          if (text !== '' && re.test(text)) out.push({ sheet, row: r + 1, col: c + 1 });
        }
      }
    }
    return out;
  }

  private rangeOf(m: Match): GasRange {
    return asGas(new RangeImpl(this.ctx, m.sheet, m.row, m.col, 1, 1));
  }

  findAll(): GasRange[] {
    const matches = this.search();
    this.ctx.read('TextFinder.findAll', matches.length);
    return this.ctx.exec.guest.array(matches.map((m) => this.rangeOf(m)));
  }

  private step(key: string, delta: 1 | -1): GasRange | null {
    this.ctx.read(key, 1);
    if (!this.cursor) this.cursor = { matches: this.search(), index: delta === 1 ? -1 : Number.MAX_SAFE_INTEGER };
    const { matches } = this.cursor;
    const next = Math.max(-1, Math.min(matches.length, this.cursor.index + delta));
    this.cursor.index = next;
    return next >= 0 && next < matches.length ? this.rangeOf(matches[next]) : null;
  }

  findNext(): GasRange | null {
    return this.step('TextFinder.findNext', 1);
  }

  findPrevious(): GasRange | null {
    return this.step('TextFinder.findPrevious', -1);
  }

  getCurrentMatch(): GasRange | null {
    this.ctx.call('TextFinder.getCurrentMatch');
    const c = this.cursor;
    return c && c.index >= 0 && c.index < c.matches.length ? this.rangeOf(c.matches[c.index]) : null;
  }

  /** Replaces the matched text in every matching cell; returns how many cells changed. */
  replaceAllWith(replaceText: string): number {
    const matches = this.search();
    this.ctx.read('TextFinder.replaceAllWith', matches.length);
    for (const m of matches) this.ctx.checkWrite(m.sheet, { row: m.row, col: m.col, numRows: 1, numCols: 1 });
    const re = this.pattern(true);
    const replacement = String(replaceText);
    for (const m of matches) {
      const [r, c] = [m.row - 1, m.col - 1];
      const formula = this.formulaText ? m.sheet.formula(r, c) : '';
      const source = this.cellText(m.sheet, r, c);
      // With regular expressions "$1" refers to groups; plain search inserts the text as it is.
      const text = this.regex ? source.replace(re, replacement) : source.replace(re, () => replacement);
      m.sheet.put(r, c, formula && text.startsWith('=') ? { value: evaluateFormula(text), formula: text } : { value: text, formula: null });
    }
    this.cursor = null;
    return matches.length;
  }
}
