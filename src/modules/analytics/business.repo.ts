import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { AnalyticsCampaignsTable } from '../../kernel/db/tables.js';
import { effectiveTierSql } from '../loyalty/index.js';

/**
 * SQL of business impact and campaign ROI (docs/metrics.md, "Business impact and campaign ROI").
 * `orders`, `activities`, `member_tags`, `tags`, `communities` and `loyalty_*` belong to other modules
 * and are only read here; `analytics_campaigns` is this module's own.
 */
export interface Span {
  from: string;
  to: string;
}

const dayStart = (day: string, tz: string) => sql`(${day}::date::timestamp at time zone ${tz})`;
const dayEnd = (day: string, tz: string) => sql`((${day}::date + 1)::timestamp at time zone ${tz})`;

export interface ImpactRow {
  dim: 'total' | 'community' | 'tier' | 'layer';
  community_id: number | null;
  tier_id: number | null;
  layer: string | null;
  orders: number;
  revenue: string;
  buyers: number;
}

/**
 * Orders placed in the span that were not fully refunded, net of refunds, with their distinct
 * buyers: in total and by community, by the buyer's tier now and by their RFM layer, in one
 * statement (grouping sets; `grouping()` tells a breakdown's null key from the total row).
 */
export async function orderImpact(tx: Tx, communityId: number, p: Span, tz: string, now: Date): Promise<ImpactRow[]> {
  const r = await sql<ImpactRow>`
    with o as (
      select o.member_id, o.community_id, o.amount - o.refunded_amount as net,
        ${effectiveTierSql('la', now)} as tier_id, coalesce(rfm.layer, 'none') as layer
      from orders o
      left join loyalty_accounts la on la.member_id = o.member_id
      left join analytics_member_rfm rfm on rfm.member_id = o.member_id
      where o.ordered_at >= ${dayStart(p.from, tz)} and o.ordered_at < ${dayEnd(p.to, tz)} and o.status <> 'refunded'
        ${communityId === 0 ? sql`` : sql`and o.community_id = ${communityId}`})
    select
      case when grouping(community_id) = 0 then 'community' when grouping(tier_id) = 0 then 'tier' when grouping(layer) = 0 then 'layer' else 'total' end as dim,
      community_id, tier_id, layer,
      count(*)::int as orders, coalesce(sum(net), 0)::numeric(16, 2)::text as revenue, count(distinct member_id)::int as buyers
    from o
    group by grouping sets ((), (community_id), (tier_id), (layer))`.execute(tx);
  return r.rows;
}

/** Referrals 推荐 in the span: `referral` activities and the distinct members who made them. */
export async function referrals(
  tx: Tx,
  communityId: number,
  p: Span,
  tz: string,
): Promise<{ referrals: number; referrers: number }> {
  const r = await sql<{ referrals: number; referrers: number }>`
    select count(*)::int as referrals, count(distinct member_id)::int as referrers from activities
    where kind = 'referral' and occurred_at >= ${dayStart(p.from, tz)} and occurred_at < ${dayEnd(p.to, tz)}
      ${communityId === 0 ? sql`` : sql`and community_id = ${communityId}`}`.execute(tx);
  return r.rows[0]!;
}

export async function communityNames(tx: Tx, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await tx.selectFrom('communities').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((x) => [x.id, x.name]));
}

export async function tiers(tx: Tx) {
  return tx
    .selectFrom('loyalty_tiers')
    .select(['id', 'name_zh', 'name_en', 'threshold'])
    .orderBy('threshold')
    .execute();
}

export async function layerTexts(tx: Tx) {
  return tx.selectFrom('analytics_rfm_layers').select(['key', 'name_zh', 'name_en']).execute();
}

// ───── campaigns ─────

