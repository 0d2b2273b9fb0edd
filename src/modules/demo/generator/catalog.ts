/**
 * What 山野咖啡 sells and publishes. Prices are in fen (1/100 yuan) so order arithmetic is exact.
 */
import type { CommunityKey } from './communities.js';

export const BRAND = { name: '山野咖啡', nameEn: 'Shanye Coffee' } as const;

export type ProductKind = 'bean' | 'drip' | 'coldbrew' | 'capsule' | 'machine' | 'grinder' | 'kit' | 'accessory';
export interface Product {
  sku: string;
  name: string;
  price: number;
  kind: ProductKind;
  weight: number;
  newLaunch?: boolean;
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'SY-BEAN-YNBS', name: '山野·云南保山小粒 250g', price: 6800, kind: 'bean', weight: 14 },
  { sku: 'SY-BEAN-YNSUN', name: '云南日晒·山野新品 250g', price: 8800, kind: 'bean', weight: 12, newLaunch: true },
  { sku: 'SY-BEAN-YEGA', name: '埃塞俄比亚耶加雪菲 250g', price: 9800, kind: 'bean', weight: 12 },
  { sku: 'SY-BEAN-COL', name: '哥伦比亚慧兰 250g', price: 8800, kind: 'bean', weight: 8 },
  { sku: 'SY-BEAN-KEN', name: '肯尼亚AA 250g', price: 11800, kind: 'bean', weight: 5 },
  { sku: 'SY-BEAN-GEISHA', name: '巴拿马瑰夏 100g', price: 19800, kind: 'bean', weight: 3 },
  { sku: 'SY-BEAN-ESP', name: '山野拼配·深烘意式 500g', price: 12800, kind: 'bean', weight: 9 },
  { sku: 'SY-DRIP-10', name: '山野挂耳咖啡·混合装 10片', price: 4900, kind: 'drip', weight: 16 },
  { sku: 'SY-DRIP-30', name: '山野挂耳咖啡·量贩装 30片', price: 12900, kind: 'drip', weight: 5 },
  { sku: 'SY-COLD-6', name: '山野冷萃咖啡液 6支装', price: 5900, kind: 'coldbrew', weight: 7 },
  { sku: 'SY-CAP-20', name: '山野意式胶囊 20颗', price: 6900, kind: 'capsule', weight: 4 },
  { sku: 'SY-KIT-PO', name: '山野手冲壶套装', price: 26800, kind: 'kit', weight: 1.5 },
  { sku: 'SY-ACC-FP', name: 'V60 滤纸 100张', price: 1900, kind: 'accessory', weight: 2.5 },
  { sku: 'SY-ACC-DS', name: '咖啡机专用除垢剂', price: 3900, kind: 'accessory', weight: 2 },
  { sku: 'SY-GR-G1', name: '山野 G1 电动磨豆机', price: 59900, kind: 'grinder', weight: 0.8 },
  { sku: 'SY-MC-S1', name: '山野 S1 半自动意式咖啡机', price: 129900, kind: 'machine', weight: 0.45 },
  { sku: 'SY-MC-S2P', name: '山野 S2 Pro 意式咖啡机', price: 249900, kind: 'machine', weight: 0.35 },
  { sku: 'SY-MC-M3', name: '山野 M3 全自动咖啡机', price: 399900, kind: 'machine', weight: 0.2 },
];

export interface EventSpec {
  key: string;
  name: string;
  format: 'online' | 'offline';
  city: string | null;
  /** Registration can come from any of these; the first is where the event is hosted. */
  communities: readonly CommunityKey[];
  capacity: number | null;
}

export const EVENTS: readonly EventSpec[] = [
  {
    key: 'tasting-launch',
    name: '云南日晒新品·线上品鉴会',
    format: 'online',
    city: null,
    communities: ['tasters', 'fans'],
    capacity: null,
  },
  {
    key: 'salon-shanghai',
    name: '山野手冲沙龙·上海站',
    format: 'offline',
    city: '上海',
    communities: ['pourover', 'fans'],
    capacity: 60,
  },
  {
    key: 'live-double11',
    name: '双11 直播品鉴会：山野 M3 全自动',
    format: 'online',
    city: null,
    communities: ['fans', 'tasters', 'aftersales'],
    capacity: null,
  },
  {
    key: 'meetup-chengdu',
    name: '成都同城群·首场咖啡见面会',
    format: 'offline',
    city: '成都',
    communities: ['chengdu'],
    capacity: 50,
  },
];

