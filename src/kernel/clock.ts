/** Time comes from a clock passed in, so expiry, sessions and rate limits can be tested. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/**
 * A moment a state began (archived at, disabled at) after an operator's switch: unchanged when the
 * switch is not given or already in place (the first moment stays), now when switched on, none
 * when switched off.
 */
export function stampOnSwitch(on: boolean | undefined, current: Date | null, now: Date): Date | null {
  if (on === undefined) return current;
  return on ? (current ?? now) : null;
}
