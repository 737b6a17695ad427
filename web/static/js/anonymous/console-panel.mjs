import {el, restoreFocus, setText, show, syncList, toggleClass} from '../live/dom.mjs';
import {plural} from '../live/format.mjs';
import {announce, anonRefs, progressText, renderBars, renderCloud} from './common.mjs';

const KINDS = {
  reflection: 'Written reflection',
  questions: 'Question board',
  poll: 'Poll',
  wordcloud: 'Word cloud',
};
const MAX_PROJECTED = 5;
/** How much of an answer names its buttons for a screen reader ("Put on the projector: I felt…"). */
const NAME_EXCERPT = 60;

/**
 * The anonymous part of the facilitator's console: signal counts (announced as they arrive), the
 * prompt on screen with what the rules have released, moderation, the projector, asking something on
 * the spot, and putting an earlier prompt back. A panel of the console screen: it gets the facilitator
 * view from it and sends through its connection.
 */
export class AnonymousConsolePanel {
  /**
   * @param {HTMLElement} root the partial's [data-anon="console"] element
   * @param {{run: (command: string, args?: object) => Promise<object|null>}} connection
   */
  constructor(root, connection) {
    this.root = root;
    this.r = anonRefs(root);
    this.connection = connection;
    this.a = null;
    this.unseen = null;
    this.pageTitle = document.title;
    root.addEventListener('click', (event) => this.onClick(event));
    this.r['ask-form'].addEventListener('submit', (event) => this.onAsk(event));
    this.r['ask-form'].elements.kind.addEventListener('change', () => this.renderAskForm());
    this.r['show-form'].addEventListener('submit', (event) => this.onShow(event));
  }

  /** Draws the facilitator view's anonymous part; a control it hid hands focus to its counterpart. */
  render(view) {
    this.draw(view);
    const button = (name) => this.root.querySelector(`[data-anon-action="${name}"]`);
    restoreFocus(this.root, button('reopen'), button('close'), this.r.title, this.r['ask-box'].querySelector('summary'),
      this.root.querySelector('h2'));
  }

  draw(view) {
    const a = view.anonymous || {};
    const live = view.session && view.session.status === 'live';
    this.a = a;
    this.renderSignals(a.signals || {});
    const r = this.r;
    const active = Boolean(a.promptId);
    show(r.none, !active);
    show(r.body, active);
    show(r['ask-box'], live);
    this.renderShowForm(a.prompts || [], live);
    if (!active) {
      return;
    }
    setText(r.title, a.title);
    setText(r.headline, (a.guarantee || {}).headline);
    toggleClass(r.headline, 'is-immediate', Boolean(a.immediate));
    setText(r.kind, KINDS[a.kind] || '');
    setText(r.progress, progressText(a));
    const button = (name) => this.root.querySelector(`[data-anon-action="${name}"]`);
    show(button('close'), live && a.open);
    show(button('reopen'), live && !a.open);
    show(button('release-ask'), live && Boolean(a.canReleaseImmediately));
    if (!a.canReleaseImmediately) {
      show(r['release-confirm'], false);
    }
    const projected = new Set(a.projected || []);
    show(button('unproject-all'), projected.size > 0);

    const isItems = a.kind === 'reflection' || a.kind === 'wordcloud';
    show(r['items-block'], isItems && a.released);
    this.renderItems(r.items, isItems ? a.items || [] : [], projected, 'item');

    const questions = a.kind === 'questions' ? a.questions || [] : [];
    show(r['questions-block'], a.kind === 'questions' && a.released);
    const pending = questions.filter((q) => !q.hidden && a.premoderation && !q.approved);
    const board = questions.filter((q) => !q.hidden && (!a.premoderation || q.approved));
    const hidden = questions.filter((q) => q.hidden);
    setText(r['pending-count'], pending.length ? `(${pending.length})` : '');
    show(r['pending-empty'], pending.length === 0);
    show(r['board-empty'], board.length === 0);
    show(r['hidden-block'], hidden.length > 0);
    this.renderItems(r.pending, pending, projected, 'pending');
    this.renderItems(r.board, board, projected, 'board');
    this.renderItems(r.hidden, hidden, projected, 'hidden');

    renderBars(r.results, a.poll);
    show(r['results-block'], Boolean(a.poll && a.poll.released));
    renderCloud(r.cloud, a.cloud);
    show(r['cloud-block'], a.kind === 'wordcloud' && (a.cloud || []).length > 0);
  }

