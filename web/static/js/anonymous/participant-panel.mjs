import {el, restoreFocus, setText, show, syncList, toggleClass} from '../live/dom.mjs';
import {plural} from '../live/format.mjs';
import {HEADINGS, announce, anonRefs, progressText, renderBars, renderCloud} from './common.mjs';

const PREFER_NOT = 'prefer-not-to-say';
const SIGNAL_NAMES = {ouch: '"Ouch"', pause: '"I need a pause"'};
/** Where a released item of each kind now is, in words. */
const RELEASED = {
  reflection: 'the facilitator can read it now, among the others.',
  questions: 'released to the facilitator, among the others.',
  wordcloud: 'in the cloud.',
};

/**
 * The anonymous part of the participant's screen: the prompt on screen with its guarantee, the place
 * to write, vote or choose, what the group may see, taking an item back, and the ouch and pause
 * buttons. A panel of the participant screen: it gets the public and private views from it and sends
 * through its connection.
 *
 * Which items are this person's is known only here: each item is sent with a fresh random key, and
 * {promptId, round, itemId, key} is kept in sessionStorage (gone with the tab, and cleared when the
 * session ends). The text is never kept. The server is never told which items are whose.
 */
export class AnonymousParticipantPanel {
  /**
   * @param {HTMLElement} root the partial's [data-anon="participant"] element
   * @param {{run: (command: string, args?: object) => Promise<object|null>}} connection
   * @param {string} sessionId
   */
  constructor(root, connection, sessionId) {
    this.root = root;
    this.r = anonRefs(root);
    this.connection = connection;
    this.storageKey = `tp-anon-${sessionId}`;
    this.pub = null;
    this.me = null;
    this.promptKey = null;
    this.wasReleased = false;
    this.confirming = null;
    this.busy = false;
    this.r.write.addEventListener('submit', (event) => this.onSubmit(event, this.r.write.elements.text));
    this.r.words.addEventListener('submit', (event) => this.onSubmit(event, this.r.words.elements.text));
    this.r.write.elements.text.addEventListener('input', () => this.renderCount());
    this.r.poll.addEventListener('submit', (event) => this.onAnswer(event));
    this.r.poll.addEventListener('change', (event) => this.onChoice(event));
    root.addEventListener('click', (event) => this.onClick(event));
  }

  /**
   * Draws from the public and private views; safe to call on every update. When that hides the form
   * that had focus (the answer was sent, the poll answered), focus goes to the thank-you line.
   */
  render(publicView, privateView) {
    this.draw(publicView, privateView);
    restoreFocus(this.root, this.r.done, this.r.write.elements.text, this.r.heading);
  }

  draw(publicView, privateView) {
    const session = publicView.session || {};
    const a = publicView.anonymous || {};
    const mine = (privateView && privateView.anonymous) || {};
    if (session.status === 'ended') {
      this.forget();
    }
    this.pub = a;
    this.me = mine;
    this.renderSignals(session, a, mine);
    const active = Boolean(a.promptId) && session.status === 'live';
    show(this.r.prompt, active);
    if (!active) {
      return;
    }
    const key = `${a.promptId}#${a.round}`;
    if (key !== this.promptKey) {
      this.promptKey = key;
      this.wasReleased = a.released;
      this.confirming = null;
      this.r.poll.reset();
    } else if (a.released && !this.wasReleased) {
      this.wasReleased = true;
      announce(this.r.polite, a.kind === 'poll' ? 'The results are now shown.' : 'Enough people have taken part: answers are now shown.');
    }
    const r = this.r;
    setText(r.heading, HEADINGS[a.kind] || 'Answer anonymously');
    show(r.ask, Boolean(a.adHoc));
    setText(r.ask, a.adHoc ? a.title : '');
    const g = a.guarantee || {};
    setText(r.headline, g.headline);
    toggleClass(r.guarantee, 'is-immediate', Boolean(a.immediate));
    setText(r['guarantee-text'], g.text);
    setText(r.progress, progressText(a));
    this.renderInput(a, mine);
    renderBars(r.results, a.poll);
    show(r['results-block'], Boolean(a.poll && a.poll.released));
    this.renderQuestions(a, mine);
    renderCloud(r.cloud, a.kind === 'wordcloud' ? a.cloud : []);
    show(r['cloud-block'], a.kind === 'wordcloud' && (a.cloud || []).length > 0);
    this.renderMine(a);
  }

