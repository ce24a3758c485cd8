// Chemical formulas as people write them on data sheets: LiFePO4, Ca5(PO4)3(OH), [Fe(CN)6]K4, CuSO4·5H2O and
// non-integer stoichiometry such as LiNi0.8Mn0.1Co0.1O2. Errors are returned as values with the offset of the
// offending character, so a validator can turn them into violations; the parser never throws.
import { ELEMENTS } from './reference-data/elements';

/** Longer formulas are refused before parsing. */
export const MAX_FORMULA_LENGTH = 100;
/** Largest number written in a formula (a count or a hydrate multiplier). */
export const MAX_FORMULA_NUMBER = 1000;
/** Largest number of atoms of one element once the brackets and hydrate multipliers are applied. */
export const MAX_ATOMS_PER_ELEMENT = 1_000_000;
/** Longest number token, e.g. 0.33333333 (keeps "1e308"-like precision games out). */
const MAX_NUMBER_CHARACTERS = 10;

export type FormulaErrorCode =
  /** Not a formula: unexpected character, unbalanced bracket, missing element... */
  | 'syntax'
  /** A symbol that is no element (e.g. "Xx"), or an element without a standard atomic weight (e.g. "Tc"). */
  | 'element'
  /** The formula is too long or a count is 0, too large or too precise. */
  | 'limit';

export interface FormulaError {
  code: FormulaErrorCode;
  /** Offset of the offending character in the formula, 0-based (the length of the formula for "ended too early"). */
  position: number;
  message: string;
}

export interface AtomCount {
  element: string;
  /** Atoms per formula unit; may be non-integer (LiNi0.8Mn0.1Co0.1O2). */
  count: number;
}

export type FormulaResult = { ok: true; atoms: AtomCount[] } | { ok: false; error: FormulaError };

const ATOMIC_WEIGHTS = new Map(ELEMENTS.map((element) => [element.symbol, element.atomicWeight]));
/** Characters that always join the parts of an adduct or hydrate: middle dot, bullet, bullet operator, asterisk. */
const ADDUCT_DOTS = new Set(['·', '•', '∙', '*']);
const CLOSING: Record<string, string> = { '(': ')', '[': ']' };

/** Internal: unwinds the recursive descent to parseFormula, which returns it as a value. */
class FormulaSyntaxError extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message);
  }
}

/**
 * Parses a formula into atoms per formula unit, in order of first appearance.
 *
 * Grammar: parts joined by adduct dots ("·", "•", "∙", "*"); each part after the first may start with a multiplier
 * (5H2O). A part is a sequence of elements and bracketed groups ("(...)" or "[...]", nested), each with an optional
 * count (integer or decimal, 0 < count <= 1000). A "." between digits is a decimal point, except in front of water of
 * crystallisation ("CuSO4.5H2O", "CaSO4.0.5H2O", "FeCl3.H2O"), where it is the hydrate dot; any other "." is refused
 * as ambiguous (write "·" or "*", or a digit before the decimal point).
 */
export function parseFormula(text: string): FormulaResult {
  if (text.length > MAX_FORMULA_LENGTH) {
    return fail('limit', MAX_FORMULA_LENGTH, `formula is longer than ${MAX_FORMULA_LENGTH} characters (${text.length})`);
  }
  try {
    const counts = new FormulaParser(text).parse();
    const atoms: AtomCount[] = [];
    for (const [element, count] of counts) {
      if (!(count <= MAX_ATOMS_PER_ELEMENT)) {
        return fail('limit', 0, `formula has more than ${MAX_ATOMS_PER_ELEMENT} atoms of ${element} per formula unit`);
      }
      atoms.push({ element, count });
    }
    return { ok: true, atoms };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ok: false, error: error.error };
    throw error;
  }
}

function fail(code: FormulaErrorCode, position: number, message: string): { ok: false; error: FormulaError } {
  return { ok: false, error: { code, position, message } };
}

class FormulaParser {
  private position = 0;

  constructor(private readonly text: string) {}

  parse(): Map<string, number> {
    if (this.text.length === 0) this.error('syntax', 'formula is empty');
    const total = new Map<string, number>();
    let multiplier = 1;
    for (;;) {
      add(total, this.sequence(null), multiplier);
      if (this.atEnd()) return total;
      if (!this.atAdductDot()) this.error('syntax', `unexpected character "${this.peek()}"`);
      this.position++;
      multiplier = isDigit(this.peek()) ? this.number(true) : 1;
    }
  }

