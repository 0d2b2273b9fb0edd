import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { OverviewService } from './overview.service.js';
import type { ChecklistService } from './checklist.service.js';
import * as S from './overview.schemas.js';

const iso = (d: Date) => d.toISOString();

export function overviewRoutes(service: OverviewService, checklist: ChecklistService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['overview'];

    app.get(
      '/overview/checklist',
      {
        config: { access: 'communities:create' },
        schema: {
          tags,
          summary: 'Getting started 开始使用: the setup steps done and to do, and whether the caller put the list away',
          response: { 200: S.ChecklistSchema },
        },
      },
      async (req) => checklist.checklist(req.ctx),
    );

    app.post(
      '/overview/checklist/dismiss',
      {
        config: { access: 'communities:create' },
        schema: {
          tags,
          summary: 'Put the getting-started checklist away for the signed-in staff member (audited)',
          response: { 200: S.ChecklistSchema },
        },
      },
      async (req) => checklist.dismiss(req.ctx),
    );

    app.get(
      '/overview',
      {
        config: { access: 'members:read' },
        schema: {
          tags,
          summary:
            'The workspace at a glance: members and growth, active members, messages per day, joins and leaves per community',
          querystring: S.OverviewQuery,
          response: { 200: S.OverviewSchema },
        },
      },
      async (req) => {
        const o = await service.overview(req.ctx, req.query);
        return {
          ...o,
          periodStart: iso(o.periodStart),
          periodEnd: iso(o.periodEnd),
          active: { ...o.active, since7Days: iso(o.active.since7Days), since30Days: iso(o.active.since30Days) },
          days: o.days.map((d) => ({ ...d, start: iso(d.start), end: iso(d.end) })),
        };
      },
    );

    app.get(
      '/overview/messages',
      {
        config: { access: 'activities:read' },
        schema: {
          tags,
          summary:
            'Messages of a period, newest first, with their member and community: the list behind the messages chart',
          querystring: S.MessagesQuery,
          response: { 200: S.MessagesPage },
        },
      },
      async (req) => {
        const r = await service.messages(req.ctx, req.query);
        return { ...r, items: r.items.map((i) => ({ ...i, occurredAt: iso(i.occurredAt) })) };
      },
    );

    app.get(
      '/workspace',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Workspace facts the console needs: the time zone days are cut in, and today',
          response: { 200: S.WorkspaceSchema },
        },
      },
      async () => {
        const w = service.workspace();
        return { ...w, now: iso(w.now) };
      },
    );
  };
}
