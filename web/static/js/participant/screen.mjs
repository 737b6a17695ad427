import {LiveConnection} from '../live/connection.mjs';
import {Countdown, tickEvery} from '../live/countdown.mjs';
import {announce, el, refs, restoreFocus, setText, setTrustedHtml, show, syncList, toggleClass} from '../live/dom.mjs';
import {MODE_TEXT, ROUND_STATUS, duration, ordinal, plural, statusText} from '../live/format.mjs';
import {activityMeta, agendaItem, updateAgendaItem} from '../live/agenda.mjs';
import {AnonymousParticipantPanel} from '../anonymous/participant-panel.mjs';

const TURN_ANNOUNCEMENT = 'You have the floor. Speak when you are ready, or pass: passing is always fine.';

/**
 * The participant's phone screen (/s/ID): what is happening now, the floor and their place in it,
 * a private step-out, their own airtime and the agenda. Reads the public view (everyone's) and the
 * private view (only theirs), which carries their own place in the queue or the go-around.
 */
export default class ParticipantScreen {
  constructor(root) {
    this.root = root;
    this.refs = refs(root);
    this.publicView = null;
    this.privateView = null;
    this.announcedTurn = null;
    this.shownActivity = undefined;
    this.busy = new Set();
  }

  init() {
    const r = this.refs;
    this.connection = new LiveConnection({
      sessionId: this.root.dataset.sessionId,
      token: this.root.dataset.token,
      role: 'participant',
      statusElement: r.connection,
      errorElement: r.error,
      noticeElement: r['connection-notice'],
      onView: (audience, view) => this.onView(audience, view),
      onGone: (text) => this.onGone(text),
    });
    const now = () => this.connection.now();
    this.speakerTimer = new Countdown(r['speaker-timer'], now);
    this.myTimer = new Countdown(r['my-timer'], now);
    tickEvery([this.speakerTimer, this.myTimer]);
    this.anonymous = new AnonymousParticipantPanel(this.root.querySelector('[data-anon="participant"]'),
      this.connection, this.root.dataset.sessionId);
    this.root.addEventListener('click', (event) => this.onClick(event));
    r['rename-form'].addEventListener('submit', (event) => this.onRename(event));
    r['self-id-fields'].addEventListener('change', (event) => this.onSelfIdentify(event));
    show(r.live, true);
    this.connection.start();
  }

  onView(audience, view) {
    if (audience === 'public') {
      this.publicView = view;
    } else if (audience === 'private') {
      this.privateView = view;
    }
    if (this.publicView && this.privateView) {
      this.render();
    }
  }

  onGone(text) {
    const r = this.refs;
    show(r.live, false);
    r.error.replaceChildren(
      el('p', {text: 'You are no longer in this session. ' + (text || '')}),
      el('p', {}, el('a', {href: '/join', text: 'Join a session again with its code'})));
    show(r.error, true);
  }

  // Actions.

  async onClick(event) {
    const button = event.target.closest('button[data-action]');
    if (!button || !this.root.contains(button)) {
      return;
    }
    let command = button.dataset.action;
    if (command === 'step-out') {
      command = this.privateView && this.privateView.steppedOut ? 'step-back' : 'step-out';
    }
    if (this.busy.has(command)) {
      return;
    }
    this.busy.add(command);
    button.setAttribute('aria-disabled', 'true');
    const reply = await this.connection.run(command, {}, button);
    this.busy.delete(command);
    button.removeAttribute('aria-disabled');
    if (reply && command === 'step-out') {
      this.say('You have stepped out. Nobody has been told.');
    } else if (reply && command === 'step-back') {
      this.say('Welcome back.');
    } else if (reply && command === 'floor.raise-hand') {
      this.say('Your hand is up.');
    } else if (reply && command === 'floor.lower-hand') {
      this.say('Your hand is down.');
    }
  }

  async onRename(event) {
    event.preventDefault();
    const input = this.refs['rename-form'].querySelector('input');
    const name = input.value.trim();
    if (name.length < 1 || name.length > 40) {
      this.connection.showError('Your name needs 1 to 40 characters.', this.refs['rename-form']);
      input.focus();
      return;
    }
    const reply = await this.connection.run('rename', {name}, this.refs['rename-form']);
    if (reply) {
      input.value = '';
      this.root.querySelector('details.rename').open = false;
      this.say('Your name is saved.');
    }
  }

  async onSelfIdentify(event) {
    const select = event.target.closest('select[data-category]');
    if (!select) {
      return;
    }
    const value = select.value === '' ? null : select.value;
    const reply = await this.connection.run('self-identify', {category: select.dataset.category, value}, select);
    if (reply) {
      this.say(value === null ? 'Saved: prefer not to say.' : 'Saved.');
    }
  }

  say(text) {
    announce(this.refs.polite, text);
  }

  // Drawing.

