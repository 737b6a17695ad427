import {setText} from '../live/dom.mjs';
import {duration} from '../live/format.mjs';

/** How each session-wide queue mode reads in the settings list. */
const QUEUE_TEXT = {
  queue: 'Queue (first hand up, first to speak) in every activity with hands up',
  progressive: 'Progressive (people who have spoken least go first) in every activity with hands up',
};

/**
 * The settings the session was started with, from the view's `settings`: k, the floor defaults,
 * self-identification and the projector's balance.
 */
export class SettingsPanel {
  constructor(refs) {
    this.refs = refs;
  }

  render(settings) {
    if (!settings) {
      return;
    }
    const r = this.refs;
    setText(r['setting-k'], String(settings.anonymityThreshold));
    setText(r['setting-turn'], turnText(settings.defaultTurnSeconds));
    setText(r['setting-queue'], QUEUE_TEXT[settings.queueMode] || 'As each activity says');
    const categories = Object.entries(settings.selfIdCategories || {});
    setText(r['setting-self-id'], categories.length === 0 ? 'Not offered'
      : categories.map(([category, options]) => `${category} (${options.join(', ')})`).join('; '));
    setText(r['setting-balance'], settings.displayShowsBalance ? 'Shown' : 'Not shown');
  }
}

function turnText(seconds) {
  if (seconds === undefined || seconds === null) {
    return 'As each activity says';
  }
  return seconds === 0
    ? 'No limit where the module sets none'
    : `${duration(seconds * 1000)} where the module sets none`;
}
