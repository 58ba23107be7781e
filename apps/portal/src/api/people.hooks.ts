import type { StudentView } from '@skillbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MutationEvents } from './mutation-events';
import { peopleApi, type UpdateStudentProfileRequest } from './people.api';

/** TanStack Query keys of the signed-in student's or teacher's own profile. */
export const peopleKeys = {
  myStudentProfile: ['students', 'me'] as const,
  myTeacherProfile: ['teachers', 'me'] as const,
};

export function useMyStudentProfile() {
  return useQuery({ queryKey: peopleKeys.myStudentProfile, queryFn: peopleApi.myStudentProfile });
}

export function useMyTeacherProfile() {
  return useQuery({ queryKey: peopleKeys.myTeacherProfile, queryFn: peopleApi.myTeacherProfile });
}

/** The student's skills, certificates and preferred districts; the profile is shown as answered. */
export function useUpdateMyStudentProfile(events: MutationEvents<StudentView, UpdateStudentProfileRequest> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateStudentProfileRequest) => peopleApi.updateMyStudentProfile(body),
    onSuccess: (saved, body) => {
      queryClient.setQueryData(peopleKeys.myStudentProfile, saved);
      events.onSuccess?.(saved, body);
    },
    onError: events.onError,
  });
}