  renderInput(a, mine) {
    const r = this.r;
    const remaining = typeof mine.remaining === 'number' ? mine.remaining : 0;
    const canWrite = a.open && remaining > 0;
    const limits = a.limits || {};
    show(r.write, canWrite && (a.kind === 'reflection' || a.kind === 'questions'));
    show(r.words, canWrite && a.kind === 'wordcloud');
    show(r.poll, a.kind === 'poll' && a.open && !mine.answered);
    if (a.kind === 'reflection' || a.kind === 'questions') {
      setText(r['write-label'], a.kind === 'questions' ? 'Your question' : 'Your answer');
      setText(r['write-hint'], `Up to ${limits.maxLength} characters. `
        + (limits.perPerson > 1 ? `You can send ${plural(remaining, 'more', 'more')}. ` : '')
        + 'Write only what you are happy for the group to read.');
      this.renderCount();
    }
    if (a.kind === 'wordcloud') {
      setText(r['words-hint'], `${limits.maxWords === 1 ? 'One word' : `One to ${limits.maxWords} words`}. `
        + `You can send ${plural(remaining, 'more', 'more')}.`);
    }
    if (a.kind === 'poll') {
      this.renderChoices(a.poll || {});
    }
    let done = '';
    if (a.kind === 'poll' && mine.answered) {
      done = 'Thank you. Your answer is counted. It cannot be changed, and nobody can see which one was yours.';
    } else if (a.kind !== 'poll' && a.open && remaining === 0) {
      done = limits.perPerson > 1 ? `You have sent all ${limits.perPerson}. Thank you.` : 'Thank you. Your answer is in.';
    } else if (!a.open) {
      done = 'Answers are no longer being taken here.';
    }
    show(r.done, Boolean(done));
    setText(r.done, done);
  }

  renderCount() {
    const limits = (this.pub && this.pub.limits) || {};
    const text = this.r.write.elements.text.value;
    const length = Array.from(text).length;
    setText(this.r['text-count'], limits.maxLength ? `${length} of ${limits.maxLength} characters` : '');
    toggleClass(this.r['text-count'], 'is-over', limits.maxLength && length > limits.maxLength);
  }

  renderChoices(poll) {
    const multiple = poll.type === 'multiple';
    setText(this.r['poll-legend'], multiple ? 'Choose every answer that applies' : 'Choose one answer');
    setText(this.r['poll-hint'], multiple ? 'Tick as many or as few as you like. Leaving an answer unticked is not'
      + ' recorded as anything: it is not counted as a "no". If none fits, choose "Prefer not to say".' : '');
    show(this.r['poll-hint'], multiple);
    const type = multiple ? 'checkbox' : 'radio';
    syncList(this.r.choices, poll.options || [], (o) => `${type}:${o.key}`, (o) => {
      const id = `anon-choice-${o.key}`;
      return el('div', {class: 'anon-check'},
        el('input', {type, id, name: 'choice', value: o.key}),
        el('label', {for: id}));
    }, (div, o) => setText(div.querySelector('label'), o.label));
  }

