/**
 * What people say in 山野咖啡's groups. Slots in braces are filled by templates.ts; a leading
 * [tag] limits a line to its moment ([d11] the 双11 run-up, [launch] the new-bean launch, [online]
 * the days before an online tasting, [meetup] the Chengdu meetup). A few groups are deliberately
 * negative so sentiment analysis has complaints to find.
 */

export type TemplateGroup =
  | 'after_sales' | 'complaint' | 'praise' | 'official' | 'announce' | 'feedback' | 'feedback_negative' | 'interest'
  | 'chengdu' | 'knowledge_post' | 'knowledge_question' | 'partner' | 'greeting' | 'welcome' | 'reply' | 'emoji' | 'english';

export const SLOTS: Record<string, readonly string[]> = {
  machine: ['S1', 'S2 Pro', 'M3', '山野S1', '咖啡机', 'M3 全自动'],
  bean: ['耶加雪菲', '云南保山小粒', '云南日晒', '哥伦比亚慧兰', '肯尼亚AA', '瑰夏', '深烘意式拼配', '挂耳'],
  flavor: ['柑橘', '莓果', '坚果', '焦糖', '黑巧', '花香', '蜂蜜', '红茶', '奶油', '葡萄柚', '桃子', '茉莉'],
  roast: ['浅烘', '中烘', '中深烘', '深烘'],
  method: ['手冲', '冷萃', '意式', '法压', '爱乐压', '摩卡壶', '冰滴'],
  drink: ['冰美式', '燕麦拿铁', '澳白', '手冲', '生椰拿铁', 'dirty', '馥芮白', '桂花拿铁', '热美式', '西西里咖啡'],
  food: ['可颂', '贝果', '司康', '巴斯克', '提拉米苏', '三明治', '肉桂卷'],
  place: ['公司楼下', '家门口', '商场里', '地铁站旁边', '小区对面'],
  process: ['日晒', '蜜处理', '厌氧发酵', '湿刨法'],
  water: ['农夫山泉', '怡宝', '过滤水', '矿泉水'],
  grind: ['细砂糖粗细', '粗砂糖粗细', 'C40 24格', '刻度 6'],
  time: ['2分10秒', '2分30秒', '1分50秒', '2分45秒'],
  spot: ['太古里', '玉林路', '东郊记忆', '春熙路', '宽窄巷子', '猛追湾', '麓湖'],
  weekday: ['周二', '周三', '周四'],
  discount: ['8.5', '9', '8'],
  budget: ['300', '500', '800', '1000'],
  size: ['100', '150', '200'],
  code: ['E01', 'E02', 'E03', 'E05', 'E07'],
  topic: ['你的第一杯精品咖啡', '最难忘的一家咖啡店', '手冲翻车现场', '办公室咖啡装备', '一天喝几杯才算多'],
};
export const NUMBERS: Record<string, readonly [number, number]> = {
  n: [1, 5], days: [2, 7], temp: [88, 94], ratio: [14, 17], score: [6, 9], pct: [5, 35], n0: [20, 80],
};

