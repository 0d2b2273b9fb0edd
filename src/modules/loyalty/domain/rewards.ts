/**
 * Whether a member may redeem a reward 兑换奖励, pure. The service checks this with the stock and
 * balance it holds under lock, so the answer cannot change between the check and the write.
 */
export interface RewardFacts {
  cost: number;
  stock: number | null;
  redeemed: number;
  perMemberLimit: number | null;
  tierIds: number[];
  validFrom: Date | null;
  validUntil: Date | null;
  archived: boolean;
}

export interface MemberFacts {
  tierId: number | null;
  balance: number;
  /** Redemptions of this reward the member holds (requested or fulfilled). */
  held: number;
}

export type RedemptionRefusal =
  | { code: 'REWARD_UNAVAILABLE'; reason: 'archived' | 'not_yet' | 'ended' }
  | { code: 'OUT_OF_STOCK' }
  | { code: 'REDEMPTION_LIMIT'; limit: number }
  | { code: 'TIER_NOT_ALLOWED'; tierIds: number[] }
  | { code: 'INSUFFICIENT_POINTS'; needed: number; balance: number };

export function redemptionRefusal(r: RewardFacts, m: MemberFacts, now: Date): RedemptionRefusal | null {
  if (r.archived) return { code: 'REWARD_UNAVAILABLE', reason: 'archived' };
  if (r.validFrom && now < r.validFrom) return { code: 'REWARD_UNAVAILABLE', reason: 'not_yet' };
  if (r.validUntil && now >= r.validUntil) return { code: 'REWARD_UNAVAILABLE', reason: 'ended' };
  if (r.tierIds.length && (m.tierId === null || !r.tierIds.includes(m.tierId)))
    return { code: 'TIER_NOT_ALLOWED', tierIds: r.tierIds };
  if (r.perMemberLimit !== null && m.held >= r.perMemberLimit)
    return { code: 'REDEMPTION_LIMIT', limit: r.perMemberLimit };
  if (r.stock !== null && r.redeemed >= r.stock) return { code: 'OUT_OF_STOCK' };
  if (m.balance < r.cost) return { code: 'INSUFFICIENT_POINTS', needed: r.cost, balance: m.balance };
  return null;
}

export function refusalMessage(f: RedemptionRefusal): string {
  switch (f.code) {
    case 'REWARD_UNAVAILABLE':
      return f.reason === 'archived'
        ? 'This reward is no longer offered'
        : f.reason === 'not_yet'
          ? 'This reward cannot be redeemed yet'
          : 'This reward can no longer be redeemed';
    case 'OUT_OF_STOCK':
      return 'This reward is out of stock';
    case 'REDEMPTION_LIMIT':
      return `Each member may redeem this reward at most ${f.limit} time(s)`;
    case 'TIER_NOT_ALLOWED':
      return 'This reward is for other tiers';
    case 'INSUFFICIENT_POINTS':
      return `It costs ${f.needed} points; the balance is ${f.balance}`;
  }
}

/** Coupon codes from an uploaded list: one per line (or comma), trimmed, duplicates reported. */
export function parseCouponCodes(text: string): { codes: string[]; problems: { line: number; message: string }[] } {
  const codes: string[] = [];
  const problems: { line: number; message: string }[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    for (const part of raw.split(',')) {
      const code = part.trim();
      if (!code) continue;
      if (!/^[\x21-\x7e]{1,64}$/.test(code))
        problems.push({ line: i + 1, message: `"${code.slice(0, 70)}" is not a code (1–64 visible ASCII characters)` });
      else if (seen.has(code)) problems.push({ line: i + 1, message: `${code} is listed twice` });
      else {
        seen.add(code);
        codes.push(code);
      }
    }
  });
  return { codes, problems };
}
