import type { ActorContext } from '../../kernel/context.js';
import { can } from '../access/index.js';
import { recordAudit } from '../../kernel/audit.js';
import {
  decodeMemberCursor,
  encodeMemberCursor,
  type Keyset,
  type MemberSort,
  type SortOrder,
} from './domain/cursor.js';
import { normaliseFilter, type MemberFilter } from './domain/member-filter.js';
import { csvLine, UTF8_BOM } from './domain/csv.js';
import { maskEmail, maskPhone } from './domain/contact-mask.js';
import { EXPORT_HEADERS, EXPORT_VALUES, type ExportLang } from '../../web/shared/export-labels.js';
import { displayName } from './domain/profile-rules.js';
import * as search from './search.repo.js';
import * as repo from './members.repo.js';
import { memberViews, type MemberView } from './members.view.js';
import { failIfProblems, requireOwnCommunity, scopeOf, type MembersServiceDeps } from './service-support.js';

/** Finding members: the list, the CSV export and the duplicate report. */
export interface ListQuery extends MemberFilter {
  sort?: MemberSort;
  order?: SortOrder;
  cursor?: string;
  limit?: number;
}

const EXPORT_HEADER = [
  'id',
  'name',
  'nickname',
  'gender',
  'birthday',
  'phone',
  'email',
  'city',
  'company',
  'lifecycle_stage',
  'source',
  'consent_marketing',
  'consent_data_processing',
  'account_type',
  'tags',
  'communities',
  'identities',
  'attributes',
  'created_at',
  'last_active_at',
];

/**
 * One member as a CSV row: as stored (the default, for integrations and re-import), or — for a
 * person, `lang` given — the vocabularies by their label, yes/no as words and times in the
 * workspace time zone (the headers are worded by the caller).
 */
function exportRow(
  v: MemberView,
  words?: { lang: ExportLang; time: (iso: string | null) => string | null },
): unknown[] {
  const label = (group: string, value: string) =>
    words ? (EXPORT_VALUES[words.lang][group]?.[value] ?? value) : value;
  const yes = (b: boolean) => (words ? EXPORT_VALUES[words.lang].yesNo![String(b)] : b);
  const time = (iso: string | null) => (words ? words.time(iso) : iso);
  return [
    v.id,
    v.name,
    v.nickname,
    label('gender', v.gender),
    v.birthday,
    v.phone,
    v.email,
    v.city,
    v.company,
    label('stage', v.lifecycleStage),
    v.source,
    yes(v.consentMarketing),
    yes(v.consentDataProcessing),
    label('accountType', v.accountType),
    v.tags.map((t) => t.name).join('|'),
    v.communities.map((c) => c.name).join('|'),
    v.identities.map((i) => `${i.channel}:${i.externalId}`).join('|'),
    Object.keys(v.attributes).length ? v.attributes : null,
    time(v.createdAt),
    time(v.lastActiveAt),
  ];
}

export type DuplicateReason = search.DuplicateReasonCode;
export interface DuplicatePair {
  a: { id: number; displayName: string; avatarUrl: string | null };
  b: { id: number; displayName: string; avatarUrl: string | null };
  reasons: { reason: DuplicateReason; value: string; communityId: number | null }[];
}

/** A member list's total is counted exactly up to this many; past it, estimated. */
const COUNT_CAP = 100_000;

