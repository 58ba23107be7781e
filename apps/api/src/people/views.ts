import type { StudentView, TeacherView } from '@skillbridge/contracts';
import type { Student, Teacher, User } from '@skillbridge/db';

export const studentView = (student: Student & { user: User }): StudentView => ({
  id: student.userId,
  name: student.user.name,
  email: student.user.email,
  schoolId: student.schoolId,
  dateOfBirth: student.dateOfBirth,
  major: student.major,
  enrolmentYear: student.enrolmentYear,
  skills: student.skills,
  certificates: student.certificates,
  preferredDistricts: student.preferredDistricts,
  className: student.className,
  selfIntroduction: student.selfIntroduction,
});

export const teacherView = (teacher: Teacher & { user: User }): TeacherView => ({
  id: teacher.userId,
  name: teacher.user.name,
  email: teacher.user.email,
  schoolId: teacher.schoolId,
  specialty: teacher.specialty,
  specialtyCourseTeacher: teacher.specialtyCourseTeacher,
  dualQualified: teacher.dualQualified,
});
