import type { AgreementClause } from '@skillbridge/contracts';
import { agreementText, enDate, groupedYuan, zhDate, zhUpperYuan } from './agreement-text';
import { sampleTerms } from './sample-terms.test-util';

const all = (clauses: AgreementClause[]): string => clauses.map((c) => [c.heading, ...c.paragraphs].join('\n')).join('\n');
const clause = (clauses: AgreementClause[], heading: string): AgreementClause => {
  const found = clauses.find((c) => c.heading.endsWith(heading));
  if (!found) throw new Error(`no clause "${heading}" in ${clauses.map((c) => c.heading).join(', ')}`);
  return found;
};
const text = (clauses: AgreementClause[], heading: string): string => clause(clauses, heading).paragraphs.join('\n');

/** Every clause a 三方实习协议 has, zh-CN heading beside its English one (the guardian's only for a minor). */
const CLAUSES: Array<[zh: string, en: string]> = [
  ['协议各方', 'The parties'],
  ['实习岗位与内容', 'The post and its content'],
  ['实习地点与期限', 'Place and dates'],
  ['实习时间与休息休假', 'Working time and rest'],
  ['实习报酬', 'Pay'],
  ['实习责任保险', 'Internship liability insurance'],
  ['实习指导', 'Mentors'],
  ['安全与培训', 'Safety and training'],
  ['请假', 'Leave'],
  ['三方的职责', 'Duties of the parties'],
  ['协议的变更、解除与终止', 'Changes and ending'],
  ['监护人知情同意', "The guardian's consent"],
  ['争议解决与其他', 'Disputes and other terms'],
  ['签署', 'Signatures'],
];

