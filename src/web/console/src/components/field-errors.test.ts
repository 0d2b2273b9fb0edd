import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/problem';
import { serverFieldErrors, serverFieldErrorsAt } from './field-errors';

const problem = (fields: { path: string; message: string }[]) =>
  new ApiError({ status: 400, code: 'VALIDATION_FAILED', detail: 'x', fields });

describe('server field problems on a form', () => {
  it('marks each field the form shows, whatever shape the path has', () => {
    const e = problem([
      { path: 'name', message: 'must not be empty' },
      { path: 'body/capacity', message: 'must be >= 1' },
      { path: '/capacity', message: 'must be a whole number' },
      { path: 'admins/0/staffId', message: 'no such staff account' },
    ]);
    expect(serverFieldErrors(e, ['name', 'capacity', 'admins'])).toEqual({
      fields: [
        { name: 'name', errors: ['must not be empty'] },
        { name: 'capacity', errors: ['must be >= 1', 'must be a whole number'] },
        { name: 'admins', errors: ['no such staff account'] },
      ],
      other: [],
    });
  });

  it('keeps problems of fields the form lacks apart, with their path', () => {
    const e = problem([
      { path: 'body/externalId', message: 'is taken' },
      { path: 'body', message: 'must be an object' },
    ]);
    expect(serverFieldErrors(e, ['name'])).toEqual({
      fields: [],
      other: ['externalId: is taken', 'must be an object'],
    });
  });

  it('has nothing to mark for other failures', () => {
    expect(serverFieldErrors(new Error('boom'), ['name'])).toEqual({ fields: [], other: [] });
    expect(serverFieldErrors(new ApiError({ status: 0, code: 'NETWORK', detail: null }), ['name'])).toEqual({
      fields: [],
      other: [],
    });
  });
});

describe('server field problems on a nested form', () => {
  it('puts each problem on the field the form names for its path, the rest apart', () => {
    const e = problem([
      { path: 'body/definition/points/amount', message: 'must be a whole number' },
      { path: '/definition/points/amount', message: 'must be at least 1' },
      { path: '/definition/limits/perDay', message: 'must be at least 1' },
      { path: '/definition/filters/properties', message: 'unknown' },
      { path: 'body', message: 'must be an object' },
    ]);
    const resolve = (s: string[]) => (s[0] === 'definition' && s[1] !== 'filters' ? s.slice(1) : null);
    expect(serverFieldErrorsAt(e, resolve)).toEqual({
      fields: [
        { name: ['points', 'amount'], errors: ['must be a whole number', 'must be at least 1'] },
        { name: ['limits', 'perDay'], errors: ['must be at least 1'] },
      ],
      other: ['definition.filters.properties: unknown', 'must be an object'],
    });
  });

  it('has nothing to mark for other failures', () => {
    expect(serverFieldErrorsAt(new Error('x'), () => ['a'])).toEqual({ fields: [], other: [] });
  });
});
