import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { failIfProblems, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { ACTIVITY_KINDS } from '../activity/index.js';
import { normaliseRule, ruleProblems, type RuleDefinition } from './domain/rules.js';
import * as repo from './rules.repo.js';

export interface RuleView {
  id: number;
  name: string;
  currentVersion: number;
  definition: RuleDefinition;
  validFrom: string;
  versions: { version: number; validFrom: string; createdBy: string; definition: RuleDefinition }[];
}

/**
 * Rule definitions 规则定义: behaviour rules as versioned definitions. A change is a new version in
 * force from its start, so postings made under the old version stay explained by it.
 */
export function createRuleDefinitionsService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function list(tx: Tx = database.db): Promise<RuleView[]> {
    const rules = await repo.listRules(tx);
    const versions = await repo.allVersions(tx);
    const by = await repo.versionAuthors(tx);
    return rules.map((r) => {
      const vs = versions.get(r.id) ?? [];
      const cur = vs.find((v) => v.version === r.current_version)!;
      return {
        id: r.id,
        name: r.name,
        currentVersion: r.current_version,
        definition: cur.definition,
        validFrom: cur.validFrom.toISOString(),
        versions: vs
          .map((v) => ({
            version: v.version,
            validFrom: v.validFrom.toISOString(),
            createdBy: by.get(`${r.id}:${v.version}`) ?? '',
            definition: v.definition,
          }))
          .reverse(),
      };
    });
  }

  async function get(id: number) {
    const r = (await list()).find((x) => x.id === id);
    if (!r) throw notFound('Rule', id);
    return r;
  }

  function validFromOf(raw: string | undefined, path: string): Date {
    if (raw === undefined) return clock.now();
    const d = new Date(raw);
    if (Number.isNaN(d.getTime())) failIfProblems([{ path, message: 'must be a date-time' }]);
    return d;
  }

  async function create(
    ctx: ActorContext,
    input: { name: string; definition: RuleDefinition; validFrom?: string },
  ): Promise<RuleView> {
    const def = normaliseRule(input.definition);
    const problems = ruleProblems(def, ACTIVITY_KINDS).map((p) => ({ ...p, path: `/definition${p.path}` }));
    if (!input.name.trim()) problems.push({ path: '/name', message: 'must not be empty' });
    failIfProblems(problems);
    const validFrom = validFromOf(input.validFrom, '/validFrom');
    const id = await database.transaction(async (tx) => {
      const r = { id: await repo.insertRule(tx, input.name.trim()) };
      await repo.insertRuleVersion(tx, {
        ruleId: r.id,
        version: 1,
        definition: def,
        validFrom,
        createdBy: ctx.actor.label,
      });
      await recordAudit(tx, ctx, {
        action: 'loyalty.rule.create',
        targetType: 'loyalty_rule',
        targetId: r.id,
        after: { name: input.name.trim(), version: 1, validFrom, definition: def },
      });
      return r.id;
    });
    return get(id);
  }

  /** A change is a new version in force from `validFrom` (default now, never before the previous version's). */
  async function update(
    ctx: ActorContext,
    id: number,
    input: { name?: string; definition: RuleDefinition; validFrom?: string },
  ): Promise<RuleView> {
    const def = normaliseRule(input.definition);
    const problems = ruleProblems(def, ACTIVITY_KINDS).map((p) => ({ ...p, path: `/definition${p.path}` }));
    if (input.name !== undefined && !input.name.trim()) problems.push({ path: '/name', message: 'must not be empty' });
    failIfProblems(problems);
    const validFrom = validFromOf(input.validFrom, '/validFrom');
    await database.transaction(async (tx) => {
      const rule = await repo.lockRule(tx, id);
      if (!rule) throw notFound('Rule', id);
      const prev = await repo.ruleVersion(tx, id, rule.current_version);
      if (validFrom < prev.valid_from)
        failIfProblems([
          {
            path: '/validFrom',
            message: `must not be before version ${prev.version} (in force from ${prev.valid_from.toISOString()})`,
          },
        ]);
      const version = rule.current_version + 1;
      await repo.insertRuleVersion(tx, { ruleId: id, version, definition: def, validFrom, createdBy: ctx.actor.label });
      await repo.updateRule(tx, id, {
        name: input.name?.trim() ?? rule.name,
        current_version: version,
        updated_at: clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'loyalty.rule.update',
        targetType: 'loyalty_rule',
        targetId: id,
        before: { name: rule.name, version: prev.version, definition: prev.definition },
        after: { name: input.name?.trim() ?? rule.name, version, validFrom, definition: def },
      });
    });
    return get(id);
  }

  return { list, get, create, update };
}