  render() {
    const pub = this.publicView;
    const me = this.privateView;
    const r = this.refs;
    const session = pub.session || {};
    const live = session.status === 'live';
    setText(r.status, statusText(session));
    toggleClass(r.status, 'is-paused', live && session.paused);
    setText(r.name, me.name);
    this.renderActivity(pub, me, live);
    this.anonymous.render(pub, me);
    this.renderFloor(pub.floor, me, live);
    this.renderAirtime(me.airtime, pub.airtime);
    this.renderSelfId(session.selfIdCategories || {}, me.selfId || {});
    this.renderAgenda(pub);
    this.keepFocus();
    this.connection.keepErrorVisible();
  }

  /**
   * When a change hid the control that had focus (the turn ended, a hand went up or down), focus moves
   * to the control that replaced it, or to the words that say what happened, never to <body>.
   */
  keepFocus() {
    const r = this.refs;
    const action = (name) => this.root.querySelector(`[data-action="${name}"]`);
    restoreFocus(this.root, action('floor.lower-hand'), action('floor.raise-hand'), r['my-place'], r.speaker,
      r['activity-title'], this.root.querySelector('h1'));
  }

  /** The facilitator's optional categories, each a choice that defaults to "Prefer not to say". */
  renderSelfId(categories, mine) {
    const r = this.refs;
    const names = Object.keys(categories);
    show(r['self-id'], names.length > 0);
    const shape = JSON.stringify(categories);
    if (this.selfIdShape !== shape) {
      this.selfIdShape = shape;
      r['self-id-fields'].replaceChildren(...names.map((category, i) => {
        const id = `self-id-${i}`;
        const select = el('select', {id, 'data-category': category},
            el('option', {value: '', text: 'Prefer not to say'}),
            ...categories[category].map((option) => el('option', {value: option, text: option})));
        return el('div', {}, el('label', {for: id, text: category}), select);
      }));
    }
    for (const select of r['self-id-fields'].querySelectorAll('select[data-category]')) {
      if (document.activeElement !== select) {
        select.value = mine[select.dataset.category] || '';
      }
    }
  }

  renderActivity(pub, me, live) {
    const r = this.refs;
    const current = pub.current;
    show(r.activity, Boolean(current) && pub.session.status !== 'ended');
    this.announceActivity(current, (pub.agenda || []).length);
    if (!current) {
      return;
    }
    const activity = current.activity || {};
    setText(r['activity-position'], `Activity ${current.index + 1} of ${(pub.agenda || []).length}`);
    setText(r['activity-title'], activity.title);
    setText(r['activity-meta'], activityMeta(activity));
    show(r['content-note'], Boolean(activity.contentNote));
    setText(r['content-note-text'], activity.contentNote);
    setTrustedHtml(r.prompt, activity.promptHtml);
    const next = (pub.agenda || [])[current.index + 1];
    show(r['next-note'], Boolean(next && next.contentNote));
    if (next && next.contentNote) {
      setText(r['next-note-title'], next.title);
      setText(r['next-note-text'], next.contentNote);
    }
    const out = Boolean(me.steppedOut);
    show(r['step-out'], live);
    toggleClass(r['step-out'], 'is-out', out);
    setText(r['step-out-text'], out
      ? 'You have stepped out. Take the time you need; nobody has been told. Come back whenever you are ready.'
      : 'Need a moment? You can step out at any time. It is private: nobody is told, not the facilitator and not '
        + 'the group. In a go-around you are skipped until you come back.');
    setText(this.root.querySelector('[data-action="step-out"]'), out ? 'Step back in' : 'Step out for a moment');
  }

  /** Tells a screen reader, politely, when the group moves to another activity (not on first load). */
  announceActivity(current, count) {
    const key = current ? `${current.index}:${(current.activity || {}).id || ''}` : null;
    if (this.shownActivity !== undefined && key !== this.shownActivity && current) {
      const title = (current.activity || {}).title || '';
      this.say(`New activity: ${title}. Activity ${current.index + 1} of ${count}.`);
    }
    this.shownActivity = key;
  }

