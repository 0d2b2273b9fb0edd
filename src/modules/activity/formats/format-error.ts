/**
 * Why a whole file cannot be read. Per-row problems are never thrown: they travel with the row
 * (`reasons`, `rejected`) so one bad line does not cost the user the other thousand. A
 * `FormatError` means the file as a whole is unusable, and its message tells the user what to do.
 */
export type FormatErrorCode =
  | 'UNSUPPORTED_ENCODING'
  | 'UNSUPPORTED_FORMAT'
  | 'MISSING_COLUMNS'
  | 'EMPTY_FILE'
  | 'UNKNOWN_FIELD'
  /** Text the database cannot store (a NUL character, an unpaired surrogate) where the whole file depends on it. */
  | 'INVALID_TEXT'
  /** The file goes past a limit of what is read (columns, line length, workbook size). */
  | 'LIMIT_EXCEEDED';

export class FormatError extends Error {
  readonly code: FormatErrorCode;
  /** The 1-based line the problem was found on, when there is one (e.g. an unclosed quote). */
  readonly line?: number;

  constructor(code: FormatErrorCode, message: string, opts: { line?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'FormatError';
    this.code = code;
    if (opts.line !== undefined) this.line = opts.line;
  }
}
