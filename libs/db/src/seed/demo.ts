import { slotSearchTerms, usccCheckCharacter } from '@skillbridge/domain';
import { DataSource, EntityManager } from 'typeorm';
import { EnterpriseHeadcount, Organisation, Placement, Slot, Student, Teacher, User } from '../entities';
import { run } from '../query/statement';
import { CERTIFICATES, DISTRICTS, ENTERPRISES, GIVEN_NAMES, MAJORS, SCHOOLS, SKILLS_BY_MAJOR, SLOT_TITLES, SURNAMES } from './demo-data';
import { HOSTABLE_STUDENTS } from './demo.statements';

export const DEMO_PASSWORD = 'Demo#2026';
const DOMAIN = 'demo.skillbridge.cn';
const demoEmail = (local: string): string => `${local}@${DOMAIN}`;

/** Deterministic pseudo-random numbers (mulberry32), so the demo is the same on every machine. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid USCC for a Lanzhou (620100) company registered with the market regulator (91). */
function demoUscc(index: number): string {
  const body = `91620100MA7${String(100000 + index * 7919).slice(-6)}`;
  return body + usccCheckCharacter(body);
}

export async function isSeeded(db: DataSource): Promise<boolean> {
  const found = await db.getRepository(User).existsBy({ email: demoEmail('admin') });
  return found;
}

/**
 * Loads the demo city: two schools, 20 teachers, 200 students, 30 enterprises of every ownership
 * with headcounts, open slots, and one account per role (password `Demo#2026`). One transaction.
 * The caller hashes the password (libs/accounts' hashPassword: libs/db depends on no feature library)
 * and computes the quota figures afterwards (libs/db-cli does both).
 */
