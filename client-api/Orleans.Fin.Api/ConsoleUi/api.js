// The REST API as the console uses it: the bearer token lives in session storage (never in a URL) and every
// refusal surfaces as the problem's title.

const tokenKey = 'orleans-fin.console.token';

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

export const session = {
  get token() { return sessionStorage.getItem(tokenKey); },
  set token(value) {
    if (value) sessionStorage.setItem(tokenKey, value); else sessionStorage.removeItem(tokenKey);
  },
  /** The subject and roles the token claims (display only: the API decides what the token may do). */
  get claims() {
    const token = this.token;
    if (!token) return null;
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const claims = JSON.parse(atob(part.padEnd(part.length + ((4 - part.length % 4) % 4), '=')));
      const roles = [].concat(claims.role ?? []);
      return { subject: claims.sub ?? '', roles };
    } catch {
      return { subject: '', roles: [] };
    }
  },
};

/** Calls the API; resolves to the parsed JSON body (or null), rejects with an ApiError carrying the problem title. */
export async function api(path, { method = 'GET', body, token = session.token, headers = {} } = {}) {
  const request = { method, headers: { Accept: 'application/json', ...headers } };
  if (token) request.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(path, request);
  } catch {
    throw new ApiError(0, 'The node cannot be reached.', path);
  }

  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }

  if (!response.ok) {
    const title = json && typeof json.title === 'string' ? json.title : `Request failed (${response.status}).`;
    throw new ApiError(response.status, title, json?.detail);
  }

  return json;
}

/** Builds a query string from the defined, non-empty values. */
export function query(values) {
  const parts = Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
