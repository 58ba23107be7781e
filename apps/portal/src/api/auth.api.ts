import type { LoginRequest, LoginResponse, MeView } from '@skillbridge/contracts';
import { api } from './client';

export const authApi = {
  login: (body: LoginRequest) => api.post<LoginResponse>('/auth/login', body, { anonymous: true }),
  logout: (refreshToken: string) => api.post<void>('/auth/logout', { refreshToken }),
  me: () => api.get<MeView>('/me'),
  /** 忘记密码: the same answer whether or not the e-mail has an account. */
  requestPasswordReset: (email: string) => api.post<void>('/auth/password-reset', { email }, { anonymous: true }),
  resetPassword: (body: { token: string; password: string }) => api.post<void>('/auth/password-reset/confirm', body, { anonymous: true }),
};
