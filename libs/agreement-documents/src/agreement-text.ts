import { LANZHOU_DISTRICTS_EN, type AgreementClause, type AgreementContact, type AgreementTerms } from '@skillbridge/contracts';
import { daysInclusive, ownValue } from '@skillbridge/domain';

/**
 * The agreement's text, written from its terms: zh-CN is the legal text (三方实习协议, after 职业学校学生实习管理规定,
 * 教职成〔2021〕4号), `en` its English rendering, clause by clause (the same clauses in the same order).
 * Pure: the same terms give the same text, so the text never needs storing beside the terms it is written from.
 */
export interface AgreementText {
  'zh-CN': AgreementClause[];
  en: AgreementClause[];
}

const ZH_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (article numbers; an agreement has fewer than 100). */
function zhNumber(n: number): string {
  if (n <= 10) return ZH_NUMERALS[n];
  if (n < 20) return `十${ZH_NUMERALS[n % 10]}`;
  return `${ZH_NUMERALS[Math.floor(n / 10)]}十${n % 10 ? ZH_NUMERALS[n % 10] : ''}`;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function dateParts(iso: string): [number, number, number] {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return [year, month, day];
}

/** `2026-09-01` → 2026年9月1日. */
export function zhDate(iso: string): string {
  const [year, month, day] = dateParts(iso);
  return `${year}年${month}月${day}日`;
}

/** `2026-09-01` → 1 September 2026. */
export function enDate(iso: string): string {
  const [year, month, day] = dateParts(iso);
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** A decimal yuan string → `3,200.00` (exact: the string's digits, never a float). */
export function groupedYuan(decimal: string): string {
  const [whole, fraction = ''] = decimal.trim().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${(fraction + '00').slice(0, 2)}`;
}

const UPPER_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const UPPER_UNITS = ['', '拾', '佰', '仟'];
const UPPER_SECTIONS = ['', '万', '亿'];

/** A decimal yuan string in capitals, as a contract writes an amount: `3200` → 叁仟贰佰元整, `1050.5` → 壹仟零伍拾元伍角. */
export function zhUpperYuan(decimal: string): string {
  const [wholeText, fractionText = ''] = decimal.trim().split('.');
  const whole = wholeText.replace(/^0+(?=\d)/, '');
  const jiao = Number((fractionText + '00')[0]);
  const fen = Number((fractionText + '00')[1]);
  let text = '';
  if (whole !== '0') {
    // Groups of four digits from the right: 万, 亿.
    const sections: string[] = [];
    for (let end = whole.length; end > 0; end -= 4) sections.unshift(whole.slice(Math.max(0, end - 4), end));
    let pendingZero = false;
    sections.forEach((section, sectionIndex) => {
      const sectionUnit = UPPER_SECTIONS[sections.length - 1 - sectionIndex];
      let sectionText = '';
      const digits = section.padStart(4, '0');
      for (let i = 0; i < 4; i++) {
        const digit = Number(digits[i]);
        if (digit === 0) {
          if (text || sectionText) pendingZero = true;
          continue;
        }
        if (pendingZero) sectionText += '零';
        pendingZero = false;
        sectionText += UPPER_DIGITS[digit] + UPPER_UNITS[3 - i];
      }
      if (sectionText) text += sectionText + sectionUnit;
    });
    text += '元';
  }
  if (jiao === 0 && fen === 0) return `${text || '零元'}整`;
  if (jiao) text += `${UPPER_DIGITS[jiao]}角`;
  else if (text) text += '零';
  if (fen) text += `${UPPER_DIGITS[fen]}分`;
  return text;
}

function zhContact(contact: AgreementContact): string {
  const ways = [contact.phone && `电话：${contact.phone}`, contact.email && `电子邮箱：${contact.email}`].filter(Boolean);
  return ways.length ? `${contact.name}（${ways.join('；')}）` : contact.name;
}

/** A Lanzhou district in English (a name outside the list, as written). */
const enDistrict = (district: string): string => ownValue(LANZHOU_DISTRICTS_EN, district) ?? district;

function enContact(contact: AgreementContact): string {
  const ways = [contact.phone && `phone ${contact.phone}`, contact.email && `e-mail ${contact.email}`].filter(Boolean);
  return ways.length ? `${contact.name} (${ways.join('; ')})` : contact.name;
}

const POST_TYPES = {
  internship: { zh: '岗位实习', en: 'post internship' },
  apprenticeship: { zh: '现代学徒制岗位实习', en: 'post internship under the modern apprenticeship scheme' },
} as const;

const REGULATION_ZH = '《职业学校学生实习管理规定》（教职成〔2021〕4号）';
const REGULATION_EN = 'the Regulations on the Management of Internships of Vocational School Students (Jiao Zhi Cheng [2021] No. 4)';

/** One clause in both languages, so that the two texts can never drift apart in number or order. */
interface BilingualClause {
  zh: AgreementClause;
  en: AgreementClause;
}

function clauses(terms: AgreementTerms): BilingualClause[] {
  const { school, enterprise, student, guardian, post, place, dates, hours, pay, insurance, mentors } = terms;
  const days = daysInclusive(dates.start, dates.end);
  const minor = student.minorAtStart;
  const postType = POST_TYPES[post.type];
  const list: Array<{ zh: [heading: string, paragraphs: string[]]; en: [heading: string, paragraphs: string[]] }> = [];

  list.push({
    zh: [
      '协议各方',
      [
        `甲方（学校）：${school.name}；联系人：${zhContact(school.contact)}。`,
        `乙方（实习单位）：${enterprise.name}${enterprise.uscc ? `；统一社会信用代码：${enterprise.uscc}` : ''}；所在地：${enterprise.district}；联系人：${zhContact(enterprise.contact)}。`,
        `丙方（实习学生）：${student.name}；专业：${student.major}；班级：${student.className}${student.dateOfBirth ? `；出生日期：${zhDate(student.dateOfBirth)}` : ''}。`,
        ...(minor ? [`丙方法定监护人：${guardian ? zhContact(guardian) : '（待甲方依据学籍档案录入）'}。`] : []),
        `根据《中华人民共和国职业教育法》和${REGULATION_ZH}等规定，甲、乙、丙三方本着平等自愿、诚实信用的原则，经协商一致，就丙方到乙方参加${postType.zh}事宜订立本协议，共同遵守。`,
      ],
    ],
    en: [
      'The parties',
      [
        `Party A (the school): ${school.name}; contact: ${enContact(school.contact)}.`,
        `Party B (the host enterprise): ${enterprise.name}${enterprise.uscc ? `; unified social credit code ${enterprise.uscc}` : ''}; located in ${enDistrict(enterprise.district)}; contact: ${enContact(enterprise.contact)}.`,
        `Party C (the student): ${student.name}; major: ${student.major}; class: ${student.className}${student.dateOfBirth ? `; born ${enDate(student.dateOfBirth)}` : ''}.`,
        ...(minor
          ? [`Party C's legal guardian: ${guardian ? enContact(guardian) : '(to be entered by Party A from the school record)'}.`]
          : []),
        `Under the Vocational Education Law of the People's Republic of China and ${REGULATION_EN}, Parties A, B and C, as equals, freely and in good faith, agree as follows on Party C's ${postType.en} with Party B.`,
      ],
    ],
  });

  list.push({
    zh: [
      '实习岗位与内容',
      [
        `实习形式：${postType.zh}。`,
        `实习岗位：${post.title}。`,
        `实习内容：${post.content}`,
        '乙方应安排丙方从事与其所学专业相关的实习工作，不得安排丙方从事高空、井下、放射性、有毒、易燃易爆以及其他具有较高安全风险的实习，不得安排丙方到酒吧、夜总会、歌厅、洗浴中心等营业性娱乐场所实习。',
      ],
    ],
    en: [
      'The post and its content',
      [
        `Kind of internship: ${postType.en}.`,
        `Post: ${post.title}.`,
        `Content of the work: ${post.content}`,
        "Party B assigns Party C work related to Party C's major; it shall not assign work at heights, underground, with radiation, toxic, flammable or explosive materials or of any other high safety risk, nor place Party C in bars, nightclubs, karaoke halls, bathhouses or other commercial entertainment venues.",
      ],
    ],
  });

  list.push({
    zh: [
      '实习地点与期限',
      [
        `实习地点：${place.district}（乙方经营场所）。`,
        `实习期限：自${zhDate(dates.start)}起至${zhDate(dates.end)}止，共${days}天。`,
        '未经甲方和丙方书面同意，乙方不得变更实习地点，不得将丙方转派至其他单位实习。',
      ],
    ],
    en: [
      'Place and dates',
      [
        `Place: ${enDistrict(place.district)} (Party B's premises).`,
        `Dates: from ${enDate(dates.start)} to ${enDate(dates.end)} inclusive, ${days} days.`,
        'Party B shall not change the place, nor send Party C to another employer, without the written consent of Parties A and C.',
      ],
    ],
  });

  list.push({
    zh: [
      '实习时间与休息休假',
      [
        `丙方每日实习时间不超过${hours.perDay}小时。`,
        '乙方不得安排丙方加班，不得安排丙方上夜班，法定节假日不安排实习。',
        '乙方应保障丙方的休息休假权利，不得以任何理由克扣丙方的休息时间。',
      ],
    ],
    en: [
      'Working time and rest',
      [
        `Party C works at most ${hours.perDay} hours a day.`,
        'Party B shall not make Party C work overtime or night shifts, nor work on public holidays.',
        "Party B respects Party C's right to rest and leave and shall not take it away for any reason.",
      ],
    ],
  });

  list.push({
    zh: [
      '实习报酬',
      [
        pay.monthlyYuan === null
          ? '实习报酬：乙方参照本单位相同岗位的报酬标准和丙方的工作量、工作强度、工作时间等因素，合理确定丙方的实习报酬，原则上不低于本单位相同岗位试用期工资标准的80%。'
          : `实习报酬：每月人民币${groupedYuan(pay.monthlyYuan)}元（大写：${zhUpperYuan(pay.monthlyYuan)}）。`,
        '实习报酬以货币形式按时足额直接支付给丙方本人，至少每月支付一次，不得以物品或代金券等代替货币支付，不得经过第三方转发，不得向丙方收取或从实习报酬中扣除任何费用（依法代扣的除外）。',
      ],
    ],
    en: [
      'Pay',
      [
        pay.monthlyYuan === null
          ? "Pay: Party B sets Party C's pay by the pay of the same post in its own staff and by Party C's workload, intensity and hours, in principle not below 80% of the probation wage of the same post."
          : `Pay: CNY ${groupedYuan(pay.monthlyYuan)} a month.`,
        'The pay is paid in money, on time and in full, directly to Party C, at least once a month (Art. 18 of the Regulations); never in goods or vouchers, never through a third party; no fee is charged to Party C or deducted from the pay (save deductions required by law).',
      ],
    ],
  });

  list.push({
    zh: [
      '实习责任保险',
      insurance
        ? [
            `承保机构：${insurance.insurer}。`,
            `保单号：${insurance.policyNo}。`,
            `保险期间：自${zhDate(insurance.coverageStart)}起至${zhDate(insurance.coverageEnd)}止，覆盖本协议约定的全部实习期限。`,
            '实习责任保险的费用不得向丙方收取，不得从丙方的实习报酬中扣除。',
          ]
        : [
            '实习责任保险由甲方或乙方投保，保险期间应覆盖本协议约定的全部实习期限；承保机构、保单号和保险期间录入后，本协议方开放签署。',
            '实习责任保险的费用不得向丙方收取，不得从丙方的实习报酬中扣除。',
          ],
    ],
    en: [
      'Internship liability insurance',
      insurance
        ? [
            `Insurer: ${insurance.insurer}.`,
            `Policy number: ${insurance.policyNo}.`,
            `Coverage: from ${enDate(insurance.coverageStart)} to ${enDate(insurance.coverageEnd)} inclusive, covering the whole internship.`,
            "The premium is never charged to Party C nor deducted from Party C's pay.",
          ]
        : [
            'Party A or Party B takes out internship liability insurance covering the whole internship; signing opens once the insurer, policy number and coverage dates are entered.',
            "The premium is never charged to Party C nor deducted from Party C's pay.",
          ],
    ],
  });

  list.push({
    zh: [
      '实习指导',
      [
        `甲方指导教师：${zhContact(mentors.school)}。`,
        `乙方指导人员：${zhContact(mentors.enterprise)}。`,
        '双方指导人员共同负责丙方的实习指导、管理和考核，保持经常联系；甲方指导教师应定期检查丙方的实习情况，乙方指导人员负责丙方在岗期间的业务指导和日常管理。',
      ],
    ],
    en: [
      'Mentors',
      [
        `Party A's mentor (teacher): ${enContact(mentors.school)}.`,
        `Party B's mentor: ${enContact(mentors.enterprise)}.`,
        "The two mentors together guide, manage and assess Party C's internship and stay in regular contact; Party A's mentor checks on the internship regularly, Party B's mentor guides Party C's work and daily conduct on site.",
      ],
    ],
  });

  list.push({
    zh: [
      '安全与培训',
      [
        '乙方应在丙方上岗前对其进行安全生产、职业卫生、岗位操作规程等方面的教育和培训，未经培训的不得上岗。',
        `乙方应为丙方提供必要的劳动防护用品和安全的实习条件；发生安全事故时，乙方应立即救治并及时告知甲方，甲方应告知丙方${minor ? '监护人' : '家属'}并依法处理。`,
        '丙方应遵守乙方的安全生产和规章制度，服从指导人员的管理，发现安全隐患及时报告。',
      ],
    ],
    en: [
      'Safety and training',
      [
        "Before Party C starts, Party B trains Party C in work safety, occupational health and the post's operating rules; no untrained student starts work.",
        `Party B provides the necessary protective equipment and safe conditions; in an accident Party B gives immediate care and tells Party A at once, and Party A tells Party C's ${minor ? 'guardian' : 'family'} and deals with it as the law requires.`,
        "Party C follows Party B's safety rules and regulations, follows the mentors' directions and reports any hazard at once.",
      ],
    ],
  });

  list.push({
    zh: [
      '请假',
      [
        '丙方因病或其他事由需请假的，应事先向乙方指导人员和甲方指导教师提出申请，经同意后方可离岗；突发疾病等紧急情况可事后及时补办。',
        '请假期间不计入实际实习天数；丙方依规请假的，乙方除按请假天数相应核减外，不得扣减丙方的实习报酬。',
      ],
    ],
    en: [
      'Leave',
      [
        "Party C asks Party B's mentor and Party A's mentor for leave (illness or other reasons) in advance and leaves only once granted; in an emergency such as sudden illness the request follows promptly.",
        'Days of leave are not counted as days served; for leave taken by the rules, Party B deducts from the pay no more than the days of leave.',
      ],
    ],
  });

  list.push({
    zh: [
      '三方的职责',
      [
        '甲方负责实习的组织、管理和考核，会同乙方制订实习方案，及时了解丙方的实习情况，维护丙方的合法权益。',
        '乙方负责提供符合本协议的实习岗位和条件，落实安全保障和报酬支付，会同甲方对丙方进行考核并出具实习鉴定。',
        '丙方应遵守法律法规和甲、乙双方的规章制度，按时完成实习任务，按要求填写实习周记，保守乙方的商业秘密。',
      ],
    ],
    en: [
      'Duties of the parties',
      [
        "Party A organises, manages and assesses the internship, draws up the internship plan with Party B, follows Party C's internship and protects Party C's lawful rights.",
        'Party B provides the post and conditions this agreement states, ensures safety and pay, assesses Party C with Party A and issues the internship appraisal.',
        "Party C obeys the law and the rules of Parties A and B, completes the internship's tasks on time, keeps the weekly journal as required and keeps Party B's business secrets.",
      ],
    ],
  });

  list.push({
    zh: [
      '协议的变更、解除与终止',
      [
        `本协议自各方签署且实习责任保险生效之日起生效，至实习期限届满（${zhDate(dates.end)}）时终止。`,
        '任何一方可提出提前终止实习，并应说明理由；由甲方审核决定并书面通知各方，实习按决定的日期结束。丙方严重违反法律法规或规章制度、乙方违反本协议损害丙方权益的，甲方可决定终止实习。',
        '本协议条款的任何变更均形成新的协议版本，须由各方重新签署；此前版本上的签署随之失效。',
      ],
    ],
    en: [
      'Changes and ending',
      [
        `This agreement takes effect when every party has signed it and the insurance is in force, and ends when the internship ends (${enDate(dates.end)}).`,
        'Any party may ask to end the internship early, giving a reason; Party A decides and tells every party in writing, and the internship ends on the date decided. Party A may end the internship when Party C seriously breaks the law or the rules, or when Party B breaches this agreement to Party C’s harm.',
        'Any change of these terms makes a new version of this agreement, which every party signs anew; signatures on an earlier version lapse.',
      ],
    ],
  });

  if (minor)
    list.push({
      zh: [
        '监护人知情同意',
        [
          `丙方在实习开始之日未满18周岁。丙方法定监护人${guardian ? guardian.name : ''}已阅读本协议全部条款，知悉实习的岗位、地点、期限、时间、报酬、保险和安全要求，同意丙方参加本次实习，并在本协议上签署。`,
        ],
      ],
      en: [
        "The guardian's consent",
        [
          `Party C is under 18 on the internship's first day. Party C's legal guardian${guardian ? `, ${guardian.name},` : ''} has read every clause of this agreement, knows the post, place, dates, hours, pay, insurance and safety requirements of the internship, consents to Party C's internship and signs this agreement.`,
        ],
      ],
    });

  list.push({
    zh: [
      '争议解决与其他',
      [
        '因本协议发生的争议，各方应协商解决；协商不成的，可提请甲方及乙方所在地教育行政部门协调，或依法向人民法院提起诉讼。',
        `本协议未尽事宜，按${REGULATION_ZH}和${terms.rulesYear}年度实习管理规则执行。`,
        `本协议以中文文本为准，英文文本仅供参考。本协议通过 SkillBridge（技能桥）平台以电子方式签署，各方以本人密码或一次性验证码${minor ? '（监护人以一次性链接）' : ''}确认签署，与书面签字具有同等效力。`,
      ],
    ],
    en: [
      'Disputes and other terms',
      [
        "The parties settle any dispute about this agreement by consultation; failing that, they may ask the education authorities where Party A or Party B is located to mediate, or sue in a people's court as the law allows.",
        `What this agreement does not settle follows the Regulations and the internship rules of ${terms.rulesYear}.`,
        `The Chinese text is the agreement; this English text is a rendering for reference. The agreement is signed electronically on SkillBridge: each party confirms with their own password or a one-time code${minor ? ' (the guardian through a one-time link)' : ''}, which has the force of a handwritten signature.`,
      ],
    ],
  });

  list.push({
    zh: [
      '签署',
      [
        `甲方（学校）：${school.name}`,
        `乙方（实习单位）：${enterprise.name}`,
        `丙方（实习学生）：${student.name}`,
        ...(minor ? [`丙方法定监护人：${guardian ? guardian.name : '（待录入）'}`] : []),
        '各方签署人、签署方式、签署时间及所签版本的 SHA-256 摘要见签署页。',
      ],
    ],
    en: [
      'Signatures',
      [
        `Party A (the school): ${school.name}`,
        `Party B (the host enterprise): ${enterprise.name}`,
        `Party C (the student): ${student.name}`,
        ...(minor ? [`Party C's legal guardian: ${guardian ? guardian.name : '(to be entered)'}`] : []),
        'Each signer, the way they signed, when, and the SHA-256 of the version signed are on the signature page.',
      ],
    ],
  });

  return list.map(({ zh, en }, index) => ({
    zh: { heading: `第${zhNumber(index + 1)}条 ${zh[0]}`, paragraphs: zh[1] },
    en: { heading: `Article ${index + 1}. ${en[0]}`, paragraphs: en[1] },
  }));
}

/** The agreement's text from its terms: zh-CN (the legal text) and its English rendering, clause for clause. */
export function agreementText(terms: AgreementTerms): AgreementText {
  const both = clauses(terms);
  return { 'zh-CN': both.map((clause) => clause.zh), en: both.map((clause) => clause.en) };
}
