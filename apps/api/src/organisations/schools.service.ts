import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { logPersonalDataAccess } from '@skillbridge/access-log';
import { hashPassword } from '@skillbridge/accounts';
import type { CreatedPerson, Page, SchoolView, StudentView, TeacherView } from '@skillbridge/contracts';
import { Organisation, Student, Teacher, User } from '@skillbridge/db';
import { Actor, DomainError, now } from '@skillbridge/domain';
import { randomInt } from 'crypto';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { BY_NAME, PageQuery, SortKey, paginate } from '../common/pagination';
import { CreateStudentDto, CreateTeacherDto } from '../people/dto/person.dto';
import { studentView, teacherView } from '../people/views';
import { OrganisationAccess } from '../policies/organisation-access.service';
import { CreateSchoolDto } from './dto/school.dto';
import { uniqueViolation } from './enterprises.service';
import { MajorsService } from '../majors/majors.service';

const schoolView = (o: Organisation): SchoolView => ({
  id: o.id,
  name: o.name,
  level: o.schoolLevel ?? 'secondary',
  district: o.district,
  createdAt: o.createdAt.toISOString(),
});

/** 12 characters a person can read aloud: no 0/O, 1/l/I. Always has a letter and a digit. */
export function initialPassword(): string {
  const letters = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const chars = [letters[randomInt(letters.length)], digits[randomInt(digits.length)]];
  while (chars.length < 12) chars.push(all[randomInt(all.length)]);
  return chars.sort(() => randomInt(3) - 1).join('');
}

@Injectable()
export class SchoolsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OrganisationAccess,
    private readonly majors: MajorsService,
  ) {}

  async create(body: CreateSchoolDto): Promise<SchoolView> {
    const repository = this.db.getRepository(Organisation);
    const school = await repository.save(
      repository.create({
        kind: 'school',
        name: body.name.trim(),
        schoolLevel: body.level,
        district: body.district,
        verification: 'verified',
        verifiedAt: now(),
      }),
    );
    return schoolView(school);
  }

  async get(actor: Actor, id: string): Promise<SchoolView> {
    return schoolView(await this.access.visible(actor, id, ['school']));
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<SchoolView>> {
    const page = await paginate(this.access.list(actor, ['school']), query, BY_NAME);
    return { items: page.items.map(schoolView), nextCursor: page.nextCursor };
  }

  async createStudent(actor: Actor, schoolId: string, body: CreateStudentDto): Promise<CreatedPerson<StudentView>> {
    await this.access.administrable(actor, schoolId, ['school']);
    await this.majors.assertKnown([body.major.trim()]);
    return this.createPerson(schoolId, body, 'student', async (tx, user) => {
      const student = await tx.getRepository(Student).save(
        tx.getRepository(Student).create({
          userId: user.id,
          schoolId,
          dateOfBirth: body.dateOfBirth,
          major: body.major.trim(),
          enrolmentYear: body.enrolmentYear,
          className: body.className?.trim() ?? '',
        }),
      );
      return studentView({ ...student, user });
    });
  }

  async createTeacher(actor: Actor, schoolId: string, body: CreateTeacherDto): Promise<CreatedPerson<TeacherView>> {
    await this.access.administrable(actor, schoolId, ['school']);
    return this.createPerson(schoolId, body, 'teacher', async (tx, user) => {
      const teacher = await tx.getRepository(Teacher).save(
        tx.getRepository(Teacher).create({
          userId: user.id,
          schoolId,
          specialty: body.specialty.trim(),
          specialtyCourseTeacher: body.specialtyCourseTeacher,
          dualQualified: body.dualQualified,
        }),
      );
      return teacherView({ ...teacher, user });
    });
  }

  async listStudents(actor: Actor, schoolId: string, query: PageQuery): Promise<Page<StudentView>> {
    await this.access.membersVisible(actor, schoolId, ['school']);
    const qb = this.db
      .getRepository(Student)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.school_id = :schoolId', { schoolId });
    const page = await this.personPage(qb, query, studentView);
    // Officers and the platform admin reading a school's students leave a trace in the access log.
    if (actor.role === 'bureau_officer' || actor.role === 'platform_admin') {
      await logPersonalDataAccess(
        this.db.manager,
        actor,
        page.items.map((s) => s.id),
        'schools.students',
        'supervision of the school',
      );
    }
    return page;
  }

  async listTeachers(actor: Actor, schoolId: string, query: PageQuery): Promise<Page<TeacherView>> {
    await this.access.membersVisible(actor, schoolId, ['school']);
    const qb = this.db
      .getRepository(Teacher)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.school_id = :schoolId', { schoolId });
    return this.personPage(qb, query, teacherView);
  }

  private async personPage<T extends { userId: string; user?: User }, V>(
    qb: SelectQueryBuilder<T>,
    query: PageQuery,
    view: (row: T & { user: User }) => V,
  ): Promise<Page<V>> {
    const keys: SortKey<T>[] = [
      { column: 'u.name', of: (row) => row.user?.name ?? '' },
      { column: 's.user_id', of: (row) => row.userId, kind: 'uuid' },
    ];
    const page = await paginate(qb, query, keys);
    return { items: page.items.map((row) => view(row as T & { user: User })), nextCursor: page.nextCursor };
  }

  private async createPerson<V>(
    schoolId: string,
    body: { name: string; email: string; password?: string },
    role: 'student' | 'teacher',
    createProfile: (tx: EntityManager, user: User) => Promise<V>,
  ): Promise<CreatedPerson<V>> {
    const password = body.password ?? initialPassword();
    const passwordHash = await hashPassword(password);
    try {
      const person = await this.db.transaction(async (tx) => {
        const user = await tx.getRepository(User).save(
          tx.getRepository(User).create({
            email: body.email.trim().toLowerCase(),
            passwordHash,
            name: body.name.trim(),
            role,
            organisationId: schoolId,
            authority: null,
          }),
        );
        return createProfile(tx, user);
      });
      return body.password ? { person } : { person, initialPassword: password };
    } catch (error) {
      if (uniqueViolation(error) === 'users_email')
        throw new DomainError('EMAIL_TAKEN', 'conflict', 'This e-mail address already has an account');
      throw error;
    }
  }
}
