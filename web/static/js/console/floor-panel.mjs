import {Countdown} from '../live/countdown.mjs';
import {el, restoreFocus, setDisabled, setText, show, syncList, toggleClass} from '../live/dom.mjs';
import {ROUND_STATUS, duration, plural} from '../live/format.mjs';

const REASON = {given: 'you gave it', queue: 'from the queue', round: 'their turn in the go-around'};
const FINISHED = {completed: 'The go-around is complete.', stopped: 'The go-around was stopped.'};

/**
 * The floor as the facilitator runs it: speaker and countdown, next / end / extend / pause timer,
 * the mode, go-arounds with each person's pass or skip, and the queue with its reasons.
 */
export class FloorPanel {
  constructor(refs, run, now, say) {
    this.refs = refs;
    this.run = run;
    this.say = say;
    this.timer = new Countdown(refs['speaker-timer'], now);
    this.lastSpeakerKey = undefined;
    this.speaker = null;
    this.shownMode = null;
    refs['mode-form'].addEventListener('submit', (event) => {
      event.preventDefault();
      this.run('floor.switch-mode', {mode: refs['mode-select'].value});
    });
    refs['round-form'].addEventListener('submit', (event) => {
      event.preventDefault();
      this.run('floor.start-round', {order: refs['round-order-select'].value});
    });
    refs.floor.addEventListener('click', (event) => this.onClick(event));
  }

  onClick(event) {
    const button = event.target.closest('button');
    if (!button) {
      return;
    }
    const action = button.dataset.action;
    if (action === 'floor.extend') {
      this.run('floor.extend', {seconds: 30});
    } else if (action === 'floor.timer') {
      this.run(this.speaker && this.speaker.paused ? 'floor.resume-timer' : 'floor.pause-timer');
    } else if (action === 'floor.next' || action === 'floor.end-turn') {
      this.run(action);
    } else if (button.dataset.give) {
      this.run('floor.give-floor', {participantId: button.dataset.give});
    }
  }

  render(view) {
    const r = this.refs;
    const f = view.floor || {};
    const open = view.session && view.session.status === 'live' && Boolean(f.mode);
    show(r['floor-closed'], !open);
    show(r['floor-body'], open);
    if (!open) {
      this.timer.set(null);
      this.speaker = null;
      return;
    }
    // Follow the mode only when it changes, so a choice being made is not undone by an update.
    if (f.mode !== this.shownMode) {
      this.shownMode = f.mode;
      r['mode-select'].value = f.mode;
    }
    // Who is away comes from the list of people (their connection), never from the floor: stepping
    // out is private, so the floor tells nobody, the facilitator included.
    const away = new Set((view.participants || []).filter((p) => !p.connected).map((p) => p.id));
    this.renderSpeaker(f.speaker || null);
    this.renderRound(f.round || null, f.mode, away);
    this.renderQueue(f.queue || [], f.mode, away);
    // A go-around just started (its form hides): say where it stands. A turn just ended (End turn is
    // disabled) or a person got the floor (their queue row went): the next thing to do is Next speaker.
    restoreFocus(r['round-block'], r['round-summary']);
    restoreFocus(r.floor, r.floor.querySelector('[data-action="floor.next"]'), r.speaker);
  }

  renderSpeaker(speaker) {
    const r = this.refs;
    this.speaker = speaker;
    const key = speaker ? `${speaker.id}@${speaker.startedAt}` : null;
    if (!speaker) {
      setText(r.speaker, 'Nobody has the floor.');
    } else {
      const why = REASON[speaker.reason];
      setText(r.speaker, `${speaker.name} has the floor${why ? ` (${why})` : ''}.`);
    }
    if (this.lastSpeakerKey !== undefined && key !== this.lastSpeakerKey) {
      this.say(speaker ? `${speaker.name} has the floor.` : 'Nobody has the floor.');
    }
    this.lastSpeakerKey = key;
    this.timer.set(speaker);
    const timed = Boolean(speaker && speaker.limitMillis > 0);
    const button = (name) => r.floor.querySelector(`[data-action="${name}"]`);
    setDisabled(button('floor.end-turn'), !speaker);
    setDisabled(button('floor.extend'), !timed);
    show(r['timer-toggle'], timed);
    setText(r['timer-toggle'], speaker && speaker.paused ? 'Resume the turn timer' : 'Pause the turn timer');
  }

  renderRound(round, mode, away) {
    const r = this.refs;
    show(r['round-block'], mode === 'round' || Boolean(round));
    let summary = 'No go-around yet. Start one when you are ready.';
    if (round && round.active) {
      const waiting = round.order.filter((o) => o.status === 'waiting').length;
      summary = `Go-around in progress${round.pass === 'second' ? ', second chance for those who passed' : ''}: `
        + `${plural(waiting, 'person', 'people')} still to go.`;
    } else if (round && round.finished) {
      summary = FINISHED[round.finished] || 'The go-around has finished.';
    }
    setText(r['round-summary'], summary);
    show(r['round-form'], !(round && round.active));
    const order = round ? round.order : [];
    syncList(r['round-order'], order, (o) => o.id, () => el('li', {}, el('span', {class: 'who'}),
      el('span', {class: 'state'})), (li, o) => {
      setText(li.querySelector('.who'), o.name);
      // A place the round moved past reads "passed" whatever the reason; someone still away is
      // shown as skipped while away.
      const isAway = away.has(o.id);
      const skipped = o.status === 'passed' && isAway;
      const status = skipped ? ROUND_STATUS.skipped : (ROUND_STATUS[o.status] || o.status || 'not in this go-around');
      setText(li.querySelector('.state'), `: ${status}${isAway && !skipped ? ' · away' : ''}`);
      toggleClass(li, 'is-speaking', o.status === 'speaking');
      toggleClass(li, 'is-away', isAway);
    });
  }

  renderQueue(queue, mode, away) {
    const r = this.refs;
    show(r['queue-empty'], queue.length === 0);
    setText(r['queue-empty'], mode === 'open'
      ? 'Open floor: people cannot raise hands. Give the floor from the list of people, or switch mode.'
      : 'No hands up.');
    syncList(r.queue, queue, (q) => q.id, (q) => el('li', {},
      el('span', {class: 'who'}), ' ', el('span', {class: 'why'}), ' ',
      el('button', {type: 'button', class: 'button small secondary', 'data-give': q.id}, 'Give the floor',
        el('span', {class: 'visually-hidden give-name'}))), (li, q) => {
      setText(li.querySelector('.who'), q.name);
      const facts = [];
      if (q.reason) {
        facts.push(q.reason);
      } else if (q.turns > 0) {
        facts.push(`${plural(q.turns, 'turn', 'turns')}, ${duration(q.airtimeMillis)}`);
      }
      if (away.has(q.id)) {
        facts.push('away');
      }
      setText(li.querySelector('.why'), facts.length ? `(${facts.join(' · ')})` : '');
      setText(li.querySelector('.give-name'), ` to ${q.name}`);
      toggleClass(li, 'is-away', away.has(q.id));
    });
  }
}
