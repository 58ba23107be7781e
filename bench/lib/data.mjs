// @ts-check
// The bench data set, generated inside PostgreSQL with generate_series in a few big INSERT … SELECT
// statements. Every id is a deterministic uuid (md5 of a name and a number), so that later
// statements can refer to row n without looking it up.
//
//   organisations  1 school + E verified enterprises (valid USCCs, check character per GB 32100)
//   users          the school's admin, one HR admin per enterprise, S students
//   students       S rows: one school, one of 12 majors, 1–2 skills of the major, one preferred district
//   slots          N open internships over the enterprises; title/description from a small set of
//                  combinations whose search terms are computed in Node with the API's own slotSearchTerms
//                  (title, description, majors and skills)
//   applications   offered + school-approved, for the accept benchmarks (see prepareAccepts)
/* eslint-disable skillbridge/no-sql-assembly -- SQL generated from this file's constants (id, hash, size expressions): no outside value */
import { createRequire } from 'node:module';
import path from 'node:path';

/** @typedef {typeof SIZES.full} Sizes */
/**
 * The functions of the built libs/domain the bench calls (the API's own, so the data matches).
 * @typedef {object} Domain
 * @property {(text: string) => string[]} searchTerms  the search terms of a text
 * @property {(slot: { title: string, description: string, majors: readonly string[], skills: readonly string[] }) => string[]} slotSearchTerms  a slot's search terms
 * @property {(q: string) => string[]} queryTerms  the terms of a search query
 * @property {(body: string) => string} usccCheckCharacter  the GB 32100 check character of 17 characters
 */
/** @typedef {{ id: string, student: string }} Offer  an application offered to a student */
/**
 * @typedef {object} AcceptSet  offers for one spread and one hot accept run (prepareAccepts)
 * @property {string} tag
 * @property {Offer[]} spread
 * @property {Offer[]} hot
 * @property {string} hotSlotId
 * @property {number} spreadSlots
 * @property {[number, number]} spreadSlotRange
 * @property {number} nextSlot  the first slot number no set uses
 * @property {number} nextStudent  the first student number no set uses
 */

