import { loadConfig } from '../kernel/config.js';
import { systemActor } from '../kernel/context.js';
import { wallClockToUtc } from '../kernel/time-zone.js';
import { createKith } from '../app.js';
import type { Command } from './commands.js';

export const loyaltyCommand: Command = {
  summary: 'Membership programme: verify the ledger, replay rules, evaluate tiers, expire points',
  usage: `kith loyalty verify              recompute every balance from the points ledger; exit 1 on any drift
kith loyalty replay --from DATE  recompute rule postings from the activity history since DATE and
                                 post only the differences (replaying twice changes nothing)
kith loyalty evaluate            run the periodic tier evaluation for the period that just ended
kith loyalty expire              expire the points whose time has come`,
  options: { from: { type: 'string' } },
  async run(values, positionals) {
    const action = positionals[0];
    if (!['verify', 'replay', 'evaluate', 'expire'].includes(action ?? '')) {
      console.error(this.usage);
      return 2;
    }
    if (action === 'replay' && (!values.from || Number.isNaN(Date.parse(String(values.from))))) {
      console.error('kith loyalty replay needs --from DATE (e.g. 2026-01-01 or 2026-01-01T00:00:00+08:00)');
      return 2;
    }
    const config = loadConfig(process.env, { jobsEnabled: false, logLevel: 'warn' });
    const kith = await createKith({ config });
    const ctx = { actor: systemActor(`cli:${process.env.USER ?? 'loyalty'}`), requestId: null };
    try {
      if (action === 'verify') {
        const v = await kith.loyalty.accounts.verify(ctx);
        console.log(
          `${v.postings} postings, ${v.accounts} accounts: ${v.ok ? 'no drift' : `${v.drift.length} accounts and ${v.growthDrift.length} growth months drift`}`,
        );
        for (const d of v.drift.slice(0, 20))
          console.log(
            `  member ${d.memberId}: balance ${d.balance} vs ledger ${d.ledgerPoints}, growth ${d.growthLifetime} vs ${d.ledgerGrowth}, lots ${d.lotsRemaining}`,
          );
        for (const d of v.growthDrift.slice(0, 20))
          console.log(`  member ${d.memberId} ${d.month}: rollup ${d.rollup} vs ledger ${d.ledger}`);
        return v.ok ? 0 : 1;
      }
      if (action === 'replay') {
        const raw = String(values.from);
        // A bare date is midnight of that day in the workspace time zone.
        const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
        const from = d
          ? new Date(wallClockToUtc(config.timeZone, Number(d[1]), Number(d[2]), Number(d[3])))
          : new Date(raw);
        const r = await kith.loyalty.rules.replay(ctx, from);
        console.log(
          `Replayed ${r.activities} activities of ${r.members} members since ${from.toISOString()}: ${r.added} postings added, ${r.reversed} reversed`,
        );
      } else if (action === 'evaluate') {
        const r = await kith.loyalty.tiers.evaluate(undefined, undefined, ctx);
        console.log(`Evaluated ${r.evaluated} accounts for ${r.period}: ${r.promoted} promoted, ${r.demoted} demoted`);
      } else {
        console.log(`${await kith.loyalty.ledger.expireDue()} lots expired`);
      }
    } finally {
      await kith.close();
    }
  },
};
