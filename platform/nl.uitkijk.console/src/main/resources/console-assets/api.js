// The REST API with the session cookie; every change carries the session's CSRF token. A 401 means the session
// ended: the console goes back to the sign-in form and says so.
let csrfToken = null;
let onSessionEnded = () => {};

export function whenSessionEnds(callback) {
  onSessionEnded = callback;
}

export function useCsrfToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, message, problems = [], reason = null) {
    super(message);
    this.status = status;
    this.problems = problems; // [{field, message}] of a 400
    this.reason = reason; // {code, params} where the server gave a reason a console translates
  }
}

export async function api(method, path, body) {
  // X-Requested-With: the server answers 401 without a Basic challenge, so the browser opens no login dialog.
  const sentWith = csrfToken;
  const headers = { Accept: 'application/json', 'X-Requested-With': 'uitkijk-console' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`/api/v1/${path}`, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && path !== 'session') {
    // Only the session this request was sent in can have ended: a late answer to the previous user's request
    // (the wall's poll, say) must not sign out the user who signed in meanwhile.
    if (sentWith !== null && sentWith === csrfToken) onSessionEnded();
    throw new ApiError(401, 'session ended');
  }
  if (!response.ok) {
    let message = response.statusText;
    let problems = [];
    let reason = null;
    try {
      const body = await response.json();
      message = body.message ?? message;
      problems = body.problems ?? [];
      reason = body.reason ? { ...body.reason, message } : null;
    } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, message, problems, reason);
  }
  return response.status === 204 ? null : response.json();
}
