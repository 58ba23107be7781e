import type { CreateSlotRequest, Page, RecommendedSlot, SlotState, SlotType, SlotView } from '@skillbridge/contracts';
import { api } from './client';

export interface SearchSlotsQuery {
  cursor?: string;
  limit?: number;
  type?: SlotType;
  /** Chinese or English words in the title or description. */
  q?: string;
  major?: string;
  district?: string;
  /** Slots starting on or after this date (YYYY-MM-DD). */
  from?: string;
  /** Slots ending on or before this date (YYYY-MM-DD). */
  to?: string;
}

export interface OwnSlotsQuery {
  cursor?: string;
  limit?: number;
  state?: SlotState;
}

export type UpdateSlotRequest = Partial<CreateSlotRequest>;

const slot = (id: string) => `/slots/${encodeURIComponent(id)}`;

export const slotsApi = {
  /** Open slots of every enterprise. */
  search: (query: SearchSlotsQuery) => api.get<Page<SlotView>>('/slots', { ...query }),
  /** An enterprise's own slots, in every state (its admins only). */
  ofEnterprise: (enterpriseId: string, query: OwnSlotsQuery) => api.get<Page<SlotView>>('/slots', { ...query, enterpriseId }),
  recommended: (limit = 20) => api.get<RecommendedSlot[]>('/slots/recommended', { limit }),
  get: (id: string) => api.get<SlotView>(slot(id)),
  create: (body: CreateSlotRequest) => api.post<SlotView>('/slots', body),
  update: (id: string, body: UpdateSlotRequest) => api.patch<SlotView>(slot(id), body),
  publish: (id: string) => api.post<SlotView>(`${slot(id)}/publish`),
  close: (id: string) => api.post<SlotView>(`${slot(id)}/close`),
};