  /** One list of released items or questions, each with the actions that fit where it is. */
  renderItems(list, items, projected, where) {
    syncList(list, items, (i) => i.id, () => el('li', {class: 'anon-item'},
      el('p', {class: 'anon-item-text'}),
      el('p', {class: 'anon-item-meta hint'}),
      el('div', {class: 'row-actions'})), (li, item) => {
      setText(li.querySelector('.anon-item-text'), item.text);
      const up = projected.has(item.id);
      toggleClass(li, 'is-projected', up);
      const meta = [];
      if (up) {
        meta.push('On the projector');
      }
      if (where !== 'item') {
        meta.push(plural(item.votes || 0, 'vote', 'votes'));
        if (item.pinned) {
          meta.push('pinned');
        }
        if (item.answered) {
          meta.push('answered');
        }
      }
      setText(li.querySelector('.anon-item-meta'), meta.join(' · '));
      const actions = this.actionsFor(item, where, up, projected.size);
      const row = li.querySelector('.row-actions');
      // Keyed by what the button is for, not its current action, so "Put on" turning into "Take off"
      // keeps the same button, and keeps focus on it.
      syncList(row, actions, (x) => x.key || x.act, (x) => el('button', {type: 'button', class: 'button small secondary',
        'data-anon-action': x.act}), (b, x) => {
        b.dataset.anonAction = x.act;
        b.dataset.itemId = item.id;
        setText(b, x.label);
        // Several answers have the same buttons: the name says which answer each one is for.
        b.setAttribute('aria-label', `${x.label}: ${excerpt(item.text)}`);
        b.disabled = Boolean(x.disabled);
      });
    });
  }

  actionsFor(item, where, up, projectedCount) {
    const project = up ? {key: 'projector', act: 'unproject', label: 'Take off the projector'}
      : {key: 'projector', act: 'project', label: 'Put on the projector', disabled: projectedCount >= MAX_PROJECTED};
    if (where === 'item') {
      return [project];
    }
    if (where === 'pending') {
      return [{act: 'approve', label: 'Approve'}, {act: 'hide', label: 'Hide'}];
    }
    if (where === 'hidden') {
      return [{act: 'unhide', label: 'Show again'}];
    }
    return [project,
      item.pinned ? {act: 'unpin', label: 'Unpin'} : {act: 'pin', label: 'Pin to the top'},
      item.answered ? {act: 'unanswer', label: 'Not answered yet'} : {act: 'answer', label: 'Mark answered'},
      {act: 'hide', label: 'Hide'}];
  }

  renderSignals(signals) {
    const r = this.r;
    const unseen = {};
    for (const kind of ['ouch', 'pause']) {
      const s = signals[kind] || {total: 0, unseen: 0};
      unseen[kind] = s.unseen;
      setText(r[`${kind}-count`], s.unseen > 0
        ? `${plural(s.unseen, 'person', 'people')} new · ${s.total} in this session`
        : `none new · ${s.total} in this session`);
      toggleClass(r[`${kind}-row`], 'is-new', s.unseen > 0);
      show(r[`${kind}-ack`], s.unseen > 0);
    }
    if (this.unseen) {
      const news = [];
      if (unseen.ouch > this.unseen.ouch) {
        news.push('Someone tapped "ouch".');
      }
      if (unseen.pause > this.unseen.pause) {
        news.push('Someone asked for a pause.');
      }
      if (news.length) {
        announce(r['signals-announce'], news.join(' '));
      }
    }
    this.unseen = unseen;
    this.renderTabTitle(unseen);
  }

