import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam } from '../../http/schemas.js';
import type { MembersService } from './members.service.js';
import * as S from './tags.schemas.js';

/** Tags, bulk tagging and custom attribute definitions. */
export function tagsRoutes(members: MembersService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['members'];

    app.get(
      '/members/tags',
      {
        config: { access: 'members:read' },
        schema: {
          tags,
          summary: 'Tags with how many members carry each',
          response: { 200: Type.Object({ items: Type.Array(S.TagSchema) }) },
        },
      },
      async (req) => ({ items: await members.listTags(req.ctx) }),
    );

    app.post(
      '/members/tags',
      {
        config: { access: 'members:write' },
        schema: { tags, summary: 'Create a tag', body: S.CreateTagBody, response: { 201: S.TagSchema } },
      },
      async (req, reply) => {
        reply.status(201);
        return members.createTag(req.ctx, req.body);
      },
    );

    app.patch(
      '/members/tags/:id',
      {
        config: { access: 'members:write' },
        schema: {
          tags,
          summary: 'Rename or recolour a tag',
          params: IdParam,
          body: S.UpdateTagBody,
          response: { 200: S.TagSchema },
        },
      },
      async (req) => members.updateTag(req.ctx, req.params.id, req.body),
    );

    app.delete(
      '/members/tags/:id',
      {
        config: { access: 'members:write' },
        schema: {
          tags,
          summary: 'Delete a tag (it is taken off every member)',
          params: IdParam,
          response: { 200: Type.Object({ ok: Type.Boolean(), membersUntagged: Type.Integer() }) },
        },
      },
      async (req) => ({ ok: true, ...(await members.deleteTag(req.ctx, req.params.id)) }),
    );

    app.post(
      '/members/tags/bulk',
      {
        config: { access: 'members:write' },
        schema: {
          tags,
          summary: 'Add and remove tags on chosen members or on every member matching a filter',
          body: S.BulkTagBody,
          response: { 200: S.BulkTagResponse },
        },
      },
      async (req) => members.bulkTag(req.ctx, req.body),
    );

    app.get(
      '/members/attributes',
      {
        config: { access: 'members:read' },
        schema: {
          tags,
          summary: 'Custom attribute definitions',
          response: { 200: Type.Object({ items: Type.Array(S.AttributeSchema) }) },
        },
      },
      async () => ({ items: await members.listDefinitions() }),
    );

    app.post(
      '/members/attributes',
      {
        config: { access: 'members:write' },
        schema: {
          tags,
          summary: 'Define a custom attribute',
          body: S.CreateAttributeBody,
          response: { 201: S.AttributeSchema },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return members.createDefinition(req.ctx, req.body);
      },
    );

    app.patch(
      '/members/attributes/:key',
      {
        config: { access: 'members:write' },
        schema: {
          tags,
          summary: "Change an attribute's label, options or required flag",
          params: S.KeyParam,
          body: S.UpdateAttributeBody,
          response: { 200: S.AttributeSchema },
        },
      },
      async (req) => members.updateDefinition(req.ctx, req.params.key, req.body),
    );

    app.delete(
      '/members/attributes/:key',
      {
        config: { access: 'members:write' },
        schema: {
          tags,
          summary: "Delete an attribute and every member's value for it",
          params: S.KeyParam,
          response: { 200: Type.Object({ ok: Type.Boolean(), valuesRemoved: Type.Integer() }) },
        },
      },
      async (req) => ({ ok: true, ...(await members.deleteDefinition(req.ctx, req.params.key)) }),
    );
  };
}
