import type { CreatedPerson, SchoolView, StudentView, TeacherView } from '@skillbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MutationEvents } from './mutation-events';
import { schoolsApi, type CreateSchoolRequest, type CreateStudentRequest, type CreateTeacherRequest, type PageQuery } from './schools.api';

/** TanStack Query keys of schools; a school's people sit under the school, so that refreshing it refreshes them. */
export const schoolKeys = {
  all: ['schools'] as const,
  list: (query: PageQuery) => ['schools', 'list', query] as const,
  one: (id: string) => ['schools', id] as const,
  studentsOf: (id: string) => ['schools', id, 'students'] as const,
  students: (id: string, query: PageQuery) => ['schools', id, 'students', query] as const,
  teachersOf: (id: string) => ['schools', id, 'teachers'] as const,
  teachers: (id: string, query: PageQuery) => ['schools', id, 'teachers', query] as const,
};

export function useSchools(query: PageQuery) {
  return useQuery({ queryKey: schoolKeys.list(query), queryFn: () => schoolsApi.list(query), placeholderData: keepPreviousData });
}

export function useSchool(id: string) {
  return useQuery({ queryKey: schoolKeys.one(id), queryFn: () => schoolsApi.get(id), enabled: !!id });
}

export function useSchoolStudents(schoolId: string, query: PageQuery) {
  return useQuery({
    queryKey: schoolKeys.students(schoolId, query),
    queryFn: () => schoolsApi.students(schoolId, query),
    placeholderData: keepPreviousData,
  });
}

export function useSchoolTeachers(schoolId: string, query: PageQuery) {
  return useQuery({
    queryKey: schoolKeys.teachers(schoolId, query),
    queryFn: () => schoolsApi.teachers(schoolId, query),
    placeholderData: keepPreviousData,
  });
}

export function useCreateSchool(events: MutationEvents<SchoolView, CreateSchoolRequest> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSchoolRequest) => schoolsApi.create(body),
    onSuccess: (school, body) => {
      void queryClient.invalidateQueries({ queryKey: schoolKeys.all });
      events.onSuccess?.(school, body);
    },
    onError: events.onError,
  });
}

export function useAddStudent(schoolId: string, events: MutationEvents<CreatedPerson<StudentView>, CreateStudentRequest> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStudentRequest) => schoolsApi.addStudent(schoolId, body),
    onSuccess: (created, body) => {
      void queryClient.invalidateQueries({ queryKey: schoolKeys.studentsOf(schoolId) });
      events.onSuccess?.(created, body);
    },
    onError: events.onError,
  });
}

export function useAddTeacher(schoolId: string, events: MutationEvents<CreatedPerson<TeacherView>, CreateTeacherRequest> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeacherRequest) => schoolsApi.addTeacher(schoolId, body),
    onSuccess: (created, body) => {
      void queryClient.invalidateQueries({ queryKey: schoolKeys.teachersOf(schoolId) });
      events.onSuccess?.(created, body);
    },
    onError: events.onError,
  });
}
