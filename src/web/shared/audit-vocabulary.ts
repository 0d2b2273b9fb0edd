/**
 * Every action and target type the audit log records. The server types its audit entries with
 * these, and the console must label each one in both languages (a test checks it), so a new
 * audited write cannot reach the log without a name an operator can read.
 * Standalone on purpose: no imports, so both TypeScript builds compile it as it is.
 */

export const AUDIT_ACTIONS = [
  'activity.ingest', 'activity.ingest_members',
  'analytics.campaign.archive', 'analytics.campaign.create', 'analytics.campaign.update',
  'analytics.lifecycle.update', 'analytics.rfm.compute', 'analytics.rfm_layer.update', 'analytics.settings.update',
  'api_key.create', 'api_key.revoke',
  'attribute.create', 'attribute.delete', 'attribute.update',
  'auth.login', 'auth.logout',
  'community.create', 'community.update', 'community.archive', 'community.unarchive',
  'database.backup', 'database.restore',
  'community.members_add', 'community.member_role', 'community.member_remove',
  'import.members', 'import.orders', 'import.chat',
  'loyalty.adjustment.post', 'loyalty.adjustment.request', 'loyalty.adjustment.approve', 'loyalty.adjustment.reject',
  'loyalty.badge.award', 'loyalty.badge.create', 'loyalty.badge.revoke', 'loyalty.badge.update',
  'loyalty.programme.update',
  'loyalty.redemption.create', 'loyalty.redemption.fulfil', 'loyalty.redemption.cancel',
  'loyalty.replay',
  'loyalty.reward.codes', 'loyalty.reward.create', 'loyalty.reward.update',
  'loyalty.rule.create', 'loyalty.rule.update',
  'loyalty.tier.assign', 'loyalty.tier.unassign', 'loyalty.tier.create', 'loyalty.tier.update', 'loyalty.tier.delete', 'loyalty.tier.evaluate',
  'member.create', 'member.update', 'member.erase', 'member.export', 'member.personal_data_export',
  'member.identity_add', 'member.identity_remove', 'member.merge', 'member.merge_undo', 'member.tags_bulk',
  'member_session.issue', 'member_session.revoke',
  'staff.create', 'staff.update', 'staff.setup', 'staff.password_change',
  'tag.create', 'tag.delete', 'tag.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = [
  'member', 'members', 'community', 'community_membership', 'import', 'tag', 'attribute', 'staff', 'api_key', 'activity_batch', 'member_batch',
  'database', 'analytics_campaign', 'analytics_member_rfm', 'analytics_settings', 'rfm_layer',
  'loyalty_badge', 'loyalty_evaluation', 'loyalty_ledger', 'loyalty_programme', 'loyalty_reward', 'loyalty_rule', 'loyalty_tier',
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
