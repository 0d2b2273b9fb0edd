import type { Programme, ProgrammePatch } from './types';

/**
 * The programme settings form: "lifetime" and "never expire" are choices of their own (the API
 * says null), and the keep ratio is typed as a percentage (90 %) but sent as a ratio (0.9).
 */
export interface ProgrammeFormValues {
  qualification: 'window' | 'lifetime';
  qualificationMonths?: number | null;
  evaluationPeriod: Programme['evaluationPeriod'];
  keepPercent: number;
  graceDays: number;
  maxDemotionSteps: number;
  expiry: 'months' | 'never';
  pointsExpiryMonths?: number | null;
  refundPolicy: Programme['refundPolicy'];
  approvalThreshold: number;
}

/** Server field (PATCH body) → form field, for the server's field problems. */
export const PROGRAMME_FIELD: Record<string, keyof ProgrammeFormValues> = {
  qualificationMonths: 'qualificationMonths',
  evaluationPeriod: 'evaluationPeriod',
  keepRatio: 'keepPercent',
  graceDays: 'graceDays',
  maxDemotionSteps: 'maxDemotionSteps',
  pointsExpiryMonths: 'pointsExpiryMonths',
  refundPolicy: 'refundPolicy',
  approvalThreshold: 'approvalThreshold',
};

export function programmeFormValues(p: Programme): ProgrammeFormValues {
  return {
    qualification: p.qualificationMonths === null ? 'lifetime' : 'window',
    qualificationMonths: p.qualificationMonths ?? 12,
    evaluationPeriod: p.evaluationPeriod,
    // 0.9 → 90, 0.875 → 87.5: the ratio has at most 3 decimals, the percentage at most 1.
    keepPercent: Math.round(p.keepRatio * 1000) / 10,
    graceDays: p.graceDays,
    maxDemotionSteps: p.maxDemotionSteps,
    expiry: p.pointsExpiryMonths === null ? 'never' : 'months',
    pointsExpiryMonths: p.pointsExpiryMonths ?? 12,
    refundPolicy: p.refundPolicy,
    approvalThreshold: p.approvalThreshold,
  };
}

export function programmePatch(v: ProgrammeFormValues): ProgrammePatch {
  return {
    qualificationMonths: v.qualification === 'lifetime' ? null : (v.qualificationMonths ?? null),
    evaluationPeriod: v.evaluationPeriod,
    keepRatio: Math.round(v.keepPercent * 10) / 1000,
    graceDays: v.graceDays,
    maxDemotionSteps: v.maxDemotionSteps,
    pointsExpiryMonths: v.expiry === 'never' ? null : (v.pointsExpiryMonths ?? null),
    refundPolicy: v.refundPolicy,
    approvalThreshold: v.approvalThreshold,
  };
}