export function createSearchService(deps: MembersServiceDeps) {
  const { database, exportBatchSize } = deps;
  const db = database.db;

  function prepare(ctx: ActorContext, query: ListQuery) {
    const { sort, order, cursor, limit, ...raw } = query;
    requireOwnCommunity(ctx, raw.communityId);
    const { filter, problems } = normaliseFilter(raw);
    failIfProblems(problems);
    // Part of a phone number finds members only for those who may see phones: otherwise a masked
    // list would still tell, digit by digit, whose number starts or ends how. A whole number (the
    // caller knows it already) is still matched exactly.
    if (!can(ctx.actor, 'members:contact')) filter.qDigits = null;
    const s = sort ?? 'created_at';
    const o = order ?? 'desc';
    return { filter, sort: s, order: o, after: cursor ? decodeMemberCursor(cursor, s, o) : null, limit: limit ?? 50 };
  }

  async function list(
    ctx: ActorContext,
    query: ListQuery,
  ): Promise<{ items: MemberView[]; nextCursor: string | null }> {
    const p = prepare(ctx, query);
    const scope = scopeOf(ctx);
    const rows = await search.memberPage(db, p.filter, scope, p.sort, p.order, p.after, p.limit + 1);
    const page = rows.slice(0, p.limit);
    const last = page[page.length - 1];
    return {
      items: await memberViews(db, page, scope),
      nextCursor:
        rows.length > p.limit && last
          ? encodeMemberCursor({ sort: p.sort, order: p.order, key: last.sort_key, id: last.id })
          : null,
    };
  }

  /** How many members match the filter: exact up to 100,000, an estimate beyond (`exact: false`). */
  async function count(ctx: ActorContext, filter: MemberFilter) {
    const p = prepare(ctx, filter as ListQuery);
    return search.countOrEstimate(db, p.filter, scopeOf(ctx), COUNT_CAP);
  }

  /**
   * The CSV of every member matching the filter, produced batch by batch as the reply is written:
   * memory stays flat whether 10 or 1,000,000 members match. Each batch is its own short query,
   * so other work interleaves. The export is audited when it ends, with how many rows left Kith —
   * also when the download is cut off half-way.
   */
  function exportCsv(
    ctx: ActorContext,
    { lang, ...query }: Omit<ListQuery, 'cursor' | 'limit'> & { lang?: ExportLang },
  ): AsyncIterable<string> {
    const p = prepare(ctx, query);
    const at = new Intl.DateTimeFormat('sv-SE', {
      timeZone: deps.timeZone,
      dateStyle: 'short',
      timeStyle: 'short',
    });
    const words = lang ? { lang, time: (iso: string | null) => (iso ? at.format(new Date(iso)) : null) } : undefined;
    const header = lang ? EXPORT_HEADER.map((h) => EXPORT_HEADERS[lang][h] ?? h) : EXPORT_HEADER;
    const scope = scopeOf(ctx);
    // Phones and emails leave Kith in full only for those who may see them (the export is audited).
    const contact = can(ctx.actor, 'members:contact') ? 'full' : 'masked';
    return (async function* rows() {
      let count = 0;
      let complete = false;
      try {
        yield UTF8_BOM + csvLine(header);
        let after: Keyset | null = null;
        for (;;) {
          const batch = await search.memberPage(db, p.filter, scope, p.sort, p.order, after, exportBatchSize);
          if (batch.length === 0) break;
          const views = await memberViews(db, batch, scope, contact);
          // Counted before handing over: a download cut off after this batch still reports it as sent.
          count += batch.length;
          yield views.map((v) => csvLine(exportRow(v, words))).join('');
          const last = batch[batch.length - 1]!;
          after = { sort: p.sort, order: p.order, key: last.sort_key, id: last.id };
          if (batch.length < exportBatchSize) break;
        }
        complete = true;
      } finally {
        await database.transaction((tx) =>
          recordAudit(tx, ctx, {
            action: 'member.export',
            targetType: 'member',
            targetId: null,
            after: { format: 'csv', filter: query, rows: count, complete },
          }),
        );
      }
    })();
  }

  /** Pairs of live members that look like one person, with why; the first of a pair is the older profile. */
  async function duplicates(
    ctx: ActorContext,
    opts: { limit?: number; reason?: DuplicateReason; communityId?: number },
  ): Promise<DuplicatePair[]> {
    const limit = opts.limit ?? 50;
    const scope = scopeOf(ctx);
    requireOwnCommunity(ctx, opts.communityId);
    const groups = (await search.duplicateGroups(db, scope, limit, opts.communityId)).filter(
      (g) => !opts.reason || g.reason === opts.reason,
    );
    const pairs = new Map<string, { a: number; b: number; reasons: DuplicatePair['reasons'] }>();
    for (const g of groups) {
      const [first, ...rest] = g.ids;
      for (const other of rest) {
        const key = `${first}:${other}`;
        const pair = pairs.get(key) ?? { a: first!, b: other, reasons: [] };
        // A shared phone or email is named the way the list shows them: masked.
        const value = g.reason === 'phone' ? maskPhone(g.value)! : g.reason === 'email' ? maskEmail(g.value)! : g.value;
        pair.reasons.push({ reason: g.reason, value, communityId: g.community_id });
        pairs.set(key, pair);
      }
    }
    const chosen = [...pairs.values()].slice(0, limit);
    const rows = await repo.summaryRows(db, [...new Set(chosen.flatMap((p) => [p.a, p.b]))]);
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, displayName: displayName(r), avatarUrl: r.avatar_url }]));
    return chosen.map((p) => ({ a: byId.get(p.a)!, b: byId.get(p.b)!, reasons: p.reasons }));
  }

  return { list, count, exportCsv, duplicates };
}
