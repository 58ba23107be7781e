import type { CreatedPerson, Page, SchoolLevel, SchoolView, StudentView, TeacherView } from '@skillbridge/contracts';
import { api } from './client';

export interface PageQuery {
  cursor?: string;
  limit?: number;
}

export interface CreateSchoolRequest {
  name: string;
  level: SchoolLevel;
  district: string;
}

export interface CreateStudentRequest {
  name: string;
  email: string;
  password?: string;
  dateOfBirth: string;
  major: string;
  enrolmentYear: number;
}

export interface CreateTeacherRequest {
  name: string;
  email: string;
  password?: string;
  specialty: string;
  specialtyCourseTeacher: boolean;
  dualQualified: boolean;
}

const school = (id: string) => `/schools/${encodeURIComponent(id)}`;

export const schoolsApi = {
  list: (query: PageQuery) => api.get<Page<SchoolView>>('/schools', { ...query }),
  create: (body: CreateSchoolRequest) => api.post<SchoolView>('/schools', body),
  get: (id: string) => api.get<SchoolView>(school(id)),
  students: (id: string, query: PageQuery) => api.get<Page<StudentView>>(`${school(id)}/students`, { ...query }),
  teachers: (id: string, query: PageQuery) => api.get<Page<TeacherView>>(`${school(id)}/teachers`, { ...query }),
  addStudent: (id: string, body: CreateStudentRequest) => api.post<CreatedPerson<StudentView>>(`${school(id)}/students`, body),
  addTeacher: (id: string, body: CreateTeacherRequest) => api.post<CreatedPerson<TeacherView>>(`${school(id)}/teachers`, body),
};
