import type { StudentView, TeacherView, UpdateStudentProfileRequest } from '@skillbridge/contracts';
import { api } from './client';

export type { UpdateStudentProfileRequest };

export const peopleApi = {
  myStudentProfile: () => api.get<StudentView>('/students/me'),
  updateMyStudentProfile: (body: UpdateStudentProfileRequest) => api.patch<StudentView>('/students/me', body),
  myTeacherProfile: () => api.get<TeacherView>('/teachers/me'),
};
