/**
 * The shape of a generated demo community. Plain data only: the demo loader writes it through the
 * real ingest services, so everything here is what an operator would otherwise import or sync.
 */

export type DemoChannel = 'wechat' | 'wecom' | 'qq' | 'forum' | 'dingtalk' | 'other';
export type Persona = 'core' | 'active' | 'casual' | 'lurker' | 'buyer_only' | 'churned' | 'dormant';
export type ActivityKind =
  | 'message'
  | 'reaction'
  | 'check_in'
  | 'join'
  | 'leave'
  | 'event_registered'
  | 'event_attended'
  | 'purchase'
  | 'refund'
  | 'survey_response'
  | 'content_view'
  | 'referral';

export interface DemoOptions {
  /** Same seed, same output byte for byte. Default 42. */
  seed?: number;
  /** Number of member records. Default 5000. */
  members?: number;
  /** Length of the activity window that ends at `end`. Default 6. */
  months?: number;
  /**
   * End of the window. Default 2026-11-20T12:00:00+08:00, so the generator's output never depends on
   * today's date; `kith demo` and `kith start --demo` pass the moment they load it.
   */
  end?: Date;
}

export interface DemoCommunity {
  key: string;
  name: string;
  channel: DemoChannel;
  positioningType: 'product' | 'interest' | 'knowledge';
  goal: 'after_sales' | 'product_feedback' | 'interaction' | 'brand';
  stage: 'launch' | 'growth' | 'mature';
  description: string;
  rulesText: string;
  capacity: number | null;
  externalId: string;
  createdAt: string;
}

export interface DemoIdentity {
  channel: string;
  externalId: string;
  displayName: string;
}

export interface DemoMember {
  key: string;
  name: string | null;
  nickname: string;
  gender: 'male' | 'female' | 'other' | 'unknown';
  birthday: string | null;
  phone: string | null;
  email: string | null;
  city: string;
  company: string | null;
  source: string;
  consentMarketing: boolean;
  /** The brand's official account and its staff member's account are not members in any figure. */
  accountType: 'member' | 'staff' | 'official';
  identities: DemoIdentity[];
  tags: string[];
  createdAt: string;
  persona: Persona;
}

export interface DemoMembership {
  memberKey: string;
  communityKey: string;
  role: 'owner' | 'admin' | 'core' | 'member';
  joinSource: 'invited' | 'qr_code' | 'import' | 'manual';
  invitedByMemberKey: string | null;
  joinedAt: string;
  leftAt: string | null;
}

export interface DemoActivity {
  /** Unique and stable for a given (seed, members, months, end): the ingest idempotency key. */
  externalId: string;
  memberKey: string;
  communityKey: string | null;
  channel: string;
  kind: ActivityKind;
  /** ISO 8601, UTC. */
  occurredAt: string;
  properties: Record<string, unknown>;
}

/** Events the activity stream refers to (registrations and attendance carry `eventKey`). */
export interface DemoEvent {
  key: string;
  name: string;
  format: 'online' | 'offline';
  city: string | null;
  communityKey: string;
  startsAt: string;
  capacity: number | null;
}

/** Member pairs planted on purpose so duplicate suggestions and merge have something to find. */
export interface DemoDuplicate {
  memberKeys: [string, string];
  reason: 'same_phone' | 'same_email' | 'same_name_in_community';
  communityKey: string | null;
}

export interface DemoData {
  brand: { name: string; nameEn: string };
  communities: DemoCommunity[];
  members: DemoMember[];
  memberships: DemoMembership[];
  activities: DemoActivity[];
  tags: { name: string; color: string }[];
  /** Extra to the loader's needs, but handy for the console and for benchmarks that score merge. */
  events: DemoEvent[];
  plantedDuplicates: DemoDuplicate[];
}
