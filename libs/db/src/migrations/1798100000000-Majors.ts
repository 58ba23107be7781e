import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Majors become reference data (issue 17): the national vocational major catalogue (职业教育专业目录,
 * 2021) in `majors`, shipped with the majors the demo and the tests use and kept up by the platform
 * admin's catalogue import; a short table of search synonyms. Existing free-text majors move to the
 * catalogue's names through the reviewed mapping below (a name it does not know stops the migration,
 * with the names to review), and a student's major becomes a foreign key to the catalogue's name.
 * Slots' search terms are recomputed to hold their majors and skills too.
 *
 * The data is written out here, not imported from the code: a migration does not change with it.
 */

/** [code, 中文名称, English name, level, 专业类] — 职业教育专业目录 (2021). */
export const CATALOGUE_2021: ReadonlyArray<[string, string, string, 'secondary' | 'associate' | 'bachelor', string]> = [
  ['440301', '建筑工程技术', 'Construction Engineering Technology', 'associate', '土建施工类'],
  ['460103', '数控技术', 'Numerical Control Technology', 'associate', '机械设计制造类'],
  ['460110', '智能焊接技术', 'Intelligent Welding Technology', 'associate', '机械设计制造类'],
  ['460301', '机电一体化技术', 'Mechatronics Technology', 'associate', '自动化类'],
  ['470203', '石油化工技术', 'Petrochemical Technology', 'associate', '化工技术类'],
  ['500211', '汽车检测与维修技术', 'Automobile Testing and Maintenance Technology', 'associate', '道路运输类'],
  ['510202', '计算机网络技术', 'Computer Network Technology', 'associate', '计算机类'],
  ['510205', '大数据技术', 'Big Data Technology', 'associate', '计算机类'],
  ['520201', '护理', 'Nursing', 'associate', '护理类'],
  ['530701', '电子商务', 'E-Commerce', 'associate', '电子商务类'],
  ['530802', '现代物流管理', 'Modern Logistics Management', 'associate', '物流类'],
  ['540101', '旅游管理', 'Tourism Management', 'associate', '旅游类'],
  ['540202', '烹饪工艺与营养', 'Culinary Technology and Nutrition', 'associate', '餐饮类'],
];

/** Free-text majors seen before the catalogue → the catalogue's name (reviewed: same major, older or short name). */
export const MAJOR_MAPPING: ReadonlyArray<[string, string]> = [
  ['机电一体化', '机电一体化技术'],
  ['机电一体化专业', '机电一体化技术'],
  ['数控', '数控技术'],
  ['数控加工', '数控技术'],
  ['焊接技术与自动化', '智能焊接技术'],
  ['焊接技术及自动化', '智能焊接技术'],
  ['汽车检测与维修', '汽车检测与维修技术'],
  ['汽车维修', '汽车检测与维修技术'],
  ['计算机网络', '计算机网络技术'],
  ['大数据技术与应用', '大数据技术'],
  ['物流管理', '现代物流管理'],
  ['烹调工艺与营养', '烹饪工艺与营养'],
  ['石油化工生产技术', '石油化工技术'],
  ['电子商务技术', '电子商务'],
  ['建筑工程', '建筑工程技术'],
];

/** [what people search for, what slots say]; English names of majors need no row (the majors table has them). */
export const SYNONYMS: ReadonlyArray<[string, string]> = [
  ['焊工', '焊接'],
  ['电焊', '焊接'],
  ['电焊工', '焊接'],
  ['welding', '焊接'],
  ['welder', '焊接'],
  ['汽修', '汽车'],
  ['cnc', '数控'],
  ['mechatronics', '机电'],
  ['plc', 'PLC'],
  ['nurse', '护理'],
  ['nursing', '护理'],
  ['e-commerce', '电子商务'],
  ['ecommerce', '电子商务'],
  ['logistics', '物流'],
  ['chef', '烹饪'],
  ['cooking', '烹饪'],
  ['tourism', '旅游'],
  ['hotel', '酒店'],
  ['intern', '实习'],
  ['internship', '实习'],
  ['apprentice', '学徒'],
  ['apprenticeship', '学徒'],
];

// libs/domain searchTerms as of this migration (CJK bigrams, lower-cased Latin words), written out.
const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const [run] of text.matchAll(CJK)) {
    const chars = [...run];
    if (chars.length === 1) terms.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1]);
  }
  for (const [word] of text.replace(CJK, ' ').matchAll(WORD)) terms.add(word.toLowerCase());
  return [...terms];
}

