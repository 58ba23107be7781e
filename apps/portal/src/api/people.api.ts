import type { StudentView, TeacherView } from '@skillbridge/contracts';
import { api } from './client';

export type UpdateStudentProfileRequest = Partial<Pick<StudentView, 'skills' | 'certificates' | 'preferredDistricts'>>;

export const peopleApi = {
  myStudentProfile: () => api.get<StudentView>('/students/me'),
  updateMyStudentProfile: (body: UpdateStudentProfileRequest) => api.patch<StudentView>('/students/me', body),
  myTeacherProfile: () => api.get<TeacherView>('/teachers/me'),
};