export async function seedDemo(db: DataSource, hashPassword: (password: string) => Promise<string>, today = new Date()): Promise<void> {
  const random = randomSource(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // One hash for every demo account: hashing 230 passwords with argon2 would take seconds.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const year = today.getUTCFullYear();
  let personIndex = 0;
  const personName = (): string => SURNAMES[personIndex % SURNAMES.length] + GIVEN_NAMES[(personIndex++ * 7) % GIVEN_NAMES.length];

  await db.transaction(async (tx: EntityManager) => {
    await loadDemo(tx);
  });

  async function loadDemo(tx: EntityManager): Promise<void> {
    const users = tx.getRepository(User);
    const organisations = tx.getRepository(Organisation);

    await users.insert([
      { email: demoEmail('admin'), passwordHash, name: '平台管理员', role: 'platform_admin', organisationId: null, authority: null },
      { email: demoEmail('miit'), passwordHash, name: '市工信局 王科长', role: 'bureau_officer', organisationId: null, authority: 'MIIT' },
      {
        email: demoEmail('sasac'),
        passwordHash,
        name: '市国资委 李处长',
        role: 'bureau_officer',
        organisationId: null,
        authority: 'SASAC',
      },
      { email: demoEmail('edu'), passwordHash, name: '市教育局 张科长', role: 'bureau_officer', organisationId: null, authority: 'EDU' },
    ]);

    // Schools, each with an admin, ten teachers and a hundred students.
    let higherSchoolId = '';
    for (const [s, school] of SCHOOLS.entries()) {
      const { identifiers } = await organisations.insert({
        kind: 'school',
        name: school.name,
        district: school.district,
        schoolLevel: school.level,
        verification: 'verified',
        verifiedAt: today,
      });
      const schoolId = identifiers[0].id as string;
      if (school.level === 'higher') higherSchoolId = schoolId;
      await users.insert({
        email: demoEmail(s === 0 ? 'school' : `school${s + 1}`),
        passwordHash,
        name: `${school.name} 教务处`,
        role: 'school_admin',
        organisationId: schoolId,
        authority: null,
      });

      for (let t = 0; t < 10; t++) {
        const email = s === 0 && t === 0 ? demoEmail('teacher') : demoEmail(`teacher${s * 10 + t + 1}`);
        const { identifiers: ids } = await users.insert({
          email,
          passwordHash,
          name: personName(),
          role: 'teacher',
          organisationId: schoolId,
          authority: null,
        });
        await tx.getRepository(Teacher).insert({
          userId: ids[0].id as string,
          schoolId,
          specialty: MAJORS[(s * 10 + t) % MAJORS.length],
          specialtyCourseTeacher: t < 8,
          dualQualified: t < 5 || (s === 1 && t < 6),
        });
      }

      const studentUsers = [];
      const studentProfiles = [];
      for (let n = 0; n < 100; n++) {
        const email = s === 0 && n === 0 ? demoEmail('student') : demoEmail(`student${s * 100 + n + 1}`);
        const major = s === 0 && n === 0 ? '机电一体化技术' : pick(MAJORS);
        // Secondary students are 15–18, higher-vocational students 18–21; student@ is a second-year of 18.
        const enrolmentYear = s === 0 && n === 0 ? year - 1 : year - Math.floor(random() * 3);
        const age = (school.level === 'secondary' ? 15 : 18) + (year - enrolmentYear) + Math.floor(random() * 2);
        const birth = new Date(Date.UTC(year - (s === 0 && n === 0 ? 18 : age), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
        studentUsers.push({ email, passwordHash, name: personName(), role: 'student' as const, organisationId: schoolId, authority: null });
        studentProfiles.push({
          schoolId,
          major,
          enrolmentYear,
          dateOfBirth: birth.toISOString().slice(0, 10),
          skills: SKILLS_BY_MAJOR[major].filter(() => random() < 0.6),
          certificates: random() < 0.3 ? [pick(CERTIFICATES)] : [],
          preferredDistricts: [pick(DISTRICTS), school.district].filter((d, i, all) => all.indexOf(d) === i),
        });
      }
      const { identifiers: studentIds } = await users.insert(studentUsers);
      await tx.getRepository(Student).insert(studentProfiles.map((profile, i) => ({ ...profile, userId: studentIds[i].id as string })));
    }

    // Interns this year: some enterprises hosted the students of the 高职 (spring to summer), so the
    // bureaus' dashboards have every status to show.
    const hostable = (await run(tx, HOSTABLE_STUDENTS, [year - 1])).map((row) => row.user_id);

    // Enterprises with their admins, two years of headcounts, and their open slots.
    let privateAdmins = 0;
    let soeAdmins = 0;
    for (const [e, enterprise] of ENTERPRISES.entries()) {
      const trainingBase = enterprise.industry === '职业培训';
      const { identifiers } = await organisations.insert({
        kind: trainingBase ? 'training_base' : 'enterprise',
        name: enterprise.name,
        district: enterprise.district,
        uscc: demoUscc(e + 1),
        ownership: enterprise.ownership,
        industry: enterprise.industry,
        verification: enterprise.verified ? 'verified' : 'unverified',
        verifiedAt: enterprise.verified ? today : null,
      });
      const enterpriseId = identifiers[0].id as string;
      let local = `hr${e + 1}`;
      if (enterprise.ownership === 'private' && privateAdmins++ === 0) local = 'hr';
      if (enterprise.ownership === 'municipal_soe' && soeAdmins++ === 0) local = 'hr-soe';
      await users.insert({
        email: demoEmail(local),
        passwordHash,
        name: `${enterprise.name.slice(0, 6)} 人力资源部`,
        role: 'enterprise_admin',
        organisationId: enterpriseId,
        authority: null,
      });
      await tx.getRepository(EnterpriseHeadcount).insert([
        { organisationId: enterpriseId, year: year - 1, employees: Math.round(enterprise.employees * 0.96) },
        { organisationId: enterpriseId, year, employees: enterprise.employees },
      ]);
      if (!enterprise.verified) continue;

      const required = Math.ceil(enterprise.employees * 0.02);
      const hosted = required <= 6 ? (e % 3 === 0 ? required : e % 3 === 1 ? Math.floor(required / 2) : 0) : 0;
      const interns = hostable.splice(0, hosted);
      if (interns.length > 0) {
        const { identifiers: past } = await tx.getRepository(Slot).insert({
          enterpriseId,
          type: 'internship',
          title: `${year} 年岗位实习`,
          description: `${enterprise.name} ${year} 年春季岗位实习`,
          majors: SLOT_TITLES[enterprise.industry]?.[0]?.majors ?? [],
          district: enterprise.district,
          startDate: `${year}-03-01`,
          endDate: `${year}-08-31`,
          capacity: interns.length,
          taken: interns.length,
          stipend: '3000.00',
          postWage: '3600.00',
          state: 'closed',
          publishedAt: today,
        });
        await tx.getRepository(Placement).insert(
          interns.map((personId) => ({
            kind: 'student' as const,
            slotId: past[0].id as string,
            enterpriseId,
            personId,
            schoolId: higherSchoolId,
            slotType: 'internship' as const,
            startDate: `${year}-03-01`,
            endDate: `${year}-08-31`,
            status: 'completed' as const,
            insurancePolicyNo: `PICC-${year}-${personId.slice(0, 8)}`,
            // Started on its first day and completed on its last (9:00 in Lanzhou): the days served are the slot's.
            activatedAt: new Date(`${year}-03-01T09:00:00+08:00`),
            completedAt: new Date(`${year}-08-31T18:00:00+08:00`),
            evaluation: '按时完成实习任务，表现良好',
          })),
        );
      }

      // Every fifth enterprise (and the training base) also hosts teachers' practice months (§12).
      const slots = [...(SLOT_TITLES[enterprise.industry] ?? [])];
      if (!trainingBase && e % 5 === 0)
        slots.push({
          title: `${enterprise.industry}教师企业实践`,
          majors: SLOT_TITLES[enterprise.industry]?.[0]?.majors ?? [],
          practice: true,
        });
      await tx.getRepository(Slot).insert(
        slots.map((slot, i) => {
          const practice = trainingBase || slot.practice === true;
          const apprenticeship = !practice && slot.title.includes('学徒');
          const wage = 3200 + Math.floor(random() * 20) * 100;
          const description = `${enterprise.name}提供的${slot.title}岗位，配备企业导师，按月发放实习报酬，购买实习责任保险。`;
          const skills = slot.majors.flatMap((major) => SKILLS_BY_MAJOR[major] ?? []).slice(0, 3);
          return {
            enterpriseId,
            type: practice ? ('teacher_practice' as const) : apprenticeship ? ('apprenticeship' as const) : ('internship' as const),
            title: slot.title,
            description,
            searchTerms: slotSearchTerms({ title: slot.title, description, majors: slot.majors, skills }),
            majors: slot.majors,
            skills,
            district: enterprise.district,
            startDate: practice ? `${year + 1}-01-01` : `${year + 1}-03-01`,
            endDate: practice ? `${year + 1}-12-31` : apprenticeship ? `${year + 2}-02-28` : `${year + 1}-08-31`,
            capacity: practice ? 2 + (e % 3) : 2 + ((e + i) % 5) * 2,
            stipend: practice ? null : (wage * 0.85).toFixed(2),
            postWage: practice ? null : wage.toFixed(2),
            hoursPerDay: '8.0',
            applicationDeadline: practice ? null : `${year + 1}-02-15`,
            state: 'open' as const,
            publishedAt: today,
          };
        }),
      );
    }
  }
}