  /** Unseen signals show in the tab's title too, so a facilitator on another tab or window notices. */
  renderTabTitle(unseen) {
    const parts = [];
    if (unseen.ouch > 0) {
      parts.push(`Ouch ×${unseen.ouch}`);
    }
    if (unseen.pause > 0) {
      parts.push(`Pause ×${unseen.pause}`);
    }
    const title = parts.length ? `(${parts.join(', ')}) ${this.pageTitle}` : this.pageTitle;
    if (document.title !== title) {
      document.title = title;
    }
  }

  renderShowForm(prompts, live) {
    const r = this.r;
    const others = prompts.filter((p) => !p.current);
    show(r['show-form'], live && others.length > 0);
    syncList(r['show-select'], others, (p) => `${p.promptId}#${p.round}`, () => el('option'), (option, p) => {
      option.value = `${p.round}|${p.promptId}`;
      setText(option, `${p.title}${p.round > 1 ? ` (round ${p.round})` : ''}: ${plural(p.count, 'answer', 'answers')}`
        + (p.open ? '' : ', closed'));
    });
  }

  renderAskForm() {
    const form = this.r['ask-form'];
    show(this.r['ask-poll'], form.elements.kind.value === 'poll');
  }

  // Actions.

  async onClick(event) {
    const button = event.target.closest('button[data-anon-action]');
    if (!button) {
      return;
    }
    const act = button.dataset.anonAction;
    const id = button.dataset.itemId;
    const moderate = {
      approve: {approved: true}, hide: {hidden: true}, unhide: {hidden: false}, pin: {pinned: true},
      unpin: {pinned: false}, answer: {answered: true}, unanswer: {answered: false},
    };
    if (moderate[act]) {
      await this.connection.run('anon.moderate', {questionId: id, ...moderate[act]});
    } else if (act === 'project') {
      if (await this.connection.run('anon.project', {itemId: id})) {
        announce(this.r.polite, 'It is on the projector.');
      }
    } else if (act === 'unproject') {
      await this.connection.run('anon.unproject', {itemId: id});
    } else if (act === 'unproject-all') {
      await this.connection.run('anon.unproject', {});
    } else if (act === 'close' || act === 'reopen') {
      await this.connection.run(`anon.${act}`, {});
    } else if (act === 'release-ask') {
      show(this.r['release-confirm'], true);
      this.root.querySelector('[data-anon-action="release"]').focus();
    } else if (act === 'release-cancel') {
      show(this.r['release-confirm'], false);
      this.root.querySelector('[data-anon-action="release-ask"]').focus();
    } else if (act === 'release') {
      show(this.r['release-confirm'], false);
      await this.connection.run('anon.release-immediately', {});
    } else if (act === 'ack-ouch' || act === 'ack-pause') {
      await this.connection.run('signal.acknowledge', {kind: act.slice(4)});
    }
  }

  async onAsk(event) {
    event.preventDefault();
    const f = this.r['ask-form'].elements;
    const kind = f.kind.value;
    const args = {kind, prompt: f.prompt.value.trim(), immediate: f.immediate.checked};
    if (!args.prompt) {
      this.connection.showError('Write what you are asking first.');
      f.prompt.focus();
      return;
    }
    if (kind === 'poll') {
      args.options = f.options.value.split('\n').map((o) => o.trim()).filter((o) => o);
      args.pollType = f.multiple.checked ? 'multiple' : 'single';
    }
    if (await this.connection.run('anon.open', args)) {
      this.r['ask-form'].reset();
      this.renderAskForm();
      this.r['ask-box'].open = false;
      // The form just closed under the focus: stay on its summary, where it can be opened again.
      this.r['ask-box'].querySelector('summary').focus();
      announce(this.r.polite, 'Asked. It is on everyone\'s screen now.');
    }
  }

  async onShow(event) {
    event.preventDefault();
    const value = this.r['show-select'].value;
    if (!value) {
      return;
    }
    const bar = value.indexOf('|');
    await this.connection.run('anon.show', {round: Number(value.slice(0, bar)), promptId: value.slice(bar + 1)});
  }
}

/** The first words of an answer, for a button's name. */
function excerpt(text) {
  const words = String(text || '').replace(/\s+/g, ' ').trim();
  return words.length > NAME_EXCERPT ? `${words.slice(0, NAME_EXCERPT - 1)}…` : words;
}