describe('agreementText: the tripartite agreement written from its terms', () => {
  const sut = agreementText(sampleTerms());
  const zh = sut['zh-CN'];
  const en = sut.en;

  it('has every clause, in both languages, in the same order, numbered', () => {
    expect(zh.map((c) => c.heading)).toEqual(
      CLAUSES.map(
        ([heading], i) =>
          `第${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'][i]}条 ${heading}`,
      ),
    );
    expect(en.map((c) => c.heading)).toEqual(CLAUSES.map(([, heading], i) => `Article ${i + 1}. ${heading}`));
    for (const [index, zhClause] of zh.entries()) {
      expect(zhClause.paragraphs.length).toBeGreaterThan(0);
      // One English paragraph for each Chinese one: the rendering follows the legal text paragraph for paragraph.
      expect(en[index].paragraphs).toHaveLength(zhClause.paragraphs.length);
      for (const paragraph of [...zhClause.paragraphs, ...en[index].paragraphs]) expect(paragraph.trim()).not.toBe('');
    }
  });

  it('names the parties, the guardian and the enterprise’s credit code in both languages', () => {
    for (const clauses of [zh, en]) {
      const parties = text(clauses, clauses === zh ? '协议各方' : 'The parties');
      for (const fact of [
        '兰州市职业技术学校',
        '兰州新区智能装备制造有限公司',
        '91620100MA74A1B2C3',
        '张小明',
        '机电技术应用',
        '2024级机电1班',
        '张大山',
        '13800138000',
      ]) {
        expect(parties).toContain(fact);
      }
    }
    expect(text(zh, '协议各方')).toContain('出生日期：2009年3月15日');
    expect(text(en, 'The parties')).toContain('born 15 March 2009');
    expect(text(zh, '协议各方')).toContain('教职成〔2021〕4号');
  });

  it('states the post, its content and the place', () => {
    expect(text(zh, '实习岗位与内容')).toContain('实习岗位：装配工艺实习生。');
    expect(text(zh, '实习岗位与内容')).toContain('数控机床零部件的装配');
    expect(text(en, 'The post and its content')).toContain('Post: 装配工艺实习生.');
    expect(text(zh, '实习地点与期限')).toContain('实习地点：兰州新区');
    expect(text(en, 'Place and dates')).toContain('Place: Lanzhou New Area');
  });

  it('writes the dates each language’s way, with the number of days', () => {
    expect(text(zh, '实习地点与期限')).toContain('自2026年9月1日起至2027年2月28日止，共181天');
    expect(text(en, 'Place and dates')).toContain('from 1 September 2026 to 28 February 2027 inclusive, 181 days');
  });

  it('limits the hours: at most 8 a day, no nights, no overtime, no public holidays', () => {
    expect(text(zh, '实习时间与休息休假')).toContain('每日实习时间不超过8小时');
    expect(text(zh, '实习时间与休息休假')).toMatch(/不得安排丙方加班，不得安排丙方上夜班，法定节假日不安排实习/);
    expect(text(en, 'Working time and rest')).toContain('at most 8 hours a day');
    expect(text(en, 'Working time and rest')).toMatch(/overtime or night shifts, nor work on public holidays/);
  });

  it('states the pay with its amount in figures and capitals, in money, directly, at least monthly (Art. 18)', () => {
    expect(text(zh, '实习报酬')).toContain('每月人民币3,200.00元（大写：叁仟贰佰元整）');
    expect(text(zh, '实习报酬')).toMatch(/以货币形式.*直接支付给丙方本人，至少每月支付一次/);
    expect(text(zh, '实习报酬')).toContain('不得经过第三方转发');
    expect(text(en, 'Pay')).toContain('CNY 3,200.00 a month');
    expect(text(en, 'Pay')).toMatch(/in money, on time and in full, directly to Party C, at least once a month \(Art\. 18/);
  });

  it('states the insurance: insurer, policy number, coverage dates, at no cost to the student', () => {
    const zhInsurance = text(zh, '实习责任保险');
    expect(zhInsurance).toContain('承保机构：中国人民财产保险股份有限公司兰州市分公司');
    expect(zhInsurance).toContain('保单号：PZAT202662010000123456');
    expect(zhInsurance).toContain('保险期间：自2026年9月1日起至2027年2月28日止');
    expect(zhInsurance).toContain('不得向丙方收取');
    const enInsurance = text(en, 'Internship liability insurance');
    expect(enInsurance).toContain('Policy number: PZAT202662010000123456');
    expect(enInsurance).toContain('from 1 September 2026 to 28 February 2027');
  });

  it('before the insurance is entered, says signing opens once it is', () => {
    const { 'zh-CN': zhText, en: enText } = agreementText(sampleTerms({ insurance: null }));
    expect(text(zhText, '实习责任保险')).toContain('录入后，本协议方开放签署');
    expect(text(enText, 'Internship liability insurance')).toContain('signing opens once');
    expect(all(zhText)).not.toContain('保单号：');
  });

  it('names both mentors, and has safety training, leave and how it ends', () => {
    expect(text(zh, '实习指导')).toContain('甲方指导教师：王建国（电话：0931-8261234；电子邮箱：wangjg@lzvtc.edu.cn）');
    expect(text(zh, '实习指导')).toContain('乙方指导人员：李晓梅（电话：13919012345）');
    expect(text(en, 'Mentors')).toContain("Party B's mentor: 李晓梅 (phone 13919012345)");
    expect(text(zh, '安全与培训')).toContain('未经培训的不得上岗');
    expect(text(zh, '请假')).toContain('请假');
    expect(text(zh, '协议的变更、解除与终止')).toContain('至实习期限届满（2027年2月28日）时终止');
    expect(text(zh, '协议的变更、解除与终止')).toContain('由甲方审核决定');
    expect(text(en, 'Changes and ending')).toContain('signatures on an earlier version lapse');
  });

  it('has the guardian’s consent and signature only for a student under 18 on the start date', () => {
    expect(text(zh, '监护人知情同意')).toContain('丙方法定监护人张大山已阅读本协议全部条款');
    expect(text(zh, '签署')).toContain('丙方法定监护人：张大山');

    const adult = agreementText(
      sampleTerms({ student: { ...sampleTerms().student, dateOfBirth: '2007-01-01', minorAtStart: false }, guardian: null }),
    );
    expect(adult['zh-CN']).toHaveLength(CLAUSES.length - 1);
    expect(adult.en).toHaveLength(CLAUSES.length - 1);
    expect(all(adult['zh-CN'])).not.toContain('监护人');
    expect(all(adult.en)).not.toMatch(/guardian/i);
    expect(adult['zh-CN'].at(-1)?.heading).toBe('第十三条 签署');
  });

  it('for a minor whose guardian the school has not entered yet, leaves the guardian to be entered', () => {
    const { 'zh-CN': zhText, en: enText } = agreementText(sampleTerms({ guardian: null }));
    expect(text(zhText, '协议各方')).toContain('丙方法定监护人：（待甲方依据学籍档案录入）');
    expect(text(enText, 'The parties')).toContain('(to be entered by Party A from the school record)');
  });

  it('without a stated amount, sets the pay by the same post’s pay (≥ 80 %)', () => {
    const { 'zh-CN': zhText, en: enText } = agreementText(sampleTerms({ pay: { ...sampleTerms().pay, monthlyYuan: null } }));
    expect(text(zhText, '实习报酬')).toContain('不低于本单位相同岗位试用期工资标准的80%');
    expect(text(enText, 'Pay')).toContain('not below 80%');
  });

  it('calls an apprenticeship post one, and the rules year is the terms’ own', () => {
    const { 'zh-CN': zhText } = agreementText(sampleTerms({ post: { ...sampleTerms().post, type: 'apprenticeship' }, rulesYear: 2027 }));
    expect(text(zhText, '实习岗位与内容')).toContain('实习形式：现代学徒制岗位实习。');
    expect(text(zhText, '争议解决与其他')).toContain('2027年度实习管理规则');
  });

  it('is pure: the same terms give the same text', () => {
    expect(agreementText(sampleTerms())).toEqual(sut);
  });
});

describe('formats', () => {
  it.each([
    ['2026-09-01', '2026年9月1日', '1 September 2026'],
    ['2027-12-31', '2027年12月31日', '31 December 2027'],
  ])('%s', (iso, zh, en) => {
    expect(zhDate(iso)).toBe(zh);
    expect(enDate(iso)).toBe(en);
  });

  it.each([
    ['3200', '3,200.00'],
    ['3200.5', '3,200.50'],
    ['1234567.89', '1,234,567.89'],
    ['800.00', '800.00'],
  ])('groups %s as %s', (decimal, grouped) => expect(groupedYuan(decimal)).toBe(grouped));

  it.each([
    ['3200', '叁仟贰佰元整'],
    ['3200.00', '叁仟贰佰元整'],
    ['1050.5', '壹仟零伍拾元伍角'],
    ['10000', '壹万元整'],
    ['10001', '壹万零壹元整'],
    ['100500.25', '壹拾万零伍佰元贰角伍分'],
    ['20010000', '贰仟零壹万元整'],
    ['1.05', '壹元零伍分'],
    ['0.50', '伍角'],
    ['0', '零元整'],
  ])('writes %s in capitals as %s', (decimal, upper) => expect(zhUpperYuan(decimal)).toBe(upper));
});
