import type { ActorContext } from '../../kernel/context.js';
import { KithError, notFound, type FieldProblem } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { normaliseFilter, type MemberFilter } from './domain/member-filter.js';
import { definitionProblems, type AttributeDefinition, type AttributeType } from './domain/attribute-rules.js';
import * as tags from './tags.repo.js';
import * as search from './search.repo.js';
import {
  failIfProblems,
  isUniqueViolation,
  requireOwnCommunity,
  requireWorkspaceWide,
  scopeOf,
  type MembersServiceDeps,
} from './service-support.js';

/** Tags (标签) and custom attribute definitions (自定义字段), and tagging members in bulk. */
export interface BulkTagInput {
  memberIds?: number[];
  filter?: MemberFilter;
  add?: number[];
  remove?: number[];
}

const tagView = (t: tags.TagRow & { member_count?: number }) => ({
  id: t.id,
  name: t.name,
  color: t.color,
  createdAt: t.created_at.toISOString(),
  memberCount: t.member_count ?? 0,
});
const definitionView = (d: tags.DefinitionRow) => ({
  key: d.key,
  label: d.label,
  type: d.type,
  options: d.options,
  required: d.required,
  createdAt: d.created_at.toISOString(),
});
export type TagView = ReturnType<typeof tagView>;
export type AttributeDefinitionView = ReturnType<typeof definitionView>;

/** `#1677FF` or `#abc`; stored lower-case in the six-digit form. */
export function normaliseColor(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{3}$/.test(s)) return `#${[...s.slice(1)].map((c) => c + c).join('')}`;
  return null;
}

