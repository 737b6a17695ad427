import {el, setText, show, syncList, toggleClass} from '../live/dom.mjs';
import {plural} from '../live/format.mjs';
import {anonRefs, progressText, renderBars, renderCloud} from './common.mjs';

/** How many questions the projector lists: enough to read from the back of the room. */
const QUESTIONS_SHOWN = 6;

/** Short promises for the projector, where the full guarantee would be too long to read. */
const PROMISES = {
  reflection: 'No names. Nothing is shown until enough people have answered.',
  questions: 'No names. Questions appear in groups, in a random order.',
  poll: 'No names. Results appear once enough people have answered.',
  wordcloud: 'No names. The cloud grows in groups.',
};

/**
 * The anonymous part of the projector view: the prompt, its count, the items the facilitator put up,
 * released poll results, the released word cloud and the question board. A panel of the display
 * screen, drawn from the display view.
 */
export class AnonymousDisplayPanel {
  /** @param {HTMLElement} root the partial's [data-anon="display"] element */
  constructor(root) {
    this.root = root;
    this.r = anonRefs(root);
  }

  render(view) {
    const a = view.anonymous || {};
    const live = view.session && view.session.status === 'live';
    const r = this.r;
    show(this.root, live && Boolean(a.promptId));
    if (!live || !a.promptId) {
      return;
    }
    setText(r.title, a.adHoc ? a.title : '');
    show(r.title, Boolean(a.adHoc));
    setText(r.headline, (a.guarantee || {}).headline);
    toggleClass(r.headline, 'is-immediate', Boolean(a.immediate));
    setText(r.guarantee, a.immediate ? 'Answers are shown as soon as they are sent.' : PROMISES[a.kind] || '');
    setText(r.progress, progressText(a));
    syncList(r.projected, a.projected || [], (p) => p.id, () => el('li', {}, el('blockquote', {class: 'display-anon-quote'})),
      (li, p) => setText(li.querySelector('blockquote'), p.text));
    renderBars(r.results, a.poll);
    show(r.results, Boolean(a.poll && a.poll.released));
    renderCloud(r.cloud, a.cloud);
    show(r.cloud, a.kind === 'wordcloud' && (a.cloud || []).length > 0);
    const projected = new Set((a.projected || []).map((p) => p.id));
    const questions = (a.questions || []).filter((q) => !projected.has(q.id)).slice(0, QUESTIONS_SHOWN);
    show(r.questions, a.kind === 'questions' && questions.length > 0);
    syncList(r.questions, questions, (q) => q.id, () => el('li', {}, el('span', {class: 'display-anon-q'}),
      el('span', {class: 'display-anon-votes'})), (li, q) => {
      setText(li.querySelector('.display-anon-q'), q.text);
      setText(li.querySelector('.display-anon-votes'), ` · ${plural(q.votes, 'vote', 'votes')}${q.answered ? ' · answered' : ''}`);
      toggleClass(li, 'is-answered', q.answered);
    });
  }
}
