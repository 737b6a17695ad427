import {LiveConnection} from '../live/connection.mjs';
import {Countdown, tickEvery} from '../live/countdown.mjs';
import {announce, el, isTyping, refs, restoreFocus, setDisabled, setText, setTrustedHtml, show, syncList} from '../live/dom.mjs';
import {activityMeta} from '../live/agenda.mjs';
import {PeoplePanel} from './people-panel.mjs';
import {FloorPanel} from './floor-panel.mjs';
import {AirtimePanel} from './airtime-panel.mjs';
import {AgendaPanel} from './agenda-panel.mjs';
import {SettingsPanel} from './settings-panel.mjs';
import {AnonymousConsolePanel} from '../anonymous/console-panel.mjs';

const STATUS = {lobby: 'In the lobby', live: 'Live', ended: 'Ended'};

/** Keys the console answers to when focus is not in a text field: key → what it does. */
const SHORTCUTS = {
  n: (c) => c.run('floor.next'),
  e: (c) => c.run('floor.end-turn'),
  x: (c) => c.run('floor.extend', {seconds: 30}),
  ArrowRight: (c) => c.run('next'),
  ArrowLeft: (c) => c.run('previous'),
  p: (c) => c.run(c.view && c.view.session.paused ? 'resume' : 'pause'),
};

/**
 * The facilitator's console (/console/sessions/ID): run the agenda, hand out the floor, watch who is
 * here and how airtime is shared. Reads the facilitator view; panels draw their part of it.
 */
export default class ConsoleScreen {
  constructor(root) {
    this.root = root;
    this.refs = refs(root);
    this.view = null;
    this.known = null;
    this.shownIndex = -1;
  }

  init() {
    const r = this.refs;
    this.connection = new LiveConnection({
      sessionId: this.root.dataset.sessionId,
      token: this.root.dataset.token,
      role: 'facilitator',
      statusElement: r.connection,
      errorElement: r.error,
      onView: (audience, view) => this.render(view),
      onGone: (text) => this.connection.showError(`${text} Reload the page to open the console again.`),
    });
    const run = (command, args) => this.run(command, args);
    const now = () => this.connection.now();
    this.activityTimer = new Countdown(r['activity-timer'], now);
    this.people = new PeoplePanel(r, run);
    this.floor = new FloorPanel(r, run, now, (text) => this.say(text));
    this.airtime = new AirtimePanel(r);
    this.agenda = new AgendaPanel(r, run);
    this.settings = new SettingsPanel(r);
    this.anonymous = new AnonymousConsolePanel(this.root.querySelector('[data-anon="console"]'), this.connection);
    tickEvery([this.activityTimer, this.floor.timer]);

    this.root.addEventListener('click', (event) => this.onClick(event));
    r['goto-form'].addEventListener('submit', (event) => {
      event.preventDefault();
      this.run('goto', {index: Number(r['goto-select'].value)});
    });
    document.addEventListener('keydown', (event) => this.onKey(event));
    show(r.live, true);
    this.connection.start();
  }

  run(command, args = {}) {
    return this.connection.run(command, args);
  }

  onClick(event) {
    const button = event.target.closest('button[data-action]');
    if (!button) {
      return;
    }
    const r = this.refs;
    const action = button.dataset.action;
    if (action === 'end-ask') {
      show(r['end-confirm'], true);
      r['end-confirm'].querySelector('[data-action="end"]').focus();
    } else if (action === 'end-cancel') {
      show(r['end-confirm'], false);
      this.root.querySelector('[data-action="end-ask"]').focus();
    } else if (action === 'end') {
      show(r['end-confirm'], false);
      this.run('end');
    } else if (action === 'pause') {
      this.run(this.view && this.view.session.paused ? 'resume' : 'pause');
    } else if (['start', 'next', 'previous'].includes(action)) {
      this.run(action);
    }
  }

  onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
      return;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const action = SHORTCUTS[key];
    if (action) {
      event.preventDefault();
      action(this);
    }
  }

  render(view) {
    this.view = view;
    const session = view.session || {};
    const r = this.refs;
    setText(r.status, STATUS[session.status] + (session.status === 'live' && session.paused ? ' · paused' : ''));
    this.renderControls(view, session);
    this.renderCurrent(view, session);
    this.announceArrivals(view.participants || []);
    this.people.render(view);
    this.floor.render(view);
    this.airtime.render(view.airtime);
    this.agenda.render(view);
    this.settings.render(view.settings);
    this.anonymous.render(view);
    this.keepFocus();
  }

  /**
   * When a change hid or disabled the control that had focus (Start once started, Next at the last
   * activity, the end confirmation once ended), focus moves to the next thing to do or to what changed.
   */
  keepFocus() {
    const r = this.refs;
    const button = (name) => this.root.querySelector(`[data-action="${name}"]`);
    restoreFocus(this.root, button('next'), button('previous'), button('end-ask'), r['current-title'],
      r['current-empty'], this.root.querySelector('h1'));
  }

  renderControls(view, session) {
    const r = this.refs;
    const live = session.status === 'live';
    const index = view.current ? view.current.index : -1;
    const count = (view.agenda || []).length;
    const button = (name) => this.root.querySelector(`[data-action="${name}"]`);
    show(button('start'), session.status === 'lobby');
    show(button('previous'), live);
    show(button('next'), live);
    setDisabled(button('previous'), index <= 0);
    setDisabled(button('next'), index >= count - 1);
    show(r.pause, live);
    setText(r.pause, session.paused ? 'Resume' : 'Pause');
    show(button('end-ask'), session.status !== 'ended');
    if (session.status === 'ended') {
      show(r['end-confirm'], false);
    }
    // Once ended nobody can join: the code, link and QR code would only mislead.
    show(r.invite, session.status !== 'ended');
    show(r['invite-ended'], session.status === 'ended');
    show(r['goto-form'], live);
    const select = r['goto-select'];
    syncList(select, view.agenda || [], (a) => a.id, () => el('option'), (option, a) => {
      option.value = String(a.index);
      setText(option, `${a.index + 1}. ${a.title}`);
    });
    // Follow the session only when the activity changes, so a choice being made is not undone.
    if (index >= 0 && index !== this.shownIndex) {
      this.shownIndex = index;
      select.value = String(index);
    }
  }

  renderCurrent(view, session) {
    const r = this.refs;
    // Once ended there is no current activity to run, whatever the view still remembers.
    const current = session.status === 'ended' ? null : view.current;
    show(r['current-empty'], !current);
    show(r['current-body'], Boolean(current));
    setText(r['current-empty'], session.status === 'ended' ? 'The session has ended. Thank you for running it.'
      : 'The session has not started. When you press Start, everyone moves to the first activity.');
    if (!current) {
      this.activityTimer.set(null);
      return;
    }
    const activity = current.activity || {};
    setText(r['current-title'], `${current.index + 1}. ${activity.title}`);
    setText(r['current-meta'], activityMeta(activity) + (activity.type ? ` · ${activity.type}` : ''));
    this.activityTimer.set(session.status === 'live' ? {startedAt: current.startedAt, deadline: current.endsAt} : null);
    if (session.paused) {
      this.activityTimer.freeze();
    }
    show(r['current-note'], Boolean(activity.contentNote));
    setText(r['current-note-text'], activity.contentNote);
    setTrustedHtml(r['current-prompt'], activity.promptHtml);
    setTrustedHtml(r['current-notes'], activity.facilitatorNotesHtml || '<p>No notes for this activity.</p>');
    const debrief = activity.debrief || [];
    show(r['debrief-block'], debrief.length > 0);
    syncList(r.debrief, debrief, (q, i) => `${i}:${q}`, () => el('li'), (li, q) => setText(li, q));
  }

  announceArrivals(participants) {
    const ids = new Set(participants.map((p) => p.id));
    if (this.known) {
      const arrived = participants.filter((p) => !this.known.has(p.id)).map((p) => p.name);
      if (arrived.length > 0) {
        this.say(arrived.length === 1 ? `${arrived[0]} joined.` : `${arrived.join(', ')} joined.`);
      }
    }
    this.known = ids;
  }

  say(text) {
    announce(this.refs.polite, text);
  }
}
