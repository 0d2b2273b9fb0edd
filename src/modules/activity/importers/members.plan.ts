import type { ActorContext } from '../../../kernel/context.js';
import { unknownTagNames, upsertImportedMembers } from '../../members/index.js';
import { applyMembershipActivities, ensureCommunityByName, unknownCommunityNames } from '../../communities/index.js';
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
  /**
   * Use only the communities and tags that exist: a row naming another one is refused (with the
   * name), instead of creating it. The console asks for this or for a confirmation after the
   * preview has listed what the file would create.
   */
  onlyExisting?: boolean;
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
          if (p.ok) return { line: r.line, row: p.value };
          // Worded by the console only when every reason has its code.
          const coded = p.problems && p.problems.length === p.reasons.length;
          return { line: r.line, reason: p.reasons.join('; '), ...(coded ? { problems: p.problems } : {}) };
        });
      }
    },
  };
}

/** Members CSV/XLSX: profiles, channel accounts, tags and (optionally) the community they are in. */
export function membersPlan(opts: TableImportOptions): ImportPlan<MemberImportRow> {
  return {
    read: (file) => readRows(file, MEMBER_COLUMNS, opts, memberRowParser),
    namesOf: (row) => ({ communities: row.community ? [row.community] : [], tags: row.tags }),
    unknownNames: async (tx, ctx, names) => ({
      communities: await unknownCommunityNames(tx, ctx, names.communities),
      tags: await unknownTagNames(tx, names.tags),
    }),

    async apply(tx, ctx: ActorContext, all) {
      const refused = new Map<number, string>();
      if (opts.onlyExisting) {
        const used = {
          communities: [...new Set(all.flatMap(({ row }) => (row.community ? [row.community] : [])))],
          tags: [...new Set(all.flatMap(({ row }) => row.tags))],
        };
        const unknown = {
          communities: new Set(await unknownCommunityNames(tx, ctx, used.communities)),
          tags: new Set((await unknownTagNames(tx, used.tags)).map((t) => t.toLowerCase())),
        };
        for (const { line, row } of all) {
          const reasons = [
            ...(row.community && unknown.communities.has(row.community)
              ? [`community: ${row.community} is not a community (this import uses existing ones only)`]
              : []),
            ...row.tags
              .filter((t) => unknown.tags.has(t.toLowerCase()))
              .map((t) => `tags: ${t} is not a tag (this import uses existing ones only)`),
          ];
          if (reasons.length) refused.set(line, reasons.join('; '));
        }
      }
      const rows = all.filter(({ line }) => !refused.has(line));
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
      const written = new Map(
        outcomes.map((o, i) => [rows[i]!.line, o.status === 'unchanged' ? ('duplicate' as const) : o.status]),
      );
      return all.map(({ line }) =>
        refused.has(line)
          ? { line, status: 'rejected' as const, reason: refused.get(line)! }
          : { line, status: written.get(line)! },
      );
    },
  };
}
