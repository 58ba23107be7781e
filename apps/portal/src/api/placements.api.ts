import type { Page, PlacementView } from '@skillbridge/contracts';
import { api } from './client';

const placement = (id: string) => `/placements/${encodeURIComponent(id)}`;

export interface CompletePlacementRequest {
  evaluation: string;
  /** Teacher practice: the days actually served. */
  daysServed?: number;
}

/** Placements: each side its own. */
export const placementsApi = {
  list: (year?: number, cursor?: string) => api.get<Page<PlacementView>>('/placements', { year, cursor }),
  get: (id: string) => api.get<PlacementView>(placement(id)),
  activate: (id: string, insurancePolicyNo: string) => api.post<PlacementView>(`${placement(id)}/activate`, { insurancePolicyNo }),
  complete: (id: string, body: CompletePlacementRequest) => api.post<PlacementView>(`${placement(id)}/complete`, body),
};
