import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParam } from '../../http/schemas.js';
import type { MembersService } from './members.service.js';
import * as S from './merge.schemas.js';

/** Merging duplicates, undoing merges, and personal-data requests. */
export function mergeRoutes(members: MembersService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['members'];

    app.get(
      '/members/:id/merge-preview',
      {
        config: { access: 'members:read' },
        schema: {
          tags,
          summary: 'What merging mergedId into this member would give, field by field',
          params: IdParam,
          querystring: S.MergePreviewQuery,
          response: { 200: S.MergePreviewResponse },
        },
      },
      async (req) => members.preview(req.ctx, req.params.id, req.query.mergedId),
    );

    app.post(
      '/members/:id/merge',
      {
        config: { access: 'members:merge' },
        schema: {
          tags,
          summary: 'Merge another member (mergedId) into this one; undoable',
          params: IdParam,
          body: S.MergeBody,
          response: { 200: S.MergeResponse },
        },
      },
      async (req) => members.merge(req.ctx, req.params.id, req.body.mergedId, req.body.choices),
    );

    app.get(
      '/members/:id/merges',
      {
        config: { access: 'members:read' },
        schema: {
          tags,
          summary: 'Merges this member took part in, newest first',
          params: IdParam,
          response: { 200: S.MergeHistory },
        },
      },
      async (req) => ({ items: await members.history(req.ctx, req.params.id) }),
    );

    app.post(
      '/members/merges/:mergeId/undo',
      {
        config: { access: 'members:merge' },
        schema: {
          tags,
          summary: 'Undo a merge: both members back as they were',
          params: S.MergeIdParam,
          response: { 200: S.UndoResponse },
        },
      },
      async (req) => members.undo(req.ctx, req.params.mergeId),
    );

    app.get(
      '/members/:id/personal-data',
      {
        config: { access: 'members:data_request' },
        schema: {
          tags,
          summary: 'Everything Kith holds about a member (personal-data request); audited',
          params: IdParam,
          response: { 200: S.PersonalDataResponse },
        },
      },
      async (req) => members.personalData(req.ctx, req.params.id),
    );

    app.post(
      '/members/:id/erase',
      {
        config: { access: 'members:erase' },
        schema: {
          tags,
          summary: "Erase a member's personal data, keeping anonymous counts",
          params: IdParam,
          response: { 200: S.EraseResponse },
        },
      },
      async (req) => members.erase(req.ctx, req.params.id),
    );
  };
}
