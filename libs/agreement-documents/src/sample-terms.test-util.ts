import type { AgreementSignatureView, AgreementTerms } from '@skillbridge/contracts';

/** A realistic agreement's terms for the specs: a student under 18 (guardian entered), insurance set, paid. */
export function sampleTerms(overrides: Partial<AgreementTerms> = {}): AgreementTerms {
  const schoolContact = { name: '王建国', phone: '0931-8261234', email: 'wangjg@lzvtc.edu.cn' };
  const enterpriseContact = { name: '李晓梅', phone: '13919012345', email: null };
  return {
    rulesYear: 2026,
    school: { id: 'school-1', name: '兰州市职业技术学校', contact: schoolContact },
    enterprise: {
      id: 'enterprise-1',
      name: '兰州新区智能装备制造有限公司',
      uscc: '91620100MA74A1B2C3',
      district: '兰州新区',
      contact: enterpriseContact,
    },
    student: {
      id: 'student-1',
      name: '张小明',
      dateOfBirth: '2009-03-15',
      major: '机电技术应用',
      className: '2024级机电1班',
      minorAtStart: true,
    },
    guardian: { name: '张大山', phone: '13800138000', email: null },
    post: {
      slotId: 'slot-1',
      title: '装配工艺实习生',
      content: '在企业指导人员带领下，参与数控机床零部件的装配、调试与质量检验。',
      type: 'internship',
    },
    place: { district: '兰州新区' },
    dates: { start: '2026-09-01', end: '2027-02-28' },
    hours: { perDay: '8', nights: false, overtime: false },
    pay: { monthlyYuan: '3200.00', inMoney: true, directToStudent: true, atLeastMonthly: true },
    insurance: {
      insurer: '中国人民财产保险股份有限公司兰州市分公司',
      policyNo: 'PZAT202662010000123456',
      coverageStart: '2026-09-01',
      coverageEnd: '2027-02-28',
    },
    mentors: { school: schoolContact, enterprise: enterpriseContact },
    ...overrides,
  };
}

/** The four signatures of a version, in an order other than the parties' own. */
export function sampleSignatures(termsSha256: string, version = 1): AgreementSignatureView[] {
  return [
    { party: 'guardian', signerName: '张大山', version, termsSha256, method: 'guardian_link', signedAt: '2026-08-22T16:30:00Z' },
    { party: 'school', signerName: '王建国', version, termsSha256, method: 'password', signedAt: '2026-08-21T01:12:09Z' },
    { party: 'enterprise', signerName: '李晓梅', version, termsSha256, method: 'one_time_code', signedAt: '2026-08-21T06:40:51Z' },
    { party: 'student', signerName: '张小明', version, termsSha256, method: 'password', signedAt: '2026-08-22T11:03:27Z' },
  ];
}
