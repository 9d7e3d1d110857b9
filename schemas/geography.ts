/** Guangdong's 21 prefecture-level cities (pinyin key → Chinese name) and the districts the contract enumerates. */
export const GUANGDONG_CITIES = {
  guangzhou: '广州',
  shenzhen: '深圳',
  zhuhai: '珠海',
  shantou: '汕头',
  foshan: '佛山',
  shaoguan: '韶关',
  heyuan: '河源',
  meizhou: '梅州',
  huizhou: '惠州',
  shanwei: '汕尾',
  dongguan: '东莞',
  zhongshan: '中山',
  jiangmen: '江门',
  yangjiang: '阳江',
  zhanjiang: '湛江',
  maoming: '茂名',
  zhaoqing: '肇庆',
  qingyuan: '清远',
  chaozhou: '潮州',
  jieyang: '揭阳',
  yunfu: '云浮',
} as const;
export type GuangdongCity = keyof typeof GUANGDONG_CITIES;
export const GUANGDONG_CITY_KEYS = Object.keys(GUANGDONG_CITIES) as GuangdongCity[];

export const ENUMERATED_DISTRICTS = {
  foshan: { chancheng: '禅城', nanhai: '南海', shunde: '顺德', gaoming: '高明', sanshui: '三水' },
  meizhou: {
    meijiang: '梅江',
    meixian: '梅县',
    xingning: '兴宁',
    pingyuan: '平远',
    jiaoling: '蕉岭',
    dabu: '大埔',
    fengshun: '丰顺',
    wuhua: '五华',
  },
} as const;

export const WATERSHEDS = {
  danshui: '淡水河',
  shima: '石马河',
  'guangfo-cross-boundary': '广佛跨界河',
  maozhou: '茅洲河',
  lianjiang: '练江',
  xiaodong: '小东江',
} as const;
export const WATERSHED_KEYS = Object.keys(WATERSHEDS) as (keyof typeof WATERSHEDS)[];

/** China's provincial-level divisions (lowercase pinyin key → Chinese name without its 省/市/自治区 suffix). */
export const PROVINCES = {
  beijing: '北京',
  tianjin: '天津',
  hebei: '河北',
  shanxi: '山西',
  neimenggu: '内蒙古',
  liaoning: '辽宁',
  jilin: '吉林',
  heilongjiang: '黑龙江',
  shanghai: '上海',
  jiangsu: '江苏',
  zhejiang: '浙江',
  anhui: '安徽',
  fujian: '福建',
  jiangxi: '江西',
  shandong: '山东',
  henan: '河南',
  hubei: '湖北',
  hunan: '湖南',
  guangdong: '广东',
  guangxi: '广西',
  hainan: '海南',
  chongqing: '重庆',
  sichuan: '四川',
  guizhou: '贵州',
  yunnan: '云南',
  xizang: '西藏',
  shaanxi: '陕西',
  gansu: '甘肃',
  qinghai: '青海',
  ningxia: '宁夏',
  xinjiang: '新疆',
  taiwan: '台湾',
  hongkong: '香港',
  macau: '澳门',
} as const;
