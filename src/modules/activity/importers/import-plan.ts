import type { Transaction } from 'kysely';
import type { DB } from '../../../kernel/db/database.js';
import type { ActorContext } from '../../../kernel/context.js';
import type { TextEncoding } from '../formats/index.js';
import type { StoredUpload } from './upload-store.js';

/**
 * An import reads its stored file (read), then writes the rows chunk by chunk (apply). The
 * runner commits each chunk together with the import's resume point — how many items of the
 * file are done — so a killed import resumes at the first chunk that did not commit and ends with
 * exactly the data an uninterrupted run writes. That needs the file to hand out the same items
 * in the same order on every read, which every reader does.
 */

export interface RowOutcome {
  line: number;
  status: 'created' | 'updated' | 'duplicate' | 'skipped' | 'rejected';
  reason?: string;
  problems?: LineProblem[];
}

/** A refused line's reasons as codes (web/shared/problems.ts), with the column and value they concern. */
export interface LineProblem {
  column?: string;
  value?: string;
  code: string;
  params?: Record<string, string | number>;
}

/** One item of a file: a row to write, or a line refused while reading it (with its reasons' codes when all have one). */
export type FileItem<R> = { line: number; row: R } | { line: number; reason: string; problems?: LineProblem[] };

export interface ReadFile<R> {
  format: string;
  /** How a text file was decoded; absent for a workbook (XLSX). */
  encoding?: TextEncoding;
  /** Rows and refused lines the file holds (the progress total). */
  total: number;
  /** Lines deliberately not imported (e.g. system notices). */
  skipped: number;
  /** Every item in file order, in batches, read from the file anew at each call. */
  items(): AsyncIterable<FileItem<R>[]>;
}

/** A file parsed whole in memory (formats that are read at once, such as chat exports). */
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

/** Names a file's rows use that may not exist yet: communities and tags an import would create. */
export interface NamesUsed {
  communities: string[];
  tags: string[];
}

export interface ImportPlan<R> {
  /** The community and tag names a row uses (for the preview's "would create" list). */
  namesOf?(row: R): NamesUsed;
  /** Of the names given, those that do not exist yet (what the import would create). */
  unknownNames?(tx: Transaction<DB>, ctx: ActorContext, names: NamesUsed): Promise<NamesUsed>;
  /** Streams the stored file; formats that cannot be streamed give `parse` instead. */
  read?(file: StoredUpload): Promise<ReadFile<R>>;
  /** Parses the whole file at once (its bytes are read from the stored upload, within the upload limit). */
  parse?(data: Buffer, fileName: string): Promise<ParsedFile<R>>;
  apply(tx: Transaction<DB>, ctx: ActorContext, rows: { line: number; row: R }[]): Promise<RowOutcome[]>;
}
