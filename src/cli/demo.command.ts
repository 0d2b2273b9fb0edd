import { loadConfig } from '../kernel/config.js';
import { systemActor } from '../kernel/context.js';
import { createKith, type Kith } from '../app.js';
import { analyzeAll, loadDemo, workspaceHasMembers } from '../modules/demo/index.js';
import { progressBar } from './progress.js';
import type { Command } from './commands.js';

/** Loads the demo unless the database already holds members; prints the one-time owner login. */
export async function loadDemoIfEmpty(kith: Kith, opts: { seed?: number; members?: number } = {}): Promise<boolean> {
  if (await workspaceHasMembers(kith.database.db)) {
    console.log('The database already holds members; the demo was not loaded again.');
    return false;
  }
  console.log('Loading the demo community of 山野咖啡 Shanye Coffee…');
  const bars = new Map<string, ReturnType<typeof progressBar>>();
  const started = Date.now();
  // The history ends now, so the charts and the last 7 and 30 days are alive on whatever day it is loaded.
  const r = await loadDemo(
    kith,
    { actor: systemActor('demo'), requestId: null },
    { ...opts, end: kith.clock.now() },
    (step, done, total) => {
      if (!bars.has(step)) bars.set(step, progressBar(step));
      bars.get(step)!.update({ processed: done, total });
      if (done === total) bars.get(step)!.done();
    },
  );
  await kith.jobs.runOnce(); // follow-up work of the load (last-active dates, points by the rules) before anyone looks
  await kith.database.transaction((tx) => kith.loyalty.badges.awardAutomatic(tx));
  // What the nightly jobs would compute, so the analytics pages have RFM layers and stages at once.
  await kith.analytics.service.computeRfm();
  await kith.analytics.lifecycle.updateStages();
  await analyzeAll(kith.database.db);
  console.log(
    `Demo loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${r.communities} communities, ${r.members.toLocaleString()} members, ${r.activities.toLocaleString()} activities.`,
  );
  if (r.owner) {
    console.log(`\nDemo owner login (shown once):\n  email:    ${r.owner.email}\n  password: ${r.owner.password}\n`);
  }
  return true;
}

export const demoCommand: Command = {
  summary: 'Load the demo community into the database (if it holds no members yet)',
  usage: `kith demo [--seed N] [--members N]

  A consumer coffee brand with ~5,000 members, 6 communities of different types, channels and
  stages, and 6 months of Chinese-language messages, check-ins, events and orders. Deterministic:
  the same seed gives the same data.`,
  options: { seed: { type: 'string' }, members: { type: 'string' } },
  async run(values) {
    const config = loadConfig(process.env, { jobsEnabled: false });
    const kith = await createKith({ config });
    try {
      await loadDemoIfEmpty(kith, {
        seed: values.seed ? Number(values.seed) : undefined,
        members: values.members ? Number(values.members) : undefined,
      });
    } finally {
      await kith.close();
    }
  },
};
