import { describe, expect, it } from 'vitest';
import { auditChanges, auditValue } from './audit-diff';

describe('audit entry changes', () => {
  it('shows every field of something created as added', () => {
    expect(auditChanges(null, { name: '咖啡同好会', capacity: 500, admins: [] })).toEqual([
      { field: 'name', kind: 'added', before: null, after: '咖啡同好会' },
      { field: 'capacity', kind: 'added', before: null, after: '500' },
      { field: 'admins', kind: 'added', before: null, after: '[]' },
    ]);
  });

  it('shows only what an update changed, nested values compared whole', () => {
    const before = { name: '一群', stage: 'launch', owner: { staffId: 1, name: 'A' }, tags: ['a'] };
    const after = { name: '一群', stage: 'growth', owner: { staffId: 1, name: 'A' }, tags: ['a', 'b'] };
    expect(auditChanges(before, after)).toEqual([
      { field: 'stage', kind: 'changed', before: 'launch', after: 'growth' },
      { field: 'tags', kind: 'changed', before: '["a"]', after: '["a","b"]' },
    ]);
  });

  it('shows fields that went away as removed, and a delete as all removed', () => {
    expect(auditChanges({ a: 1, b: 2 }, { a: 1 })).toEqual([{ field: 'b', kind: 'removed', before: '2', after: null }]);
    expect(auditChanges({ a: 1 }, null)).toEqual([{ field: 'a', kind: 'removed', before: '1', after: null }]);
  });

  it('treats a field set to null like a field left out', () => {
    expect(auditChanges({ archivedAt: null }, {})).toEqual([]);
    expect(
      auditChanges({ archived: false, archivedAt: null }, { archived: true, archivedAt: '2026-03-01T00:00:00.000Z' }),
    ).toEqual([
      { field: 'archived', kind: 'changed', before: 'false', after: 'true' },
      { field: 'archivedAt', kind: 'added', before: null, after: '2026-03-01T00:00:00.000Z' },
    ]);
  });

  it('compares lists and plain values whole', () => {
    expect(auditChanges([1, 2], [1, 2])).toEqual([]);
    expect(auditChanges('a', 'b')).toEqual([{ field: '', kind: 'changed', before: 'a', after: 'b' }]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditValue({ x: 1 })).toBe('{"x":1}');
  });
});
