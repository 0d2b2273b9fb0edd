/**
 * Word lists for people. Names carry their pinyin so emails and forum handles look like the
 * person actually chose them (lin.yuting@163.com, not a random string).
 */

type Pair = readonly [hanzi: string, pinyin: string];

/** Common surnames, most frequent first; weights follow the rough national ranking. */
export const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 7.1], ['李', 'li', 7.0], ['张', 'zhang', 6.7], ['刘', 'liu', 5.4], ['陈', 'chen', 4.5], ['杨', 'yang', 3.1],
  ['黄', 'huang', 2.5], ['赵', 'zhao', 2.3], ['吴', 'wu', 2.0], ['周', 'zhou', 1.9], ['徐', 'xu', 1.5], ['孙', 'sun', 1.4],
  ['马', 'ma', 1.3], ['朱', 'zhu', 1.2], ['胡', 'hu', 1.1], ['郭', 'guo', 1.1], ['何', 'he', 1.0], ['林', 'lin', 1.0],
  ['高', 'gao', 1.0], ['罗', 'luo', 0.9], ['郑', 'zheng', 0.9], ['梁', 'liang', 0.8], ['谢', 'xie', 0.7], ['宋', 'song', 0.6],
  ['唐', 'tang', 0.6], ['许', 'xu', 0.6], ['韩', 'han', 0.6], ['冯', 'feng', 0.5], ['邓', 'deng', 0.5], ['曹', 'cao', 0.5],
  ['彭', 'peng', 0.5], ['曾', 'zeng', 0.5], ['肖', 'xiao', 0.5], ['田', 'tian', 0.4], ['董', 'dong', 0.4], ['袁', 'yuan', 0.4],
  ['潘', 'pan', 0.4], ['蒋', 'jiang', 0.4], ['蔡', 'cai', 0.4], ['余', 'yu', 0.3], ['杜', 'du', 0.3], ['叶', 'ye', 0.3],
  ['程', 'cheng', 0.3], ['苏', 'su', 0.3], ['魏', 'wei', 0.3], ['吕', 'lv', 0.3], ['丁', 'ding', 0.3], ['沈', 'shen', 0.3],
  ['姚', 'yao', 0.25], ['卢', 'lu', 0.25], ['姜', 'jiang', 0.25], ['崔', 'cui', 0.2], ['钟', 'zhong', 0.2], ['谭', 'tan', 0.2],
  ['陆', 'lu', 0.2], ['汪', 'wang', 0.2], ['范', 'fan', 0.2], ['金', 'jin', 0.2], ['方', 'fang', 0.2], ['白', 'bai', 0.15],
  ['孟', 'meng', 0.15], ['秦', 'qin', 0.15], ['江', 'jiang', 0.15], ['顾', 'gu', 0.12], ['夏', 'xia', 0.12], ['邵', 'shao', 0.1],
  ['欧阳', 'ouyang', 0.05], ['司马', 'sima', 0.02],
];

export const GIVEN_FEMALE: readonly Pair[] = [
  ['婷', 'ting'], ['雨涵', 'yuhan'], ['欣怡', 'xinyi'], ['梓涵', 'zihan'], ['诗琪', 'shiqi'], ['佳怡', 'jiayi'], ['思雨', 'siyu'],
  ['晓雯', 'xiaowen'], ['雅婷', 'yating'], ['丽娟', 'lijuan'], ['静', 'jing'], ['敏', 'min'], ['颖', 'ying'], ['琳', 'lin'],
  ['倩', 'qian'], ['蕾', 'lei'], ['佳琪', 'jiaqi'], ['梦瑶', 'mengyao'], ['一诺', 'yinuo'], ['芳', 'fang'], ['慧敏', 'huimin'],
  ['晓燕', 'xiaoyan'], ['欣然', 'xinran'], ['语桐', 'yutong'], ['可馨', 'kexin'], ['诗涵', 'shihan'], ['嘉怡', 'jiayi'],
  ['玉婷', 'yuting'], ['若曦', 'ruoxi'], ['晨曦', 'chenxi'], ['安琪', 'anqi'], ['文静', 'wenjing'], ['美玲', 'meiling'],
  ['丹', 'dan'], ['璐', 'lu'], ['悦', 'yue'], ['艺璇', 'yixuan'], ['心怡', 'xinyi'], ['秋月', 'qiuyue'], ['小满', 'xiaoman'],
];

