// Shared by every page: messages from the page's hidden list, the CSRF token from its meta tag,
// calls to the API that turn refusals into sentences, and the sign-out button.

const messages = new Map();
for (const item of document.querySelectorAll('#messages li')) {
  messages.set(item.dataset.key, item.textContent);
}

/** The message for a key, with {0}, {1}... filled in. */
export function t(key, ...values) {
  const text = messages.get(key) ?? messages.get('error.generic') ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)] ?? ''));
}

/** The message for a key, or the fallback when the bundles have none. */
export function tOr(key, fallback) {
  return messages.has(key) ? messages.get(key) : fallback;
}

/** The words for an error code the API answered with. */
export function errorText(code) {
  return messages.has('error.' + code) ? messages.get('error.' + code) : t('error.generic');
}

export function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content ?? '';
}

/** Shows a message in the page's live region, as an error (role alert) or as news. */
export function say(text, isError = false) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
  status.setAttribute('role', isError ? 'alert' : 'status');
}

/** A refusal from the API: its code, and the sentence to show for it. */
export class ApiError extends Error {
  constructor(code) {
    super(errorText(code));
    this.code = code;
  }
}

/**
 * Calls an API route with the session cookie and the CSRF token. A JSON body is sent as JSON;
 * a Blob or URLSearchParams as it is. Answers the parsed JSON (or the text), throws ApiError.
 */
export async function api(method, path, body, headers = {}) {
  const init = { method, headers: { 'X-CSRF-Token': csrfToken(), ...headers }, credentials: 'same-origin' };
  if (body instanceof Blob || body instanceof URLSearchParams) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError('NETWORK');
  }
  const type = response.headers.get('Content-Type') ?? '';
  const answer = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(answer?.code ?? 'INTERNAL');
  }
  return answer;
}

/** Runs an action from a form or button, showing progress and any refusal in words. */
export async function act(action) {
  say(t('js.working'));
  try {
    await action();
  } catch (e) {
    say(e instanceof ApiError ? (e.code === 'NETWORK' ? t('js.network') : e.message) : t('error.generic'), true);
  }
}

/** A new element from a <template>, its fields filled by class name. */
export function fromTemplate(id, fields) {
  const node = document.getElementById(id).content.firstElementChild.cloneNode(true);
  for (const [name, value] of Object.entries(fields)) {
    const target = node.querySelector('.' + name);
    if (target) target.textContent = value;
  }
  return node;
}

document.getElementById('sign-out')?.addEventListener('click', () =>
  act(async () => {
    await api('DELETE', '/web/sessions/current');
    window.location.assign('/');
  }),
);
