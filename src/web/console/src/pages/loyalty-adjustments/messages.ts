/**
 * Texts of the page: 积分调整 (manual adjustments and their approval). zh-CN first; `en` must hold
 * the same keys (the compiler checks), and i18n/catalog.ts adds both to the console's catalogue.
 */
export const zh = {
  'adjustments.title': '积分调整',
  'adjustments.subtitle': '人工增减积分的记录；超过审批门槛的调整需另一位运营批准后才入账',
  'adjustments.col.points': '积分',
  'adjustments.by': '{by} 申请',
  'adjustments.col.decision': '审批',
  'adjustments.empty': '没有待审批的调整',
  'adjustments.emptyOther': '没有这个状态的调整',
  'adjustments.approve': '批准',
  'adjustments.reject': '驳回',
  'adjustments.approveTitle': '批准为 {member} 调整 {points} 积分？',
  'adjustments.rejectTitle': '驳回为 {member} 调整 {points} 积分？',
  'adjustments.approveIntro': '批准后立即入账。申请原因：{reason}',
  'adjustments.rejectIntro': '驳回后不会入账。申请原因：{reason}',
  'adjustments.approved': '已批准，积分已入账',
  'adjustments.rejected': '已驳回',
  'adjustments.yours': '你提交的，等待其他人审批',
  'adjustments.decided': '{by} · {at}',
};

export const en: Record<keyof typeof zh, string> = {
  'adjustments.title': 'Adjustments',
  'adjustments.subtitle':
    'Points added or taken by hand; those at or above the approval threshold post only once a second operator approves',
  'adjustments.col.points': 'Points',
  'adjustments.by': 'by {by}',
  'adjustments.col.decision': 'Decision',
  'adjustments.empty': 'Nothing waiting for approval',
  'adjustments.emptyOther': 'No adjustments with this status',
  'adjustments.approve': 'Approve',
  'adjustments.reject': 'Reject',
  'adjustments.approveTitle': 'Approve {points} points for {member}?',
  'adjustments.rejectTitle': 'Reject {points} points for {member}?',
  'adjustments.approveIntro': 'The points post at once. Reason given: {reason}',
  'adjustments.rejectIntro': 'Nothing is posted. Reason given: {reason}',
  'adjustments.approved': 'Approved; the points were posted',
  'adjustments.rejected': 'Rejected',
  'adjustments.yours': 'You asked for this one; someone else must approve it',
  'adjustments.decided': '{by} · {at}',
};
