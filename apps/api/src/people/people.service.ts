import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StudentView, TeacherView } from '@skillbridge/contracts';
import { Student, Teacher } from '@skillbridge/db';
import { Actor, notFound } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { UpdateStudentProfileDto } from './dto/person.dto';
import { studentView, teacherView } from './views';

/** A student's or teacher's own profile. */
@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async student(actor: Actor): Promise<StudentView> {
    const student = await this.db.getRepository(Student).findOne({ where: { userId: actor.userId }, relations: { user: true } });
    if (!student?.user) throw notFound('The student profile');
    return studentView({ ...student, user: student.user });
  }

  async updateStudent(actor: Actor, body: UpdateStudentProfileDto): Promise<StudentView> {
    const tidy = (items: string[]) => [...new Set(items.map((item) => item.trim()).filter(Boolean))];
    const changes = {
      ...(body.skills && { skills: tidy(body.skills) }),
      ...(body.certificates && { certificates: tidy(body.certificates) }),
      ...(body.preferredDistricts && { preferredDistricts: tidy(body.preferredDistricts) }),
      ...(body.selfIntroduction !== undefined && { selfIntroduction: body.selfIntroduction.trim() }),
    };
    if (Object.keys(changes).length) await this.db.getRepository(Student).update({ userId: actor.userId }, changes);
    return this.student(actor);
  }

  async teacher(actor: Actor): Promise<TeacherView> {
    const teacher = await this.db.getRepository(Teacher).findOne({ where: { userId: actor.userId }, relations: { user: true } });
    if (!teacher?.user) throw notFound('The teacher profile');
    return teacherView({ ...teacher, user: teacher.user });
  }
}