export function createTagsService(deps: MembersServiceDeps) {
  const { database, clock } = deps;

  function checkTag(input: { name?: string; color?: string }) {
    const problems: FieldProblem[] = [];
    const name = input.name?.trim();
    if (input.name !== undefined && !name) problems.push({ path: 'name', message: 'must not be empty' });
    const color = input.color === undefined ? undefined : normaliseColor(input.color);
    if (color === null) problems.push({ path: 'color', message: 'must be a hex colour like #1677ff' });
    failIfProblems(problems);
    return { name, color: color ?? undefined };
  }

  const nameTaken = (name: string) =>
    new KithError('ALREADY_EXISTS', `A tag named ${name} already exists`, {
      fields: [{ path: 'name', message: 'is already used by another tag' }],
    });

  async function listTags(ctx: ActorContext): Promise<TagView[]> {
    return (await tags.listTags(database.db, scopeOf(ctx))).map(tagView);
  }

  async function createTag(ctx: ActorContext, input: { name: string; color?: string }): Promise<TagView> {
    requireWorkspaceWide(ctx, 'Tags');
    const t = checkTag(input);
    return database.transaction(async (tx) => {
      if (await tags.findTagByName(tx, t.name!)) throw nameTaken(t.name!);
      const row = await tags
        .insertTag(tx, { name: t.name!, color: t.color ?? '#1677ff', created_at: clock.now() })
        .catch((e) => {
          throw isUniqueViolation(e) ? nameTaken(t.name!) : e;
        });
      await recordAudit(tx, ctx, {
        action: 'tag.create',
        targetType: 'tag',
        targetId: row.id,
        after: { name: row.name, color: row.color },
      });
      return tagView(row);
    });
  }

  async function updateTag(ctx: ActorContext, id: number, input: { name?: string; color?: string }): Promise<TagView> {
    requireWorkspaceWide(ctx, 'Tags');
    const t = checkTag(input);
    return database.transaction(async (tx) => {
      const before = await tags.findTag(tx, id);
      if (!before) throw notFound('Tag', id);
      const name = t.name ?? before.name;
      const clash = await tags.findTagByName(tx, name);
      if (clash && clash.id !== id) throw nameTaken(name);
      const row = await tags.updateTag(tx, id, { name, color: t.color ?? before.color });
      await recordAudit(tx, ctx, {
        action: 'tag.update',
        targetType: 'tag',
        targetId: id,
        before: { name: before.name, color: before.color },
        after: { name: row.name, color: row.color },
      });
      return tagView(row);
    });
  }

  async function deleteTag(ctx: ActorContext, id: number): Promise<{ membersUntagged: number }> {
    requireWorkspaceWide(ctx, 'Tags');
    return database.transaction(async (tx) => {
      const before = await tags.findTag(tx, id);
      if (!before) throw notFound('Tag', id);
      const membersUntagged = await tags.deleteTag(tx, id);
      await recordAudit(tx, ctx, {
        action: 'tag.delete',
        targetType: 'tag',
        targetId: id,
        before: { name: before.name, color: before.color, memberCount: membersUntagged },
      });
      return { membersUntagged };
    });
  }

  /**
   * Adds and removes tags on a selection of members or on everyone matching a list filter, in two
   * set-based statements whatever the number of members, audited as one entry with the counts.
   * A community manager's bulk action reaches only their communities' members.
   */
  async function bulkTag(
    ctx: ActorContext,
    input: BulkTagInput,
  ): Promise<{ matched: number; added: number; removed: number }> {
    const add = [...new Set(input.add ?? [])];
    const remove = [...new Set(input.remove ?? [])];
    const problems: FieldProblem[] = [];
    if ((input.memberIds === undefined) === (input.filter === undefined))
      problems.push({ path: 'memberIds', message: 'give either memberIds or filter' });
    if (add.length + remove.length === 0)
      problems.push({ path: 'add', message: 'name at least one tag to add or remove' });
    const both = add.filter((t) => remove.includes(t));
    if (both.length) problems.push({ path: 'remove', message: `tags ${both.join(', ')} are both added and removed` });
    requireOwnCommunity(ctx, input.filter?.communityId);
    const norm = normaliseFilter(input.filter ?? {});
    problems.push(...norm.problems.map((p) => ({ ...p, path: `filter.${p.path}` })));
    failIfProblems(problems);
    const filter: MemberFilter = input.memberIds ? { memberIds: [...new Set(input.memberIds)] } : norm.filter;
    return database.transaction(async (tx) => {
      const missingAdd = await tags.missingTags(tx, add);
      const missingRemove = await tags.missingTags(tx, remove);
      failIfProblems([
        ...(missingAdd.length ? [{ path: 'add', message: `tags ${missingAdd.join(', ')} do not exist` }] : []),
        ...(missingRemove.length ? [{ path: 'remove', message: `tags ${missingRemove.join(', ')} do not exist` }] : []),
      ]);
      const scope = scopeOf(ctx);
      const matched = await search.countMatching(tx, filter, scope);
      const added = await tags.bulkAddTags(tx, search.matchingIds(filter, scope), add, clock.now());
      const removed = await tags.bulkRemoveTags(tx, search.matchingIds(filter, scope), remove);
      // A request that changed nobody's tags is not a write: nothing to audit.
      if (added + removed > 0)
        await recordAudit(tx, ctx, {
          action: 'member.tags_bulk',
          targetType: 'member',
          targetId: null,
          after: {
            ...(input.memberIds ? { memberIds: filter.memberIds } : { filter: input.filter }),
            add,
            remove,
            matched,
            added,
            removed,
          },
        });
      return { matched, added, removed };
    });
  }

  // ───────────── attribute definitions ─────────────

  async function listDefinitions(): Promise<AttributeDefinitionView[]> {
    return (await tags.listDefinitions(database.db)).map(definitionView);
  }

  async function createDefinition(
    ctx: ActorContext,
    input: { key: string; label: string; type: AttributeType; options?: string[]; required?: boolean },
  ) {
    requireWorkspaceWide(ctx, 'Attribute definitions');
    const def: AttributeDefinition = {
      key: input.key,
      label: input.label.trim(),
      type: input.type,
      options: (input.options ?? []).map((o) => o.trim()),
      required: input.required ?? false,
    };
    failIfProblems(definitionProblems(def));
    return database.transaction(async (tx) => {
      if (await tags.findDefinition(tx, def.key)) {
        throw new KithError('ALREADY_EXISTS', `An attribute with the key ${def.key} already exists`, {
          fields: [{ path: 'key', message: 'is already defined' }],
        });
      }
      const row = await tags.insertDefinition(tx, { ...def, created_at: clock.now() });
      await recordAudit(tx, ctx, {
        action: 'attribute.create',
        targetType: 'attribute',
        targetId: def.key,
        after: def,
      });
      return definitionView(row);
    });
  }

  /** Label, options and required can change; the type cannot (existing values would stop meaning what they meant). */
  async function updateDefinition(
    ctx: ActorContext,
    key: string,
    input: { label?: string; options?: string[]; required?: boolean },
  ) {
    requireWorkspaceWide(ctx, 'Attribute definitions');
    return database.transaction(async (tx) => {
      const before = await tags.findDefinition(tx, key);
      if (!before) throw notFound('Attribute', key);
      const def: AttributeDefinition = {
        key,
        type: before.type,
        label: input.label?.trim() ?? before.label,
        options: input.options?.map((o) => o.trim()) ?? before.options,
        required: input.required ?? before.required,
      };
      failIfProblems(definitionProblems(def));
      const row = await tags.updateDefinition(tx, key, def);
      await recordAudit(tx, ctx, {
        action: 'attribute.update',
        targetType: 'attribute',
        targetId: key,
        before: { label: before.label, options: before.options, required: before.required },
        after: { label: def.label, options: def.options, required: def.required },
      });
      return definitionView(row);
    });
  }

  async function deleteDefinition(ctx: ActorContext, key: string): Promise<{ valuesRemoved: number }> {
    requireWorkspaceWide(ctx, 'Attribute definitions');
    return database.transaction(async (tx) => {
      const before = await tags.findDefinition(tx, key);
      if (!before) throw notFound('Attribute', key);
      const valuesRemoved = await tags.deleteDefinition(tx, key, clock.now());
      await recordAudit(tx, ctx, {
        action: 'attribute.delete',
        targetType: 'attribute',
        targetId: key,
        before: { ...definitionView(before), valuesRemoved },
      });
      return { valuesRemoved };
    });
  }

  return {
    listTags,
    createTag,
    updateTag,
    deleteTag,
    bulkTag,
    listDefinitions,
    createDefinition,
    updateDefinition,
    deleteDefinition,
  };
}