export const PHRASES: Record<TemplateGroup, readonly string[]> = {
  after_sales: [
    '{machine}除垢多久一次？', '请问{machine}多久需要除一次垢？我们这边水比较硬', '订单什么时候发货呀，下单{days}天了还没动静',
    '想问下{machine}蒸汽棒出汽很小是什么原因', '{machine}屏幕显示{code}，是什么故障？', '磨豆机刻度做{method}用几档合适？',
    '{machine}的保修期是多久呀', '能帮忙查下物流吗，{city}这边一直显示运输中', '咖啡机萃取出来特别快，是粉磨太粗了吗',
    '胶囊和{machine}兼容吗？', '滤网怎么拆下来清洗？有视频教程吗', '发票在哪里开？', '收到的豆子烘焙日期是{n}天前的，需要养豆吗',
    '{machine}第一次用需要先空跑热水吗', '请问配件可以单独买吗，手柄想换一个', '我的{machine}开机有点异响，正常吗？',
    '订单什么时候发货？着急送人', '买了{bean}还没到，能加急吗', '{machine}奶泡打不细，是温度的问题吗',
  ],
  complaint: [
    '售后太慢了，等了{days}天都没人回复😤', '收到的{bean}包装破损了，豆子撒了一箱', '物流太慢了，发到{city}一个星期还没到',
    '客服一直让我等，问题到现在没解决，有点失望', '第二次遇到发错口味了，能不能认真一点', '{machine}用了不到一个月就漏水，质量堪忧',
    '退款申请提交{days}天了还在审核中？', '说好的赠品没收到，订单备注也写了', '包装破损，机器外壳有划痕，怎么处理？',
  ],
  praise: [
    '问题解决了，谢谢小野的耐心解答🙏', '换了新滤网好多了，萃取很稳定', '售后响应挺快的，点赞👍', '{machine}用了{n}个月了，每天早上一杯，很稳',
    '按照教程除垢完，味道明显干净了', '物流好快，昨天下单今天就到了{city}', '客服小姐姐太耐心了，一步一步教我调参数',
  ],
  official: [
    '亲，{machine}建议每 1-2 个月除垢一次，水质硬的话每月一次哦～', '已经帮您催仓库了，今天之内发出📦', '您好，麻烦私信我订单号，这边帮您查一下',
    '蒸汽棒出汽小一般是喷嘴堵了，用针通一下再空喷几秒试试', '收到反馈，已经同步给产品同学，感谢体验官们🙏', 'E01 是缺水提示，检查一下水箱是否放到位哈', '{code}一般重启一下就好，不行的话私信我安排检测',
    '包装破损的话请拍照发我，给您补发或者退款都可以', '{mention} 已私信您，注意查收哈', '{mention} 收到，马上帮您处理',
  ],
  announce: [
    '大家早上好☀️ 今日话题：你最喜欢的{method}参数是什么？', '今日话题：{drink}和{drink2}你们更爱哪个？', '本周三话题讨论：{topic}，欢迎来聊～',
    '提醒：群内禁止发广告和拉人，违者移出群聊，感谢配合', '本月打卡满 20 天的同学可以领取挂耳一盒🎁', '新一期精华帖已更新，欢迎围观👀',
    '恭喜{mention} 获得本周打卡之星🏆', '[online]本{weekday}晚 8 点线上品鉴会，群里扫码报名就可以啦',
    '[launch]新品云南日晒今天上架，群内专享{discount}折，链接在群公告', '[d11]双11 预售已开启，群友专享券在群公告，记得领取',
    '[d11]双11 零点开抢，咖啡机和豆子都有群友专享价⏰', '[meetup]成都见面会本周六下午 3 点，地址在群公告，报名请接龙',
  ],
  feedback: [
    '新口味有点酸，希望出个深烘款', '{bean}的{flavor}味很明显，做冷萃尤其好喝', '试喝报告：{bean}，{roast}，风味有{flavor}和{flavor2}，打{score}分',
    '挂耳的撕口不太好撕，建议改进一下', '{machine}的噪音比上一代小多了', '希望出{size}克的小包装，一包喝不完容易不新鲜', '包装设计很好看，送人很有面子',
    '{bean}用{method}比意式好喝，推荐大家试试', '建议挂耳加一款低因的，晚上也想喝', '新豆{flavor}风味明显，就是余韵短了点',
    '可以出个订阅制吗？每月自动寄豆子', '冷萃液有点淡，希望浓度再高一点', '这次的烘焙比上批均匀，好评',
    '[launch]云南日晒试喝：{flavor}和{flavor2}很明显，{method}最好喝，打{score}分', '[launch]云南日晒的发酵感有点重，不过做冰咖啡不错',
  ],
  feedback_negative: [
    '价格能不能再亲民一点…', '这批{bean}有点苦，和之前的不太一样', '酸度太高了，家里人都喝不惯', '说实话这次新品没有惊喜，感觉一般',
    '试喝装太少了，一次都不够测', '问卷题目太多了，能不能精简点',
  ],
  interest: [
    '大家周末都去哪喝咖啡？', '{city}有什么好的咖啡馆推荐吗', '刚入了{bean}，有人喝过吗', '拉花终于成功了一次哈哈哈', '下午犯困，来杯{drink}续命',
    '今天第{n}杯了☕', '求推荐入门磨豆机，预算{budget}左右', '今天试了{method}，{flavor}味很突出', '有没有人喝{drink}不加糖的，是不是太苦了',
    '出差到{city}，求推荐一家靠谱的咖啡店', '晒一下今天的早餐咖啡，{drink}配{food}', '同事都被我安利了{bean}哈哈', '有人试过用{water}冲手冲吗，差别大不大',
    '{drink}和{drink2}你们选哪个', '刚下班，回家冲一杯{bean}奖励自己', '周末在家搞了个小吧台，第一杯冲了{bean}', '求问咖啡渣除了做花肥还能干嘛',
    '咖啡喝多了心慌的举手🙋', '今天的{drink}有{flavor}的感觉，绝了', '{mention} 你上次说的{bean}我买了，{flavor}味真的很明显',
    '今天在{place}发现一家新店，{drink}做得不错', '下午来杯{drink}配{food}，完美', '{city}下雨了，适合在家冲{bean}', '今天{method}翻车了，{flavor}味一点没喝出来😂',
    '最近迷上了{drink}，一天两杯', '有没有{city}的朋友，周末约咖啡', '刚到的{bean}，烘焙日期很新鲜👍', '入坑{n}年，最喜欢的还是{bean}',
    '上班第一件事：冲一杯{bean}', '{mention} 你的{machine}用得怎么样', '{drink}加燕麦奶还是牛奶？', '{mention} 求{method}参数',
    '[d11]家里的豆子快喝完了，蹲一波双11', '[d11]双11 买了两袋{bean}，囤够过冬了', '[d11]双11 想入{machine}，有没有用过的说说', '[launch]新品云南日晒有人入了吗？', '[launch]云南日晒到了，{method}喝有{flavor}味', '[launch]{mention} 你抢到云南日晒了吗',
  ],
  chengdu: [
    '成都有没有一起去{spot}喝咖啡的', '{spot}附近那家新店你们去了吗', '周末约起来，{spot}见', '成都今天好热，冰美式走起', '群里成都的朋友好多呀，终于找到组织了',
    '下雨天适合窝在店里喝手冲', '{spot}那家的{drink}真的可以', '{mention} 你也住{spot}附近吗', '在{spot}喝到一杯很惊艳的{bean}',
    '[meetup]见面会几点开始呀？我从{spot}过去', '[meetup]见面会报名了，周六见👋',
  ],
  knowledge_post: [
    '【分享】{method}参数：粉水比 1:{ratio}，水温 {temp}℃，研磨{grind}，总时长{time}', '【心得】{process}处理的{bean}，用 {temp}℃ 水温冲，{flavor}感会更明显',
    '三段式注水心得：第一段闷蒸 30 秒，第二段绕圈，第三段中心注水，稳定性好很多', '水质对咖啡影响真的很大，换了{water}之后{flavor}味出来了',
    '整理了一份养豆时间表：浅烘 7-14 天，深烘 3-7 天，供参考', '{process} vs 水洗：同一支{bean}对比喝，{process}的甜感明显更高',
    '分享一个小技巧：冲之前先用热水温杯温壶，温度损失小很多', '萃取率 18%-22% 是参考范围，别太纠结数字，好喝最重要',
    'Tips：磨豆机定期清理，旧粉残留会影响风味', '【测评】三款入门手冲壶对比，细口壶控水最稳，{budget} 元以内够用了',
    '【记录】今天的{bean}：{temp}℃，1:{ratio}，{time}，{flavor}和{flavor2}都出来了',
  ],
  knowledge_question: [
    '萃取过度和萃取不足怎么区分？求大佬解答', '浅烘豆养豆期一般多久比较合适？', '新手问一下，{method}和{method2}有什么区别',
    '为什么我冲的{bean}总是发苦，是水温太高了吗', '粉水比 1:{ratio} 会不会太淡？', '有推荐的手冲壶吗，细口和宽口差别大吗',
    '{process}和水洗处理法风味上差别在哪', '{mention} 你这个参数用的什么磨豆机？', '{bean}适合用{method}吗？',
  ],
  partner: [
    '本周{city}店的{bean}库存不足，麻烦安排补货', '门店试饮活动反馈：{n0} 人参与，成交 {n} 单', '收到，已安排', '新品陈列照片已上传，请查收',
    '{city}店本月销售额环比增长 {pct}%', '下周的培训是线上还是线下？', '顾客反馈{bean}挺受欢迎，建议下批多配一些', '会员码扫码入群的物料还有吗，这边快用完了',
    '收到，今晚前更新到门店', '[d11]请问双11 物料什么时候寄出？', '[d11]双11 门店活动海报收到了',
  ],
  greeting: ['大家好呀', '打卡', '哈喽～', '来了来了', '冒个泡'],
  welcome: [
    '大家好，我是来自{home}的{nick}，请多指教🙋', '新人报到，喝咖啡{n}年了，主要喝{method}', '大家好～刚买了{machine}，进来学习一下',
    '哈喽，朋友推荐进群的，请多关照', '新人报道🙋 求带',
  ],
  reply: [
    '同问', '我也想知道', '蹲一个答案', '哈哈哈笑死', '真的假的', '冲冲冲', '好羡慕', '求链接', '在哪买的？', '多少钱呀', '看着就好喝', '馋了',
    '我也是', '有道理', '楼上说得对', '{mention} 同款！', '{mention} 哈哈哈哈', '{mention} 谢谢分享', '{mention} 求参数', '{mention} 这个我也喜欢',
    '{mention} 在哪家买的', '{mention} 你也在{city}吗', '{mention} 说得太对了', '{mention} 羡慕了',
  ],
  emoji: ['👍', '👍👍', '😂😂😂', '哈哈哈哈', '☕☕', '🎉', '🙏', '+1', '同意', '确实', '[捂脸]', '[强]', '😍', '学到了', '收藏了'],
  english: ['Good morning ☕', 'This roast is amazing', 'Anyone tried the cold brew?', 'lol same', 'thx!', 'OK 收到', 'nice!', 'So good 😍',
    'flat white yyds', 'need coffee asap'],
};

