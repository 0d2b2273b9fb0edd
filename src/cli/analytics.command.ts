import { loadConfig } from '../kernel/config.js';
import { systemActor } from '../kernel/context.js';
import { KithError } from '../kernel/errors.js';
import { createKith } from '../app.js';
import type { Command } from './commands.js';

export const analyticsCommand: Command = {
  summary: 'Analytics: score RFM as of a day',
  usage: `kith analytics rfm [--as-of DATE]  score every buyer's RFM as of DATE (YYYY-MM-DD, a day of the workspace
                                   time zone; default today) over the whole days of the window ending on it.
                                   An earlier day scores imported history; the nightly scoring keeps today.`,
  options: { 'as-of': { type: 'string' } },
  async run(values, positionals) {
    if (positionals[0] !== 'rfm' || positionals.length > 1) {
      console.error(this.usage);
      return 2;
    }
    const asOf = values['as-of'] === undefined ? undefined : String(values['as-of']);
    const config = loadConfig(process.env, { jobsEnabled: false, logLevel: 'warn' });
    const kith = await createKith({ config });
    const ctx = { actor: systemActor(`cli:${process.env.USER ?? 'analytics'}`), requestId: null };
    try {
      let run;
      try {
        run = await kith.analytics.service.computeRfm({ asOf }, ctx);
      } catch (e) {
        // A wrong day is refused before anything is written; say so in the option's own name.
        const problem = e instanceof KithError ? e.fields?.find((f) => f.path === 'asOf') : undefined;
        if (!problem) throw e;
        console.error(`kith analytics rfm: --as-of ${asOf}: ${problem.message}`);
        return 2;
      }
      const window = `${run.window.from} – ${run.window.to} (${run.windowDays} days, ${config.timeZone})`;
      console.log(
        run.scored > 0
          ? `RFM as of ${run.asOf}: ${run.scored.toLocaleString('en')} buyers scored over orders of ${window}`
          : `RFM as of ${run.asOf}: no buyer scored — no order (not fully refunded) by a live member in ${window}`,
      );
    } finally {
      await kith.close();
    }
  },
};
