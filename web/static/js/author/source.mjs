import LiveValidation from './live-validation.mjs';
import {showErrors} from './errors.mjs';

/** The YAML source view: checks the text on the server while the author types. */
export default class Source {
  constructor(form) {
    this.form = form;
    this.status = form.querySelector('[data-live-status]');
  }

  init() {
    new LiveValidation(this.form, {
      onResult: (result) => showErrors(this.form, result.errors, this.status),
      onFailure: (message) => {
        this.status.textContent = message;
      },
    }).init();
  }
}
