import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../kernel/context.js';
import { grantable, isEmailAddress, publicStaff, staffActor } from './actors.js';

describe('actors', () => {
  it('give a community manager their communities and everyone else the whole workspace', () => {
    expect(staffActor(3, 'a@b.cn', 'community_manager', [4, 9]).communityIds).toEqual([4, 9]);
    expect(staffActor(3, 'a@b.cn', 'community_manager', null).communityIds).toEqual([]);
    expect(staffActor(3, 'a@b.cn', 'admin', [4]).communityIds).toBeNull();
  });

  it('let an actor grant exactly what it holds', () => {
    const key: Actor = { type: 'api_key', id: 1, label: 'k', scopes: ['members:read'], communityIds: null };
    expect([...grantable(key)]).toEqual(['members:read']);
    expect(grantable(staffActor(1, 'a@b.cn', 'analyst', null)).has('members:write')).toBe(false);
    expect(grantable({ type: 'member', id: 5, label: 'm', communityIds: null }).size).toBe(0);
  });

  it('recognise email addresses and never show a password hash', () => {
    expect(isEmailAddress('ops@shanye.cn')).toBe(true);
    expect(isEmailAddress('ops at shanye.cn')).toBe(false);
    const shown = publicStaff({
      id: 1,
      email: 'a@b.cn',
      name: 'A',
      role: 'owner',
      disabled_at: null,
      community_ids: [],
    });
    expect(Object.keys(shown)).not.toContain('password_hash');
    expect(shown.disabled).toBe(false);
  });
});
