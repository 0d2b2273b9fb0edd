import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Ledger } from './ledger.service.js';
import { createRuleDefinitionsService } from './rule-definitions.service.js';
import { createRuleApplicationService } from './rule-application.service.js';

export type { RuleView } from './rule-definitions.service.js';

/**
 * Behaviour rules 行为规则: their versioned definitions (rule-definitions.service) and applying
 * them to activities, refunds and replays (rule-application.service), as one object.
 */
export function createRulesService(deps: { database: Database; clock: Clock; timeZone: string; ledger: Ledger }) {
  const definitions = createRuleDefinitionsService(deps);
  const application = createRuleApplicationService(deps);
  return { ...definitions, ...application };
}

export type RulesService = ReturnType<typeof createRulesService>;
