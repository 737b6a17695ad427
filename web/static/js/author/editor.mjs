import LiveValidation from './live-validation.mjs';
import {showErrors} from './errors.mjs';

/**
 * The module edit form: live validation, the settings that belong to the chosen activity type, the
 * running total of minutes and each activity's title in its heading. Without this script the form
 * does all of it on save.
 */
export default class Editor {
  constructor(form) {
    this.form = form;
    this.status = form.querySelector('[data-live-status]');
    this.total = document.querySelector('[data-total]');
  }

  init() {
    // After a save the server refused, the page comes back with the problems listed at the top: start
    // there (the summary also has autofocus, for browsers without this script), not at <body>.
    const summary = document.querySelector('[data-error-summary]');
    if (summary && !summary.hidden && document.activeElement === document.body) {
      summary.focus();
    }
    new LiveValidation(this.form, {
      onResult: (result) => showErrors(this.form, result.errors, this.status),
      onFailure: (message) => {
        this.status.textContent = message;
      },
    }).init();
    this.form.addEventListener('change', (event) => {
      if (/^activities\[\d+]\.type$/.test(event.target.name)) {
        this.showSettings(event.target);
      }
    });
    this.form.addEventListener('input', (event) => {
      const name = event.target.name || '';
      if (/^activities\[\d+]\.minutes$/.test(name)) {
        this.updateTotal();
      } else if (/^activities\[\d+]\.title$/.test(name)) {
        this.updateHeading(event.target);
      }
    });
  }

  /** Shows the settings of the type just chosen; the others are hidden and not sent. */
  showSettings(select) {
    const activity = select.closest('[data-activity]');
    for (const group of activity.querySelectorAll('[data-settings-for]')) {
      const other = group.dataset.settingsFor !== select.value;
      group.hidden = other;
      group.disabled = other;
    }
  }

  updateTotal() {
    let total = 0;
    for (const input of this.form.querySelectorAll('input[name$=".minutes"]')) {
      if (/^activities\[\d+]\.minutes$/.test(input.name)) {
        const minutes = Number.parseInt(input.value, 10);
        total += Number.isNaN(minutes) ? 0 : minutes;
      }
    }
    if (this.total) {
      this.total.textContent = String(total);
    }
  }

  updateHeading(input) {
    const heading = input.closest('[data-activity]').querySelector('.activity-heading');
    const number = heading.textContent.split(':')[0];
    heading.textContent = `${number}: ${input.value.trim() || '(no title yet)'}`;
  }
}