  renderQuestions(a, mine) {
    const r = this.r;
    const isBoard = a.kind === 'questions';
    show(r['questions-block'], isBoard && a.released);
    const questions = isBoard ? a.questions || [] : [];
    show(r['questions-empty'], questions.length === 0);
    const voted = new Set(mine.votedFor || []);
    syncList(r.questions, questions, (q) => q.id, () => el('li', {class: 'anon-question'},
      el('p', {class: 'anon-question-text'}),
      el('p', {class: 'anon-question-meta'}),
      el('button', {type: 'button', class: 'button small secondary', 'data-anon-action': 'vote'})), (li, q) => {
      setText(li.querySelector('.anon-question-text'), q.text);
      const marks = [plural(q.votes, 'vote', 'votes')];
      if (q.pinned) {
        marks.unshift('Pinned by the facilitator');
      }
      if (q.answered) {
        marks.push('answered');
      }
      setText(li.querySelector('.anon-question-meta'), marks.join(' · '));
      toggleClass(li, 'is-answered', q.answered);
      const button = li.querySelector('button');
      button.dataset.questionId = q.id;
      const on = voted.has(q.id);
      button.setAttribute('aria-pressed', String(on));
      button.hidden = !a.open;
      setText(button, on ? 'Voted: tap to take back' : 'Vote for this');
    });
  }

  renderMine(a) {
    const r = this.r;
    const released = new Set(a.releasedIds || []);
    const items = this.stored().filter((i) => i.p === a.promptId && i.r === a.round);
    show(r['mine-block'], items.length > 0 && a.kind !== 'poll');
    const noun = a.kind === 'questions' ? 'Question' : a.kind === 'wordcloud' ? 'Words' : 'Answer';
    syncList(r.mine, items, (i) => i.id, () => el('li', {class: 'anon-mine-item'},
      el('p', {class: 'anon-mine-line'}),
      el('button', {type: 'button', class: 'button small secondary', 'data-anon-action': 'withdraw-ask'}),
      el('div', {class: 'confirm', hidden: true},
        el('p', {class: 'anon-confirm-text'}),
        el('div', {class: 'actions'},
          el('button', {type: 'button', class: 'button small danger', 'data-anon-action': 'withdraw'}, 'Yes, take it back'),
          el('button', {type: 'button', class: 'button small secondary', 'data-anon-action': 'withdraw-cancel'}, 'Keep it')))),
    (li, item, index) => {
      const isOut = released.has(item.id);
      setText(li.querySelector('.anon-mine-line'), `${noun} ${index + 1}: `
        + (isOut ? RELEASED[a.kind] || 'shown.' : `waiting until ${a.threshold} people have taken part.`));
      const ask = li.querySelector('[data-anon-action="withdraw-ask"]');
      ask.dataset.itemId = item.id;
      setText(ask, `Take back ${noun.toLowerCase()} ${index + 1}`);
      li.querySelector('[data-anon-action="withdraw"]').dataset.itemId = item.id;
      const confirm = li.querySelector('.confirm');
      show(confirm, this.confirming === item.id);
      setText(li.querySelector('.anon-confirm-text'), isOut ? a.withdrawNotice
        : 'Take this back? It is deleted for good, and you can write again.');
    });
  }

  renderSignals(session, a, mine) {
    const r = this.r;
    show(r.signals, session.status === 'lobby' || session.status === 'live');
    const g = (a.signals && a.signals.guarantee) || {};
    setText(r['signals-text'], g.text || '');
    const waiting = mine.signals || {};
    const sent = Object.keys(SIGNAL_NAMES).filter((k) => waiting[k]);
    for (const kind of Object.keys(SIGNAL_NAMES)) {
      const button = this.root.querySelector(`[data-anon-action="${kind}"]`);
      toggleClass(button, 'is-sent', Boolean(waiting[kind]));
    }
    setText(r['signals-state'], sent.length === 0 ? ''
      : `You sent ${sent.map((k) => SIGNAL_NAMES[k]).join(' and ')}. The facilitator sees it as a number, never with your name.`);
  }

  // Actions.

