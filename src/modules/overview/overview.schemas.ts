import { Type } from 'typebox';
import { DateTime } from '../../http/schemas.js';

/** Contracts of the overview: dates are workspace days (YYYY-MM-DD), instants are date-times. */
const Day = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A day of the workspace time zone (YYYY-MM-DD)',
});

export const OverviewQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ ...Day, description: 'First day, included; default 30 days ending with to' })),
    to: Type.Optional(Type.String({ ...Day, description: 'Last day, included; default today' })),
  },
  { additionalProperties: false },
);

export const OverviewSchema = Type.Object({
  timeZone: Type.String({ description: 'The workspace time zone the days are cut in' }),
  from: Day,
  to: Day,
  periodStart: Type.String({ format: 'date-time', description: 'The instant the first day starts' }),
  periodEnd: Type.String({ format: 'date-time', description: 'The instant after the last day ends (excluded)' }),
  members: Type.Object({
    total: Type.Integer({ description: 'Members now (merged and erased profiles not counted)' }),
    atStart: Type.Integer({ description: 'Members created before the period' }),
    atEnd: Type.Integer({ description: 'Members created before the end of the period' }),
    joined: Type.Integer({ description: 'Members created within the period' }),
    growthPercent: Type.Union([Type.Number(), Type.Null()], {
      description: 'Growth over the period in % of atStart; null when atStart is 0',
    }),
  }),
  active: Type.Object({
    last7Days: Type.Integer({
      description: 'WAU: distinct members with meaningful activity today or in the 6 days before (docs/metrics.md)',
    }),
    last30Days: Type.Integer({
      description:
        'MAU: distinct members with meaningful activity today or in the 29 days before; the engagement report over the same 30 days answers the same',
    }),
    since7Days: Type.String({ format: 'date-time', description: 'Start of the 7-day window' }),
    since30Days: Type.String({ format: 'date-time', description: 'Start of the 30-day window' }),
  }),
  days: Type.Array(
    Type.Object({
      date: Day,
      start: DateTime,
      end: DateTime,
      newMembers: Type.Integer({ description: 'Members created that day' }),
      totalMembers: Type.Integer({ description: 'Members at the end of the day' }),
      messages: Type.Integer({ description: 'Messages sent that day' }),
      activeMembers: Type.Integer({ description: 'Distinct members with meaningful activity that day' }),
    }),
  ),
  communities: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      joined: Type.Integer({ description: 'Joins within the period' }),
      left: Type.Integer({ description: 'Leaves within the period' }),
      membersNow: Type.Integer(),
    }),
    { description: 'Communities that are not archived, most joins first' },
  ),
});

export const WorkspaceSchema = Type.Object({
  timeZone: Type.String({ description: 'Workspace time zone (KITH_TIME_ZONE): reports cut days in it' }),
  today: Day,
  now: DateTime,
});

export const MessagesQuery = Type.Object(
  {
    from: Type.String({
      format: 'date-time',
      description: "Start, included (e.g. a day's `start` from GET /overview)",
    }),
    to: Type.String({ format: 'date-time', description: 'End, excluded' }),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const MessagesPage = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      occurredAt: DateTime,
      member: Type.Object({
        id: Type.Integer(),
        displayName: Type.String(),
        avatarUrl: Type.Union([Type.String(), Type.Null()]),
      }),
      community: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
      text: Type.String({ description: 'Plain text as the member wrote it; show it as text, never as HTML' }),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const ChecklistSchema = Type.Object({
  dismissed: Type.Boolean({ description: 'The caller put the list away' }),
  complete: Type.Boolean(),
  steps: Type.Array(
    Type.Object({
      key: Type.Union([
        Type.Literal('community'),
        Type.Literal('members'),
        Type.Literal('programme'),
        Type.Literal('colleagues'),
      ]),
      done: Type.Boolean(),
    }),
    {
      description:
        'community: one exists; members: members imported or a channel connected (an API key); programme: tiers defined; colleagues: another staff member',
    },
  ),
});