/** Greetings follow the clock and the calendar: nobody says 早安 at 9 pm or 周五快乐 on a Tuesday. */
export const GREETINGS: readonly { from: number; to: number; weekdays?: readonly number[]; texts: readonly string[] }[] = [
  { from: 0, to: 6, texts: ['还没睡的举手', '失眠了，明天要靠咖啡续命了'] },
  { from: 6, to: 11, texts: ['早上好', '早安☀️', '早', '大家早上好～', '早呀', '打卡', '早，今天喝{drink}'] },
  { from: 6, to: 11, weekdays: [1], texts: ['新的一周，咖啡先行☕', '周一加油💪'] },
  { from: 7, to: 12, weekdays: [0, 6], texts: ['周末早上好～', '睡到自然醒☀️'] },
  { from: 11, to: 14, texts: ['中午好', '午饭后来一杯{drink}', '中午好呀～', '吃饱了犯困'] },
  { from: 14, to: 18, texts: ['下午好', '三点几了，饮杯咖啡先', '下午茶时间☕'] },
  { from: 14, to: 24, weekdays: [5], texts: ['周五快乐🎉', '终于周五了'] },
  { from: 18, to: 24, texts: ['晚上好', '下班啦', '晚安', '晚安～明天见', '夜猫子报到', '今天辛苦了'] },
];

