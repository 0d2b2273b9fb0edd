import type { ActorContext } from '../../../kernel/context.js';
import { upsertImportedMembers } from '../../members/index.js';
import { applyMembershipActivities, ensureCommunityByName } from '../../communities/index.js';
import { MEMBER_COLUMNS, assertNoMissingColumns, mapHeaders, memberRowParser, readTable, type MemberImportRow } from '../formats/index.js';
import type { ImportPlan } from './import-plan.js';

export interface TableImportOptions {
  /** Header → field overrides chosen by the user in the column mapping step. */
  mapping?: Record<string, string>;
  /** Zone of dates written without one. */
  timeZone: string;
  /** Keep unrecognised columns as custom attributes. */
  keepUnmapped?: boolean;
}

/** Members CSV/XLSX: profiles, channel accounts, tags and (optionally) the community they are in. */
export function membersPlan(opts: TableImportOptions): ImportPlan<MemberImportRow> {
  return {
    async parse(data, fileName) {
      const table = await readTable(data, fileName);
      const mapped = mapHeaders(table.headers, MEMBER_COLUMNS, opts.mapping, { keepUnmappedAs: opts.keepUnmapped ? 'attributes' : 'ignore' });
      assertNoMissingColumns(mapped, MEMBER_COLUMNS);
      const parse = memberRowParser(mapped.mapping, { timeZone: opts.timeZone });
      const rows: { line: number; row: MemberImportRow }[] = [];
      const rejected: { line: number; reason: string }[] = [];
      for (const r of table.rows) {
        const p = parse(r.values);
        if (p.ok) rows.push({ line: r.line, row: p.value });
        else rejected.push({ line: r.line, reason: p.reasons.join('; ') });
      }
      return { format: table.format, rows, rejected, skipped: 0 };
    },

    async apply(tx, ctx: ActorContext, rows) {
      const outcomes = await upsertImportedMembers(tx, rows.map(({ row }) => ({
        name: row.name, nickname: row.nickname, phone: row.phone, email: row.email, gender: row.gender, birthday: row.birthday,
        city: row.city, company: row.company, source: row.source ?? 'import', consentMarketing: row.consentMarketing,
        lifecycleStage: row.lifecycleStage, identities: row.identities, tags: row.tags, attributes: row.attributes,
      })), { source: 'import' });
      const joins = [];
      const communityIds = new Map<string, number>();
      for (let i = 0; i < rows.length; i++) {
        const name = rows[i]!.row.community;
        if (!name) continue;
        if (!communityIds.has(name)) {
          communityIds.set(name, (await ensureCommunityByName(tx, ctx, { name, channel: rows[i]!.row.channel ?? 'other' })).id);
        }
        joins.push({
          communityId: communityIds.get(name)!, memberId: outcomes[i]!.memberId, kind: 'join' as const,
          at: new Date(rows[i]!.row.joinedAt ?? Date.now()), source: 'import' as const,
        });
      }
      if (joins.length) await applyMembershipActivities(tx, joins);
      return outcomes.map((o, i) => ({ line: rows[i]!.line, status: o.status === 'unchanged' ? 'duplicate' : o.status }));
    },
  };
}
