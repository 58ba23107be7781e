// Where GET /slots/recommended spends the API's CPU: TypeORM loading the 1,000 candidates with
// their enterprise (as the API does) vs a raw query of the scoring columns only, then the domain's
// scoreSlot; 20 students, sequential, CPU of this process per call.
//
//   node bench/experiments/with-services.mjs bench/experiments/recommended-cpu.cjs
const path = require('node:path');
const ROOT = path.resolve(__dirname, '../..');
const { createDataSource, Slot } = require(path.join(ROOT, 'libs/db/dist'));
const { scoreSlot } = require(path.join(ROOT, 'libs/domain/dist'));
const { Brackets } = require('typeorm');

(async () => {
  const ds = await createDataSource(process.env.BENCH_DATABASE_URL, { extra: { max: 1 } }).initialize();
  const students = await ds.query(`SELECT * FROM students ORDER BY user_id LIMIT 20`);
  const now = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const measure = async (name, fn) => {
    for (let i = 0; i < 3; i++) await fn(students[i]);
    const c0 = cpu();
    const t0 = performance.now();
    for (const st of students) await fn(st);
    console.log(
      `${name.padEnd(60)} wall ${((performance.now() - t0) / students.length).toFixed(1)} ms, Node CPU ${((cpu() - c0) / students.length).toFixed(1)} ms per call`,
    );
  };
  const profile = (st) => ({ major: st.major, skills: st.skills, preferredDistricts: st.preferred_districts, busy: [] });
  const asTheApi = (st) =>
    ds
      .getRepository(Slot)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.enterprise', 'e')
      .where(`s.state = 'open' AND s.type IN ('internship', 'apprenticeship') AND s.taken < s.capacity`)
      .andWhere('(s.application_deadline IS NULL OR s.application_deadline >= :now) AND s.start_date >= :now', { now })
      .andWhere(
        new Brackets((w) =>
          w
            .where(':major = ANY(s.majors)', { major: st.major })
            .orWhere('s.skills && :skills::text[]', { skills: st.skills })
            .orWhere('s.district = ANY(:districts::text[])', { districts: st.preferred_districts }),
        ),
      )
      .orderBy('s.start_date')
      .limit(1000)
      .getMany();
  const raw = (st) =>
    ds.query(
      `SELECT id, majors, skills, district, start_date::text AS "startDate", end_date::text AS "endDate", capacity, taken,
              application_deadline::text AS "applicationDeadline"
         FROM slots s
        WHERE s.state = 'open' AND s.type IN ('internship', 'apprenticeship') AND s.taken < s.capacity
          AND (s.application_deadline IS NULL OR s.application_deadline >= $1) AND s.start_date >= $1
          AND ($2 = ANY(s.majors) OR s.skills && $3::text[] OR s.district = ANY($4::text[]))
        ORDER BY s.start_date LIMIT 1000`,
      [now, st.major, st.skills, st.preferred_districts],
    );
  await measure('as the API: TypeORM entities + enterprise join, 1,000 rows', asTheApi);
  await measure('  … then scoreSlot ×1,000 and sort', async (st) => {
    const p = profile(st);
    (await asTheApi(st)).map((slot) => ({ slot, ...scoreSlot(p, slot, now) })).sort((a, b) => b.score - a.score);
  });
  await measure('raw query of the scoring columns, 1,000 rows', raw);
  await measure('  … then scoreSlot ×1,000, sort, load the top 10 as entities', async (st) => {
    const p = profile(st);
    const top = (await raw(st))
      .map((slot) => ({ slot, ...scoreSlot(p, slot, now) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
    await ds
      .getRepository(Slot)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.enterprise', 'e')
      .whereInIds(top.map((t) => t.slot.id))
      .getMany();
  });
  await ds.destroy();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