export const DISTRICTS = ['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '兰州新区'];

/** The 12 majors, each with the skills a student of it may list. */
export const MAJORS = [
  ['石油化工技术', ['化工总控', 'DCS操作', '安全生产']],
  ['机电一体化技术', ['PLC编程', '电气装调', '工业机器人']],
  ['数控技术', ['数控车铣', 'CAD/CAM', '精密测量']],
  ['汽车检测与维修技术', ['新能源汽车维修', '汽车电气', '故障诊断']],
  ['计算机网络技术', ['网络配置', 'Linux运维', '网络安全']],
  ['大数据技术', ['Python', 'SQL', '数据可视化']],
  ['电子商务', ['直播电商', '网店运营', '新媒体营销']],
  ['现代物流管理', ['仓储管理', '冷链物流', 'ERP']],
  ['护理', ['基础护理', '老年照护', '急救']],
  ['烹饪工艺与营养', ['中式烹调', '面点制作', '食品安全']],
  ['旅游管理', ['导游服务', '酒店前厅', '研学旅行']],
  ['建筑工程技术', ['BIM建模', '施工测量', '工程造价']],
];

/**
 * Slot fields (岗位方向), most common first: slot n gets field floor(F · u²) for a hash-uniform u,
 * so the first field holds ~22 % of the slots and the last ~2.5 % — common and rare search terms.
 */
export const FIELDS = [
  { stem: '数控加工', majors: ['数控技术', '机电一体化技术'], skills: ['数控车铣', 'CAD/CAM'] },
  { stem: '新能源汽车维修', majors: ['汽车检测与维修技术'], skills: ['新能源汽车维修', '汽车电气'] },
  { stem: '冷链仓储', majors: ['现代物流管理'], skills: ['仓储管理', '冷链物流'] },
  { stem: '直播运营', majors: ['电子商务'], skills: ['直播电商', '新媒体营销'] },
  { stem: '老年照护', majors: ['护理'], skills: ['老年照护', '基础护理'] },
  { stem: '工业机器人运维', majors: ['机电一体化技术'], skills: ['工业机器人', 'PLC编程'] },
  { stem: '化工总控', majors: ['石油化工技术'], skills: ['化工总控', 'DCS操作'] },
  { stem: '网络运维', majors: ['计算机网络技术'], skills: ['网络配置', 'Linux运维'] },
  { stem: '数据标注与分析', majors: ['大数据技术'], skills: ['Python', 'SQL'] },
  { stem: '中式面点', majors: ['烹饪工艺与营养'], skills: ['面点制作', '食品安全'] },
  { stem: '酒店前厅', majors: ['旅游管理'], skills: ['酒店前厅', '导游服务'] },
  { stem: 'BIM建模', majors: ['建筑工程技术'], skills: ['BIM建模', '工程造价'] },
  { stem: '施工测量', majors: ['建筑工程技术'], skills: ['施工测量'] },
  { stem: '变电运维', majors: ['机电一体化技术'], skills: ['电气装调'] },
  { stem: '光伏电站运维', majors: ['机电一体化技术'], skills: ['电气装调', '安全生产'] },
  { stem: '研学导游', majors: ['旅游管理'], skills: ['研学旅行', '导游服务'] },
  { stem: '汽车故障诊断', majors: ['汽车检测与维修技术'], skills: ['故障诊断', '汽车电气'] },
  { stem: '网店运营', majors: ['电子商务', '现代物流管理'], skills: ['网店运营'] },
  { stem: '食品生产线', majors: ['烹饪工艺与营养', '机电一体化技术'], skills: ['食品安全'] },
  { stem: '药品生产质检', majors: ['石油化工技术', '护理'], skills: ['安全生产'] },
];
export const SUFFIXES = ['实习生', '学徒'];
export const PLACES = ['在兰州新区生产一线', '在城关区门店', '在公司总部', '跟随带教师傅'];
export const PERKS = [
  '提供住宿和工作餐',
  '表现优秀者可留用转正',
  '购买实习责任保险',
  '双导师带教，可考取1+X证书',
  '夜班补贴另计，每月按时发放实习报酬',
];

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '子涵 欣怡 梓涵 雨桐 浩然 宇轩 一诺 子轩 雨泽 思远 嘉怡 佳琪 明轩 俊杰 晓东 文博 志强 海燕 晨阳 静怡 家豪 天佑 雅琴 建国 秀英 鹏飞 雪梅 国庆 亚楠 小龙 金凤 永红 彦霖 若曦 德华 丽娜 晓峰 兰英 振华 春燕'.split(
    ' ',
  );
const OWNERSHIPS = ['private', 'private', 'private', 'municipal_soe', 'central_soe', 'foreign', 'other'];
const INDUSTRIES = ['装备制造', '汽车服务', '现代物流', '电子商务', '健康养老', '石油化工', '数据信息', '餐饮服务', '文化旅游', '建筑工程'];
const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2gtb25seQ$bench-data-cannot-sign-in';

/** Deterministic ids: uuid of md5('<kind>-<n>'). The same expressions are used in JS and SQL. */
/** @param {string} kind  @param {string | number} nExpr */
export const idSql = (kind, nExpr) => `md5('bench-${kind}-' || (${nExpr}))::uuid`;
export const SCHOOL_ID_SQL = idSql('school', '1');
export const SCHOOL_ADMIN_ID_SQL = idSql('school-admin', '1');

export const SIZES = {
  full: { enterprises: 2000, students: 1_000_000, slots: 100_000, spreadSlots: 8000, hotCapacity: 500, hotOffers: 5000 },
  quick: { enterprises: 2000, students: 100_000, slots: 10_000, spreadSlots: 2000, hotCapacity: 500, hotOffers: 5000 },
};

/** @param {string} root  @returns {Domain} */
export function domain(root) {
  return createRequire(path.join(root, 'package.json'))(path.join(root, 'libs/domain/dist'));
}

/**
 * Every (title, description) combination a slot can have, with its search terms.
 * @param {Domain['slotSearchTerms']} slotSearchTerms
 */
export function combinations(slotSearchTerms) {
  /**
   * @type {Array<{ combo: number, f: number, s: number, p: number, k: number, title: string, description: string,
   *   majors: string[], skills: string[], terms: string[] }>}
   */
  const combos = [];
  FIELDS.forEach((field, f) =>
    SUFFIXES.forEach((suffix, s) =>
      PLACES.forEach((place, p) =>
        PERKS.forEach((perk, k) => {
          const title = `${field.stem}${suffix}`;
          const description = `${place}参与${field.stem}相关岗位工作，${perk}。技能要求：${field.skills.join('、')}。`;
          combos.push({
            combo: combos.length,
            f,
            s,
            p,
            k,
            title,
            description,
            majors: field.majors,
            skills: field.skills,
            terms: slotSearchTerms({ title, description, majors: field.majors, skills: field.skills }),
          });
        }),
      ),
    ),
  );
  return combos;
}

/**
 * An attribute of row n in 0 … m − 1, independent of the row's other attributes: each attribute
 * hashes n with a salt of its own (PostgreSQL's hashint4), so that e.g. a slot's district says
 * nothing about its start date or its title.
 */
/** @param {string} n  a SQL expression  @param {number} salt  @param {number} m */
export const pick = (n, salt, m) => `((hashint4((${n}) * 31 + ${salt}) & 2147483647) % ${m})`;

/** A slot's capacity, 2–10 (also used to size the offers of the accept runs). */
/** @param {string} n  a SQL expression */
export const capacitySql = (n) => `(2 + ${pick(n, 6, 9)})`;

/** The combination of slot n, in SQL: the field skewed (u² of a uniform hash), the rest uniform. */
/** @param {string} n  a SQL expression */
const comboOfSlotSql = (n) =>
  `(floor(${FIELDS.length} * power(((${n})::bigint * 2654435761 % 4294967296)::float8 / 4294967296, 2))::int * ${SUFFIXES.length * PLACES.length * PERKS.length}` +
  ` + ${pick(n, 1, SUFFIXES.length)} * ${PLACES.length * PERKS.length} + ${pick(n, 2, PLACES.length)} * ${PERKS.length} + ${pick(n, 3, PERKS.length)})`;

/**
 * Loads everything on an empty, migrated database. `step(name, fn)` times each statement group.
 * Returns the row counts.
 * @param {import('pg').Pool} db
 * @param {object} options
 * @param {Sizes} options.sizes
 * @param {Domain['slotSearchTerms']} options.slotSearchTerms
 * @param {Domain['usccCheckCharacter']} options.usccCheckCharacter
 * @param {(name: string, fn: () => Promise<unknown>) => Promise<unknown>} options.step
 */
export async function loadData(db, { sizes, slotSearchTerms, usccCheckCharacter, step }) {
  const E = sizes.enterprises;
  const S = sizes.students;
  const N = sizes.slots;

  await step('lookup tables (majors, title/description combinations with their search terms)', async () => {
    await db.query(`CREATE TABLE bench_majors (i int PRIMARY KEY, major text NOT NULL, skills text[] NOT NULL)`);
    await db.query(
      `INSERT INTO bench_majors SELECT i - 1, m, ARRAY(SELECT jsonb_array_elements_text(sk)) FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS t(m, sk, i)`,
      [MAJORS.map(([m]) => m), MAJORS.map(([, skills]) => JSON.stringify(skills))],
    );
    const combos = combinations(slotSearchTerms);
    await db.query(
      `CREATE TABLE bench_combos (combo int PRIMARY KEY, title text NOT NULL, description text NOT NULL, majors text[] NOT NULL, skills text[] NOT NULL, terms text[] NOT NULL)`,
    );
    await db.query(
      `INSERT INTO bench_combos
       SELECT c, t, d, ARRAY(SELECT jsonb_array_elements_text(m)), ARRAY(SELECT jsonb_array_elements_text(sk)), ARRAY(SELECT jsonb_array_elements_text(tm))
         FROM unnest($1::int[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::jsonb[]) AS x(c, t, d, m, sk, tm)`,
      [
        combos.map((c) => c.combo),
        combos.map((c) => c.title),
        combos.map((c) => c.description),
        combos.map((c) => JSON.stringify(c.majors)),
        combos.map((c) => JSON.stringify(c.skills)),
        combos.map((c) => JSON.stringify(c.terms)),
      ],
    );
    return `${combos.length} combinations`;
  });

  await step(`organisations: 1 school + ${E.toLocaleString('en')} verified enterprises`, async () => {
    await db.query(
      `INSERT INTO organisations (id, kind, name, district, school_level, verification, verified_at)
       VALUES (${SCHOOL_ID_SQL}, 'school', '兰州新区职业技术学校（压测）', '兰州新区', 'secondary', 'verified', now())`,
    );
    // 9 (工商) 1 (企业) 620100 (兰州) + a 9-character organisation code + the GB 32100 check character.
    const usccs = Array.from({ length: E }, (_, i) => {
      const body = `91620100${String(100000000 + i * 7919).slice(-9)}`;
      return body + usccCheckCharacter(body);
    });
    if (new Set(usccs).size !== E) throw new Error('USCCs are not unique');
    await db.query(
      `INSERT INTO organisations (id, kind, name, district, uscc, ownership, industry, verification, verified_at)
       SELECT ${idSql('ent', 'n')}, 'enterprise',
              '兰州' || (ARRAY[${INDUSTRIES.map((x) => `'${x}'`).join(',')}])[1 + n % ${INDUSTRIES.length}] || '第' || n || '有限公司',
              (ARRAY[${DISTRICTS.map((x) => `'${x}'`).join(',')}])[1 + n % 9],
              ($1::text[])[n + 1],
              (ARRAY[${OWNERSHIPS.map((x) => `'${x}'`).join(',')}])[1 + n % ${OWNERSHIPS.length}],
              (ARRAY[${INDUSTRIES.map((x) => `'${x}'`).join(',')}])[1 + n % ${INDUSTRIES.length}],
              'verified', now()
         FROM generate_series(0, ${E - 1}) n`,
      [usccs],
    );
  });

  // Row-by-row foreign-key checks would dominate the load (two per student): the constraints on the
  // tables being filled are dropped and re-added with their exact definitions afterwards, which
  // validates every row in one join per constraint.
  const foreignKeys = (
    await db.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND conrelid IN ('users'::regclass, 'students'::regclass, 'slots'::regclass)`,
    )
  ).rows;
  for (const fk of foreignKeys) await db.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.conname}"`);

  await step(
    `users: ${(S + E + 1).toLocaleString('en')} (${S.toLocaleString('en')} students, ${E.toLocaleString('en')} HR admins, 1 school admin)`,
    async () => {
      await db.query(
        `INSERT INTO users (id, email, password_hash, name, role, organisation_id)
       VALUES (${SCHOOL_ADMIN_ID_SQL}, 'school-admin@bench.skillbridge.cn', $1, '教务处王老师', 'school_admin', ${SCHOOL_ID_SQL})`,
        [FAKE_HASH],
      );
      await db.query(
        `INSERT INTO users (id, email, password_hash, name, role, organisation_id)
       SELECT ${idSql('hr', 'n')}, 'hr' || n || '@bench.skillbridge.cn', $1, '人事专员' || n, 'enterprise_admin', ${idSql('ent', 'n')}
         FROM generate_series(0, ${E - 1}) n`,
        [FAKE_HASH],
      );
      await db.query(
        `INSERT INTO users (id, email, password_hash, name, role, organisation_id)
       SELECT ${idSql('stu', 'n')}, 'student' || n || '@bench.skillbridge.cn', $1,
              ($2::text[])[1 + n % ${SURNAMES.length}] || ($3::text[])[1 + (n / ${SURNAMES.length}) % ${GIVEN.length}],
              'student', ${SCHOOL_ID_SQL}
         FROM generate_series(1, ${S}) n`,
        [FAKE_HASH, SURNAMES, GIVEN],
      );
    },
  );

  await step(`students: ${S.toLocaleString('en')} profiles`, async () => {
    await db.query(
      `INSERT INTO students (user_id, school_id, date_of_birth, major, enrolment_year, skills, preferred_districts)
       SELECT ${idSql('stu', 'n')}, ${SCHOOL_ID_SQL}, '2006-01-01', m.major, 2024, m.skills[1 + ${pick('n', 21, 3)} : 1 + ${pick('n', 21, 3)} + ${pick('n', 22, 2)}],
              ARRAY[(ARRAY[${DISTRICTS.map((x) => `'${x}'`).join(',')}])[1 + ${pick('n', 23, 9)}]]
         FROM generate_series(1, ${S}) n JOIN bench_majors m ON m.i = ${pick('n', 20, 12)}`,
    );
  });

  await step(`slots: ${N.toLocaleString('en')} open internships`, async () => {
    await db.query(
      `INSERT INTO slots (id, enterprise_id, type, title, description, majors, skills, district, start_date, end_date, capacity, taken,
                          stipend, post_wage, hours_per_day, night_shift, application_deadline, state, published_at, search_terms)
       SELECT ${idSql('slot', 'n')}, ${idSql('ent', `n % ${E}`)}, 'internship', c.title, c.description, c.majors, c.skills,
              (ARRAY[${DISTRICTS.map((x) => `'${x}'`).join(',')}])[1 + ${pick('n', 4, 9)}],
              DATE '2027-03-01' + ${pick('n', 5, 60)}, DATE '2027-03-01' + ${pick('n', 5, 60)} + 180, ${capacitySql('n')}, 0,
              3000.00, 3600.00, 8, false, DATE '2027-02-15', 'open', now() - (n % 1000) * interval '1 minute', c.terms
         FROM generate_series(1, ${N}) n JOIN bench_combos c ON c.combo = ${comboOfSlotSql('n')}`,
    );
  });

  await step(`foreign keys of users, students, slots re-added and validated (${foreignKeys.length})`, async () => {
    for (const fk of foreignKeys) await db.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.conname}" ${fk.def}`);
  });

  const [{ slots }] = (await db.query(`SELECT count(*)::int AS slots FROM slots`)).rows;
  if (slots !== N) throw new Error(`expected ${N} slots, loaded ${slots}`);
  return { enterprises: E, students: S, slots: N };
}

