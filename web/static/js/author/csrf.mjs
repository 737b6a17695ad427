/**
 * The CSRF token forms must send. The server issues a new one with every response and accepts only
 * the latest, so after a request made in the background every form on the page needs the new one,
 * or the next save would be refused.
 */
const FIELD = 'X-XSRF-TOKEN';

export function currentToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

export function useToken(token) {
  if (!token) {
    return;
  }
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    meta.content = token;
  }
  for (const input of document.querySelectorAll(`input[type="hidden"][name="${FIELD}"]`)) {
    input.value = token;
  }
}

export const HEADER = FIELD;
