import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Jobs } from '../../kernel/jobs.js';
import { createManualTiersService } from './manual-tiers.service.js';
import { createTierEvaluationService } from './tier-evaluation.service.js';
import { createTierListService } from './tier-list.service.js';

export { TIER_PROMOTED, TIER_DEMOTED, type TierChangedPayload } from './tier-events.js';
export { tierView, type TierView, type ThresholdProposal, type TierInput } from './tier-list.service.js';

/**
 * Tiers 会员等级: the tier list (tier-list.service), promotion and the periodic evaluation
 * (tier-evaluation.service), and manual assignment (manual-tiers.service), as one object. Each
 * change is explained in the tier history.
 */
export function createTiersService(deps: { database: Database; clock: Clock; jobs: Jobs; timeZone: string }) {
  const manual = createManualTiersService(deps);
  const evaluation = createTierEvaluationService({ ...deps, manual });
  const tierList = createTierListService({ ...deps, evaluation });
  // promoteReaching and promoteIfQualified serve the tier list and the ledger's growth hook only.
  const { promoteReaching: _reaching, promoteIfQualified: _qualified, ...evaluationUseCases } = evaluation;
  return { ...tierList, ...evaluationUseCases, ...manual };
}

export type TiersService = ReturnType<typeof createTiersService>;