  renderFloor(floor, me, live) {
    const r = this.refs;
    const f = floor || {};
    // The server works out this person's own place (private view); the public floor is the room's.
    const place = me.floor || {};
    const speaker = f.speaker || null;
    const mine = Boolean(live && speaker && place.youHaveTheFloor);
    const queue = f.queue || [];
    const myIndex = place.queuePosition ? place.queuePosition - 1 : -1;
    const round = f.round || null;
    const roundActive = Boolean(round && round.active);
    const mode = f.mode;

    show(r.floor, live && Boolean(mode) && (mode !== 'open' || Boolean(speaker)));
    setText(r['floor-mode'], MODE_TEXT[mode] || '');

    show(r['turn-banner'], mine);
    this.myTimer.set(mine ? speaker : null);
    if (!mine && r.announce.textContent) {
      // The turn is over: "You have the floor" must not be read out any more.
      r.announce.textContent = '';
    }
    if (mine && this.announcedTurn !== speaker.startedAt) {
      this.announcedTurn = speaker.startedAt;
      this.announce(TURN_ANNOUNCEMENT);
      r['turn-banner'].scrollIntoView({block: 'nearest'});
      if (navigator.vibrate) {
        navigator.vibrate(200);
      }
    }

    if (!speaker) {
      setText(r.speaker, 'Nobody has the floor right now.');
    } else if (mine) {
      setText(r.speaker, 'You have the floor.');
    } else {
      setText(r.speaker, speaker.facilitator ? 'The facilitator has the floor.' : `${speaker.name} has the floor.`);
    }
    // Someone else's turn shows its countdown when it has a limit; an untimed turn shows no running
    // seconds on other phones, so nobody sees another person's numbers.
    this.speakerTimer.set(speaker && !mine && speaker.deadline ? speaker : null);

    this.showAction('floor.raise-hand', live && Boolean(place.canRaiseHand));
    this.showAction('floor.lower-hand', live && Boolean(place.handRaised));

    const text = this.placeText(myIndex, queue.length, round, place.round, mine);
    show(r['my-place'], Boolean(text));
    setText(r['my-place'], text);

    // Names are shown only when the facilitator shows them, and names are unique in a session.
    const named = queue.filter((q) => q.name);
    show(r['queue-block'], named.length > 0);
    syncList(r.queue, named, (q) => q.name, () => el('li'), (li, q) => {
      setText(li, q.name === me.name ? `${q.name} (you)` : q.name);
      toggleClass(li, 'is-you', q.name === me.name);
    });

    const order = round && round.order ? round.order.filter((o) => o.name) : [];
    show(r['round-block'], roundActive && order.length > 0);
    syncList(r['round-order'], order, (o) => o.name, () => el('li', {}, el('span', {class: 'who'}),
      el('span', {class: 'state'})), (li, o) => {
      setText(li.querySelector('.who'), o.name === me.name ? `${o.name} (you)` : o.name);
      setText(li.querySelector('.state'), `: ${ROUND_STATUS[o.status] || o.status || ''}`);
      toggleClass(li, 'is-you', o.name === me.name);
      toggleClass(li, 'is-speaking', o.status === 'speaking');
    });
  }

  /** Says where this person stands, from their own place as the server worked it out. */
  placeText(myIndex, queueLength, round, myRound, mine) {
    if (mine) {
      return '';
    }
    if (myIndex === 0) {
      return 'Your hand is up. You are next.';
    }
    if (myIndex > 0) {
      return `Your hand is up. You are ${ordinal(myIndex + 1)} in the queue.`;
    }
    if (round && round.active && myRound) {
      const status = myRound.yourStatus;
      if (status === 'waiting') {
        const before = myRound.placesBeforeYou || 0;
        return before === 0 ? 'You are next in the go-around. You can speak or pass.'
          : `In this go-around, ${plural(before, 'person speaks', 'people speak')} before you. You can speak or pass.`;
      }
      if (status === 'spoke') {
        return 'You have had your turn in this go-around. Thank you.';
      }
      if (status === 'passed' || status === 'skipped') {
        const again = round.secondPass && round.pass === 'first' ? ' You will get another chance at the end.' : '';
        return (status === 'passed' ? 'You passed this time, and that is fine.' : 'You were away when your turn came.') + again;
      }
    }
    if (round && round.finished && !round.active) {
      return 'The go-around has finished.';
    }
    return queueLength > 0 ? `${plural(queueLength, 'hand is', 'hands are')} up.` : '';
  }

  showAction(action, visible) {
    show(this.root.querySelector(`[data-action="${action}"]`), visible);
  }

  announce(text) {
    announce(this.refs.announce, text, 100);
  }

  /** Their own airtime (private view) and the group's balance (the view everyone shares). */
  renderAirtime(airtime, group) {
    const r = this.refs;
    if (!airtime || !group) {
      return;
    }
    setText(r['my-airtime'], airtime.turns > 0
      ? `You have spoken for ${duration(airtime.airtimeMs)}, over ${plural(airtime.turns, 'turn', 'turns')}.`
      : 'You have not spoken yet. There is no pressure to.');
    const voices = group.voicesHeard || {count: 0, of: 0};
    setText(r['group-balance'], voices.count === 0
      ? 'Nobody has spoken yet.'
      : `Group balance: ${group.balance} out of 100 (100 means everyone has had about the same time). `
        + `Voices heard so far: ${voices.count} of ${voices.of}.`);
  }

  renderAgenda(pub) {
    const current = pub.current ? pub.current.index : -1;
    syncList(this.refs.agenda, pub.agenda || [], (a) => a.id, (a) => agendaItem(a), (li, a) =>
      updateAgendaItem(li, a, current));
  }
}