  async onSubmit(event, field) {
    event.preventDefault();
    const a = this.pub;
    const text = field.value.trim();
    if (!a || this.busy) {
      return;
    }
    if (!text) {
      this.connection.showError(a.kind === 'wordcloud' ? 'Write a word before sending.' : 'Write something before sending.',
        field.form);
      field.focus();
      return;
    }
    this.busy = true;
    const key = newKey();
    const reply = await this.connection.run('anon.submit', {text, key}, field.form);
    this.busy = false;
    if (!reply) {
      field.focus();
      return;
    }
    this.remember({p: a.promptId, r: a.round, id: reply.itemId, k: key});
    field.value = '';
    this.renderCount();
    announce(this.r.polite, a.immediate ? 'Sent. It is shown now, without your name.'
      : 'Sent, without your name. It stays hidden until enough people have taken part.');
  }

  onChoice(event) {
    const input = event.target;
    if (input.type !== 'checkbox' || !input.checked) {
      return;
    }
    for (const other of this.r.poll.querySelectorAll('input[type="checkbox"]')) {
      if (other !== input && (input.value === PREFER_NOT || other.value === PREFER_NOT)) {
        other.checked = false;
      }
    }
  }

  async onAnswer(event) {
    event.preventDefault();
    const choices = Array.from(this.r.poll.querySelectorAll('input:checked')).map((i) => i.value);
    if (choices.length === 0) {
      this.connection.showError('Choose an answer, or "Prefer not to say".', this.r.poll);
      const first = this.r.poll.querySelector('input');
      if (first) {
        first.focus();
      }
      return;
    }
    if (await this.connection.run('anon.answer-poll', {choices}, this.r.poll)) {
      announce(this.r.polite, 'Your answer is counted, without your name.');
    }
  }

  async onClick(event) {
    const button = event.target.closest('button[data-anon-action]');
    if (!button) {
      return;
    }
    const action = button.dataset.anonAction;
    if (action === 'ouch' || action === 'pause') {
      if (await this.connection.run('signal.tap', {kind: action}, button)) {
        announce(this.r.polite, 'Sent. The facilitator sees a number, never who.');
      }
    } else if (action === 'vote') {
      const up = button.getAttribute('aria-pressed') !== 'true';
      if (await this.connection.run('anon.vote', {questionId: button.dataset.questionId, up}, button)) {
        announce(this.r.polite, up ? 'Your vote is in.' : 'Your vote is taken back.');
      }
    } else if (action === 'withdraw-ask') {
      this.confirming = button.dataset.itemId;
      this.renderMine(this.pub);
      const yes = button.closest('li').querySelector('[data-anon-action="withdraw"]');
      yes.focus();
    } else if (action === 'withdraw-cancel') {
      const ask = button.closest('li').querySelector('[data-anon-action="withdraw-ask"]');
      this.confirming = null;
      this.renderMine(this.pub);
      ask.focus();
    } else if (action === 'withdraw') {
      await this.withdraw(button.dataset.itemId);
    }
  }

  async withdraw(itemId) {
    const item = this.stored().find((i) => i.id === itemId);
    this.confirming = null;
    if (!item) {
      return;
    }
    try {
      await this.connection.send('anon.withdraw', {key: item.k, itemId: item.id});
      this.connection.clearError();
      announce(this.r.polite, 'Taken back. It has been deleted.');
    } catch (error) {
      if (error.code !== 'not-found') {
        this.connection.showError(error.text);
        return;
      }
      announce(this.r.polite, 'That was already deleted.');
    }
    this.store(this.stored().filter((i) => i.id !== itemId));
    this.renderMine(this.pub);
    this.r.heading.focus();
  }

  // This device's own items: ids and keys only, for this tab and this session.

  stored() {
    try {
      const list = JSON.parse(sessionStorage.getItem(this.storageKey) || '[]');
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  }

  remember(item) {
    this.store([...this.stored(), item]);
  }

  store(list) {
    try {
      sessionStorage.setItem(this.storageKey, JSON.stringify(list));
    } catch (e) {
      // Storage is off or full: the item stays sent, only "take back" is not offered.
    }
  }

  forget() {
    try {
      sessionStorage.removeItem(this.storageKey);
    } catch (e) {
      // Nothing to forget.
    }
  }
}

/** A fresh withdrawal key: 128 random bits, URL-safe base64 (22 characters). */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
