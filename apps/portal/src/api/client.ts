import { ROLES, type Problem, type Role, type TokenPair } from '@skillbridge/contracts';

/**
 * The portal's one HTTP client: every call to the API goes through `api.*` here.
 *
 * - Bearer access token from the stored token pair.
 * - On a 401 it refreshes once (a refresh token works once, so the new pair is stored at once) and
 *   retries; concurrent 401s share one refresh call. When the refresh fails the session ends.
 * - Every error becomes an `ApiError` carrying the RFC 9457 problem the API sent.
 */

export const API_BASE = '/api/v1';

const STORAGE_KEY = 'skillbridge.tokens';

export type StoredTokens = Pick<TokenPair, 'accessToken' | 'refreshToken'>;

type Listener = (tokens: StoredTokens | null) => void;

/** The token pair in localStorage, shared by every tab of the portal. */
export const tokenStore = {
  listeners: new Set<Listener>(),

  get(): StoredTokens | null {
    try {
      const raw = localStorage.getItem(STORAGE_KEY);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<StoredTokens>;
      return parsed.accessToken && parsed.refreshToken ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken } : null;
    } catch {
      return null;
    }
  },

  /**
   * The role the stored access token names (its `role` claim), unverified: only a hint of which page to fetch
   * early (routes.tsx). Who the user is and what they may do is GET /me's answer and the API's checks.
   */
  role(): Role | null {
    const token = tokenStore.get()?.accessToken;
    try {
      const payload = token?.split('.')[1];
      if (!payload) return null;
      const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: unknown };
      return (ROLES as readonly unknown[]).includes(claims.role) ? (claims.role as Role) : null;
    } catch {
      return null;
    }
  },

  set(tokens: StoredTokens | null): void {
    if (tokens) localStorage.setItem(STORAGE_KEY, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }));
    else localStorage.removeItem(STORAGE_KEY);
    this.listeners.forEach((listener) => listener(tokens));
  },

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    // Another tab signing in or out changes this tab's session too.
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_KEY || event.key === null) listener(tokenStore.get());
    };
    window.addEventListener('storage', onStorage);
    return () => {
      this.listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  },
};

/** An error answer of the API, or a network failure dressed as one (status 0, code `NETWORK_ERROR`). */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds from a `Retry-After` header (429), when the API sent one. */
  readonly retryAfterSeconds?: number;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Send no token and never refresh (login, refresh, self-registration). */
  anonymous?: boolean;
  /** The answer is a file (CSV), not JSON. */
  blob?: boolean;
  signal?: AbortSignal;
}

/** The language the API should write `detail` in; set by the i18n module. */
let acceptLanguage = 'zh-CN';
export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

function urlOf(path: string, query?: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(method: string, path: string, options: RequestOptions, accessToken: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': acceptLanguage };
  // A FormData body (an upload) sets its own multipart content type and boundary; a file (a PDF to verify) goes as its bytes.
  const form = options.body instanceof FormData;
  const file = options.body instanceof Blob;
  if (file) headers['Content-Type'] = (options.body as Blob).type || 'application/octet-stream';
  else if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (accessToken && !options.anonymous) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(urlOf(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : form || file ? (options.body as FormData | Blob) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'The server could not be reached',
      code: 'NETWORK_ERROR',
    });
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: Partial<Problem> = {};
  try {
    body = (await response.json()) as Partial<Problem>;
  } catch {
    // Not JSON (a proxy's error page, say): describe it from the status alone.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    {
      type: body.type ?? 'about:blank',
      title: body.title ?? response.statusText,
      status: body.status ?? response.status,
      detail: body.detail ?? response.statusText,
      // No problem JSON at all: not the API speaking but a proxy in front of it that could not reach it.
      code: body.code ?? (response.status >= 500 ? 'UNAVAILABLE' : 'BAD_REQUEST'),
      ...(body.errors ? { errors: body.errors } : {}),
      ...(body.requestId ? { requestId: body.requestId } : {}),
      // The numbers of the broken rule, which the portal's texts put in their words.
      ...(body.facts ? { facts: body.facts } : {}),
    },
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The refresh in flight, shared by every request that got a 401 meanwhile. */
let refreshing: Promise<StoredTokens | null> | null = null;

function refreshTokens(): Promise<StoredTokens | null> {
  refreshing ??= (async () => {
    const current = tokenStore.get();
    if (!current) return null;
    try {
      const response = await send('POST', '/auth/refresh', { body: { refreshToken: current.refreshToken }, anonymous: true }, null);
      if (!response.ok) return null;
      const pair = (await response.json()) as TokenPair;
      const next = { accessToken: pair.accessToken, refreshToken: pair.refreshToken };
      tokenStore.set(next);
      return next;
    } catch {
      return null;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const usedToken = options.anonymous ? null : (tokenStore.get()?.accessToken ?? null);
  let response = await send(method, path, options, usedToken);

  if (response.status === 401 && usedToken) {
    // Another request may have rotated the pair while this one was under way: use the new one.
    const latest = tokenStore.get();
    const fresh = latest && latest.accessToken !== usedToken ? latest : await refreshTokens();
    if (!fresh) {
      tokenStore.set(null);
      throw await problemOf(response);
    }
    // The refused answer is done with: let it go. Unread, a no-store answer stays in flight (its body
    // waits for a reader) and holds its connection for as long as the page lives.
    await response.body?.cancel().catch(() => undefined);
    response = await send(method, path, options, fresh.accessToken);
    if (response.status === 401) {
      tokenStore.set(null);
    }
  }

  if (!response.ok) throw await problemOf(response);
  return options.blob ? ((await response.blob()) as T) : parse<T>(response);
}

/** Hands a file the API sent (an export, a template, activation codes) to the browser to save. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A multipart form with a file. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
  /** A file the API sends (CSV, XLSX), as a Blob; `saveFile` hands it to the browser. */
  download: (method: 'GET' | 'POST', path: string, query?: Query) => request<Blob>(method, path, { query, blob: true }),
};
