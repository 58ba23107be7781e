import type {
  CreateMatchRoundRequest,
  MatchApplicantsView,
  MatchResultView,
  MatchRoundView,
  Page,
  SecondRoundRequest,
  SlotView,
} from '@skillbridge/contracts';
import type { MatchRoundMove } from '@skillbridge/domain';
import { api } from './client';

/** 撮合轮次: match rounds — lists, rankings, runs, results. */

const round = (id: string) => `/match-rounds/${encodeURIComponent(id)}`;

export const roundsApi = {
  list: () => api.get<MatchRoundView[]>('/match-rounds'),
  get: (id: string) => api.get<MatchRoundView>(round(id)),
  create: (body: CreateMatchRoundRequest) => api.post<MatchRoundView>('/match-rounds', body),
  secondRound: (id: string, body: SecondRoundRequest) => api.post<MatchRoundView>(`${round(id)}/second-round`, body),
  move: (id: string, move: MatchRoundMove) => api.post<MatchRoundView>(`${round(id)}/${move}`),
  preferences: (id: string, slotIds: string[]) => api.put<MatchRoundView>(`${round(id)}/preferences`, { slotIds }),
  applicants: (id: string, slotId: string) => api.get<MatchApplicantsView>(`${round(id)}/applicants/${encodeURIComponent(slotId)}`),
  rank: (id: string, slotId: string, studentIds: string[]) =>
    api.put<MatchApplicantsView>(`${round(id)}/rankings/${encodeURIComponent(slotId)}`, { studentIds }),
  automatic: (id: string, slotId: string) => api.delete<MatchApplicantsView>(`${round(id)}/rankings/${encodeURIComponent(slotId)}`),
  result: (id: string, offset = 0, limit = 50) => api.get<MatchResultView>(`${round(id)}/result`, { offset, limit }),
  /** Open internship and apprenticeship slots a round may take (the owner's picker). */
  openSlots: (query: { q?: string; cursor?: string; type?: string }) => api.get<Page<SlotView>>('/slots', { ...query, limit: 50 }),
};
