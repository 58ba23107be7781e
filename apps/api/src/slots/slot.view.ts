import type { SlotView } from '@skillbridge/contracts';
import type { Slot } from '@skillbridge/db';

export const slotView = (slot: Slot, enterpriseName: string, warnings: string[] = []): SlotView => ({
  id: slot.id,
  enterpriseId: slot.enterpriseId,
  enterpriseName,
  type: slot.type,
  title: slot.title,
  description: slot.description,
  majors: slot.majors,
  skills: slot.skills,
  district: slot.district,
  startDate: slot.startDate,
  endDate: slot.endDate,
  capacity: slot.capacity,
  taken: slot.taken,
  seatsLeft: Math.max(slot.capacity - slot.taken, 0),
  stipend: slot.stipend,
  postWage: slot.postWage,
  postStaff: slot.postStaff,
  hoursPerDay: slot.hoursPerDay,
  nightShift: slot.nightShift,
  applicationDeadline: slot.applicationDeadline,
  state: slot.state,
  publishedAt: slot.publishedAt?.toISOString() ?? null,
  warnings,
});
