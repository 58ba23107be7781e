import type { LoginRequest, LoginResponse, MeView } from '@skillbridge/contracts';
import { api } from './client';

export const authApi = {
  login: (body: LoginRequest) => api.post<LoginResponse>('/auth/login', body, { anonymous: true }),
  logout: (refreshToken: string) => api.post<void>('/auth/logout', { refreshToken }),
  me: () => api.get<MeView>('/me'),
};
