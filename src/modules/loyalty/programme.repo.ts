import type { Tx } from '../../kernel/db/database.js';
import type { EvaluationPeriod } from './domain/calendar.js';
import type { DemotionSettings } from './domain/tiers.js';

/** The programme's settings (one row), read at the start of each use case. */
export interface Programme extends DemotionSettings {
  qualificationMonths: number | null;
  evaluationPeriod: EvaluationPeriod;
  pointsExpiryMonths: number | null;
  refundPolicy: 'debt' | 'cap';
  approvalThreshold: number;
  updatedAt: Date;
}

export async function loadProgramme(tx: Tx): Promise<Programme> {
  const r = await tx.selectFrom('loyalty_programme').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    qualificationMonths: r.qualification_months,
    evaluationPeriod: r.evaluation_period as EvaluationPeriod,
    keepRatioMilli: Math.round(Number(r.keep_ratio) * 1000),
    graceDays: r.grace_days,
    maxDemotionSteps: r.max_demotion_steps,
    pointsExpiryMonths: r.points_expiry_months,
    refundPolicy: r.refund_policy as 'debt' | 'cap',
    approvalThreshold: r.approval_threshold,
    updatedAt: r.updated_at,
  };
}

export type ProgrammePatch = Partial<Omit<Programme, 'updatedAt' | 'keepRatioMilli'> & { keepRatio: number }>;

export async function saveProgramme(tx: Tx, p: ProgrammePatch, now: Date): Promise<void> {
  await tx
    .updateTable('loyalty_programme')
    .set({
      ...(p.qualificationMonths !== undefined && { qualification_months: p.qualificationMonths }),
      ...(p.evaluationPeriod !== undefined && { evaluation_period: p.evaluationPeriod }),
      ...(p.keepRatio !== undefined && { keep_ratio: p.keepRatio.toFixed(3) }),
      ...(p.graceDays !== undefined && { grace_days: p.graceDays }),
      ...(p.maxDemotionSteps !== undefined && { max_demotion_steps: p.maxDemotionSteps }),
      ...(p.pointsExpiryMonths !== undefined && { points_expiry_months: p.pointsExpiryMonths }),
      ...(p.refundPolicy !== undefined && { refund_policy: p.refundPolicy }),
      ...(p.approvalThreshold !== undefined && { approval_threshold: p.approvalThreshold }),
      updated_at: now,
    })
    .where('id', '=', 1)
    .execute();
}
