import type {
  BookingStatus,
  BookingView,
  Page,
  PracticeDayView,
  SchoolComplianceSummary,
  SchoolComplianceView,
  SlotView,
  TeacherComplianceView,
} from '@skillbridge/contracts';
import { api } from './client';

/** 教师企业实践 (§12): practice slots, bookings and the yearly compliance of teachers and schools. */

export interface PracticeSlotsQuery {
  cursor?: string;
  limit?: number;
  /** Chinese or English words in the title or description. */
  q?: string;
  district?: string;
}

export interface BookRequest {
  /** YYYY-MM-DD, after today and inside the slot's window. */
  startDate: string;
  endDate: string;
}

export interface BookingsQuery {
  year?: number;
  status?: BookingStatus;
}

export interface CompleteBookingRequest {
  daysServed: number;
  evaluation?: string;
}

const slot = (id: string) => `/slots/${encodeURIComponent(id)}`;
const booking = (id: string) => `/bookings/${encodeURIComponent(id)}`;

export const practiceApi = {
  /** Open teacher-practice slots of every enterprise. */
  slots: (query: PracticeSlotsQuery) => api.get<Page<SlotView>>('/slots', { ...query, type: 'teacher_practice' }),
  slot: (id: string) => api.get<SlotView>(slot(id)),
  /** Teachers booked and free capacity per day, `from`–`to` inclusive (at most 400 days). */
  calendar: (slotId: string, from: string, to: string) => api.get<PracticeDayView[]>(`${slot(slotId)}/calendar`, { from, to }),
  book: (slotId: string, body: BookRequest) => api.post<BookingView>(`${slot(slotId)}/bookings`, body),
  /** A teacher's own, an enterprise's, a school's teachers' (EDU: all). */
  bookings: (query: BookingsQuery = {}) => api.get<BookingView[]>('/bookings', { ...query }),
  booking: (id: string) => api.get<BookingView>(booking(id)),
  confirm: (id: string) => api.post<BookingView>(`${booking(id)}/confirm`),
  cancel: (id: string) => api.post<BookingView>(`${booking(id)}/cancel`),
  complete: (id: string, body: CompleteBookingRequest) => api.post<BookingView>(`${booking(id)}/complete`, body),
  myCompliance: (year: number) => api.get<TeacherComplianceView>('/teachers/me/compliance', { year }),
  teacherCompliance: (teacherId: string, year: number) =>
    api.get<TeacherComplianceView>(`/teachers/${encodeURIComponent(teacherId)}/compliance`, { year }),
  schoolCompliance: (schoolId: string, year: number) =>
    api.get<SchoolComplianceView>(`/schools/${encodeURIComponent(schoolId)}/compliance`, { year }),
  /** Every school's summary (EDU officers, the platform admin). */
  schoolsCompliance: (year: number) => api.get<SchoolComplianceSummary[]>('/schools/compliance', { year }),
};
