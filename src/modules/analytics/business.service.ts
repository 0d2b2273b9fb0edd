import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, failIfProblems, notFound, type FieldProblem } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { localDay } from '../../kernel/calendar.js';
import { addDays, daysBetween, isCalendarDate } from '../../kernel/calendar.js';
import { reportCommunity, reportPeriod, requireWorkspaceReader } from './scope.js';
import { DEFAULT_LAYER_TEXT, RFM_LAYERS, type RfmLayer } from './domain/rfm.js';
import * as repo from './business.repo.js';

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
/** Money arrives and leaves as decimal strings; ratios of it are plain numbers. */
const money = (s: string) => Number(s);

export interface CampaignInput {
  name: string;
  tagId: number;
  startsOn: string;
  endsOn: string;
  attributionDays?: number;
  cost?: string;
  currency?: string;
  notes?: string;
}
export type CampaignPatch = Partial<CampaignInput>;
/** A campaign's fields as stored: every one set, the tag null once it was deleted. */
type Draft = Required<Omit<CampaignInput, 'tagId'>> & { tagId: number | null };

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;
/** A campaign lasts at most this many days (its attribution days come on top). */
export const MAX_CAMPAIGN_DAYS = 400;

/**
 * Word of mouth and business impact 口碑与商业价值: referrals, and revenue and orders by community, tier
 * and RFM layer; campaigns 营销活动 with the revenue attributed to them and their ROI. Definitions in
 * docs/metrics.md ("Business impact and campaign ROI"); every figure here is computed as written there.
 */
