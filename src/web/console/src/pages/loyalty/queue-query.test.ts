import { describe, expect, it } from 'vitest';
import { parseStatus, statusParam, statusQuery } from './queue-query';

const S = ['requested', 'fulfilled', 'cancelled'] as const;

describe('queue status in the address', () => {
  it('defaults to the waiting work and round-trips the others', () => {
    expect(parseStatus(null, S)).toBe('requested');
    expect(parseStatus('nonsense', S)).toBe('requested');
    expect(parseStatus('fulfilled', S)).toBe('fulfilled');
    expect(parseStatus('all', S)).toBe('all');
    expect(statusParam('requested', S)).toBe('');
    expect(statusParam('all', S)).toBe('?status=all');
    expect(statusQuery('all')).toBeUndefined();
    expect(statusQuery('cancelled')).toBe('cancelled');
  });
});