export class Majors1798100000000 implements MigrationInterface {
  name = 'Majors1798100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "majors" ("code" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "level" text NOT NULL, "category" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "majors_name_zh" UNIQUE ("name_zh"), CONSTRAINT "majors_code" CHECK ("code" ~ '^[0-9]{6}$'), CONSTRAINT "majors_level" CHECK ("level" IN ('secondary', 'associate', 'bachelor')), CONSTRAINT "PK_majors" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_synonyms" ("term" text NOT NULL, "means" text NOT NULL, CONSTRAINT "PK_search_synonyms" PRIMARY KEY ("term"))`,
    );
    await queryRunner.query(
      `INSERT INTO "majors" ("code", "name_zh", "name_en", "level", "category") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [0, 1, 2, 3, 4].map((i) => CATALOGUE_2021.map((row) => row[i])),
    );
    await queryRunner.query(`INSERT INTO "search_synonyms" ("term", "means") SELECT * FROM unnest($1::text[], $2::text[])`, [
      SYNONYMS.map(([term]) => term),
      SYNONYMS.map(([, means]) => means),
    ]);

    // The reviewed mapping, then nothing the catalogue does not know.
    const [from, to] = [MAJOR_MAPPING.map(([a]) => a), MAJOR_MAPPING.map(([, b]) => b)];
    await queryRunner.query(
      `UPDATE "students" s SET "major" = m.to_name FROM unnest($1::text[], $2::text[]) AS m(from_name, to_name) WHERE btrim(s."major") = m.from_name`,
      [from, to],
    );
    await queryRunner.query(
      `UPDATE "slots" s SET "majors" = ARRAY(SELECT DISTINCT ON (x.name) x.name FROM (
          SELECT coalesce(m.to_name, btrim(o.name)) AS name, o.i FROM unnest(s."majors") WITH ORDINALITY AS o(name, i)
            LEFT JOIN unnest($1::text[], $2::text[]) AS m(from_name, to_name) ON m.from_name = btrim(o.name)) x ORDER BY x.name, x.i)
        WHERE s."majors" && $1::text[]`,
      [from, to],
    );
    const unknown: Array<{ name: string }> = await queryRunner.query(
      `SELECT DISTINCT name FROM (SELECT "major" AS name FROM "students" UNION ALL SELECT unnest("majors") FROM "slots") n
        WHERE NOT EXISTS (SELECT 1 FROM "majors" m WHERE m."name_zh" = n.name) ORDER BY name LIMIT 50`,
    );
    if (unknown.length) {
      throw new Error(
        `Majors not in the catalogue: ${unknown.map((u) => u.name).join('、')}. Add them to MAJOR_MAPPING (or import the catalogue first) and migrate again.`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "students" ADD CONSTRAINT "students_major" FOREIGN KEY ("major") REFERENCES "majors"("name_zh") ON DELETE RESTRICT ON UPDATE CASCADE`,
    );

    // Search terms of every slot: title, description, majors and skills.
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const slots: Array<{ id: string; title: string; description: string; majors: string[]; skills: string[] }> = await queryRunner.query(
        `SELECT id, title, description, majors, skills FROM "slots" WHERE id > $1 ORDER BY id LIMIT 5000`,
        [after],
      );
      if (!slots.length) break;
      await queryRunner.query(
        `UPDATE "slots" s SET "search_terms" = ARRAY(SELECT jsonb_array_elements_text(t.terms)) FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, terms jsonb) WHERE s.id = t.id`,
        [
          JSON.stringify(
            slots.map((s) => ({ id: s.id, terms: searchTerms([s.title, s.description, ...s.majors, ...s.skills].join(' ')) })),
          ),
        ],
      );
      after = slots[slots.length - 1].id;
    }

    // The platform admin imports the catalogue: an import of no school.
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "imports_kind"`);
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "imports_kind" CHECK ("kind" IN ('students', 'teachers', 'headcounts', 'majors'))`,
    );
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "imports_school"`);
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "imports_school" CHECK (("kind" IN ('headcounts', 'majors')) = ("school_id" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "imports" WHERE "kind" = 'majors'`);
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "imports_school"`);
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "imports_school" CHECK (("kind" = 'headcounts') = ("school_id" IS NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "imports_kind"`);
    await queryRunner.query(`ALTER TABLE "imports" ADD CONSTRAINT "imports_kind" CHECK ("kind" IN ('students', 'teachers', 'headcounts'))`);
    await queryRunner.query(`ALTER TABLE "students" DROP CONSTRAINT "students_major"`);
    await queryRunner.query(`DROP TABLE "search_synonyms"`);
    await queryRunner.query(`DROP TABLE "majors"`);
  }
}