export interface CampaignRow {
  id: number;
  name: string;
  tag_id: number | null;
  tag_name: string | null;
  starts_on: string;
  ends_on: string;
  attribution_days: number;
  cost: string;
  currency: string;
  notes: string;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

export async function campaigns(tx: Tx, opts: { id?: number; archived?: boolean }): Promise<CampaignRow[]> {
  let q = tx
    .selectFrom('analytics_campaigns as c')
    .leftJoin('tags as t', 't.id', 'c.tag_id')
    .select([
      'c.id',
      'c.name',
      'c.tag_id',
      't.name as tag_name',
      'c.starts_on',
      'c.ends_on',
      'c.attribution_days',
      'c.cost',
      'c.currency',
      'c.notes',
      'c.created_at',
      'c.updated_at',
      'c.archived_at',
    ]);
  if (opts.id !== undefined) q = q.where('c.id', '=', opts.id);
  else if (!opts.archived) q = q.where('c.archived_at', 'is', null);
  return q.orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc').execute();
}

/** Holds a campaign's row until the transaction ends, so concurrent changes apply one after the other. */
export async function lockCampaign(tx: Tx, id: number): Promise<void> {
  await tx.selectFrom('analytics_campaigns').select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * The campaigns' attribution window (from the start of the first day to the end of the last day
 * plus the attribution days, workspace time zone) and, per campaign, the orders attributed to it:
 * its tag on the buyer, put on at or before the order; in the window; in the campaign's currency;
 * not fully refunded. An order may count for several campaigns.
 */
function attributed(ids: number[], tz: string) {
  return sql`
    c as (
      select id, tag_id, currency, (starts_on::timestamp at time zone ${tz}) as a, ((ends_on + attribution_days + 1)::timestamp at time zone ${tz}) as b
      from analytics_campaigns where id = any(${ids}::bigint[])),
    t as (
      select c.id, mt.member_id, mt.created_at as tagged_at from c join member_tags mt on mt.tag_id = c.tag_id and mt.created_at < c.b),
    o as (
      select t.id, o.member_id, o.ordered_at, o.amount - o.refunded_amount as net
      from t join c on c.id = t.id
      join orders o on o.member_id = t.member_id and o.ordered_at >= c.a and o.ordered_at < c.b and o.ordered_at >= t.tagged_at
        and o.status <> 'refunded' and o.currency = c.currency)`;
}

export interface CampaignFigures {
  id: number;
  tagged: number;
  buyers: number;
  orders: number;
  revenue: string;
}

/** Each campaign's tagged members (tagged before its window closed), buyers, orders and attributed revenue. */
export async function campaignFigures(tx: Tx, ids: number[], tz: string): Promise<Map<number, CampaignFigures>> {
  if (ids.length === 0) return new Map();
  const r = await sql<CampaignFigures>`
    with ${attributed(ids, tz)},
    tt as (select id, count(*)::int as tagged from t group by id),
    oo as (select id, count(distinct member_id)::int as buyers, count(*)::int as orders, sum(net) as revenue from o group by id)
    select c.id, coalesce(tt.tagged, 0) as tagged, coalesce(oo.buyers, 0) as buyers, coalesce(oo.orders, 0) as orders,
      coalesce(oo.revenue, 0)::numeric(16, 2)::text as revenue
    from c left join tt on tt.id = c.id left join oo on oo.id = c.id`.execute(tx);
  return new Map(r.rows.map((x) => [x.id, x]));
}

/** Attributed orders and revenue of one campaign per day of the workspace time zone (days with none are absent). */
export async function campaignDays(tx: Tx, id: number, tz: string) {
  const r = await sql<{ day: string; orders: number; revenue: string }>`
    with ${attributed([id], tz)}
    select (ordered_at at time zone ${tz})::date::text as day, count(*)::int as orders, sum(net)::numeric(16, 2)::text as revenue
    from o group by 1 order by 1`.execute(tx);
  return new Map(r.rows.map((x) => [x.day, x]));
}

export async function tagExists(tx: Tx, tagId: number): Promise<boolean> {
  return (await tx.selectFrom('tags').select('id').where('id', '=', tagId).executeTakeFirst()) !== undefined;
}

type CampaignColumns = Omit<Insertable<AnalyticsCampaignsTable>, 'id' | 'created_at' | 'updated_at'>;

export async function insertCampaign(tx: Tx, row: CampaignColumns, now: Date): Promise<number> {
  const { id } = await tx
    .insertInto('analytics_campaigns')
    .values({ ...row, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCampaign(tx: Tx, id: number, set: Updateable<AnalyticsCampaignsTable>) {
  await tx.updateTable('analytics_campaigns').set(set).where('id', '=', id).execute();
}
