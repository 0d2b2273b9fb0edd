/**
 * The words of a member export written for people (`lang=zh-CN` or `en`): column headers the import
 * recognises again (姓名, 手机号…), and the stored values of Kith's vocabularies by their label.
 * Standalone: no imports, so both TypeScript builds compile it as it is; the console's own words
 * for the same values live in its catalogue, and a test keeps the two in step.
 */
export type ExportLang = 'zh-CN' | 'en';

export const EXPORT_HEADERS: Record<ExportLang, Record<string, string>> = {
  'zh-CN': {
    id: '会员编号',
    name: '姓名',
    nickname: '昵称',
    gender: '性别',
    birthday: '生日',
    phone: '手机号',
    email: '邮箱',
    city: '城市',
    company: '公司',
    lifecycle_stage: '生命周期阶段',
    account_type: '账号类型',
    source: '来源',
    consent_marketing: '营销授权',
    consent_data_processing: '数据处理授权',
    tags: '标签',
    communities: '所在社群',
    identities: '渠道账号',
    attributes: '自定义属性',
    created_at: '建档时间',
    last_active_at: '最近互动',
  },
  en: {
    id: 'Member ID',
    name: 'Name',
    nickname: 'Nickname',
    gender: 'Gender',
    birthday: 'Birthday',
    phone: 'Phone',
    email: 'Email',
    city: 'City',
    company: 'Company',
    lifecycle_stage: 'Lifecycle stage',
    account_type: 'Account type',
    source: 'Source',
    consent_marketing: 'Marketing consent',
    consent_data_processing: 'Data processing consent',
    tags: 'Tags',
    communities: 'Communities',
    identities: 'Channel accounts',
    attributes: 'Custom attributes',
    created_at: 'Joined Kith',
    last_active_at: 'Last active',
  },
};

export const EXPORT_VALUES: Record<ExportLang, Record<string, Record<string, string>>> = {
  'zh-CN': {
    gender: { male: '男', female: '女', other: '其他', unknown: '未知' },
    stage: {
      acquired: '获客',
      activated: '激活',
      retained: '留存',
      monetised: '变现',
      dormant: '沉睡',
      churned: '流失',
    },
    accountType: { member: '会员', staff: '员工账号', official: '官方账号' },
    yesNo: { true: '是', false: '否' },
  },
  en: {
    gender: { male: 'Male', female: 'Female', other: 'Other', unknown: 'Unknown' },
    stage: {
      acquired: 'Acquired',
      activated: 'Activated',
      retained: 'Retained',
      monetised: 'Monetised',
      dormant: 'Dormant',
      churned: 'Churned',
    },
    accountType: { member: 'Member', staff: 'Staff account', official: 'Official account' },
    yesNo: { true: 'Yes', false: 'No' },
  },
};