// Light openers and closers so the same question is not asked word for word a hundred times.
export const ALREADY_OPENED = /^(【|请|新手|想问|求|问|麻烦|你好|说实|个人|话说|@|哈)/;
export const OPENERS: Partial<Record<TemplateGroup, readonly string[]>> = {
  after_sales: ['请问', '@小野 ', '你好，', '麻烦问下，', '急，'],
  complaint: ['@小野 ', '说真的，', '无语了，'],
  feedback: ['个人感觉，', '说实话，', '补充一下：', '@小野 '],
  interest: ['话说', '哈哈', '突然想到，', '问一下，'],
  knowledge_question: ['请教一下，', '小白求助：', '@阿杰 '],
};
export const CLOSERS: Partial<Record<TemplateGroup, readonly string[]>> = {
  after_sales: ['，谢谢', '🙏', '，在线等', '，谢谢啦～'],
  complaint: ['😤', '，希望尽快处理', '？？'],
  interest: ['～', '！', '😂', '哈哈', '🙏', '…'],
  chengdu: ['～', '！', '😂', '哈哈'],
  feedback: ['～', '👍'],
  praise: ['～', '！', '👍'],
};

/** Why an order was refunded, and what the member said about it in the after-sales group. */
export const REFUND_REASONS: readonly { reason: string; partial: boolean; complaint: string }[] = [
  { reason: '包装破损', partial: true, complaint: '收到的货包装破损了，豆子撒了一箱，麻烦处理一下' },
  { reason: '发错口味', partial: true, complaint: '下单的{bean}，结果发来的是别的口味，能不能认真点' },
  { reason: '七天无理由退货', partial: false, complaint: '想申请七天无理由退货，流程怎么走？' },
  { reason: '咖啡机有异响', partial: false, complaint: '新到的{machine}一开机就有异响，申请退货' },
  { reason: '口味不喜欢', partial: false, complaint: '这款太酸了喝不惯，可以退吗' },
  { reason: '物流太慢', partial: false, complaint: '物流太慢了，一个星期还没到，申请退款' },
  { reason: '重复下单', partial: false, complaint: '不小心重复下单了，帮忙退一单' },
];
