/**
 * The six communities of 山野咖啡. They differ on purpose (channel, positioning, goal, stage,
 * capacity) so every filter and chart in the console has something to separate.
 */
import type { DemoCommunity } from './types.js';
import type { TemplateGroup } from './templates.js';

export type CommunityKey = 'aftersales' | 'tasters' | 'fans' | 'pourover' | 'partners' | 'chengdu';

export interface CommunitySpec extends Omit<DemoCommunity, 'createdAt' | 'key'> {
  key: CommunityKey;
  /** When the group was opened, relative to the window (see schedule.ts). */
  opened: { beforeStartDays: number } | { windowFraction: number } | { beforeEndDays: number };
  /** Relative chattiness: QQ interest groups talk more than a forum board. */
  chat: number;
  /** Share of joins that leave again, and how long they typically stay (days). */
  leaveRate: number;
  stayDays: number;
  checkIns: boolean;
  joinSources: readonly (readonly ['invited' | 'qr_code' | 'manual', number])[];
  mix: readonly (readonly [TemplateGroup, number])[];
}

export const COMMUNITIES: readonly CommunitySpec[] = [
  {
    key: 'fans',
    name: '山野咖啡爱好者交流群',
    channel: 'qq',
    positioningType: 'interest',
    goal: 'interaction',
    stage: 'mature',
    capacity: 2000,
    externalId: '738204516',
    opened: { beforeStartDays: 550 },
    description: '山野咖啡的老朋友们聊咖啡、晒装备、交流日常的地方。\n每周三晚有话题讨论，每月抽奖送新豆。',
    rulesText:
      '1. 友善交流，不人身攻击，不讨论政治敏感话题。\n2. 禁止发广告、拉人、刷屏，违者直接移出群聊。\n3. 每日咖啡打卡满 20 天，可找管理员领取挂耳一盒。\n4. 产品问题请 @小野，售后进度请到售后服务群。',
    chat: 1.3,
    leaveRate: 0.1,
    stayDays: 45,
    checkIns: true,
    joinSources: [
      ['qr_code', 40],
      ['invited', 45],
      ['manual', 15],
    ],
    mix: [
      ['interest', 46],
      ['reply', 14],
      ['greeting', 16],
      ['emoji', 8],
      ['knowledge_question', 5],
      ['english', 4],
      ['feedback', 5],
      ['complaint', 1],
      ['after_sales', 1],
    ],
  },
  {
    key: 'aftersales',
    name: '山野咖啡·售后服务群',
    channel: 'wecom',
    positioningType: 'product',
    goal: 'after_sales',
    stage: 'mature',
    capacity: 500,
    externalId: 'wrSyA1kQBwAAd3Fh6nYpqR0cL2vT8mZe',
    opened: { beforeStartDays: 260 },
    description:
      '购买山野咖啡机、磨豆机的用户专属售后群。\n工作日 9:00-21:00 有客服值守，使用问题、物流、退换货都可以在这里问。',
    rulesText:
      '1. 提问时请附上订单号或机器型号，方便客服快速处理。\n2. 订单、地址等隐私信息请私聊客服，不要发在群里。\n3. 禁止广告和代购信息，违者移出。\n4. 客服响应超过 2 小时未回复，可 @群主 催办。',
    chat: 0.7,
    leaveRate: 0.4,
    stayDays: 30,
    checkIns: false,
    joinSources: [
      ['qr_code', 70],
      ['invited', 10],
      ['manual', 20],
    ],
    mix: [
      ['after_sales', 45],
      ['complaint', 9],
      ['praise', 12],
      ['reply', 6],
      ['greeting', 8],
      ['emoji', 6],
      ['feedback', 6],
      ['english', 1],
      ['interest', 7],
    ],
  },
  {
    key: 'pourover',
    name: '山野手冲研究所',
    channel: 'forum',
    positioningType: 'knowledge',
    goal: 'brand',
    stage: 'growth',
    capacity: null,
    externalId: 'board-pourover',
    opened: { beforeStartDays: 63 },
    description: '手冲咖啡知识社区：参数分享、器具测评、产地与处理法科普。\n精华帖每周更新，欢迎投稿。',
    rulesText:
      '1. 发帖请选择分类（参数 / 器具 / 产地 / 提问），标题写清楚。\n2. 转载请注明出处，禁止搬运营销号内容。\n3. 优质内容加精并奖励积分，积分可兑换新豆。\n4. 广告、引流帖删除并禁言 7 天。',
    chat: 0.5,
    leaveRate: 0.03,
    stayDays: 90,
    checkIns: true,
    joinSources: [
      ['qr_code', 55],
      ['invited', 25],
      ['manual', 20],
    ],
    mix: [
      ['knowledge_post', 38],
      ['knowledge_question', 28],
      ['reply', 10],
      ['interest', 10],
      ['greeting', 4],
      ['english', 3],
      ['feedback', 5],
      ['emoji', 2],
    ],
  },
  {
    key: 'tasters',
    name: '山野新品体验官',
    channel: 'wechat',
    positioningType: 'product',
    goal: 'product_feedback',
    stage: 'growth',
    capacity: 500,
    externalId: '23480931824@chatroom',
    opened: { windowFraction: 0.07 },
    description: '新品抢先试喝、填写体验问卷、参与风味共创的体验官群。\n每期新品寄送前会在群内招募。',
    rulesText:
      '1. 收到试喝装后 7 天内提交体验问卷，连续两期未提交将移出体验官群。\n2. 反馈请尽量具体：冲煮方式、风味、建议。\n3. 新品信息未公开前请勿外传。\n4. 禁止广告，违者移出。',
    chat: 1.0,
    leaveRate: 0.06,
    stayDays: 60,
    checkIns: false,
    joinSources: [
      ['manual', 40],
      ['invited', 35],
      ['qr_code', 25],
    ],
    mix: [
      ['feedback', 42],
      ['feedback_negative', 12],
      ['reply', 8],
      ['greeting', 8],
      ['interest', 14],
      ['emoji', 6],
      ['english', 3],
      ['after_sales', 7],
    ],
  },
  {
    key: 'partners',
    name: '山野城市合伙人·门店联络群',
    channel: 'dingtalk',
    positioningType: 'product',
    goal: 'brand',
    stage: 'launch',
    capacity: 300,
    externalId: 'cidSy8Qw3kL0pV5nR2xT7mHc==',
    opened: { beforeEndDays: 73 },
    description: '山野咖啡城市合伙人和合作门店的工作群：补货、物料、培训、活动通知。',
    rulesText:
      '1. 仅限合作门店负责人和山野员工加入。\n2. 补货需求请按模板提交：门店 + 品类 + 数量。\n3. 活动物料收到后请回复“收到”。\n4. 工作群请勿闲聊刷屏。',
    chat: 0.6,
    leaveRate: 0,
    stayDays: 0,
    checkIns: false,
    joinSources: [
      ['manual', 90],
      ['invited', 10],
    ],
    mix: [
      ['partner', 75],
      ['greeting', 15],
      ['emoji', 10],
    ],
  },
  {
    key: 'chengdu',
    name: '山野咖啡·成都同城群',
    channel: 'wechat',
    positioningType: 'interest',
    goal: 'interaction',
    stage: 'launch',
    capacity: 500,
    externalId: '41937260518@chatroom',
    opened: { beforeEndDays: 27 },
    description: '成都的山野咖啡朋友们的同城群：探店、约咖啡、线下活动第一时间通知。',
    rulesText:
      '1. 同城交流为主，探店分享欢迎带图。\n2. 禁止广告、微商、拉票，违者移出。\n3. 线下活动报名以接龙为准，报名后无法参加请提前说。\n4. 每日打卡活跃的朋友优先获得活动名额。',
    chat: 1.4,
    leaveRate: 0.05,
    stayDays: 20,
    checkIns: true,
    joinSources: [
      ['invited', 55],
      ['qr_code', 40],
      ['manual', 5],
    ],
    mix: [
      ['chengdu', 36],
      ['interest', 26],
      ['reply', 14],
      ['greeting', 12],
      ['emoji', 8],
      ['english', 4],
    ],
  },
];

export const TAGS: readonly { name: string; color: string }[] = [
  { name: '咖啡机用户', color: '#1677ff' },
  { name: '复购用户', color: '#52c41a' },
  { name: '高价值', color: '#fa8c16' },
  { name: '新品体验官', color: '#722ed1' },
  { name: '手冲爱好者', color: '#13c2c2' },
  { name: '意式爱好者', color: '#2f54eb' },
  { name: '售后跟进', color: '#f5222d' },
  { name: '双11新客', color: '#eb2f96' },
  { name: '城市合伙人', color: '#faad14' },
  { name: 'KOC', color: '#a0d911' },
  { name: '沉默用户', color: '#8c8c8c' },
  { name: '活动达人', color: '#9254de' },
];
