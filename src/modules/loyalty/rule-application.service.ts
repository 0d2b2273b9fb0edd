import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { pointsMultiplier, tierAt, type Benefit, type TierHistoryEntry } from './domain/benefits.js';
import {
  amountCents,
  evaluateMemberRule,
  lookbackMs,
  messageText,
  needsLifetimeCount,
  type ActivityFacts,
  type Earning,
  type RuleVersion,
} from './domain/rules.js';
import type { Ledger, PostingRow } from './ledger.service.js';
import { loadProgramme, type Programme } from './programme.repo.js';
import * as repo from './rules.repo.js';
import * as tiersRepo from './tiers.repo.js';

/** Index of the first entry (sorted by `at`) at or after `t`. */
function firstAtOrAfter(list: readonly { at: number }[], t: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const key = (source: string, orderId: string) => `${source}\u0000${orderId}`;

/**
 * Applying the rules 规则执行: to new activities (through the outbox, after ingest commits), taking
 * points back on refunds, and replay — recomputing what the rules should have given from the
 * activity history and posting only the difference, so replaying twice changes nothing.
 */
export function createRuleApplicationService(deps: {
  database: Database;
  clock: Clock;
  timeZone: string;
  ledger: Ledger;
}) {
  const { database, clock, timeZone: tz, ledger } = deps;

  /**
   * Everything evaluating the rules needs for a set of activities: for each (member, rule) pair
   * the activities fall under, the member's rewarded activities of the rule from as far back as
   * the rule looks up to `historyFrom`, and how many came before that when the rule counts them
   * all; earlier messages for the repeated-message check; tier histories for multipliers.
   */
  async function evaluationContext(
    tx: Tx,
    versions: Map<number, RuleVersion[]>,
    acts: readonly ActivityFacts[],
    historyFrom: number,
  ) {
    const pairs: { memberId: number; ruleId: number; from: Date }[] = [];
    const counted: { memberId: number; ruleId: number; before: Date }[] = [];
    const multiplied = new Set<number>();
    for (const [ruleId, vs] of versions) {
      const kinds = new Set(vs.map((v) => v.definition.kind));
      const lookback = Math.max(...vs.map((v) => lookbackMs(v.definition)));
      const lifetime = vs.some((v) => needsLifetimeCount(v.definition));
      const multiplies = vs.some((v) => v.definition.tierMultiplier);
      const firstAt = new Map<number, number>();
      for (const a of acts)
        if (kinds.has(a.kind)) firstAt.set(a.memberId, Math.min(firstAt.get(a.memberId) ?? Infinity, a.occurredAt));
      for (const [memberId, at] of firstAt) {
        const from = new Date(Math.min(at - lookback, historyFrom));
        pairs.push({ memberId, ruleId, from });
        if (lifetime) counted.push({ memberId, ruleId, before: from });
        if (multiplies) multiplied.add(memberId);
      }
    }
    const dupWindow = Math.max(
      0,
      ...[...versions.values()].flat().map((v) => (v.definition.antiAbuse?.duplicateWindowMinutes ?? 0) * 60_000),
    );
    const messaging = acts.filter((a) => a.kind === 'message');
    const msgFrom = messaging.reduce((t, a) => Math.min(t, a.occurredAt), Infinity);
    const msgTo = messaging.reduce((t, a) => Math.max(t, a.occurredAt), -Infinity);
    const rewarded = await repo.rewardedIn(tx, pairs, new Date(historyFrom));
    const older = await repo.rewardedCountsBefore(tx, counted);
    const messages =
      dupWindow > 0 && messaging.length
        ? await repo.messagesIn(
            tx,
            [...new Set(messaging.map((a) => a.memberId))],
            new Date(msgFrom - dupWindow),
            new Date(msgTo + 1),
          )
        : [];
    const tiers = await tiersRepo.listTiers(tx);
    const history = await tiersRepo.historyOf(tx, [...multiplied]);
    const multiplierOf = new Map(tiers.map((t) => [t.id, pointsMultiplier(t.benefits as Benefit[])]));
    const group = <T, K>(rows: T[], k: (r: T) => K) => {
      const m = new Map<K, T[]>();
      for (const r of rows) {
        const l = m.get(k(r));
        if (l) l.push(r);
        else m.set(k(r), [r]);
      }
      return m;
    };
    const rewardedBy = group(rewarded, (r) => `${r.member_id}:${r.rule_id}`);
    const olderBy = new Map(older.map((o) => [`${o.member_id}:${o.rule_id}`, o.n]));
    const messagesBy = group(
      messages.map((m) => ({ memberId: m.member_id, at: m.at, text: (m.text ?? '').trim() })),
      (m) => m.memberId,
    );
    for (const l of messagesBy.values()) l.sort((a, b) => a.at - b.at);
    const historyBy = group(
      history.map((h): TierHistoryEntry & { memberId: number } => ({
        memberId: h.member_id,
        change: h.change as TierHistoryEntry['change'],
        toTierId: h.to_tier_id,
        effectiveAt: h.effective_at.getTime(),
        manualUntil:
          typeof (h.details as { until?: unknown }).until === 'string'
            ? Date.parse((h.details as { until: string }).until)
            : null,
      })),
      (h) => h.memberId,
    );
    const entryMultiplier = tiers.length ? (multiplierOf.get(tiers[0]!.id) ?? 1) : 1;
    return {
      versions,
      historyFor: (memberId: number, ruleId: number) => ({
        rewarded: (rewardedBy.get(`${memberId}:${ruleId}`) ?? []).map((r) => ({ at: r.at })),
        olderCount: olderBy.get(`${memberId}:${ruleId}`) ?? 0,
      }),
      ctxFor: (memberId: number, batch: readonly ActivityFacts[]) => {
        // The member's messages, stored and in this batch, once: only message rules with anti-abuse ask.
        let all: { at: number; text: string }[] | null = null;
        const messages = () => {
          if (all) return all;
          const stored = messagesBy.get(memberId) ?? [];
          const own = batch
            .filter((a) => a.kind === 'message')
            .map((a) => ({ at: a.occurredAt, text: messageText(a) }));
          all = [...new Map([...stored, ...own].map((m) => [`${m.at}|${m.text}`, m])).values()].sort(
            (a, b) => a.at - b.at,
          );
          return all;
        };
        const hist = historyBy.get(memberId) ?? [];
        return {
          timeZone: tz,
          multiplierAt: (t: number) => {
            const tier = tierAt(hist, t);
            return tier === null ? entryMultiplier : (multiplierOf.get(tier) ?? 1);
          },
          messagesBefore: (a: ActivityFacts) => {
            const m = messages();
            return m.slice(firstAtOrAfter(m, a.occurredAt - dupWindow), firstAtOrAfter(m, a.occurredAt));
          },
        };
      },
    };
  }

  function evaluateAll(
    acts: (ActivityFacts & { source: string })[],
    ec: Awaited<ReturnType<typeof evaluationContext>>,
  ): Earning[] {
    const byMember = new Map<number, (ActivityFacts & { source: string })[]>();
    for (const a of acts) {
      const l = byMember.get(a.memberId);
      if (l) l.push(a);
      else byMember.set(a.memberId, [a]);
    }
    const out: Earning[] = [];
    const kindsOf = new Map([...ec.versions].map(([id, vs]) => [id, new Set(vs.map((v) => v.definition.kind))]));
    for (const [memberId, list] of byMember) {
      const ctx = ec.ctxFor(memberId, list);
      for (const [ruleId, vs] of ec.versions) {
        const kinds = kindsOf.get(ruleId)!;
        const mine = list.filter((a) => kinds.has(a.kind));
        if (mine.length) out.push(...evaluateMemberRule(vs, mine, ec.historyFor(memberId, ruleId), ctx));
      }
    }
    return out;
  }

  async function postingsFor(
    tx: Tx,
    earnings: Earning[],
    acts: Map<number, ActivityFacts & { source: string }>,
    names: Map<number, string>,
  ): Promise<PostingRow[]> {
    const purchases = earnings
      .map((e) => acts.get(e.activityId)!)
      .filter((a) => a.kind === 'purchase' && typeof a.properties.orderId === 'string');
    const orders = await repo.orderIds(
      tx,
      purchases.map((a) => ({ source: a.source, orderId: a.properties.orderId as string })),
    );
    return earnings.map((e) => {
      const a = acts.get(e.activityId)!;
      const order = a.kind === 'purchase' ? orders.get(key(a.source, String(a.properties.orderId))) : undefined;
      return {
        memberId: e.memberId,
        kind: 'earn' as const,
        points: e.points,
        growth: e.growth,
        reason: names.get(e.ruleId) ?? `rule ${e.ruleId}`,
        ruleId: e.ruleId,
        ruleVersion: e.version,
        activityId: e.activityId,
        orderId: order?.id ?? null,
        key: `rule:${e.ruleId}:${e.activityId}`,
        occurredAt: new Date(e.occurredAt),
        details: e.details,
        actor: 'rules',
      };
    });
  }

  /** Applies the rules to newly ingested activities, and takes back points of refunded orders. */
  async function applyToActivities(tx: Tx, activityIds: number[]): Promise<{ postings: number; reversals: number }> {
    const programme = await loadProgramme(tx);
    const acts = await repo.activitiesByIds(tx, activityIds);
    let postings = 0;
    const versions = await repo.allVersions(tx);
    const kinds = new Set([...versions.values()].flat().map((v) => v.definition.kind));
    const relevant = acts.filter((a) => kinds.has(a.kind));
    if (relevant.length) {
      const to = relevant.reduce((t, a) => Math.max(t, a.occurredAt), -Infinity);
      const ec = await evaluationContext(tx, versions, relevant, to + 1);
      const earnings = evaluateAll(relevant, ec);
      const names = new Map((await repo.listRules(tx)).map((r) => [r.id, r.name]));
      const rows = await postingsFor(tx, earnings, new Map(relevant.map((a) => [a.id, a])), names);
      postings = (await ledger.credit(tx, programme, rows)).length;
    }
    const reversals = await reverseRefunds(
      tx,
      programme,
      acts.filter((a) => a.kind === 'refund'),
    );
    return { postings, reversals };
  }

  /**
   * A refund takes back the points and growth its order earned, in proportion to how much of the
   * order has now been refunded (cumulative, so several partial refunds add up exactly). Points
   * already spent follow the programme's refund policy: debt, or stop at zero.
   */
  async function reverseRefunds(
    tx: Tx,
    programme: Programme,
    refunds: (ActivityFacts & { source: string })[],
  ): Promise<number> {
    if (refunds.length === 0) return 0;
    const orders = await repo.orderIds(
      tx,
      refunds
        .filter((r) => typeof r.properties.orderId === 'string')
        .map((r) => ({ source: r.source, orderId: r.properties.orderId as string })),
    );
    let n = 0;
    for (const r of refunds) {
      const order = orders.get(key(r.source, String(r.properties.orderId)));
      if (!order) continue;
      const total = amountCents({ amount: order.amount });
      const refunded = Math.min(total, amountCents({ amount: order.refunded }));
      for (const e of await repo.orderEarnings(tx, [order.id])) {
        const targetPoints = total === 0 ? e.points : Math.floor((e.points * refunded) / total);
        const targetGrowth = total === 0 ? e.growth : Math.floor((e.growth * refunded) / total);
        const points = targetPoints - e.target_points;
        const growth = targetGrowth - e.target_growth;
        if (points <= 0 && growth <= 0) continue;
        // A reversal is never dated before what it reverses, even when a refund arrives dated
        // before its order: taken-back growth then never precedes the growth it takes, which keeps
        // any window's growth within lifetime growth (the bound promotion relies on).
        const at = Math.max(r.occurredAt, e.occurred_at.getTime());
        const done = await ledger.debit(
          tx,
          {
            memberId: e.member_id,
            kind: 'reverse',
            points: -Math.max(0, points),
            growth: -Math.max(0, growth),
            reason: 'order refunded',
            orderId: order.id,
            reversesId: e.id,
            activityId: r.id,
            key: `refund:${r.id}:${e.id}`,
            occurredAt: new Date(at),
            details: {
              targetPoints,
              targetGrowth,
              refundedCents: refunded,
              orderCents: total,
              policy: programme.refundPolicy,
              // Said when the reversal is not dated at the refund, so the ledger explains its own date.
              ...(at !== r.occurredAt && { refundAt: new Date(r.occurredAt).toISOString(), datedAtOrder: true }),
            },
            actor: 'rules',
          },
          programme.refundPolicy,
          e.id,
        );
        if (done) n++;
      }
    }
    return n;
  }

  /**
   * Replay from `from`: for members active since then, recompute in time order what every rule
   * should have given for every activity since `from` (the ledger before `from` is taken as it is),
   * compare with what the ledger holds, and post the difference — an earning for what is missing, a
   * reversal for what is too much. Replaying again finds no difference and posts nothing.
   */
  async function replay(
    ctx: ActorContext,
    from: Date,
    opts: { chunk?: number } = {},
  ): Promise<{ members: number; activities: number; added: number; reversed: number }> {
    const chunk = opts.chunk ?? 2000;
    const versions = await repo.allVersions(database.db);
    const kinds = [...new Set([...versions.values()].flat().map((v) => v.definition.kind))];
    const members = await repo.membersActiveSince(database.db, from, kinds);
    let activities = 0,
      added = 0,
      reversed = 0;
    for (let i = 0; i < members.length; i += chunk) {
      const ids = members.slice(i, i + chunk);
      const r = await database.transaction(async (tx) => {
        const programme = await loadProgramme(tx);
        const acts = await repo.activitiesOfMembers(tx, ids, kinds, from);
        if (acts.length === 0) return { n: 0, added: 0, reversed: 0 };
        const ec = await evaluationContext(tx, versions, acts, from.getTime());
        const expected = evaluateAll(acts, ec);
        const names = new Map((await repo.listRules(tx)).map((x) => [x.id, x.name]));
        const existing = new Map(
          (await repo.netByRuleActivity(tx, ids, from)).map((x) => [`${x.rule_id}:${x.activity_id}`, x]),
        );
        const byKey = new Map(expected.map((e) => [`${e.ruleId}:${e.activityId}`, e]));
        const credits: PostingRow[] = [];
        const debits: PostingRow[] = [];
        const actMap = new Map(acts.map((a) => [a.id, a]));
        const fresh = await postingsFor(
          tx,
          expected.filter((e) => !existing.has(`${e.ruleId}:${e.activityId}`)),
          actMap,
          names,
        );
        credits.push(...fresh);
        const fix = (
          memberId: number,
          ruleId: number,
          activityId: number,
          at: Date,
          dp: number,
          dg: number,
          n: number,
          version: number | null,
          details: unknown,
        ) => {
          const row: PostingRow = {
            memberId,
            kind: dp < 0 || (dp === 0 && dg < 0) ? 'reverse' : 'earn',
            points: dp,
            growth: dg,
            reason: `replay: ${names.get(ruleId) ?? `rule ${ruleId}`}`,
            ruleId,
            ruleVersion: version,
            activityId,
            key: `rule:${ruleId}:${activityId}#${n}`,
            occurredAt: at,
            details,
            actor: ctx.actor.label,
          };
          (dp < 0 ? debits : credits).push(row);
        };
        for (const [k, x] of existing) {
          const e = byKey.get(k);
          const dp = (e?.points ?? 0) - x.points;
          const dg = (e?.growth ?? 0) - x.growth;
          if (dp !== 0 || dg !== 0)
            fix(x.member_id, x.rule_id, x.activity_id, x.at, dp, dg, x.n, e?.version ?? null, {
              replayFrom: from.toISOString(),
              expected: e ? { points: e.points, growth: e.growth } : null,
            });
        }
        const posted = await ledger.credit(tx, programme, credits);
        let rev = 0;
        for (const d of debits) if (await ledger.debit(tx, d, programme.refundPolicy)) rev++;
        return { n: acts.length, added: posted.length, reversed: rev };
      });
      activities += r.n;
      added += r.added;
      reversed += r.reversed;
    }
    await database.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'loyalty.replay',
        targetType: 'loyalty_ledger',
        after: { from: from.toISOString(), members: members.length, activities, added, reversed },
      }),
    );
    return { members: members.length, activities, added, reversed };
  }

  return { applyToActivities, replay };
}