export function createBusinessService(deps: { database: Database; clock: Clock; timeZone: string }) {
  const { database, clock, timeZone: tz } = deps;
  const db = database.db;

  async function impact(ctx: ActorContext, q: { from?: string; to?: string; communityId?: number }) {
    const p = reportPeriod(q, tz, clock);
    const c = reportCommunity(ctx, q.communityId);
    const rows = await repo.orderImpact(db, c, p, tz, clock.now());
    const word = await repo.referrals(db, c, p, tz);
    const total = rows.find((r) => r.dim === 'total')!;
    const totalRevenue = money(total.revenue);
    const figures = (r: repo.ImpactRow) => ({
      orders: r.orders,
      revenue: r.revenue,
      buyers: r.buyers,
      share: ratio(money(r.revenue), totalRevenue),
    });
    const byRevenue = <T extends { revenue: string }>(a: T, b: T) => money(b.revenue) - money(a.revenue);

    const communityRows = rows.filter((r) => r.dim === 'community');
    const communityNames = await repo.communityNames(
      db,
      communityRows.flatMap((r) => (r.community_id === null ? [] : [r.community_id])),
    );
    const tiers = new Map((await repo.tiers(db)).map((t) => [t.id, t]));
    const texts = new Map((await repo.layerTexts(db)).map((t) => [t.key, t]));
    const layerName = (key: string) => {
      if (key === 'none') return { nameZh: '未评分', nameEn: 'Not scored' };
      const t = texts.get(key);
      const d = DEFAULT_LAYER_TEXT[key as RfmLayer];
      return { nameZh: t?.name_zh ?? d?.nameZh ?? key, nameEn: t?.name_en ?? d?.nameEn ?? key };
    };
    return {
      period: { from: p.from, to: p.to },
      communityId: c === 0 ? null : c,
      totals: {
        orders: total.orders,
        revenue: total.revenue,
        buyers: total.buyers,
        averageOrderValue: total.orders === 0 ? '0.00' : (totalRevenue / total.orders).toFixed(2),
        referrals: word.referrals,
        referrers: word.referrers,
      },
      byCommunity: communityRows
        .map((r) => ({
          key: r.community_id,
          name:
            r.community_id === null
              ? 'Unattributed (the order names no community)'
              : (communityNames.get(r.community_id) ?? `#${r.community_id}`),
          ...figures(r),
        }))
        .sort(byRevenue),
      byTier: rows
        .filter((r) => r.dim === 'tier')
        .map((r) => {
          const t = r.tier_id === null ? undefined : tiers.get(r.tier_id);
          return { key: r.tier_id, nameZh: t?.name_zh ?? '无等级', nameEn: t?.name_en ?? 'No tier', ...figures(r) };
        })
        .sort(byRevenue),
      byLayer: rows
        .filter((r) => r.dim === 'layer')
        .map((r) => ({ key: r.layer!, ...layerName(r.layer!), ...figures(r) }))
        .sort(
          (a, b) => byRevenue(a, b) || RFM_LAYERS.indexOf(a.key as RfmLayer) - RFM_LAYERS.indexOf(b.key as RfmLayer),
        ),
    };
  }

  // ───── campaigns ─────

  const attributionUntil = (r: { ends_on: string; attribution_days: number }) => addDays(r.ends_on, r.attribution_days);

  function view(r: repo.CampaignRow, f: repo.CampaignFigures | undefined) {
    const revenue = f?.revenue ?? '0.00';
    const cost = money(r.cost);
    const tagged = f?.tagged ?? 0;
    const buyers = f?.buyers ?? 0;
    return {
      id: r.id,
      name: r.name,
      tagId: r.tag_id,
      tagName: r.tag_name,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      attributionDays: r.attribution_days,
      attributionUntil: attributionUntil(r),
      cost: r.cost,
      currency: r.currency,
      notes: r.notes,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      archivedAt: r.archived_at?.toISOString() ?? null,
      figures: {
        taggedMembers: tagged,
        buyers,
        conversion: ratio(buyers, tagged),
        orders: f?.orders ?? 0,
        revenue,
        returnOnSpend: cost === 0 ? null : money(revenue) / cost,
        roi: cost === 0 ? null : (money(revenue) - cost) / cost,
      },
    };
  }

  async function list(ctx: ActorContext, q: { archived?: boolean } = {}) {
    requireWorkspaceReader(ctx, 'Campaigns');
    const rows = await repo.campaigns(db, { archived: q.archived });
    const figures = await repo.campaignFigures(
      db,
      rows.map((r) => r.id),
      tz,
    );
    return { items: rows.map((r) => view(r, figures.get(r.id))) };
  }

  async function load(tx: Tx, id: number, opts: { lock?: boolean } = {}) {
    if (opts.lock) await repo.lockCampaign(tx, id);
    const [r] = await repo.campaigns(tx, { id });
    if (!r) throw notFound('Campaign', id);
    return r;
  }

  async function one(tx: Tx, id: number) {
    const r = await load(tx, id);
    return view(r, (await repo.campaignFigures(tx, [id], tz)).get(id));
  }

  /** A campaign's figures with its attributed revenue per day, from the first day to the window's end (or today). */
  async function get(ctx: ActorContext, id: number) {
    requireWorkspaceReader(ctx, 'Campaigns');
    const c = await one(db, id);
    const days = await repo.campaignDays(db, id, tz);
    const today = localDay(tz, clock.now());
    const last = c.attributionUntil < today ? c.attributionUntil : today;
    const n = c.startsOn > last ? 0 : daysBetween(c.startsOn, last);
    const series = Array.from({ length: n }, (_, i) => {
      const day = addDays(c.startsOn, i);
      const d = days.get(day);
      return { day, orders: d?.orders ?? 0, revenue: d?.revenue ?? '0.00' };
    });
    return { ...c, series };
  }

  async function problemsOf(tx: Tx, v: Draft, given: CampaignPatch): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const at = (f: keyof CampaignInput, message: string) => problems.push({ path: `/${f}`, message });
    if (!v.name.trim()) at('name', 'must not be empty');
    for (const f of ['startsOn', 'endsOn'] as const)
      if (!isCalendarDate(v[f])) at(f, 'must be a calendar date (YYYY-MM-DD)');
    if (isCalendarDate(v.startsOn) && isCalendarDate(v.endsOn)) {
      if (v.endsOn < v.startsOn)
        at(
          given.endsOn !== undefined || given.startsOn === undefined ? 'endsOn' : 'startsOn',
          `must not be before the first day (${v.startsOn})`,
        );
      else if (daysBetween(v.startsOn, v.endsOn) > MAX_CAMPAIGN_DAYS)
        at('endsOn', `a campaign may last at most ${MAX_CAMPAIGN_DAYS} days`);
    }
    if (!Number.isInteger(v.attributionDays) || v.attributionDays < 0 || v.attributionDays > 365)
      at('attributionDays', 'must be a whole number of days from 0 to 365');
    if (!MONEY.test(v.cost)) at('cost', 'must be an amount of at least 0 with at most 2 decimals, e.g. 1200.00');
    if (!CURRENCY.test(v.currency)) at('currency', 'must be a three-letter currency code, e.g. CNY');
    if (given.tagId !== undefined) {
      if (!(await repo.tagExists(tx, given.tagId))) at('tagId', `tag ${given.tagId} does not exist`);
    } else if (v.tagId === null) at('tagId', 'the campaign\u2019s tag was deleted: choose another');
    return problems;
  }

  const row = (v: Draft) => ({
    name: v.name.trim(),
    tag_id: v.tagId,
    starts_on: v.startsOn,
    ends_on: v.endsOn,
    attribution_days: v.attributionDays,
    cost: v.cost,
    currency: v.currency,
    notes: v.notes.trim(),
  });
  const input = (r: repo.CampaignRow): Draft => ({
    name: r.name,
    tagId: r.tag_id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    attributionDays: r.attribution_days,
    cost: r.cost,
    currency: r.currency,
    notes: r.notes,
  });
  const audited = (r: repo.CampaignRow) => ({ ...input(r), archivedAt: r.archived_at?.toISOString() ?? null });

  async function create(ctx: ActorContext, i: CampaignInput) {
    requireWorkspaceReader(ctx, 'Campaigns');
    const v: Draft = {
      ...i,
      attributionDays: i.attributionDays ?? 7,
      cost: i.cost ?? '0',
      currency: i.currency ?? 'CNY',
      notes: i.notes ?? '',
    };
    return database.transaction(async (tx) => {
      failIfProblems(await problemsOf(tx, v, i));
      const id = await repo.insertCampaign(tx, row(v), clock.now());
      await recordAudit(tx, ctx, {
        action: 'analytics.campaign.create',
        targetType: 'analytics_campaign',
        targetId: id,
        after: audited(await load(tx, id)),
      });
      return one(tx, id);
    });
  }

  async function update(ctx: ActorContext, id: number, patch: CampaignPatch) {
    requireWorkspaceReader(ctx, 'Campaigns');
    return database.transaction(async (tx) => {
      const before = await load(tx, id, { lock: true });
      if (before.archived_at) throw new KithError('CONFLICT', `Campaign ${id} is archived`);
      // A campaign whose tag was deleted keeps no tag until one is given.
      const given = Object.fromEntries(Object.entries(patch).filter(([, x]) => x !== undefined)) as CampaignPatch;
      const v: Draft = { ...input(before), ...given };
      failIfProblems(await problemsOf(tx, v, given));
      await repo.updateCampaign(tx, id, { ...row(v), updated_at: clock.now() });
      await recordAudit(tx, ctx, {
        action: 'analytics.campaign.update',
        targetType: 'analytics_campaign',
        targetId: id,
        before: audited(before),
        after: audited(await load(tx, id)),
      });
      return one(tx, id);
    });
  }

  /** Archives a campaign: it leaves the list (and can be read still); archiving twice changes nothing. */
  async function archive(ctx: ActorContext, id: number) {
    requireWorkspaceReader(ctx, 'Campaigns');
    return database.transaction(async (tx) => {
      const before = await load(tx, id, { lock: true });
      if (!before.archived_at) {
        await repo.updateCampaign(tx, id, { archived_at: clock.now(), updated_at: clock.now() });
        await recordAudit(tx, ctx, {
          action: 'analytics.campaign.archive',
          targetType: 'analytics_campaign',
          targetId: id,
          before: audited(before),
          after: audited(await load(tx, id)),
        });
      }
      return one(tx, id);
    });
  }

  return { impact, list, get, create, update, archive };
}

export type BusinessService = ReturnType<typeof createBusinessService>;