  /** Elements and groups up to the end, an adduct dot or the closing bracket `closer`. */
  private sequence(closer: string | null): Map<string, number> {
    const counts = new Map<string, number>();
    const start = this.position;
    for (;;) {
      const c = this.peek();
      if (c === '' || c === closer || this.atAdductDot()) break;
      if (isUpper(c)) {
        const symbolStart = this.position;
        this.position++;
        if (isLower(this.peek())) this.position++;
        const symbol = this.text.slice(symbolStart, this.position);
        if (!ATOMIC_WEIGHTS.has(symbol)) this.error('element', `unknown element symbol "${symbol}"`, symbolStart);
        if (ATOMIC_WEIGHTS.get(symbol) === null) {
          this.error('element', `element ${symbol} has no standard atomic weight`, symbolStart);
        }
        add(counts, new Map([[symbol, 1]]), this.optionalCount());
      } else if (c === '(' || c === '[') {
        const open = this.position;
        this.position++;
        const inner = this.sequence(CLOSING[c]);
        if (this.peek() !== CLOSING[c]) {
          this.error('syntax', `bracket "${c}" at offset ${open} is not closed`, this.atEnd() ? this.text.length : this.position);
        }
        if (inner.size === 0) this.error('syntax', `empty brackets "${c}${CLOSING[c]}"`, open);
        this.position++;
        add(counts, inner, this.optionalCount());
      } else if (c === ')' || c === ']') {
        this.error('syntax', `unexpected closing bracket "${c}"`);
      } else if (isDigit(c)) {
        this.error('syntax', 'a number must follow an element or a closing bracket');
      } else if (c === '.') {
        this.error('syntax', 'ambiguous "."; write "·" or "*" between the parts of a hydrate, or a digit before a decimal point');
      } else {
        this.error('syntax', `unexpected character "${c}"`);
      }
    }
    // Empty brackets are reported by the caller, at the opening bracket.
    if (counts.size === 0 && closer === null) {
      this.error('syntax', closer === null && start > 0 ? 'expected an element after the hydrate dot' : 'expected an element or a bracket');
    }
    return counts;
  }

  private optionalCount(): number {
    return isDigit(this.peek()) ? this.number(false) : 1;
  }

  /**
   * An integer or decimal number, 0 < n <= MAX_FORMULA_NUMBER; the position is on its first digit. In a count (not a
   * hydrate multiplier) a "." in front of water is the hydrate dot, not a decimal point: CuSO4.5H2O.
   */
  private number(multiplier: boolean): number {
    const start = this.position;
    while (isDigit(this.peek())) this.position++;
    const decimal = isDigit(this.text[this.position + 1] ?? '') && (multiplier || !this.waterFollows(this.position + 1));
    if (this.peek() === '.' && decimal) {
      this.position++;
      while (isDigit(this.peek())) this.position++;
    }
    const token = this.text.slice(start, this.position);
    if (token.length > MAX_NUMBER_CHARACTERS) this.error('limit', `number ${token} has more than ${MAX_NUMBER_CHARACTERS} characters`, start);
    const value = Number(token);
    if (!(value > 0)) this.error('limit', `count ${token} must be more than 0`, start);
    if (value > MAX_FORMULA_NUMBER) this.error('limit', `count ${token} is more than ${MAX_FORMULA_NUMBER}`, start);
    return value;
  }

  /** Whether the character here joins two parts: an adduct dot, or a "." in front of water of crystallisation. */
  private atAdductDot(): boolean {
    const c = this.peek();
    return ADDUCT_DOTS.has(c) || (c === '.' && this.waterFollows(this.position + 1));
  }

  /** Whether an optional multiplier and H2O start at `from`, the water ending the formula or followed by a dot. */
  private waterFollows(from: number): boolean {
    const match = /^(\d+(\.\d+)?)?H2O/.exec(this.text.slice(from));
    if (match === null) return false;
    const next = this.text[from + match[0].length] ?? '';
    return next === '' || next === '.' || ADDUCT_DOTS.has(next);
  }

  private peek(): string {
    return this.text[this.position] ?? '';
  }

  private atEnd(): boolean {
    return this.position >= this.text.length;
  }

  private error(code: FormulaErrorCode, message: string, position = this.position): never {
    throw new FormulaSyntaxError({ code, position, message: `${message} at offset ${position}` });
  }
}

/** Adds `counts` times `factor` into `total`. */
function add(total: Map<string, number>, counts: Map<string, number>, factor: number): void {
  for (const [element, count] of counts) total.set(element, (total.get(element) ?? 0) + count * factor);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9' && c.length === 1;
}

function isUpper(c: string): boolean {
  return c >= 'A' && c <= 'Z' && c.length === 1;
}

function isLower(c: string): boolean {
  return c >= 'a' && c <= 'z' && c.length === 1;
}
