/** A value of one CSV cell; null and undefined are written as an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted when it holds a comma, a double quote or a line break, with quotes doubled. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** What a spreadsheet reads as the start of a formula (or hides before one): =, +, -, @, tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet shows as text, never runs: text starting like a formula (a material named
 * `=HYPERLINK(...)`) gets a leading `'`, as OWASP advises against CSV injection. Numbers are left alone, so the
 * registry's own negative numbers stay numbers; only text can carry a formula.
 */
export function spreadsheetSafe(value: CsvValue): CsvValue {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 record, terminated by CRLF as the RFC asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Reads RFC 4180 text chunk by chunk (any chunking, constant memory) and hands out complete records.
 * Accepts CRLF or LF record ends; a line break inside quotes belongs to the field.
 */
export class CsvReader {
  private record: string[] = [];
  private field = '';
  private quoted = false;
  /** The previous chunk ended on a quote inside a quoted field: it closes the field or starts an escaped quote. */
  private pendingQuote = false;
  private pendingCr = false;

  /** Feeds a chunk; returns the records it completed. */
  push(chunk: string): string[][] {
    const done: string[][] = [];
    for (const char of chunk) {
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (char === '"') {
          this.field += '"';
          continue;
        }
        this.quoted = false;
      }
      if (this.pendingCr) {
        this.pendingCr = false;
        if (char === '\n') {
          done.push(this.endRecord());
          continue;
        }
        this.field += '\r';
      }
      if (this.quoted) {
        if (char === '"') this.pendingQuote = true;
        else this.field += char;
      } else if (char === '"') {
        this.quoted = true;
      } else if (char === ',') {
        this.record.push(this.field);
        this.field = '';
      } else if (char === '\r') {
        this.pendingCr = true;
      } else if (char === '\n') {
        done.push(this.endRecord());
      } else {
        this.field += char;
      }
    }
    return done;
  }

  /** Ends the input; returns the last record when the text did not end with a line break. */
  end(): string[][] {
    if (this.pendingQuote) this.quoted = false;
    if (this.pendingCr) this.field += '\r';
    this.pendingQuote = this.pendingCr = false;
    return this.field !== '' || this.record.length > 0 ? [this.endRecord()] : [];
  }

  /** Whether the text read so far stopped inside a quoted field (a truncated file). */
  get insideQuotes(): boolean {
    return this.quoted && !this.pendingQuote;
  }

  private endRecord(): string[] {
    this.record.push(this.field);
    const record = this.record;
    this.record = [];
    this.field = '';
    return record;
  }
}

/** All records of a CSV text. */
export function parseCsv(text: string): string[][] {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()];
}
