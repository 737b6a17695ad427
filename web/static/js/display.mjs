import {LiveConnection} from './live/connection.mjs';
import {Countdown, tickEvery} from './countdown.mjs';
import {el, refs, setText, setTrustedHtml, show, syncList} from './live/dom.mjs';
import {plural} from './live/format.mjs';
import {AnonymousDisplayPanel} from './anonymous-display.mjs';

/** How many of the queue the projector lists; the rest are counted. */
const QUEUE_SHOWN = 5;

/**
 * The projector view (/display/ID?key=…): in the lobby the join code, link and QR code (already on
 * the page without this script); when live the activity, its timer, who has the floor and who is
 * next (names only when the facilitator shows them), and the balance when the session shows it.
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
    this.connection.start();
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
  }

  renderFloor(floor) {
    const r = this.refs;
    const speaker = floor.speaker || null;
    const queue = floor.queue || [];
    show(r.floor, Boolean(speaker) || queue.length > 0 || floor.mode === 'round');
    if (speaker) {
      setText(r.speaker, speaker.facilitator ? 'The facilitator has the floor' : `${speaker.name} has the floor`);
    } else {
      setText(r.speaker, floor.mode === 'round' ? 'Go-around: waiting for the next person' : 'The floor is open');
    }
    this.speakerTimer.set(speaker);
    const named = queue.filter((q) => q.name);
    show(r['queue-block'], queue.length > 0);
    syncList(r.queue, named.slice(0, QUEUE_SHOWN), (q) => q.name, () => el('li'), (li, q) => setText(li, q.name));
    const unnamed = queue.length - Math.min(named.length, QUEUE_SHOWN);
    setText(r['queue-count'], named.length === 0
      ? `${plural(queue.length, 'hand is', 'hands are')} up.`
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