export interface ContentSpec {
  id: string;
  title: string;
  type: 'article' | 'video' | 'live_replay';
  at: number;
  communities: readonly CommunityKey[];
}

/** Published `at` a fraction of the way through the window; shared into the listed communities. */
export const CONTENT: readonly ContentSpec[] = [
  {
    id: 'c-101',
    title: '手冲入门：从磨豆到注水的 5 个关键',
    type: 'article',
    at: 0.02,
    communities: ['pourover', 'fans'],
  },
  { id: 'c-102', title: '咖啡机除垢保姆级教程', type: 'video', at: 0.05, communities: ['aftersales', 'fans'] },
  {
    id: 'c-103',
    title: '618 囤豆指南：哪款豆子适合你',
    type: 'article',
    at: 0.03,
    communities: ['fans', 'tasters', 'aftersales'],
  },
  { id: 'c-104', title: '山野 S1 开箱与首次使用', type: 'video', at: 0.12, communities: ['aftersales', 'tasters'] },
  {
    id: 'c-105',
    title: '咖啡豆怎么保存才新鲜',
    type: 'article',
    at: 0.18,
    communities: ['pourover', 'fans', 'aftersales'],
  },
  { id: 'c-106', title: '冷萃在家怎么做：一晚上就够了', type: 'video', at: 0.24, communities: ['fans', 'pourover'] },
  {
    id: 'c-107',
    title: '云南日晒新豆风味解读',
    type: 'article',
    at: 0.3,
    communities: ['tasters', 'fans', 'pourover'],
  },
  { id: 'c-108', title: '新品品鉴会直播回放', type: 'live_replay', at: 0.305, communities: ['tasters', 'fans'] },
  {
    id: 'c-109',
    title: '意式浓缩萃取参数表（附下载）',
    type: 'article',
    at: 0.38,
    communities: ['pourover', 'aftersales'],
  },
  { id: 'c-110', title: '拉花入门：心形和郁金香', type: 'video', at: 0.45, communities: ['fans', 'aftersales'] },
  { id: 'c-111', title: '水质与萃取：为什么你的手冲发苦', type: 'article', at: 0.52, communities: ['pourover'] },
  {
    id: 'c-112',
    title: '产地故事：保山小粒咖啡',
    type: 'video',
    at: 0.6,
    communities: ['fans', 'pourover', 'tasters'],
  },
  { id: 'c-113', title: '上海手冲沙龙精彩回顾', type: 'article', at: 0.64, communities: ['pourover', 'fans'] },
  { id: 'c-114', title: '磨豆机刻度对照表', type: 'article', at: 0.7, communities: ['pourover', 'aftersales'] },
  { id: 'c-115', title: '咖啡与健康：一天喝几杯合适', type: 'article', at: 0.76, communities: ['fans', 'tasters'] },
  { id: 'c-116', title: '城市合伙人门店陈列手册', type: 'article', at: 0.8, communities: ['partners'] },
  {
    id: 'c-117',
    title: '双11 福利清单：群友专享价',
    type: 'article',
    at: 0.84,
    communities: ['fans', 'tasters', 'aftersales', 'chengdu'],
  },
  { id: 'c-118', title: '成都咖啡地图：20 家宝藏小店', type: 'article', at: 0.88, communities: ['chengdu', 'fans'] },
  {
    id: 'c-119',
    title: '双11 直播品鉴会回放',
    type: 'live_replay',
    at: 0.93,
    communities: ['fans', 'tasters', 'aftersales'],
  },
  {
    id: 'c-120',
    title: '冬季热饮配方：桂花拿铁',
    type: 'video',
    at: 0.97,
    communities: ['fans', 'chengdu', 'pourover'],
  },
];

export interface SurveySpec {
  id: string;
  title: string;
  community: CommunityKey;
  at: number;
  reach: number;
  npsMean: number;
}

export const SURVEYS: readonly SurveySpec[] = [
  { id: 's-taste-launch', title: '新品体验官问卷·云南日晒', community: 'tasters', at: 0.32, reach: 0.45, npsMean: 8.2 },
  { id: 's-service-q3', title: '售后服务满意度调研', community: 'aftersales', at: 0.75, reach: 0.2, npsMean: 6.6 },
];
