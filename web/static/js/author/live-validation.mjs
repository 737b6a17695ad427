import {currentToken, useToken, HEADER} from './csrf.mjs';

/**
 * Checks a form on the server while the author types: a short while after the last change it posts
 * the whole form to the form's data-validate-url and hands the answer ({valid, errors, ...}) to
 * onResult. Only one check runs at a time. A save pressed while a check is running waits for it,
 * because the check renews the CSRF token the save must carry.
 */
export default class LiveValidation {
  constructor(form, { onResult, onFailure, delay = 700 }) {
    this.form = form;
    this.url = form.dataset.validateUrl;
    this.onResult = onResult;
    this.onFailure = onFailure;
    this.delay = delay;
    this.timer = null;
    this.running = null;
    this.again = false;
  }

  init() {
    this.form.addEventListener('input', () => this.schedule());
    this.form.addEventListener('change', () => this.schedule());
    this.form.addEventListener('submit', (event) => this.beforeSubmit(event));
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), this.delay);
  }

  async check() {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.post();
    try {
      await this.running;
    } finally {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  async post() {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
          [HEADER]: currentToken(),
        },
        body: new URLSearchParams(new FormData(this.form)),
      });
      useToken(response.headers.get(HEADER));
      const body = await response.json();
      if (!response.ok) {
        this.onFailure(body.message || 'The form could not be checked.');
        return;
      }
      useToken(body.csrfToken);
      this.onResult(body);
    } catch (error) {
      this.onFailure('The form could not be checked just now. It is still checked when you save.');
    }
  }

  beforeSubmit(event) {
    clearTimeout(this.timer);
    if (this.running) {
      event.preventDefault();
      const submitter = event.submitter;
      this.running.finally(() => this.form.requestSubmit(submitter));
    }
  }
}
