import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Jobs } from '../../kernel/jobs.js';
import { createAccountsService } from './accounts.service.js';
import { createLedger } from './ledger.service.js';
import { loyaltyJobs, loyaltyRulesSubscriber } from './loyalty.jobs.js';
import { loyaltyMemberParticipant } from './loyalty.participant.js';
import { loyaltyRoutes } from './loyalty.routes.js';
import { createRulesService } from './rules.service.js';
import { createTiersService } from './tiers.service.js';
import { createRewardsService } from './rewards.service.js';
import { createBadgesService } from './badges.service.js';
import { rewardsRoutes } from './rewards.routes.js';
import { memberCentreRoutes } from './member-centre.routes.js';
import { kithModule } from '../module.js';

/**
 * The membership programme 会员制度: tiers on growth value, the points ledger with expiring lots,
 * behaviour rules, manual adjustments with approval, rewards and redemptions, badges, and the
 * member-centre API. The only door into the module.
 */
export { TIER_PROMOTED, TIER_DEMOTED, type TierChangedPayload } from './tier-events.js';
export { effectiveTierSql } from './effective-tier.repo.js';

export function createLoyaltyModule(deps: { database: Database; clock: Clock; jobs: Jobs; timeZone: string }) {
  const { database, clock, jobs, timeZone } = deps;
  const tiers = createTiersService({ database, clock, jobs, timeZone });
  const ledger = createLedger({
    database,
    clock,
    timeZone,
    onGrowth: async (tx, grown) => {
      await tiers.promoteOnGrowth(tx, grown);
    },
  });
  const rules = createRulesService({ database, clock, timeZone, ledger });
  const accounts = createAccountsService({ database, clock, timeZone, ledger });
  const rewards = createRewardsService({ database, clock, ledger });
  const badges = createBadgesService({ database, clock, timeZone });
  const background = loyaltyJobs({ jobs, clock, timeZone, ledger, tiers, badges });
  return kithModule({
    name: 'loyalty',
    jobs: background.handlers,
    subscribers: [loyaltyRulesSubscriber(rules)],
    tiers,
    ledger,
    rules,
    accounts,
    rewards,
    badges,
    routes: [
      loyaltyRoutes({ accounts, tiers, rules }),
      rewardsRoutes({ rewards, badges }),
      memberCentreRoutes({ accounts, rewards, badges }),
    ],
    participant: loyaltyMemberParticipant(timeZone),
    /** Queues the nightly expiry and the next evaluation (idempotent; called at start). */
    schedule: (tx: Tx) => background.schedule(tx),
  });
}

export type LoyaltyModule = ReturnType<typeof createLoyaltyModule>;
export type { PostingRow } from './ledger.service.js';
