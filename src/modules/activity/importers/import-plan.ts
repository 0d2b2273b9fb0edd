import type { Transaction } from 'kysely';
import type { DB } from '../../../kernel/db/database.js';
import type { ActorContext } from '../../../kernel/context.js';
import type { TextEncoding } from '../formats/index.js';

/**
 * An import turns a file into rows once (parse), then writes them chunk by chunk (apply). The
 * runner commits each chunk together with the import's resume point, so a killed import resumes at
 * the first chunk that did not commit and ends with exactly the data an uninterrupted run writes.
 */
export interface RowOutcome {
  line: number;
  status: 'created' | 'updated' | 'duplicate' | 'skipped' | 'rejected';
  reason?: string;
}

export interface ParsedFile<R> {
  format: string;
  /** How a text file was decoded; absent for a workbook (XLSX). */
  encoding?: TextEncoding;
  /** Rows to apply, each with its line in the file. */
  rows: { line: number; row: R }[];
  /** Lines refused while reading, before any row is applied. */
  rejected: { line: number; reason: string }[];
  /** Lines deliberately not imported (e.g. system notices). */
  skipped: number;
}

export interface ImportPlan<R> {
  parse(data: Buffer, fileName: string): Promise<ParsedFile<R>>;
  apply(tx: Transaction<DB>, ctx: ActorContext, rows: { line: number; row: R }[]): Promise<RowOutcome[]>;
}
