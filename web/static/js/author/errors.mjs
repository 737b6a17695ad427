/**
 * Shows the live validation's errors the way the server shows them after a save: each at its field
 * (the element "<field>-error", with aria-invalid on the input) and all of them in the summary at the
 * top, as links to their fields. The summary is not an alert while typing: a polite status line says
 * how many problems there are, so a screen reader is not interrupted at every key.
 */
export function showErrors(form, errors, status) {
  for (const message of form.querySelectorAll('.field-error')) {
    message.hidden = true;
    const text = message.querySelector('[data-error-text]');
    if (text) {
      text.textContent = '';
    }
  }
  for (const invalid of form.querySelectorAll('[aria-invalid]')) {
    invalid.removeAttribute('aria-invalid');
  }
  for (const field of form.querySelectorAll('.has-error')) {
    field.classList.remove('has-error');
  }

  const byField = new Map();
  for (const error of errors) {
    if (error.field) {
      byField.set(error.field, [...(byField.get(error.field) || []), error.message]);
    }
  }
  for (const [field, messages] of byField) {
    const message = document.getElementById(`${field}-error`);
    if (message) {
      const text = message.querySelector('[data-error-text]');
      text.textContent = messages.length === 1 ? messages[0]
        : `There are ${messages.length} problems, listed at the top of the page.`;
      message.hidden = false;
      const holder = message.closest('.field');
      if (holder) {
        holder.classList.add('has-error');
      }
    }
    const input = document.getElementById(field);
    if (input && ['INPUT', 'SELECT', 'TEXTAREA'].includes(input.tagName)) {
      input.setAttribute('aria-invalid', 'true');
    }
  }

  updateSummary(errors);
  status.classList.toggle('has-problems', errors.length > 0);
  status.textContent = errors.length === 0 ? 'No problems found.'
    : `${errors.length === 1 ? '1 problem' : `${errors.length} problems`} to fix before saving: ${summaryText(errors[0])}`;
}

function updateSummary(errors) {
  const summary = document.querySelector('[data-error-summary]');
  if (!summary) {
    return;
  }
  summary.removeAttribute('role');
  const list = summary.querySelector('[data-error-list]');
  list.replaceChildren(...errors.map((error) => {
    const item = document.createElement('li');
    if (error.field) {
      const link = document.createElement('a');
      link.href = `#${error.field}`;
      link.textContent = summaryText(error);
      item.append(link);
    } else {
      item.textContent = summaryText(error);
    }
    return item;
  }));
  summary.hidden = errors.length === 0;
}

function summaryText(error) {
  return error.label ? `${error.label}: ${error.message}` : error.message;
}
