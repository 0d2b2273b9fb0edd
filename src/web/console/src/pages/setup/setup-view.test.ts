import { describe, expect, it } from 'vitest';
import { setupView } from './setup-view';

describe('setup page view', () => {
  it.each([
    [{ needed: undefined, token: 'abc', refusedAsDone: false }, 'loading'],
    [{ needed: true, token: 'abc', refusedAsDone: false }, 'form'],
    [{ needed: true, token: null, refusedAsDone: false }, 'noToken'],
    [{ needed: true, token: '  ', refusedAsDone: false }, 'noToken'],
    // Set up already: the token does not matter any more, with or without one.
    [{ needed: false, token: 'abc', refusedAsDone: false }, 'done'],
    [{ needed: false, token: null, refusedAsDone: false }, 'done'],
    // Someone else finished setup while this form was open: the server said so.
    [{ needed: true, token: 'abc', refusedAsDone: true }, 'done'],
  ] as const)('%o → %s', (input, view) => {
    expect(setupView(input)).toBe(view);
  });
});
