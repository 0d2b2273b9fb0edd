import { describe, expect, it } from 'vitest';
import { activeNavPath } from './nav-match';

const items = [
  { path: '/members', label: 'nav.members', permission: 'members:read' },
  { path: '/loyalty', label: 'nav.loyaltyProgramme', permission: 'loyalty:read' },
  { path: '/loyalty/rules', label: 'nav.loyaltyRules', permission: 'loyalty:read' },
];

describe('navigation highlight', () => {
  it('lights the most specific entry at or above the path', () => {
    expect(activeNavPath(items, '/loyalty')).toBe('/loyalty');
    expect(activeNavPath(items, '/loyalty/rules')).toBe('/loyalty/rules');
    expect(activeNavPath(items, '/loyalty/rules/3')).toBe('/loyalty/rules');
    expect(activeNavPath(items, '/members/42')).toBe('/members');
  });

  it('lights nothing for a path of no entry, nor for one that only shares a prefix', () => {
    expect(activeNavPath(items, '/loyaltyx')).toBeUndefined();
    expect(activeNavPath(items, '/settings')).toBeUndefined();
  });
});
