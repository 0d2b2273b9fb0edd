import { sql } from 'kysely';
import { expect } from 'vitest';
import { injector, staffSession, type TestKith } from '../../../test/harness.js';

/**
 * Helpers shared by the members tests: factories in the `buildMember({...})` style, and direct
 * set-up of communities and memberships (owned by the communities module, so written here as
 * plain fixture rows rather than through its API).
 */
let seq = 0;
export const uniq = () => `${Date.now().toString(36)}${++seq}`;

export function buildMember(overrides: Record<string, unknown> = {}) {
  return { name: `会员${seq + 1}`, identities: [{ channel: 'wechat', externalId: `wx_${uniq()}` }], ...overrides };
}

export type Headers = Record<string, string>;

export function membersClient(kith: TestKith) {
  const inject = injector(kith);
  let owner: Promise<Headers> | null = null;
  return {
    inject,
    async create(headers: Headers, overrides: Record<string, unknown> = {}) {
      const r = await inject({ method: 'POST', url: '/api/v1/members', headers, payload: buildMember(overrides) });
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    },
    async get(headers: Headers, id: number) {
      return inject({ method: 'GET', url: `/api/v1/members/${id}`, headers });
    },
    async list(headers: Headers, query: string) {
      const r = await inject({ method: 'GET', url: `/api/v1/members?${query}`, headers });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { items: { id: number; [k: string]: unknown }[]; nextCursor: string | null };
    },
    async tag(headers: Headers, name: string, color?: string) {
      const r = await inject({
        method: 'POST',
        url: '/api/v1/members/tags',
        headers,
        payload: { name, ...(color ? { color } : {}) },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: number; name: string; color: string };
    },
    /** Latest audit entries of an action, as an owner sees them in the audit log. */
    async audit(action: string, targetId?: number | string) {
      owner ??= staffSession(kith, 'owner').then((s) => s.headers);
      const q = `action=${action}${targetId !== undefined ? `&targetId=${targetId}` : ''}`;
      const r = await inject({ method: 'GET', url: `/api/v1/audit?${q}`, headers: await owner });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items as { action: string; before: any; after: any; actorLabel: string }[];
    },
  };
}

export async function addCommunity(kith: TestKith, name: string): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into communities (name, channel, positioning_type, goal) values (${name}, 'wechat', 'product', 'interaction') returning id`.execute(
    kith.database.db,
  );
  return r.rows[0]!.id;
}

export async function join(kith: TestKith, communityId: number, memberId: number, opts: { left?: boolean } = {}) {
  await sql`insert into community_memberships (community_id, member_id, joined_at, left_at)
    values (${communityId}, ${memberId}, now() - interval '10 days', ${opts.left ? sql`now()` : null})`.execute(
    kith.database.db,
  );
}
