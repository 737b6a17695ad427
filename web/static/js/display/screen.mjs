import {LiveConnection} from '../live/connection.mjs';
import {Countdown, tickEvery} from '../live/countdown.mjs';
import {el, refs, setText, setTrustedHtml, show, syncList} from '../live/dom.mjs';
import {plural} from '../live/format.mjs';
import {AnonymousDisplayPanel} from '../anonymous/display-panel.mjs';

/** How many of the queue the projector lists; the rest are counted. */
const QUEUE_SHOWN = 5;
/** How many people still to speak in a go-around the projector names. */
const ROUND_SHOWN = 3;
/** The smallest the projector shrinks its text to make everything fit (a share of the normal size). */
const SMALLEST_FIT = 0.45;
const ROUND_DONE = {completed: 'The go-around is complete', stopped: 'The go-around was stopped'};

/**
 * The projector view (/display/ID?key=…): in the lobby the join code, link and QR code (already on
 * the page without this script); when live the activity, its timer, who has the floor and who is
 * next (names only when the facilitator shows them), and the balance when the session shows it.
 *
 * It always fits the screen it is on: after every change it shrinks its text (the --fit custom
 * property) until nothing runs past the bottom or the right edge, so nothing is ever off screen.
 */
export default class DisplayScreen {
  constructor(root) {
    this.root = root;
    this.refs = refs(root);
  }

  init() {
    const r = this.refs;
    this.connection = new LiveConnection({
      sessionId: this.root.dataset.sessionId,
      token: this.root.dataset.token,
      role: 'display',
      statusElement: r.connection,
      errorElement: r.error,
      onView: (audience, view) => this.render(view),
      onGone: () => this.connection.showError('This projector link no longer works. Open it again from the console.'),
    });
    const now = () => this.connection.now();
    this.activityTimer = new Countdown(r['activity-timer'], now);
    this.speakerTimer = new Countdown(r['speaker-timer'], now);
    tickEvery([this.activityTimer, this.speakerTimer]);
    this.anonymous = new AnonymousDisplayPanel(this.root.querySelector('[data-anon="display"]'));
    window.addEventListener('resize', () => this.fit());
    this.connection.start();
    this.fit();
  }

  /** Shrinks the text step by step until the page fits the window without scrolling. */
  fit() {
    const page = document.documentElement;
    let scale = 1;
    this.root.style.setProperty('--fit', String(scale));
    while (scale > SMALLEST_FIT
        && (page.scrollHeight > window.innerHeight + 1 || page.scrollWidth > window.innerWidth + 1)) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      this.root.style.setProperty('--fit', String(scale));
    }
  }

  render(view) {
    const r = this.refs;
    const session = view.session || {};
    const current = session.status === 'live' ? view.current : null;
    show(r.lobby, session.status === 'lobby' || (session.status === 'live' && !current));
    show(r.live, Boolean(current));
    show(r.ended, session.status === 'ended');
    this.anonymous.render(view);
    const count = view.participantCount || 0;
    setText(r.count, count === 0 ? 'Nobody has joined yet.' : `${plural(count, 'person has', 'people have')} joined.`);
    if (!current) {
      this.activityTimer.set(null);
      this.speakerTimer.set(null);
      this.fit();
      return;
    }
    const activity = current.activity || {};
    setText(r.position, `Activity ${current.index + 1} of ${(view.agenda || []).length}`);
    setText(r['activity-title'], activity.title);
    setTrustedHtml(r.prompt, activity.promptHtml);
    show(r.paused, Boolean(session.paused));
    this.activityTimer.set({startedAt: current.startedAt, deadline: current.endsAt});
    if (session.paused) {
      this.activityTimer.freeze();
    }
    this.renderFloor(view.floor || {});
    this.renderBalance(view.balance);
    this.fit();
  }

  renderFloor(floor) {
    const r = this.refs;
    const speaker = floor.speaker || null;
    const queue = floor.queue || [];
    const round = floor.round || null;
    const roundActive = Boolean(round && round.active);
    show(r.floor, Boolean(speaker) || queue.length > 0 || floor.mode === 'round');
    // The name on a line of its own, so a long one is cut with an ellipsis, never the words around it.
    if (speaker) {
      setText(r['speaker-label'], 'Has the floor');
      setText(r.speaker, speaker.facilitator ? 'The facilitator' : speaker.name);
    } else if (roundActive) {
      setText(r['speaker-label'], 'Go-around');
      setText(r.speaker, 'Waiting for the next person');
    } else if (round && round.finished) {
      setText(r['speaker-label'], 'Go-around');
      setText(r.speaker, ROUND_DONE[round.finished] || 'The go-around has finished');
    } else {
      setText(r['speaker-label'], '');
      setText(r.speaker, 'The floor is open');
    }
    show(r['speaker-label'], Boolean(r['speaker-label'].textContent));
    r.speaker.title = r.speaker.textContent;
    this.speakerTimer.set(speaker);

    // Who is next: the hands up in order, or in a go-around the people still to speak (names only
    // when the facilitator shows them; otherwise a count).
    let next = queue.filter((q) => q.name).map((q, i) => ({key: `${i}:${q.name}`, name: q.name}));
    let total = queue.length;
    let shown = QUEUE_SHOWN;
    if (roundActive && queue.length === 0) {
      const waiting = (round.order || []).filter((o) => o.status === 'waiting');
      next = waiting.filter((o) => o.name).map((o, i) => ({key: `${i}:${o.name}`, name: o.name}));
      total = waiting.length;
      shown = ROUND_SHOWN;
    }
    show(r['queue-block'], total > 0);
    syncList(r.queue, next.slice(0, shown), (q) => q.key, () => el('li'), (li, q) => {
      setText(li, q.name);
      li.title = q.name;
    });
    const unnamed = total - Math.min(next.length, shown);
    setText(r['queue-count'], next.length === 0
      ? (roundActive && queue.length === 0 ? `${plural(total, 'person', 'people')} still to speak.`
        : `${plural(total, 'hand is', 'hands are')} up.`)
      : (unnamed > 0 ? `and ${unnamed} more` : ''));
  }

  renderBalance(balance) {
    const r = this.refs;
    show(r.balance, Boolean(balance));
    if (!balance) {
      return;
    }
    const voices = balance.voicesHeard || {count: 0, of: 0};
    setText(r.balance, voices.count === 0
      ? 'Nobody has spoken yet.'
      : `Balance ${balance.balance} out of 100 · voices heard ${voices.count} of ${voices.of}`);
  }
}
