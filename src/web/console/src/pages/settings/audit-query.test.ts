import { describe, expect, it } from 'vitest';
import { auditQueryToParams, parseAuditQuery, targetPath } from './audit-query';

const parse = (s: string) => parseAuditQuery(new URLSearchParams(s));

describe('audit log filter in the address', () => {
  it('round-trips every filter', () => {
    const s =
      'actorType=staff&action=member.*&targetType=member&targetId=42&from=2026-03-01T00%3A00%3A00.000Z&to=2026-03-08T00%3A00%3A00.000Z';
    const q = parse(s);
    expect(q).toEqual({
      actorType: 'staff',
      action: 'member.*',
      targetType: 'member',
      targetId: '42',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-08T00:00:00.000Z',
    });
    expect(auditQueryToParams(q).toString()).toBe(s);
  });

  it('takes exact actions and prefixes, drops the rest', () => {
    expect(parse('action=community.member_role').action).toBe('community.member_role');
    expect(parse('action=member').action).toBe('member');
    expect(parse('actorType=robot&action=drop%20table&targetType=A-B&from=yesterday')).toEqual({});
  });

  it('links members and communities', () => {
    expect(targetPath('member', '42')).toBe('/members/42');
    expect(targetPath('community', '3')).toBe('/communities/3');
    expect(targetPath('api_key', '3')).toBeNull();
    expect(targetPath('member', null)).toBeNull();
  });
});
