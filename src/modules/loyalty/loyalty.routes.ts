import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam, Ok } from '../../http/schemas.js';
import type { AccountsService } from './accounts.service.js';
import type { RulesService } from './rules.service.js';
import type { TiersService } from './tiers.service.js';
import type { RuleDefinition } from './domain/rules.js';
import * as S from './loyalty.schemas.js';

/** HTTP routes of the membership programme: settings, tiers, rules, members' standing, adjustments. */
export function loyaltyRoutes(m: {
  accounts: AccountsService;
  tiers: TiersService;
  rules: RulesService;
}): FastifyPluginAsyncTypebox {
  const { accounts, tiers, rules } = m;
  return async (app) => {
    const tags = ['loyalty'];

    app.get(
      '/loyalty/programme',
      {
        config: { access: 'loyalty:read' },
        schema: { tags, summary: 'Programme settings 会员制度设置', response: { 200: S.ProgrammeOut } },
      },
      async () => accounts.programme(),
    );

    app.patch(
      '/loyalty/programme',
      {
        config: { access: 'loyalty:manage' },
        schema: {
          tags,
          summary: 'Change programme settings',
          body: S.ProgrammePatch,
          response: { 200: S.ProgrammeOut },
        },
      },
      async (req) => accounts.updateProgramme(req.ctx, req.body),
    );

    app.get(
      '/loyalty/tiers',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: 'Tiers 会员等级, lowest first',
          response: { 200: Type.Object({ items: Type.Array(S.TierSchema) }) },
        },
      },
      async () => ({ items: await tiers.list() }),
    );

    app.post(
      '/loyalty/tiers',
      {
        config: { access: 'loyalty:manage' },
        schema: { tags, summary: 'Add a tier', body: S.TierBody, response: { 201: S.TierSchema } },
      },
      async (req, reply) => {
        reply.status(201);
        return tiers.create(req.ctx, req.body);
      },
    );

    app.put(
      '/loyalty/tiers/:id',
      {
        config: { access: 'loyalty:manage' },
        schema: { tags, summary: 'Change a tier', params: IdParam, body: S.TierBody, response: { 200: S.TierSchema } },
      },
      async (req) => tiers.update(req.ctx, req.params.id, req.body),
    );

    app.delete(
      '/loyalty/tiers/:id',
      {
        config: { access: 'loyalty:manage' },
        schema: { tags, summary: 'Remove a tier nobody holds or held', params: IdParam, response: { 200: Ok } },
      },
      async (req) => {
        await tiers.remove(req.ctx, req.params.id);
        return { ok: true };
      },
    );

    app.post(
      '/loyalty/tiers/preview',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary:
            'How many members each tier holds now and would hold under proposed thresholds (computed from growth)',
          body: S.PreviewBody,
          response: { 200: S.PreviewSchema },
        },
      },
      async (req) => ({ items: await tiers.preview(req.body.thresholds) }),
    );

    app.post(
      '/loyalty/tiers/thresholds',
      {
        config: { access: 'loyalty:manage' },
        schema: {
          tags,
          summary:
            'Apply the thresholds tried in the preview, all at once; members whose growth now reaches a higher tier are promoted (demotion waits for the evaluation)',
          body: S.PreviewBody,
          response: { 200: Type.Object({ items: Type.Array(S.TierSchema), promoted: Type.Integer() }) },
        },
      },
      async (req) => tiers.applyThresholds(req.ctx, req.body.thresholds),
    );

    app.post(
      '/loyalty/evaluate',
      {
        config: { access: 'loyalty:manage' },
        schema: {
          tags,
          summary:
            'Run the periodic tier evaluation now (for the period that just ended; a second run changes nothing)',
          response: { 200: S.EvaluationSchema },
        },
      },
      async (req) => tiers.evaluate(undefined, undefined, req.ctx),
    );

    app.get(
      '/loyalty/rules',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: 'Behaviour rules 行为规则 with their versions',
          response: { 200: Type.Object({ items: Type.Array(S.RuleSchema) }) },
        },
      },
      async () => ({ items: await rules.list() }),
    );

    app.post(
      '/loyalty/rules',
      {
        config: { access: 'loyalty:manage' },
        schema: { tags, summary: 'Add a rule', body: S.RuleBody, response: { 201: S.RuleSchema } },
      },
      async (req, reply) => {
        reply.status(201);
        return rules.create(req.ctx, { ...req.body, definition: req.body.definition as RuleDefinition });
      },
    );

    app.get(
      '/loyalty/rules/:id',
      {
        config: { access: 'loyalty:read' },
        schema: { tags, summary: 'One rule with its versions', params: IdParam, response: { 200: S.RuleSchema } },
      },
      async (req) => rules.get(req.params.id),
    );

    app.put(
      '/loyalty/rules/:id',
      {
        config: { access: 'loyalty:manage' },
        schema: {
          tags,
          summary: 'Change a rule: a new version, in force from validFrom',
          params: IdParam,
          body: S.RuleUpdateBody,
          response: { 200: S.RuleSchema },
        },
      },
      async (req) =>
        rules.update(req.ctx, req.params.id, { ...req.body, definition: req.body.definition as RuleDefinition }),
    );

    app.post(
      '/loyalty/replay',
      {
        config: { access: 'loyalty:manage' },
        schema: {
          tags,
          summary: 'Recompute rule postings from the activity history since a date and post only the differences',
          body: S.ReplayBody,
          response: { 200: S.ReplaySchema },
        },
      },
      async (req) => rules.replay(req.ctx, new Date(req.body.from)),
    );

    app.get(
      '/loyalty/verify',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: 'Recompute every balance from the ledger and list any drift (must be none)',
          response: { 200: S.VerifySchema },
        },
      },
      async (req) => accounts.verify(req.ctx),
    );

    app.get(
      '/loyalty/adjustments',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: 'Manual adjustments, newest first (pending ones wait for approval)',
          querystring: S.AdjustmentsQuery,
          response: { 200: S.AdjustmentsPage },
        },
      },
      async (req) => accounts.listAdjustments(req.ctx, req.query),
    );

    app.post(
      '/loyalty/adjustments/:id/approve',
      {
        config: { access: 'loyalty:approve' },
        schema: {
          tags,
          summary: 'Approve a pending adjustment (not the requester) and post it',
          params: IdParam,
          body: S.DecisionBody,
          response: { 200: S.AdjustmentSchema },
        },
      },
      async (req) => accounts.decide(req.ctx, req.params.id, 'approve', req.body?.note ?? ''),
    );

    app.post(
      '/loyalty/adjustments/:id/reject',
      {
        config: { access: 'loyalty:approve' },
        schema: {
          tags,
          summary: 'Reject a pending adjustment',
          params: IdParam,
          body: S.DecisionBody,
          response: { 200: S.AdjustmentSchema },
        },
      },
      async (req) => accounts.decide(req.ctx, req.params.id, 'reject', req.body?.note ?? ''),
    );

    app.get(
      '/members/:id/loyalty',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: "A member's tier, growth, points, expiring lots and tier history with reasons",
          params: IdParam,
          response: { 200: S.StandingSchema },
        },
      },
      async (req) => accounts.standing(req.ctx, req.params.id),
    );

    app.get(
      '/members/:id/loyalty/ledger',
      {
        config: { access: 'loyalty:read' },
        schema: {
          tags,
          summary: "A member's points ledger, newest first",
          params: IdParam,
          querystring: S.LedgerQuery,
          response: {
            200: Type.Object({
              items: Type.Array(S.PostingSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (req) => accounts.ledgerPage(req.ctx, req.params.id, req.query),
    );

    app.post(
      '/members/:id/loyalty/adjustments',
      {
        config: { access: 'loyalty:adjust' },
        schema: {
          tags,
          summary: 'Adjust points by hand with a reason; large adjustments wait for a second operator',
          params: IdParam,
          body: S.AdjustmentBody,
          response: { 201: S.AdjustmentSchema },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return accounts.requestAdjustment(req.ctx, req.params.id, req.body);
      },
    );

    app.put(
      '/members/:id/loyalty/tier',
      {
        config: { access: 'loyalty:adjust' },
        schema: {
          tags,
          summary: 'Assign a tier by hand (wins while valid)',
          params: IdParam,
          body: S.ManualTierBody,
          response: { 200: S.StandingSchema },
        },
      },
      async (req) => {
        await tiers.assignManual(req.ctx, req.params.id, req.body);
        return accounts.standing(req.ctx, req.params.id);
      },
    );

    app.delete(
      '/members/:id/loyalty/tier',
      {
        config: { access: 'loyalty:adjust' },
        schema: {
          tags,
          summary: 'End a manual tier assignment',
          params: IdParam,
          querystring: S.ClearManualQuery,
          response: { 200: S.StandingSchema },
        },
      },
      async (req) => {
        await tiers.clearManual(req.ctx, req.params.id, req.query.reason ?? '');
        return accounts.standing(req.ctx, req.params.id);
      },
    );
  };
}
