import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Actor, ActorContext, Role } from '../../kernel/context.js';
import { KithError, invalid, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { isPermission } from './domain/permissions.js';
import { keyStanding, scopesBeyond, type KeyLink } from './domain/key-chain.js';
import { grantable } from './domain/actors.js';
import { randomToken, sha256 } from './credentials.js';
import * as repo from './access.repo.js';

/** A key row as a link of its line of creators. */
const keyLink = (r: {
  id: number;
  scopes: string[];
  revoked_at: Date | null;
  created_by: number | null;
  creator_role: string | null;
  creator_disabled_at: Date | null;
}): KeyLink => ({
  id: r.id,
  scopes: r.scopes,
  revoked: r.revoked_at !== null,
  creator: r.created_by === null ? null : { role: r.creator_role as Role, disabled: r.creator_disabled_at !== null },
});

/**
 * API keys: created with scopes no wider than their creator holds, listed with who made each and
 * whether it works now (a key stops when anyone up its line of creators is revoked or disabled),
 * revoked, and resolved to the actor a request acts as. Only the key's hash is stored.
 */
export function createApiKeysService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;

  async function createApiKey(ctx: ActorContext, input: { name: string; scopes: string[] }) {
    const bad = input.scopes.filter((s) => !isPermission(s));
    if (bad.length) throw invalid('scopes', `unknown scopes: ${bad.join(', ')}`);
    if (input.scopes.length === 0) throw invalid('scopes', 'must name at least one scope');
    // Nobody hands out more than they hold: a key made by a key is bounded by it, and so on up.
    const beyond = scopesBeyond(input.scopes, grantable(ctx.actor));
    if (beyond.length) {
      throw new KithError(
        'FORBIDDEN',
        `You can grant only scopes you hold yourself; you do not hold ${beyond.join(', ')}`,
        {
          fields: [{ path: 'scopes', message: `not held by you: ${beyond.join(', ')}` }],
          extra: { params: { scopes: beyond } },
        },
      );
    }
    const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
    const key = `kith_${prefix}_${randomToken(32)}`;
    return database.transaction(async (tx) => {
      const id = await repo.insertApiKey(tx, {
        name: input.name.trim(),
        prefix,
        key_hash: sha256(key),
        scopes: [...new Set(input.scopes)],
        created_by: ctx.actor.type === 'staff' ? ctx.actor.id : null,
        created_by_key: ctx.actor.type === 'api_key' ? ctx.actor.id : null,
      });
      const view = (await listApiKeysIn(tx)).find((k) => k.id === id)!;
      await recordAudit(tx, ctx, {
        action: 'api_key.create',
        targetType: 'api_key',
        targetId: id,
        after: { name: view.name, prefix, scopes: view.scopes, createdBy: view.createdBy },
      });
      return { key, apiKey: view };
    });
  }

  /** Keys with who made each and whether it works now (see domain/key-chain.ts). */
  async function listApiKeysIn(tx: Tx) {
    const rows = await repo.listKeys(tx);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const chainOf = (r: (typeof rows)[number]) => {
      const chain = [keyLink(r)];
      for (
        let p = r.created_by_key === null ? undefined : byId.get(r.created_by_key);
        p && chain.length < 32;
        p = p.created_by_key === null ? undefined : byId.get(p.created_by_key)
      )
        chain.push(keyLink(p));
      return chain;
    };
    return rows.map((r) => {
      const standing = keyStanding(chainOf(r));
      const parent = r.created_by_key === null ? undefined : byId.get(r.created_by_key);
      return {
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        scopes: r.scopes,
        created_at: r.created_at,
        last_used_at: r.last_used_at,
        revoked_at: r.revoked_at,
        createdBy:
          r.created_by !== null
            ? {
                type: 'staff' as const,
                id: r.created_by,
                name: r.creator_name ?? r.creator_email ?? `#${r.created_by}`,
              }
            : parent
              ? { type: 'api_key' as const, id: parent.id, name: `${parent.name} (${parent.prefix}…)` }
              : null,
        active: standing.active,
        inactiveReason: standing.reason,
      };
    });
  }

  async function revokeApiKey(ctx: ActorContext, id: number) {
    await database.transaction(async (tx) => {
      const row = await repo.findApiKey(tx, id);
      if (!row) throw notFound('API key', id);
      if (row.revoked_at) return;
      await repo.revokeApiKey(tx, id, clock.now());
      await recordAudit(tx, ctx, {
        action: 'api_key.revoke',
        targetType: 'api_key',
        targetId: id,
        before: { name: row.name },
      });
    });
  }

  async function authenticateApiKey(key: string): Promise<Actor | null> {
    if (!key.startsWith('kith_')) return null;
    const chain = await repo.keyChainByHash(db, sha256(key));
    const row = chain[0];
    if (!row) return null;
    const standing = keyStanding(chain.map(keyLink));
    if (!standing.active) return null;
    const now = clock.now();
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
      await repo.touchApiKey(db, row.id, now);
    }
    return {
      type: 'api_key',
      id: row.id,
      label: `api-key:${row.name} (${row.prefix})`,
      scopes: standing.scopes,
      communityIds: null,
    };
  }

  return { createApiKey, listApiKeys: () => listApiKeysIn(db), revokeApiKey, authenticateApiKey };
}
