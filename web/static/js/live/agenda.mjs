import {el, setText, show, toggleClass} from './dom.mjs';

const GROUPING = {
  'whole-group': 'whole group',
  pairs: 'in pairs',
  'small-groups': 'in small groups',
  individual: 'on your own',
};

/** "10 minutes · in pairs" for an activity (participant view of it). */
export function activityMeta(activity) {
  const parts = [];
  if (activity.minutes) {
    parts.push(`${activity.minutes} minutes`);
  }
  if (activity.grouping) {
    parts.push(GROUPING[activity.grouping] || activity.grouping.replace(/[-_]/g, ' '));
  }
  return parts.join(' · ');
}

/** One agenda line: title, minutes, a "Now" marker and the content note when there is one. */
export function agendaItem() {
  return el('li', {class: 'agenda-item'},
    el('span', {class: 'agenda-title'}), ' ',
    el('span', {class: 'agenda-minutes'}), ' ',
    el('strong', {class: 'agenda-now', hidden: true, text: 'Now'}),
    el('p', {class: 'agenda-note', hidden: true}, el('strong', {text: 'Content note: '}), el('span')));
}

/** Updates an agenda line for item {index, title, minutes, contentNote}, given the current index. */
export function updateAgendaItem(li, item, currentIndex) {
  setText(li.querySelector('.agenda-title'), item.title);
  setText(li.querySelector('.agenda-minutes'), `(${item.minutes} min)`);
  const now = item.index === currentIndex;
  show(li.querySelector('.agenda-now'), now);
  toggleClass(li, 'is-current', now);
  toggleClass(li, 'is-done', currentIndex >= 0 && item.index < currentIndex);
  if (now) {
    li.setAttribute('aria-current', 'step');
  } else {
    li.removeAttribute('aria-current');
  }
  const note = li.querySelector('.agenda-note');
  show(note, Boolean(item.contentNote));
  setText(note.querySelector('span'), item.contentNote || '');
}