/**
 * Offered, school-approved applications for the accept benchmarks, as one set named `tag`:
 *  - spread: slots slotFrom … slotFrom + spreadSlots − 1, (capacity + 2 on every fifth slot) offers
 *    each, from distinct students; a fifth of the slots is oversubscribed, so some accepts are
 *    meant to get 409 SLOT_FULL.
 *  - hot: the next slot, its capacity raised to hotCapacity, hotOffers offers from distinct students.
 * Students studentFrom … are used, each for one offer only. Returns the offers and the next free
 * slot and student numbers.
 * @param {import('pg').Pool} db
 * @param {Sizes} sizes
 * @param {{ tag: string, slotFrom: number, studentFrom: number }} set
 * @returns {Promise<AcceptSet>}
 */
export async function prepareAccepts(db, sizes, { tag, slotFrom, studentFrom }) {
  const last = slotFrom + sizes.spreadSlots - 1;
  /** @param {string} n */
  const offersOf = (n) => `(${capacitySql(n)} + CASE WHEN ${pick(n, 7, 5)} = 0 THEN 2 ELSE 0 END)`;
  await db.query(
    `CREATE TABLE IF NOT EXISTS bench_offers (app_id uuid PRIMARY KEY, student_n int NOT NULL, slot_n int NOT NULL, tag text NOT NULL, bench text NOT NULL)`,
  );
  const spread =
    (
      await db.query(
        `INSERT INTO bench_offers
       SELECT ${idSql('app', 'student_n')}, student_n, n, $1, 'spread'
         FROM (SELECT n, ${studentFrom - 1} + row_number() OVER (ORDER BY n, k)::int AS student_n
                 FROM generate_series(${slotFrom}, ${last}) n, LATERAL generate_series(1, ${offersOf('n')}) k) x`,
        [tag],
      )
    ).rowCount ?? 0;
  const hotSlot = last + 1;
  const hotStudentFrom = studentFrom + spread;
  const nextStudent = hotStudentFrom + sizes.hotOffers;
  if (nextStudent - 1 > sizes.students || hotSlot > sizes.slots) throw new Error('not enough students or slots for the accept benchmarks');
  await db.query(
    `INSERT INTO bench_offers SELECT ${idSql('app', `${hotStudentFrom - 1} + k`)}, ${hotStudentFrom - 1} + k, ${hotSlot}, $1, 'hot' FROM generate_series(1, ${sizes.hotOffers}) k`,
    [tag],
  );
  await db.query(`UPDATE slots SET capacity = ${sizes.hotCapacity} WHERE id = ${idSql('slot', hotSlot)}`);
  await db.query(
    `INSERT INTO applications (id, slot_id, student_id, school_id, enterprise_id, status, motivation, school_approved_at, school_approved_by, respond_by, created_at, updated_at)
     SELECT o.app_id, ${idSql('slot', 'o.slot_n')}, ${idSql('stu', 'o.student_n')}, ${SCHOOL_ID_SQL}, s.enterprise_id, 'offered', '希望到贵公司实习',
            now(), ${SCHOOL_ADMIN_ID_SQL}, DATE '2027-02-28', now() - interval '3 days', now()
       FROM bench_offers o JOIN slots s ON s.id = ${idSql('slot', 'o.slot_n')}
      WHERE o.tag = $1`,
    [tag],
  );
  // In app_id order, which is md5 order: the spread offers come in a shuffled slot order.
  /** @type {Array<Offer & { bench: 'spread' | 'hot' }>} */
  const offers = (
    await db.query(
      `SELECT bench, app_id::text AS id, ${idSql('stu', 'student_n')}::text AS student FROM bench_offers WHERE tag = $1 ORDER BY app_id`,
      [tag],
    )
  ).rows;
  return {
    tag,
    spread: offers.filter((o) => o.bench === 'spread'),
    hot: offers.filter((o) => o.bench === 'hot'),
    hotSlotId: (await db.query(`SELECT ${idSql('slot', hotSlot)}::text AS id`)).rows[0].id,
    spreadSlots: sizes.spreadSlots,
    spreadSlotRange: [slotFrom, last],
    nextSlot: hotSlot + 1,
    nextStudent,
  };
}
