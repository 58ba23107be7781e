/** The demo city: Lanzhou-flavoured names and numbers, fixed so that every demo looks the same. */

export const DISTRICTS = ['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '兰州新区'];

export const SCHOOLS = [
  { key: 'secondary', name: '兰州新区职业技术学校', level: 'secondary' as const, district: '兰州新区' },
  { key: 'higher', name: '兰州现代职业技术学院', level: 'higher' as const, district: '安宁区' },
];

export const MAJORS = [
  '石油化工技术',
  '机电一体化技术',
  '数控技术',
  '汽车检测与维修技术',
  '计算机网络技术',
  '大数据技术',
  '电子商务',
  '现代物流管理',
  '护理',
  '烹饪工艺与营养',
  '旅游管理',
  '建筑工程技术',
];

export const SKILLS_BY_MAJOR: Record<string, string[]> = {
  石油化工技术: ['化工总控', 'DCS操作', '安全生产'],
  机电一体化技术: ['PLC编程', '电气装调', '工业机器人'],
  数控技术: ['数控车铣', 'CAD/CAM', '精密测量'],
  汽车检测与维修技术: ['新能源汽车维修', '汽车电气', '故障诊断'],
  计算机网络技术: ['网络配置', 'Linux运维', '网络安全'],
  大数据技术: ['Python', 'SQL', '数据可视化'],
  电子商务: ['直播电商', '网店运营', '新媒体营销'],
  现代物流管理: ['仓储管理', '冷链物流', 'ERP'],
  护理: ['基础护理', '老年照护', '急救'],
  烹饪工艺与营养: ['中式烹调', '面点制作', '食品安全'],
  旅游管理: ['导游服务', '酒店前厅', '研学旅行'],
  建筑工程技术: ['BIM建模', '施工测量', '工程造价'],
};

export const CERTIFICATES = [
  '1+X 工业机器人操作与运维',
  '1+X Web前端开发',
  '1+X 老年照护',
  '1+X 数控车铣加工',
  '1+X 电子商务数据分析',
  '1+X 建筑信息模型(BIM)',
];

export const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
export const GIVEN_NAMES =
  '子涵 欣怡 梓涵 雨桐 浩然 宇轩 一诺 子轩 雨泽 思远 嘉怡 佳琪 明轩 俊杰 晓东 文博 志强 海燕 晨阳 静怡 家豪 天佑 雅琴 建国 秀英 鹏飞 雪梅 国庆 亚楠 小龙 金凤 永红 彦霖 若曦 德华 丽娜 晓峰 兰英 振华 春燕'.split(
    ' ',
  );

export type DemoOwnership = 'municipal_soe' | 'central_soe' | 'private' | 'foreign' | 'other';

/** 30 enterprises of every ownership. The first private one is hr@'s, the first municipal SOE hr-soe@'s. */
export const ENTERPRISES: Array<{
  name: string;
  ownership: DemoOwnership;
  industry: string;
  district: string;
  employees: number;
  verified: boolean;
}> = [
  { name: '兰州飞天智能装备有限公司', ownership: 'private', industry: '装备制造', district: '七里河区', employees: 860, verified: true },
  {
    name: '兰州市公共交通集团有限公司',
    ownership: 'municipal_soe',
    industry: '交通运输',
    district: '城关区',
    employees: 6200,
    verified: true,
  },
  {
    name: '兰州黄河水务集团有限公司',
    ownership: 'municipal_soe',
    industry: '水务环保',
    district: '城关区',
    employees: 2400,
    verified: true,
  },
  {
    name: '兰州城市发展投资有限公司',
    ownership: 'municipal_soe',
    industry: '建筑工程',
    district: '城关区',
    employees: 1800,
    verified: true,
  },
  {
    name: '兰州市轨道交通有限公司',
    ownership: 'municipal_soe',
    industry: '交通运输',
    district: '七里河区',
    employees: 3100,
    verified: true,
  },
  {
    name: '兰州市食品药品集团有限公司',
    ownership: 'municipal_soe',
    industry: '生物医药',
    district: '安宁区',
    employees: 950,
    verified: true,
  },
  {
    name: '兰州新区城市运营集团有限公司',
    ownership: 'municipal_soe',
    industry: '现代服务',
    district: '兰州新区',
    employees: 720,
    verified: true,
  },
  { name: '中石油兰州石化分公司', ownership: 'central_soe', industry: '石油化工', district: '西固区', employees: 12000, verified: true },
  { name: '国网兰州供电公司', ownership: 'central_soe', industry: '电力能源', district: '城关区', employees: 3300, verified: true },
  { name: '中铁二十一局兰州工程公司', ownership: 'central_soe', industry: '建筑工程', district: '安宁区', employees: 2600, verified: true },
  { name: '中国电信兰州分公司', ownership: 'central_soe', industry: '数据信息', district: '城关区', employees: 1500, verified: true },
  { name: '中核兰州铀浓缩有限公司', ownership: 'central_soe', industry: '电力能源', district: '红古区', employees: 1100, verified: true },
  { name: '兰州陇原数据科技有限公司', ownership: 'private', industry: '数据信息', district: '兰州新区', employees: 240, verified: true },
  { name: '兰州金城汽车服务有限公司', ownership: 'private', industry: '汽车服务', district: '七里河区', employees: 180, verified: true },
  { name: '兰州丝路冷链物流有限公司', ownership: 'private', industry: '现代物流', district: '兰州新区', employees: 420, verified: true },
  { name: '兰州牛肉面餐饮管理有限公司', ownership: 'private', industry: '餐饮服务', district: '城关区', employees: 1300, verified: true },
  { name: '甘肃百合生物科技有限公司', ownership: 'private', industry: '生物医药', district: '七里河区', employees: 310, verified: true },
  { name: '兰州榆中高原夏菜合作社', ownership: 'other', industry: '现代农业', district: '榆中县', employees: 95, verified: true },
  { name: '兰州安宁康养中心', ownership: 'other', industry: '健康养老', district: '安宁区', employees: 160, verified: true },
  { name: '兰州永登文旅发展有限公司', ownership: 'private', industry: '文化旅游', district: '永登县', employees: 140, verified: true },
  { name: '兰州红古精密机械有限公司', ownership: 'private', industry: '装备制造', district: '红古区', employees: 530, verified: true },
  { name: '兰州皋兰光伏新能源有限公司', ownership: 'private', industry: '新能源', district: '皋兰县', employees: 260, verified: true },
  { name: '兰州西固精细化工有限公司', ownership: 'private', industry: '石油化工', district: '西固区', employees: 680, verified: true },
  {
    name: '兰州电商直播产业园运营有限公司',
    ownership: 'private',
    industry: '电子商务',
    district: '城关区',
    employees: 75,
    verified: false,
  },
  { name: '兰州宏远建设工程有限公司', ownership: 'private', industry: '建筑工程', district: '安宁区', employees: 450, verified: false },
  {
    name: '西门子（兰州）自动化有限公司',
    ownership: 'foreign',
    industry: '装备制造',
    district: '兰州新区',
    employees: 390,
    verified: true,
  },
  { name: '兰州万豪酒店管理有限公司', ownership: 'foreign', industry: '文化旅游', district: '城关区', employees: 520, verified: true },
  {
    name: '博世汽车部件（兰州）有限公司',
    ownership: 'foreign',
    industry: '汽车服务',
    district: '兰州新区',
    employees: 880,
    verified: true,
  },
  { name: '兰州康师傅饮品有限公司', ownership: 'foreign', industry: '食品加工', district: '西固区', employees: 610, verified: true },
  { name: '甘肃省职教集团实训基地（兰州）', ownership: 'other', industry: '职业培训', district: '兰州新区', employees: 60, verified: true },
];

/** Slots each verified enterprise offers, by industry; every title is one the enterprise plausibly has. */
export const SLOT_TITLES: Record<string, Array<{ title: string; majors: string[]; practice?: boolean }>> = {
  装备制造: [
    { title: '数控加工实习生', majors: ['数控技术', '机电一体化技术'] },
    { title: '工业机器人运维学徒', majors: ['机电一体化技术', '智能焊接技术'] },
  ],
  交通运输: [
    { title: '车辆检修实习生', majors: ['汽车检测与维修技术'] },
    { title: '调度中心实习生', majors: ['现代物流管理'] },
  ],
  水务环保: [{ title: '水质化验实习生', majors: ['石油化工技术'] }],
  建筑工程: [
    { title: 'BIM 建模实习生', majors: ['建筑工程技术'] },
    { title: '施工测量实习生', majors: ['建筑工程技术'] },
  ],
  生物医药: [{ title: '药品生产质检实习生', majors: ['石油化工技术', '护理'] }],
  现代服务: [{ title: '城市运营客服实习生', majors: ['旅游管理', '电子商务'] }],
  石油化工: [
    { title: '化工总控实习生', majors: ['石油化工技术'] },
    { title: 'DCS 操作学徒', majors: ['石油化工技术', '机电一体化技术'] },
  ],
  电力能源: [{ title: '变电运维实习生', majors: ['机电一体化技术'] }],
  数据信息: [
    { title: '网络运维实习生', majors: ['计算机网络技术'] },
    { title: '数据标注与分析实习生', majors: ['大数据技术'] },
  ],
  汽车服务: [{ title: '新能源汽车维修实习生', majors: ['汽车检测与维修技术'] }],
  现代物流: [{ title: '冷链仓储实习生', majors: ['现代物流管理'] }],
  餐饮服务: [
    { title: '中式面点学徒', majors: ['烹饪工艺与营养'] },
    { title: '门店运营实习生', majors: ['电子商务', '旅游管理'] },
  ],
  现代农业: [{ title: '高原夏菜电商运营实习生', majors: ['电子商务'] }],
  健康养老: [{ title: '老年照护实习生', majors: ['护理'] }],
  文化旅游: [
    { title: '研学导游实习生', majors: ['旅游管理'] },
    { title: '酒店前厅实习生', majors: ['旅游管理'] },
  ],
  新能源: [{ title: '光伏电站运维实习生', majors: ['机电一体化技术'] }],
  食品加工: [{ title: '食品生产线实习生', majors: ['烹饪工艺与营养', '机电一体化技术'] }],
  电子商务: [{ title: '直播运营实习生', majors: ['电子商务'] }],
  职业培训: [{ title: '实训基地教师实践', majors: ['机电一体化技术', '数控技术'] }],
};

/**
 * Where each hosting enterprise stands this year (domain §3 quota statuses), by name: the seed gives it the
 * interns that put it there on the day the demo is loaded (quotaPace of that day). Enterprises not listed
 * host nobody this year. `interns` caps a behind enterprise's interns (it stays below half its pace). Only a
 * third of the students may take a post internship on most days (none in their first year), so the
 * statuses are given where they take few interns.
 */
export const HOSTING: Record<string, { status: 'met' | 'on_track' | 'at_risk' | 'behind'; interns?: number }> = {
  兰州飞天智能装备有限公司: { status: 'at_risk' },
  兰州市公共交通集团有限公司: { status: 'behind', interns: 3 },
  兰州黄河水务集团有限公司: { status: 'behind', interns: 2 },
  兰州新区城市运营集团有限公司: { status: 'behind', interns: 2 },
  中石油兰州石化分公司: { status: 'behind', interns: 2 },
  兰州陇原数据科技有限公司: { status: 'met' },
  兰州金城汽车服务有限公司: { status: 'met' },
  兰州丝路冷链物流有限公司: { status: 'at_risk' },
  甘肃百合生物科技有限公司: { status: 'on_track' },
  兰州榆中高原夏菜合作社: { status: 'met' },
  兰州安宁康养中心: { status: 'met' },
  兰州永登文旅发展有限公司: { status: 'met' },
  兰州皋兰光伏新能源有限公司: { status: 'on_track' },
  '西门子（兰州）自动化有限公司': { status: 'at_risk' },
  兰州康师傅饮品有限公司: { status: 'behind', interns: 1 },
};

/** Demo accounts the integration and browser tests drive through journeys of their own: the seed gives them no records. */
export const KEPT_CLEAR = { students: 30, teachers: ['teacher2', 'teacher3'] };
