import { usccCheckCharacter } from '@skillbridge/domain';
import { DataSource, EntityManager } from 'typeorm';
import { EnterpriseHeadcount, Organisation, Student, Teacher, User } from '../entities';
import { CERTIFICATES, DISTRICTS, ENTERPRISES, GIVEN_NAMES, MAJORS, SCHOOLS, SKILLS_BY_MAJOR, SURNAMES } from './demo-data';
import { DemoPeople, DemoStudent, demoDay, loadLivingYear } from './demo-year';

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
 * with headcounts, and one account per role (password `Demo#2026`); then the year under way on the
 * day it is loaded (`today`, read as Lanzhou's date: demo-year.ts): slots, placements, applications,
 * practice months, two match rounds and the events that tell people. One transaction.
 * The caller hashes the password (libs/accounts' hashPassword: libs/db depends on no feature library),
 * runs and publishes the demo's ranked round (`DEMO_ROUND_TO_PUBLISH`) and computes the quota figures
 * afterwards (libs/db-cli does all three).
 */
export async function seedDemo(db: DataSource, hashPassword: (password: string) => Promise<string>, today = new Date()): Promise<void> {
  const random = randomSource(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // One hash for every demo account: hashing 230 passwords with argon2 would take seconds.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const year = Number(demoDay(today).slice(0, 4));
  // The school year under way began in September: this one's, or (January to August) last year's.
  const schoolYear = Number(demoDay(today).slice(5, 7)) >= 9 ? year : year - 1;
  let personIndex = 0;
  const personName = (): string => SURNAMES[personIndex % SURNAMES.length] + GIVEN_NAMES[(personIndex++ * 7) % GIVEN_NAMES.length];

  await db.transaction(async (tx: EntityManager) => {
    const people = await loadDemo(tx);
    await loadLivingYear(tx, people, today, random);
  });

  async function loadDemo(tx: EntityManager): Promise<DemoPeople> {
    const users = tx.getRepository(User);
    const organisations = tx.getRepository(Organisation);
    const people: DemoPeople = { officers: {}, schools: [], teachers: [], students: [], enterprises: [], admins: new Map() };
    const admin = (organisationId: string, userId: string): void => {
      people.admins.set(organisationId, [...(people.admins.get(organisationId) ?? []), userId]);
    };

    const { identifiers: officerIds } = await users.insert([
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
    people.officers = { admin: officerIds[0].id as string, edu: officerIds[3].id as string };

    // Schools, each with an admin, ten teachers and a hundred students.
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
      people.schools.push({ id: schoolId, level: school.level });
      const { identifiers: adminIds } = await users.insert({
        email: demoEmail(s === 0 ? 'school' : `school${s + 1}`),
        passwordHash,
        name: `${school.name} 教务处`,
        role: 'school_admin',
        organisationId: schoolId,
        authority: null,
      });
      admin(schoolId, adminIds[0].id as string);

      for (let t = 0; t < 10; t++) {
        const local = s === 0 && t === 0 ? 'teacher' : `teacher${s * 10 + t + 1}`;
        const email = demoEmail(local);
        const { identifiers: ids } = await users.insert({
          email,
          passwordHash,
          name: personName(),
          role: 'teacher',
          organisationId: schoolId,
          authority: null,
        });
        people.teachers.push({ id: ids[0].id as string, local, schoolId });
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
      const locals: string[] = [];
      for (let n = 0; n < 100; n++) {
        const local = s === 0 && n === 0 ? 'student' : `student${s * 100 + n + 1}`;
        const email = demoEmail(local);
        locals.push(local);
        const major = s === 0 && n === 0 ? '机电一体化技术' : pick(MAJORS);
        // Secondary students are 15–18, higher-vocational students 18–21, in the three years of the school
        // year under way (none enrolled in a September still ahead); student@ is a second-year of 18.
        const enrolmentYear = s === 0 && n === 0 ? schoolYear - 1 : schoolYear - Math.floor(random() * 3);
        const age = (school.level === 'secondary' ? 15 : 18) + (schoolYear - enrolmentYear) + Math.floor(random() * 2);
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
          // 班级, as schools name them: the year of entry, the major and the class's number (two classes a major).
          className: `${enrolmentYear}级${major}${1 + (n % 2)}班`,
        });
      }
      const { identifiers: studentIds } = await users.insert(studentUsers);
      await tx.getRepository(Student).insert(studentProfiles.map((profile, i) => ({ ...profile, userId: studentIds[i].id as string })));
      people.students.push(
        ...studentProfiles.map((profile, i): DemoStudent => ({
          id: studentIds[i].id as string,
          local: locals[i],
          schoolId,
          major: profile.major,
          enrolmentYear: profile.enrolmentYear,
          dateOfBirth: profile.dateOfBirth,
        })),
      );
    }

    // Enterprises with their admins and two years of headcounts (their slots are the year's: demo-year.ts).
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
      const { identifiers: adminIds } = await users.insert({
        email: demoEmail(local),
        passwordHash,
        name: `${enterprise.name.slice(0, 6)} 人力资源部`,
        role: 'enterprise_admin',
        organisationId: enterpriseId,
        authority: null,
      });
      admin(enterpriseId, adminIds[0].id as string);
      await tx.getRepository(EnterpriseHeadcount).insert([
        { organisationId: enterpriseId, year: year - 1, employees: Math.round(enterprise.employees * 0.96) },
        { organisationId: enterpriseId, year, employees: enterprise.employees },
      ]);
      people.enterprises.push({ id: enterpriseId, index: e, local, ...enterprise, trainingBase });
    }
    return people;
  }
}
