import {el, setText, syncList, toggleClass} from '../live/dom.mjs';
import {plural} from '../live/format.mjs';

/**
 * What the anonymous panels of every screen share: their own element lookup (data-anon-ref, so they
 * never collide with the host screen's data-ref names), plain-words progress, poll bars and the word
 * cloud. Everything is set as text; nothing a participant wrote is ever inserted as HTML.
 */

/** Every element marked data-anon-ref="name" inside root, keyed by name. */
export function anonRefs(root) {
  const found = {};
  for (const node of root.querySelectorAll('[data-anon-ref]')) {
    found[node.dataset.anonRef] = node;
  }
  return found;
}

const NOUNS = {
  reflection: {one: 'answer', many: 'answers', done: 'answered'},
  questions: {one: 'question', many: 'questions', done: 'asked one'},
  wordcloud: {one: 'entry', many: 'entries', done: 'sent words'},
  poll: {one: 'answer', many: 'answers', done: 'answered'},
};

/** How far a prompt has got, in a sentence or two; never more than the counts everyone may see. */
export function progressText(a) {
  const k = a.threshold;
  const noun = NOUNS[a.kind] || NOUNS.reflection;
  const closed = a.open ? '' : 'This has closed. ';
  if (a.kind === 'poll') {
    const people = `${plural(a.count, 'person has', 'people have')} answered.`;
    if (a.immediate) {
      return `${closed}${people} Results are shown as answers arrive.`;
    }
    if (!a.released) {
      return a.open ? `${people} Results appear once ${k} people have answered.`
        : `${closed}${people} Fewer than ${k} answered, so only the number is shown.`;
    }
    return a.held > 0 && a.open ? `${people} The results move each time ${k} more have answered.` : `${closed}${people}`;
  }
  const count = a.count === 0 ? `No ${noun.many} yet.` : `${plural(a.count, noun.one, noun.many)} so far.`;
  if (a.immediate) {
    return `${closed}${count} They are shown as soon as they are sent.`;
  }
  if (!a.released) {
    return a.open ? `${count} Nothing is shown until ${k} people have ${noun.done}.`
      : `${closed}${count}${a.count > 0 ? ` Fewer than ${k} people took part, so only the number is shown.` : ''}`;
  }
  if (a.held > 0) {
    return a.open
      ? `${count} ${plural(a.held, `more ${noun.one} is`, `more ${noun.many} are`)} waiting until ${k} new ones can be shown together.`
      : `${closed}${plural(a.held, `more ${noun.one} was`, `more ${noun.many} were`)} not shown: too few to show together.`;
  }
  return `${closed}${count}`;
}

/** What a hidden count reads instead of a number (the server sends no count at all for these). */
export function hiddenCountText(reason, k) {
  if (reason === 'fewer-than-k') {
    return `fewer than ${k}`;
  }
  if (reason === 'all-but-fewer-than-k') {
    return `all but fewer than ${k}`;
  }
  return 'not shown';
}

/** Why some counts are hidden, in one sentence for under the bars; empty when every count is shown. */
export function hiddenCountsNote(poll) {
  const rows = poll && poll.released ? poll.results : [];
  if (!rows.some((row) => row.hidden)) {
    return '';
  }
  const k = poll.k;
  const withheld = rows.some((row) => row.hidden === 'withheld');
  return `A count is shown only when at least ${k} people chose the answer and at least ${k} did not.`
    + (withheld ? ' Here the hidden counts would have given one another away, so none is shown.' : '');
}

/**
 * Poll results as labelled bars; each bar's length is a CSS custom property (no inline styles under
 * the CSP). A count the small-cell rule hides has no bar and reads "fewer than k" or similar.
 */
export function renderBars(list, poll) {
  const rows = poll && poll.released ? poll.results : [];
  syncList(list, rows, (row) => row.key, () => el('li', {class: 'anon-bar-row'},
    el('span', {class: 'anon-bar-label'}),
    el('span', {class: 'anon-bar', 'aria-hidden': 'true'}, el('span', {class: 'anon-bar-fill'})),
    el('span', {class: 'anon-bar-count'})), (li, row) => {
    setText(li.querySelector('.anon-bar-label'), row.label);
    const hidden = Boolean(row.hidden);
    const share = hidden ? 0 : (row.share || 0);
    li.querySelector('.anon-bar-fill').style.setProperty('--share', String(share));
    toggleClass(li, 'is-hidden-count', hidden);
    setText(li.querySelector('.anon-bar-count'), hidden ? hiddenCountText(row.hidden, poll.k)
      : `${row.count} (${Math.round(share * 100)}%)`);
  });
  const note = list.nextElementSibling;
  if (note && note.matches('[data-anon-ref=hidden-note]')) {
    setText(note, hiddenCountsNote(poll));
    note.hidden = note.textContent === '';
  }
}

/** The word cloud: most frequent first, sized in five steps by count. */
export function renderCloud(list, cloud) {
  const words = cloud || [];
  const most = words.reduce((max, w) => Math.max(max, w.count), 1);
  syncList(list, words, (w) => w.term, () => el('li', {}, el('span', {class: 'anon-term'}),
    el('span', {class: 'visually-hidden anon-times'})), (li, w) => {
    setText(li.querySelector('.anon-term'), w.term);
    setText(li.querySelector('.anon-times'), `, ${plural(w.count, 'time', 'times')}`);
    const size = 1 + Math.round((w.count / most) * 4);
    for (let s = 1; s <= 5; s += 1) {
      toggleClass(li, `anon-size-${s}`, s === size);
    }
  });
}

/** The heading over a prompt, by mechanic. */
export const HEADINGS = {
  reflection: 'Write anonymously',
  questions: 'Ask anonymously',
  poll: 'Answer anonymously',
  wordcloud: 'Add to the word cloud',
};

/** Sets text in a live region after clearing it, so the same words are announced again. */
export {announce} from '../live/dom.mjs';
