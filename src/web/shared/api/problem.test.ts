import { describe, expect, it } from 'vitest';
import { problemToError, networkError } from './problem';

describe('API errors', () => {
  it('shows the server detail of problem+json, with code, request id and fields', () => {
    const e = problemToError(400, {
      type: 'urn:kith:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'to: must not be before from',
      requestId: 'req-1',
      errors: [{ path: 'to', message: 'must not be before from' }],
    });
    expect(e.message).toBe('to: must not be before from');
    expect(e).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'to: must not be before from',
      requestId: 'req-1',
    });
    expect(e.fields).toEqual([{ path: 'to', message: 'must not be before from' }]);
  });

  it.each([
    ['an empty body', 502, undefined],
    ['null', 500, null],
    ['an HTML page from a proxy', 502, '<html><body>Bad gateway</body></html>'],
    ['an object without detail', 500, { foo: 1 }],
    ['a detail that is not text', 500, { detail: 42 }],
  ])('never says "undefined" for %s', (_what, status, body) => {
    const e = problemToError(status, body);
    expect(e.message).not.toMatch(/undefined|null|\[object/);
    expect(e.message).toBe(`Request failed (HTTP ${status})`);
    expect(e.detail).toBeNull();
  });

  it('falls back to the title, and keeps a short plain-text answer', () => {
    expect(problemToError(404, { title: 'Not Found' }).message).toBe('Not Found');
    expect(problemToError(429, 'Too many requests, wait a minute').message).toBe('Too many requests, wait a minute');
  });

  it('tells a network failure apart', () => {
    expect(networkError()).toMatchObject({ status: 0, code: 'NETWORK', message: 'No answer from the server' });
  });
});
