/**
 * Behaviour by persona. Volumes differ by orders of magnitude on purpose: a handful of core members
 * carry the conversation, lurkers read and rarely speak, buyers only show up in orders. Rates are
 * per day of membership.
 */
import type { Persona } from './types.js';

export interface PersonaProfile {
  /** Share of all member records. */
  share: number;
  /** Share that were already in the older groups before the window (imported history). */
  legacy: number;
  message: number;
  /** Messages in groups other than the member's first one, relative to `message`. */
  elsewhere: number;
  react: number;
  view: number;
  /** Chance of a daily check-in habit, and mean streak / gap length in days. */
  checkIn: number;
  streak: number;
  gap: number;
  /** Chance of joining one more / two more groups. */
  more: readonly [number, number];
  buyer: number;
  /** Multiplies order count: champions buy far more often. */
  orders: number;
  register: number;
  attend: number;
  /** How likely this member is to be the one who invited a newcomer. */
  inviter: number;
}

export const PERSONAS: Record<Persona, PersonaProfile> = {
  core: {
    share: 0.03,
    legacy: 0.45,
    message: 1.8,
    elsewhere: 0.3,
    react: 0.6,
    view: 0.2,
    checkIn: 0.7,
    streak: 20,
    gap: 3,
    more: [0.6, 0.3],
    buyer: 0.85,
    orders: 2.2,
    register: 0.55,
    attend: 0.85,
    inviter: 1,
  },
  active: {
    share: 0.12,
    legacy: 0.2,
    message: 0.33,
    elsewhere: 0.35,
    react: 0.15,
    view: 0.12,
    checkIn: 0.35,
    streak: 8,
    gap: 6,
    more: [0.5, 0.15],
    buyer: 0.65,
    orders: 1.4,
    register: 0.25,
    attend: 0.72,
    inviter: 0.6,
  },
  casual: {
    share: 0.25,
    legacy: 0.1,
    message: 0.06,
    elsewhere: 0.4,
    react: 0.04,
    view: 0.05,
    checkIn: 0.08,
    streak: 4,
    gap: 15,
    more: [0.25, 0.04],
    buyer: 0.4,
    orders: 1,
    register: 0.07,
    attend: 0.6,
    inviter: 0.25,
  },
  lurker: {
    share: 0.28,
    legacy: 0.1,
    message: 0.006,
    elsewhere: 0.5,
    react: 0.015,
    view: 0.04,
    checkIn: 0,
    streak: 1,
    gap: 1,
    more: [0.1, 0],
    buyer: 0.25,
    orders: 0.8,
    register: 0.03,
    attend: 0.5,
    inviter: 0.05,
  },
  buyer_only: {
    share: 0.17,
    legacy: 0.05,
    message: 0.01,
    elsewhere: 0.5,
    react: 0.004,
    view: 0.01,
    checkIn: 0,
    streak: 1,
    gap: 1,
    more: [0, 0],
    buyer: 1,
    orders: 1,
    register: 0,
    attend: 0,
    inviter: 0.02,
  },
  churned: {
    share: 0.07,
    legacy: 0.1,
    message: 0.15,
    elsewhere: 0.4,
    react: 0.05,
    view: 0.04,
    checkIn: 0.05,
    streak: 3,
    gap: 10,
    more: [0.2, 0],
    buyer: 0.35,
    orders: 0.7,
    register: 0.05,
    attend: 0.5,
    inviter: 0.05,
  },
  dormant: {
    share: 0.08,
    legacy: 0.2,
    message: 0.3,
    elsewhere: 0.3,
    react: 0.1,
    view: 0.08,
    checkIn: 0.15,
    streak: 5,
    gap: 5,
    more: [0.3, 0.05],
    buyer: 0.4,
    orders: 0.8,
    register: 0.1,
    attend: 0.6,
    inviter: 0.1,
  },
};

export const PERSONA_ORDER: readonly Persona[] = [
  'core',
  'active',
  'casual',
  'lurker',
  'buyer_only',
  'churned',
  'dormant',
];
