import { Type } from 'typebox';
import { DateTime, Nullable } from '../../http/schemas.js';

/** HTTP contracts of business impact and campaigns. */
const Id = Type.Integer({ minimum: 1, maximum: 9007199254740991 });
const Day = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar day of the workspace time zone',
});
const Money = Type.String({ description: 'A decimal amount, e.g. "1200.00"' });
const PeriodOut = Type.Object({ from: Day, to: Day });

export const BusinessQuery = Type.Object({
  from: Type.Optional(
    Type.String({ description: 'First day (YYYY-MM-DD, workspace time zone); default 30 days before `to`' }),
  ),
  to: Type.Optional(Type.String({ description: 'Last day, included (default today)' })),
  communityId: Type.Optional(Id),
});
const Figures = {
  orders: Type.Integer({ description: 'Orders placed in the period, fully refunded ones excluded' }),
  revenue: Type.String({ description: 'Σ (amount − refunded amount) of those orders' }),
  buyers: Type.Integer({ description: 'Distinct members who placed them' }),
  share: Type.Number({ description: "The row's revenue ÷ the total revenue (0 when there is none)" }),
};
export const BusinessSchema = Type.Object({
  period: PeriodOut,
  communityId: Nullable(Type.Integer()),
  totals: Type.Object({
    orders: Type.Integer(),
    revenue: Money,
    buyers: Type.Integer(),
    averageOrderValue: Type.String({ description: 'Revenue ÷ orders ("0.00" without orders)' }),
    referrals: Type.Integer({ description: '`referral` activities in the period' }),
    referrers: Type.Integer({ description: 'Distinct members who referred' }),
  }),
  byCommunity: Type.Array(
    Type.Object({
      key: Nullable(Type.Integer({ description: "The order's community; null: none" })),
      name: Type.String(),
      ...Figures,
    }),
  ),
  byTier: Type.Array(
    Type.Object({
      key: Nullable(Type.Integer({ description: "The buyer's tier now; null: no tier defined" })),
      nameZh: Type.String(),
      nameEn: Type.String(),
      ...Figures,
    }),
  ),
  byLayer: Type.Array(
    Type.Object({
      key: Type.String({ description: "The buyer's RFM layer at the last scoring; none: not scored" }),
      nameZh: Type.String(),
      nameEn: Type.String(),
      ...Figures,
    }),
  ),
});

const CampaignFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  tagId: Id,
  startsOn: Type.String({ description: 'First day of the campaign (YYYY-MM-DD, workspace time zone)' }),
  endsOn: Type.String({ description: 'Last day, included' }),
  attributionDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description: 'Orders up to this many days after the last day still count (default 7)',
  }),
  cost: Type.String({ maxLength: 20, description: 'What the campaign cost, e.g. "1200.00" (default 0)' }),
  currency: Type.String({
    maxLength: 3,
    description: 'Currency of the cost; only orders in it are attributed (default CNY)',
  }),
  notes: Type.String({ maxLength: 2000 }),
};
export const CampaignBody = Type.Object(
  {
    name: CampaignFields.name,
    tagId: CampaignFields.tagId,
    startsOn: CampaignFields.startsOn,
    endsOn: CampaignFields.endsOn,
    attributionDays: Type.Optional(CampaignFields.attributionDays),
    cost: Type.Optional(CampaignFields.cost),
    currency: Type.Optional(CampaignFields.currency),
    notes: Type.Optional(CampaignFields.notes),
  },
  { additionalProperties: false },
);
export const CampaignPatch = Type.Partial(Type.Object(CampaignFields), { additionalProperties: false });
export const CampaignListQuery = Type.Object({
  archived: Type.Optional(Type.Boolean({ description: 'Include archived campaigns' })),
});

const CampaignProps = {
  id: Type.Integer(),
  name: Type.String(),
  tagId: Nullable(Type.Integer({ description: 'null: the tag was deleted' })),
  tagName: Nullable(Type.String()),
  startsOn: Day,
  endsOn: Day,
  attributionDays: Type.Integer(),
  attributionUntil: Type.String({ description: 'Last day an order is attributed: endsOn + attributionDays' }),
  cost: Money,
  currency: Type.String(),
  notes: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
  archivedAt: Nullable(DateTime),
  figures: Type.Object({
    taggedMembers: Type.Integer({ description: 'Members carrying the tag, put on before the window closed' }),
    buyers: Type.Integer({ description: 'Tagged members with at least one attributed order' }),
    conversion: Type.Number({ description: 'buyers ÷ tagged members' }),
    orders: Type.Integer({ description: 'Attributed orders' }),
    revenue: Type.String({ description: 'Attributed revenue: Σ (amount − refunded amount) of the attributed orders' }),
    returnOnSpend: Nullable(Type.Number({ description: 'revenue ÷ cost; null when the cost is 0' })),
    roi: Nullable(Type.Number({ description: '(revenue − cost) ÷ cost; null when the cost is 0' })),
  }),
};
export const CampaignSchema = Type.Object(CampaignProps);
export const CampaignListSchema = Type.Object({ items: Type.Array(CampaignSchema) });
export const CampaignDetailSchema = Type.Object({
  ...CampaignProps,
  series: Type.Array(Type.Object({ day: Day, orders: Type.Integer(), revenue: Money }), {
    description: 'Attributed orders and revenue per day, from the first day to the window’s end or today',
  }),
});
