/**
 * The contract's industry keys, with their Chinese names, the keys they imply (parents, where the documents group
 * them), and the GB/T 4754-2017 codes that map to them. A code maps to a key when one of the key's codes is a prefix
 * of it (a 2- or 3-digit code means the whole division or group). `noExactClass` says where the national standard has
 * no class that matches the documents' industry exactly; such an industry is recognised by its key alone.
 */
export interface IndustryEntry {
  readonly zh: string;
  readonly en: string;
  readonly parents: readonly string[];
  readonly codes: readonly string[];
  readonly codeNames?: Readonly<Record<string, string>>;
  readonly noExactClass?: string;
}

export const INDUSTRIES = {
  power: { zh: '电力', en: 'power generation', parents: [], codes: ['441'], codeNames: { '441': '电力生产' } },
  'thermal-power': { zh: '火电', en: 'thermal power', parents: ['power'], codes: ['4411', '4412'], codeNames: { '4411': '火力发电', '4412': '热电联产' } },
  'power-supply': { zh: '电力供应', en: 'power supply', parents: [], codes: ['442'], codeNames: { '442': '电力供应' } },
  'heat-supply': { zh: '热力生产和供应', en: 'heat production and supply', parents: [], codes: ['443'], codeNames: { '443': '热力生产和供应' } },
  mining: {
    zh: '采矿',
    en: 'mining',
    parents: [],
    codes: ['06', '07', '08', '09', '10', '11', '12'],
    codeNames: {
      '06': '煤炭开采和洗选业',
      '07': '石油和天然气开采业',
      '08': '黑色金属矿采选业',
      '09': '有色金属矿采选业',
      '10': '非金属矿采选业',
      '11': '开采专业及辅助性活动',
      '12': '其他采矿业',
    },
  },
  'petroleum-refining': {
    zh: '石油炼制',
    en: 'petroleum refining',
    parents: ['petrochemicals'],
    codes: ['2511'],
    codeNames: { '2511': '原油加工及石油制品制造' },
  },
  coking: { zh: '焦化', en: 'coking', parents: [], codes: ['2521'], codeNames: { '2521': '炼焦' } },
  steel: { zh: '钢铁', en: 'iron and steel', parents: [], codes: ['31'], codeNames: { '31': '黑色金属冶炼和压延加工业' } },
  'nonferrous-metals': { zh: '有色金属', en: 'non-ferrous metals', parents: [], codes: ['32'], codeNames: { '32': '有色金属冶炼和压延加工业' } },
  'nonferrous-rolling': {
    zh: '有色金属压延加工',
    en: 'non-ferrous metal rolling',
    parents: ['nonferrous-metals'],
    codes: ['325'],
    codeNames: { '325': '有色金属压延加工' },
  },
  'lead-zinc-smelting': { zh: '铅锌冶炼', en: 'lead and zinc smelting', parents: ['nonferrous-metals'], codes: ['3212'], codeNames: { '3212': '铅锌冶炼' } },
  'electrolytic-aluminium': { zh: '电解铝', en: 'electrolytic aluminium', parents: ['nonferrous-metals'], codes: ['3216'], codeNames: { '3216': '铝冶炼' } },
  'electrolytic-manganese': {
    zh: '电解锰',
    en: 'electrolytic manganese',
    parents: ['nonferrous-metals'],
    codes: [],
    noExactClass: '电解锰 has no class of its own in GB/T 4754-2017 (it falls within 3219 其他常用有色金属冶炼 together with other metals); give the key.',
  },
  'rare-earths': { zh: '稀土', en: 'rare earths', parents: ['nonferrous-metals'], codes: ['3232'], codeNames: { '3232': '稀土金属冶炼' } },
  chemicals: { zh: '化工', en: 'chemicals', parents: [], codes: ['26'], codeNames: { '26': '化学原料和化学制品制造业' } },
  petrochemicals: { zh: '石化', en: 'petrochemicals', parents: [], codes: ['251'], codeNames: { '251': '精炼石油产品制造' } },
  'coal-chemicals': {
    zh: '煤化工',
    en: 'coal chemicals',
    parents: ['chemicals'],
    codes: ['2522', '2523', '2524'],
    codeNames: { '2522': '煤制合成气生产', '2523': '煤制液体燃料生产', '2524': '煤制品制造' },
  },
  'chromium-salts': {
    zh: '铬盐',
    en: 'chromium salts',
    parents: ['chemicals'],
    codes: [],
    noExactClass: '铬盐 has no class of its own (it falls within 2613 无机盐制造); give the key.',
  },
  'pvc-calcium-carbide': {
    zh: '电石法聚氯乙烯',
    en: 'calcium-carbide PVC',
    parents: ['chemicals'],
    codes: [],
    noExactClass: '电石法聚氯乙烯 has no class of its own (PVC falls within 2651 初级形态塑料及合成树脂制造, whatever the process); give the key.',
  },
  'nitrogen-fertilizer': { zh: '氮肥', en: 'nitrogen fertiliser', parents: ['chemicals'], codes: ['2621'], codeNames: { '2621': '氮肥制造' } },
  pesticides: { zh: '农药', en: 'pesticides', parents: ['chemicals'], codes: ['263'], codeNames: { '263': '农药制造' } },
  'adc-foaming-agent': {
    zh: 'ADC发泡剂',
    en: 'ADC foaming agent',
    parents: ['chemicals'],
    codes: [],
    noExactClass: 'ADC发泡剂 has no class of its own (it falls within 2661 化学试剂和助剂制造); give the key.',
  },
  pharmaceuticals: { zh: '医药', en: 'pharmaceuticals', parents: [], codes: ['27'], codeNames: { '27': '医药制造业' } },
  'pharmaceutical-api': {
    zh: '原料药制造',
    en: 'active pharmaceutical ingredients',
    parents: ['pharmaceuticals'],
    codes: ['2710'],
    codeNames: { '2710': '化学药品原料药制造' },
  },
  papermaking: { zh: '造纸', en: 'papermaking', parents: [], codes: ['22'], codeNames: { '22': '造纸和纸制品业' } },
  textiles: { zh: '纺织', en: 'textiles', parents: [], codes: ['17'], codeNames: { '17': '纺织业' } },
  garments: { zh: '纺织服装、服饰', en: 'garments and apparel', parents: [], codes: ['18'], codeNames: { '18': '纺织服装、服饰业' } },
  dyeing: {
    zh: '印染',
    en: 'dyeing and finishing',
    parents: ['textiles'],
    codes: ['1713', '1723', '1733', '1743', '1752', '1762'],
    codeNames: {
      '1713': '棉印染精加工',
      '1723': '毛染整精加工',
      '1733': '麻染整精加工',
      '1743': '丝印染精加工',
      '1752': '化纤织物染整精加工',
      '1762': '针织或钩针编织物印染精加工',
    },
  },
  tanning: { zh: '制革', en: 'tanning', parents: ['leather'], codes: ['1910'], codeNames: { '1910': '皮革鞣制加工' } },
  leather: {
    zh: '皮革、毛皮及其制品和制鞋',
    en: 'leather, fur and footwear',
    parents: [],
    codes: ['19'],
    codeNames: { '19': '皮革、毛皮、羽毛及其制品和制鞋业' },
  },
  electroplating: {
    zh: '电镀',
    en: 'electroplating',
    parents: [],
    codes: ['3360'],
    codeNames: { '3360': '金属表面处理及热处理加工' },
    noExactClass: '3360 金属表面处理及热处理加工 is wider than electroplating; an enterprise with that code is treated as an electroplater.',
  },
  'building-materials': { zh: '建材', en: 'building materials', parents: [], codes: ['30'], codeNames: { '30': '非金属矿物制品业' } },
  cement: { zh: '水泥', en: 'cement', parents: ['building-materials'], codes: ['3011'], codeNames: { '3011': '水泥制造' } },
  'flat-glass': { zh: '平板玻璃', en: 'flat glass', parents: ['glass'], codes: ['3041'], codeNames: { '3041': '平板玻璃制造' } },
  glass: { zh: '玻璃', en: 'glass', parents: ['building-materials'], codes: ['304', '305'], codeNames: { '304': '玻璃制造', '305': '玻璃制品制造' } },
  ceramics: { zh: '陶瓷', en: 'ceramics', parents: ['building-materials'], codes: ['307'], codeNames: { '307': '陶瓷制品制造' } },
  'sanitary-ware': { zh: '卫浴', en: 'sanitary ware', parents: ['ceramics'], codes: ['3072'], codeNames: { '3072': '卫生陶瓷制品制造' } },
  food: {
    zh: '食品',
    en: 'food',
    parents: [],
    codes: ['13', '14', '15'],
    codeNames: { '13': '农副食品加工业', '14': '食品制造业', '15': '酒、饮料和精制茶制造业' },
  },
  'agrifood-processing': { zh: '农副食品加工', en: 'agri-food processing', parents: ['food'], codes: ['13'], codeNames: { '13': '农副食品加工业' } },
  fermentation: { zh: '发酵', en: 'fermentation', parents: ['food'], codes: ['1461', '1511'], codeNames: { '1461': '味精制造', '1511': '酒精制造' } },
  brewing: { zh: '酿造', en: 'brewing', parents: ['food'], codes: ['151'], codeNames: { '151': '酒的制造' } },
  sugar: { zh: '制糖', en: 'sugar', parents: ['food'], codes: ['134'], codeNames: { '134': '制糖业' } },
  batteries: { zh: '电池', en: 'batteries', parents: [], codes: ['384'], codeNames: { '384': '电池制造' } },
  'lead-acid-batteries': { zh: '铅蓄电池', en: 'lead-acid batteries', parents: ['batteries'], codes: ['3843'], codeNames: { '3843': '铅蓄电池制造' } },
  'electric-light-sources': { zh: '电光源', en: 'electric light sources', parents: [], codes: ['3871'], codeNames: { '3871': '电光源制造' } },
  'fluorescent-lamps': {
    zh: '荧光灯',
    en: 'fluorescent lamps',
    parents: ['electric-light-sources'],
    codes: [],
    noExactClass: '荧光灯 has no class of its own (it falls within 3871 电光源制造); give the key.',
  },
  'home-appliances': { zh: '家电', en: 'home appliances', parents: [], codes: ['385'], codeNames: { '385': '家用电力器具制造' } },
  electronics: { zh: '电子信息', en: 'electronics and IT', parents: [], codes: ['39'], codeNames: { '39': '计算机、通信和其他电子设备制造业' } },
  'new-display': { zh: '新型显示', en: 'new display devices', parents: ['electronics'], codes: ['3974'], codeNames: { '3974': '显示器件制造' } },
  automobiles: { zh: '汽车', en: 'automobiles', parents: [], codes: ['36'], codeNames: { '36': '汽车制造业' } },
  'auto-parts': { zh: '汽车零部件', en: 'auto parts', parents: ['automobiles'], codes: ['367'], codeNames: { '367': '汽车零部件及配件制造' } },
  'transport-equipment': {
    zh: '交通运输设备',
    en: 'transport equipment',
    parents: [],
    codes: ['37'],
    codeNames: { '37': '铁路、船舶、航空航天和其他运输设备制造业' },
  },
  shipbuilding: { zh: '造船', en: 'shipbuilding', parents: ['transport-equipment'], codes: ['373'], codeNames: { '373': '船舶及相关装置制造' } },
  'equipment-manufacturing': {
    zh: '装备制造',
    en: 'equipment manufacturing',
    parents: [],
    codes: ['34', '35'],
    codeNames: { '34': '通用设备制造业', '35': '专用设备制造业' },
  },
  'metal-products': { zh: '金属制品', en: 'metal products', parents: [], codes: ['33'], codeNames: { '33': '金属制品业' } },
  'wood-furniture': { zh: '木质家具', en: 'wooden furniture', parents: ['furniture'], codes: ['2110'], codeNames: { '2110': '木质家具制造' } },
  furniture: { zh: '家具制造', en: 'furniture', parents: [], codes: ['21'], codeNames: { '21': '家具制造业' } },
  'wood-processing': { zh: '木材加工', en: 'wood processing', parents: [], codes: ['20'], codeNames: { '20': '木材加工和木、竹、藤、棕、草制品业' } },
  'new-materials': {
    zh: '新材料',
    en: 'new materials',
    parents: [],
    codes: [],
    noExactClass: '新材料 is a policy grouping across many classes; give the key.',
  },
  'environmental-equipment': { zh: '环保设备', en: 'environmental equipment', parents: [], codes: ['3591'], codeNames: { '3591': '环境保护专用设备制造' } },
  'plastics-rubber-fibre': {
    zh: '塑料、橡胶、化纤',
    en: 'plastics, rubber and chemical fibre',
    parents: [],
    codes: ['28', '29'],
    codeNames: { '28': '化学纤维制造业', '29': '橡胶和塑料制品业' },
  },
  polysilicon: {
    zh: '多晶硅',
    en: 'polysilicon',
    parents: [],
    codes: [],
    noExactClass: '多晶硅 has no class of its own (it falls within 3985 电子专用材料制造 or 2613 无机盐制造 depending on grade); give the key.',
  },
  'industrial-coating': {
    zh: '工业涂装',
    en: 'industrial coating',
    parents: [],
    codes: [],
    noExactClass: '工业涂装 is a process used across manufacturing classes, not a class; give the key.',
  },
  'packaging-printing': { zh: '包装印刷', en: 'packaging printing', parents: [], codes: ['2319'], codeNames: { '2319': '包装装潢及其他印刷' } },
  'e-waste-dismantling': {
    zh: '电子废弃物拆解',
    en: 'e-waste dismantling',
    parents: [],
    codes: [],
    noExactClass: '电子拆解 has no class of its own (it falls within 421 金属废料和碎屑加工处理 and 422 非金属废料和碎屑加工处理); give the key.',
  },
  hotels: { zh: '宾馆酒店', en: 'hotels and accommodation', parents: [], codes: ['61'], codeNames: { '61': '住宿业' } },
  catering: { zh: '餐饮', en: 'catering', parents: [], codes: ['62'], codeNames: { '62': '餐饮业' } },
  entertainment: { zh: '娱乐', en: 'entertainment', parents: [], codes: ['90'], codeNames: { '90': '娱乐业' } },
  retail: { zh: '商场超市零售', en: 'retail', parents: [], codes: ['52'], codeNames: { '52': '零售业' } },
  logistics: { zh: '物流', en: 'logistics', parents: [], codes: ['59'], codeNames: { '59': '装卸搬运和仓储业' } },
  'express-delivery': { zh: '快递', en: 'express delivery', parents: ['logistics'], codes: ['6020'], codeNames: { '6020': '快递服务' } },
  'e-commerce': { zh: '电子商务', en: 'e-commerce', parents: [], codes: ['5292'], codeNames: { '5292': '互联网零售' } },
} as const satisfies Record<string, IndustryEntry>;

export type IndustryKey = keyof typeof INDUSTRIES;
export const INDUSTRY_KEYS = Object.keys(INDUSTRIES) as IndustryKey[];

const table: Record<string, IndustryEntry> = INDUSTRIES;

/** The keys a GB/T 4754-2017 code maps to: every key one of whose codes is a prefix of it. */
const byCode = new Map<string, readonly string[]>();
export function keysForCode(code: string): readonly string[] {
  let keys = byCode.get(code);
  if (!keys) {
    keys = INDUSTRY_KEYS.filter((key) => (table[key]?.codes ?? []).some((prefix) => code.startsWith(prefix)));
    byCode.set(code, keys);
  }
  return keys;
}

/** A key and all the keys it implies, transitively. */
export function withParents(keys: Iterable<string>): string[] {
  const out = new Set<string>();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (out.has(key)) continue;
    out.add(key);
    for (const parent of table[key]?.parents ?? []) stack.push(parent);
  }
  return [...out].sort();
}