export const GIVEN_MALE: readonly Pair[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['洋', 'yang'], ['勇', 'yong'], ['军', 'jun'], ['杰', 'jie'], ['涛', 'tao'],
  ['超', 'chao'], ['明', 'ming'], ['浩然', 'haoran'], ['子轩', 'zixuan'], ['宇航', 'yuhang'], ['俊杰', 'junjie'], ['博文', 'bowen'],
  ['志强', 'zhiqiang'], ['建华', 'jianhua'], ['晨', 'chen'], ['鹏', 'peng'], ['昊天', 'haotian'], ['浩宇', 'haoyu'],
  ['思远', 'siyuan'], ['一鸣', 'yiming'], ['文博', 'wenbo'], ['泽宇', 'zeyu'], ['嘉豪', 'jiahao'], ['子豪', 'zihao'],
  ['宇轩', 'yuxuan'], ['立新', 'lixin'], ['国栋', 'guodong'], ['振宇', 'zhenyu'], ['晓东', 'xiaodong'], ['海峰', 'haifeng'],
  ['天翔', 'tianxiang'], ['彬', 'bin'], ['斌', 'bin'], ['亮', 'liang'], ['凯', 'kai'], ['毅', 'yi'], ['景行', 'jingxing'],
];

export const ENGLISH_NAMES: readonly string[] = [
  'Leo', 'May', 'Momo', 'Vivian', 'Kevin', 'Coco', 'Luna', 'Eric', 'Jason', 'Cherry', 'Aaron', 'Ivy', 'Sunny', 'Tina',
  'Jack', 'Zoe', 'Yuki', 'Nina', 'Alex', 'Grace', 'Daisy', 'Ryan', 'Lucas', 'Emma', 'Olivia', 'Kiki', 'Bella', 'Sam',
];

/** Coffee-flavoured prefixes people put in group nicknames. */
export const COFFEE_PREFIXES: readonly string[] = [
  '咖啡控', '拿铁星人', '美式续命', '手冲小白', '豆子收集者', '每天一杯', '冰美式不加糖', '澳白爱好者', '早八人',
];
export const CUTE_NICKS: readonly string[] = [
  '一只猫🐱', '小鹿☕', '橘子汽水', '晴天', '慢慢', '木木', '七七', '阿狸', '饭团', '糖糖', '栗子', '芒果布丁', '风吹麦浪',
  '山野老粉', '今天也要开心', '不加糖', '南风知我意', '半糖主义', '熬夜冠军', '星期八', '柠檬不酸', '大橘子', '一颗豆',
];

/** Cities weighted roughly by where a premium coffee brand's buyers live. */
export const CITIES: readonly (readonly [string, number])[] = [
  ['上海', 16], ['北京', 12], ['杭州', 9], ['深圳', 9], ['广州', 8], ['成都', 8], ['南京', 5], ['武汉', 5], ['苏州', 5],
  ['西安', 4], ['重庆', 4], ['长沙', 3], ['厦门', 3], ['天津', 3], ['青岛', 2], ['宁波', 2], ['郑州', 2], ['昆明', 2],
  ['合肥', 2], ['福州', 1.5], ['大连', 1], ['沈阳', 1], ['东莞', 1], ['佛山', 1], ['济南', 1], ['无锡', 1],
];

export const DISTRICTS: Record<string, readonly string[]> = {
  上海: ['静安', '徐汇', '长宁', '浦东'], 北京: ['朝阳', '海淀', '东城', '西城'], 杭州: ['西湖', '滨江', '上城'],
  深圳: ['南山', '福田', '宝安'], 广州: ['天河', '越秀', '海珠'], 成都: ['锦江', '武侯', '高新'], 南京: ['鼓楼', '玄武', '建邺'],
};

export const COMPANIES: readonly string[] = [
  '云帆科技', '星河互娱', '蓝湾传媒', '启明设计工作室', '恒信会计师事务所', '青木广告', '远山教育', '鲸鱼数据', '禾田餐饮',
  '南风建筑设计', '知行咨询', '悦动健身', '拾光摄影', '小满文创', '新桥律师事务所', '北辰医疗', '清和地产', '万象电商',
];

export const CAFE_NAMES: readonly string[] = ['拾叁', '木门', '半山', '慢城', '森屿', '栖木', '南巷', '一隅', '白日梦', '鹿角'];

/** Where member records come from; operators filter on this. */
export const SOURCES: readonly (readonly [string, number])[] = [
  ['包裹卡二维码', 26], ['天猫旗舰店', 18], ['好友推荐', 14], ['小红书', 12], ['抖音直播间', 10], ['公众号', 10],
  ['线下门店', 6], ['京东自营', 4],
];

export const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['qq.com', 35], ['163.com', 20], ['126.com', 6], ['gmail.com', 10], ['outlook.com', 8], ['foxmail.com', 6],
  ['icloud.com', 9], ['hotmail.com', 3], ['sina.com', 3],
];

/** Mainland mobile prefixes (China Mobile, Unicom, Telecom, newer 19x ranges). */
export const PHONE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199',
];
