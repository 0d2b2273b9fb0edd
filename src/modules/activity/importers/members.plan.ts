import type { ActorContext } from '../../../kernel/context.js';
import { upsertImportedMembers } from '../../members/index.js';
import { applyMembershipActivities, ensureCommunityByName } from '../../communities/index.js';
import {
  MEMBER_COLUMNS,
  assertNoMissingColumns,
  assertStorableHeaders,
  mapHeaders,
  memberRowParser,
  openTable,
  type ColumnSpec,
  type MemberImportRow,
  type RowOptions,
  type RowResult,
} from '../formats/index.js';
import type { FileItem, ImportPlan, ReadFile } from './import-plan.js';
import type { StoredUpload } from './upload-store.js';

export interface TableImportOptions {
  /** Header → field overrides chosen by the user in the column mapping step. */
  mapping?: Record<string, string>;
  /** Zone of dates written without one. */
  timeZone: string;
  /** Keep unrecognised columns as custom attributes. */
  keepUnmapped?: boolean;
}

/**
 * Reads a members or orders sheet from its stored file: maps its headers (refusing a file that
 * lacks a required column) from the first read, then checks the rows batch by batch as they are
 * read; a refused row keeps its line and every reason.
 */
export async function readRows<R>(
  file: StoredUpload,
  columns: ColumnSpec[],
  opts: TableImportOptions,
  parser: (mapping: Record<string, string>, o: RowOptions) => (values: Record<string, string>) => RowResult<R>,
): Promise<ReadFile<R>> {
  const table = await openTable(file);
  assertStorableHeaders(table.headers, table.headerLine);
  const mapped = mapHeaders(table.headers, columns, opts.mapping, {
    keepUnmappedAs: opts.keepUnmapped ? 'attributes' : 'ignore',
  });
  assertNoMissingColumns(mapped, columns);
  const parse = parser(mapped.mapping, { timeZone: opts.timeZone });
  return {
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    total: table.rowCount,
    skipped: 0,
    async *items() {
      for await (const batch of table.rows()) {
        yield batch.map((r): FileItem<R> => {
          const p = parse(r.values);
          return p.ok ? { line: r.line, row: p.value } : { line: r.line, reason: p.reasons.join('; ') };
        });
      }
    },
  };
}

/** Members CSV/XLSX: profiles, channel accounts, tags and (optionally) the community they are in. */
export function membersPlan(opts: TableImportOptions): ImportPlan<MemberImportRow> {
  return {
    read: (file) => readRows(file, MEMBER_COLUMNS, opts, memberRowParser),

    async apply(tx, ctx: ActorContext, rows) {
      const outcomes = await upsertImportedMembers(
        tx,
        rows.map(({ row }) => ({
          name: row.name,
          nickname: row.nickname,
          phone: row.phone,
          email: row.email,
          gender: row.gender,
          birthday: row.birthday,
          city: row.city,
          company: row.company,
          source: row.source ?? 'import',
          consentMarketing: row.consentMarketing,
          lifecycleStage: row.lifecycleStage,
          identities: row.identities,
          tags: row.tags,
          attributes: row.attributes,
        })),
        { source: 'import' },
      );
      const joins = [];
      const communityIds = new Map<string, number>();
      for (let i = 0; i < rows.length; i++) {
        const name = rows[i]!.row.community;
        if (!name) continue;
        if (!communityIds.has(name)) {
          communityIds.set(name, (await ensureCommunityByName(tx, ctx, { name, channel: rows[i]!.row.channel })).id);
        }
        joins.push({
          communityId: communityIds.get(name)!,
          memberId: outcomes[i]!.memberId,
          kind: 'join' as const,
          at: new Date(rows[i]!.row.joinedAt ?? Date.now()),
          source: 'import' as const,
        });
      }
      if (joins.length) await applyMembershipActivities(tx, joins);
      return outcomes.map((o, i) => ({
        line: rows[i]!.line,
        status: o.status === 'unchanged' ? 'duplicate' : o.status,
      }));
    },
  };
}
