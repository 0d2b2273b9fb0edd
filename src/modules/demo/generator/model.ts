/**
 * Working records the phases pass to each other. Times are epoch milliseconds and references are
 * array indexes; index.ts turns them into keys and ISO strings at the very end.
 */
import type { ActivityKind, DemoIdentity, DemoMember, DemoMembership, Persona } from './types.js';

export interface MemberPlan {
  idx: number;
  key: string;
  persona: Persona;
  /** Brand staff accounts (小野, 阿杰) that own the groups and answer questions. */
  official: boolean;
  /** City partner / store owner: sits in the DingTalk group, company is the store. */
  partner: boolean;
  /** Joined one of the older groups before the window; imported with the group's history. */
  legacy: boolean;
  arrival: number;
  churnAt: number | null;
  silentAt: number | null;
  /** After this instant the member does nothing at all (churned: last leave; dormant: silence). */
  activeUntil: number;
  /** Personal volume multiplier, so two core members are not clones. */
  wobble: number;
  /** Arrived by buying a machine, then scanned the package card into the after-sales group. */
  machineFirst: boolean;
  /** Buys through the WeChat mini-program, so has an openid even without a WeChat group. */
  miniProgram: boolean;
  surnamePinyin: string | null;
  givenPinyin: string | null;
  english: string | null;
  profile: Omit<
    DemoMember,
    'key' | 'identities' | 'tags' | 'createdAt' | 'persona' | 'phone' | 'email' | 'accountType'
  >;
  phone: string | null;
  email: string | null;
  identities: DemoIdentity[];
  tags: Set<string>;
}

export interface MembershipPlan {
  member: number;
  /** Index into COMMUNITIES. */
  community: number;
  role: DemoMembership['role'];
  joinSource: DemoMembership['joinSource'];
  inviter: number | null;
  joinedAt: number;
  leftAt: number | null;
  leaveHow: 'self' | 'removed' | null;
  /** Set when the group was full at join time (capacity) and the join never happened. */
  dropped: boolean;
}

export interface Act {
  ts: number;
  member: number;
  /** Index into COMMUNITIES, or -1 for activity outside any group (orders). */
  community: number;
  channel: string;
  kind: ActivityKind;
  properties: Record<string, unknown>;
  /** A reaction's message; its externalId is only known after the final sort. */
  target?: Act;
  externalId?: string;
}
