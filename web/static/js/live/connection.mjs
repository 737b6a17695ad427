/**
 * One live connection to a session over the SockJS event-bus bridge (see docs/protocol.md).
 *
 * It wraps the official client (global EventBus, over global SockJS) and adds what a screen needs:
 * - the token in every frame's headers;
 * - `sync` first and after every reconnect, then registration on the screen's addresses
 *   (a participant learns their own address from the sync reply's views.private.id);
 * - the newest view per audience: anything older than what the screen already has is ignored;
 * - the server clock offset from the sync round trip, so countdowns agree across screens;
 * - its own timeout on every send, because a refused send never calls the reply callback;
 * - reconnects with backoff, and plain-words status and errors in the screen's elements.
 *
 * The status is honest: "Connected" only while the bridge is open, the last sync succeeded and the
 * last command was answered; "Server slow" after a command or sync timed out (until the next answer);
 * "Reconnecting…" when the link drops; "Offline" when the browser says so or reconnecting has failed
 * for a few seconds. A notice element, when given, says plainly that the screen is offline and then
 * that it is back. An error from a button goes next to that button, not at the top of the page.
 *
 * Audiences: 'public' and 'private' (participant), 'facilitator', 'display'.
 */

const SEND_TIMEOUT_MS = 10000;
const SYNC_RETRY_MIN_MS = 1000;
const SYNC_RETRY_MAX_MS = 15000;
/** How long "Reconnecting…" may last before the screen says it is offline. */
const OFFLINE_AFTER_MS = 5000;
/** How long "You are back online" stays up. */
const BACK_NOTICE_MS = 6000;

const STATUS_TEXT = {
  connecting: 'Connecting…',
  catchingUp: 'Connected. Catching up…',
  live: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: not connected. Trying again…',
  slow: 'Server slow: waiting for an answer…',
};

const ROLE_AUDIENCES = {
  participant: ['public', 'private'],
  facilitator: ['facilitator'],
  display: ['display'],
};

const STORAGE_TEXT = 'The database is not answering; your last action was not saved. Please try again in a moment.';

/** A failed command or send, with the error code and a sentence for people. */
export class LiveError extends Error {
  constructor(code, text) {
    super(text);
    this.code = code;
    this.text = text;
  }

  /** From the client's err = {failureCode, failureType, message}, where message is "code: text". */
  static from(err) {
    if (!err) {
      return new LiveError('internal', 'Something went wrong. Please try again.');
    }
    if (err.failureType === 'NO_HANDLERS') {
      return new LiveError('storage-unavailable',
        'The session is not running on the server right now. Please try again in a few seconds.');
    }
    if (err.failureType === 'TIMEOUT') {
      return new LiveError('timeout', 'The server did not answer in time. Your last action may not have been saved.');
    }
    const message = typeof err.message === 'string' ? err.message : '';
    const colon = message.indexOf(': ');
    if (colon > 0 && /^[a-z-]+$/.test(message.slice(0, colon))) {
      const code = message.slice(0, colon);
      const text = message.slice(colon + 2);
      return new LiveError(code, code === 'storage-unavailable' ? STORAGE_TEXT : text);
    }
    if (err.body === 'access_denied') {
      return new LiveError('forbidden', 'The server refused that. Reload the page and try again.');
    }
    return new LiveError('internal', message || 'Something went wrong. Please try again.');
  }
}

export class LiveConnection {
  /**
   * @param {object} options
   * @param {string} options.sessionId
   * @param {string} options.token the session token for frame headers
   * @param {'participant'|'facilitator'|'display'} options.role
   * @param {(audience: string, view: object, meta: {version: number, serverTime: number}) => void} options.onView
   * @param {HTMLElement} [options.statusElement] where "Connecting…", "Reconnecting…" are written
   * @param {HTMLElement} [options.errorElement] where failed actions are explained (role=alert); moved
   *   next to the control that failed, and back to where the page put it for other errors
   * @param {HTMLElement} [options.noticeElement] a plain notice shown while offline and briefly once back
   * @param {(text: string) => void} [options.onGone] the token no longer works (removed, expired)
   * @param {() => void} [options.onSynced] after each successful sync
   */
  constructor(options) {
    this.options = options;
    this.prefix = `tp.client.session.${options.sessionId}`;
    this.audiences = ROLE_AUDIENCES[options.role];
    this.participantId = null;
    this.registered = new Set();
    this.highest = {};
    this.offset = 0;
    this.bestRoundTrip = Infinity;
    this.pending = new Map();
    this.sequence = 0;
    this.syncRetryMs = SYNC_RETRY_MIN_MS;
    this.syncTimer = null;
    this.gone = false;
    this.bus = null;
    this.state = null;
    this.wasOffline = false;
    this.offlineTimer = null;
    this.noticeTimer = null;
    const box = options.errorElement;
    if (box && box.parentNode) {
      // Where the page put the error box: errors that belong to no control go back there.
      this.errorHome = document.createComment('errors that belong to no control');
      box.before(this.errorHome);
    }
  }

  start() {
    if (typeof EventBus !== 'function' || typeof SockJS !== 'function') {
      this.setStatus('offline', 'Live updates could not load. Reload the page to try again.');
      return;
    }
    this.setStatus('connecting');
    const bus = new EventBus('/eventbus', {
      vertxbus_ping_interval: 10000,
      vertxbus_reconnect_delay_min: 500,
      vertxbus_reconnect_delay_max: 10000,
      vertxbus_reconnect_exponent: 2,
      vertxbus_randomization_factor: 0.5,
    });
    bus.enableReconnect(true);
    bus.defaultHeaders = {token: this.options.token};
    bus.onopen = () => this.opened();
    bus.onclose = () => this.closed();
    bus.onerror = (frame) => this.refused(frame);
    this.bus = bus;
    window.addEventListener('offline', () => {
      if (!this.gone) {
        this.setStatus('offline');
      }
    });
    window.addEventListener('online', () => {
      if (!this.gone && this.state === 'offline') {
        this.setStatus(this.isOpen() ? 'catchingUp' : 'reconnecting');
      }
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.isOpen()) {
        this.sync();
      }
    });
  }

  isOpen() {
    return Boolean(this.bus) && this.bus.state === EventBus.OPEN;
  }

  /** The server's clock now, as well as this browser can tell. */
  now() {
    return Date.now() + this.offset;
  }

  /**
   * Sends a command and resolves with the reply body ({ok, version, …}); rejects with a LiveError.
   * Never waits longer than timeoutMs.
   */
  send(command, args = {}, timeoutMs = SEND_TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
      if (!this.isOpen()) {
        reject(new LiveError('offline', 'You are not connected right now. We are reconnecting; please try again in a moment.'));
        return;
      }
      const id = ++this.sequence;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        if (this.isOpen()) {
          this.setStatus('slow');
        }
        reject(new LiveError('timeout', 'The server did not answer in time. Your last action may not have been saved; please try again.'));
      }, timeoutMs);
      this.pending.set(id, {reject, timer});
      try {
        this.bus.send(`${this.prefix}.cmd`, {command, args}, {token: this.options.token}, (err, message) => {
          const waiting = this.pending.get(id);
          if (!waiting) {
            return;
          }
          clearTimeout(waiting.timer);
          this.pending.delete(id);
          if (this.state === 'slow' && command !== 'sync') {
            this.setStatus('live');
          }
          if (err) {
            reject(LiveError.from(err));
          } else {
            resolve(message.body || {});
          }
        });
      } catch (e) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new LiveError('offline', 'You are not connected right now. We are reconnecting; please try again in a moment.'));
      }
    });
  }

  /**
   * Sends a command for a button or key press: clears the error line on success, explains a failure
   * there. Resolves with the reply, or null when it failed.
   */
  async run(command, args = {}, origin = null) {
    try {
      const reply = await this.send(command, args);
      this.clearError();
      return reply;
    } catch (error) {
      if (error.code === 'unauthenticated') {
        this.goneWith(error.text);
      } else {
        this.showError(error.text || 'Something went wrong. Please try again.', origin);
      }
      return null;
    }
  }

  /**
   * Explains a failure. With origin (the button, field or form the person used), the message goes
   * right after that control's group, where they are looking; without, where the page put it.
   */
  showError(text, origin = null) {
    const box = this.options.errorElement;
    if (box) {
      this.placeError(box, origin);
      this.errorState = this.state;
      box.textContent = text;
      box.hidden = false;
    }
  }

  placeError(box, origin) {
    const anchor = origin && origin.isConnected
      ? (origin.closest('.actions, .row-actions, form') || origin) : null;
    if (anchor && !anchor.contains(box)) {
      if (anchor.nextSibling !== box) {
        anchor.after(box);
      }
    } else if (!anchor && this.errorHome && this.errorHome.nextSibling !== box) {
      this.errorHome.after(box);
    }
  }

  /** Call after a render: an error whose control was hidden by it goes back where the page put it. */
  keepErrorVisible() {
    const box = this.options.errorElement;
    if (box && !box.hidden && box.getClientRects().length === 0) {
      this.placeError(box, null);
    }
  }

  clearError() {
    const box = this.options.errorElement;
    if (box && !box.hidden) {
      box.hidden = true;
      box.textContent = '';
    }
  }

  // Connection lifecycle.

  opened() {
    this.registered.clear();
    clearTimeout(this.offlineTimer);
    this.offlineTimer = null;
    this.setStatus('catchingUp');
    this.registerKnown();
    this.sync();
  }

  closed() {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new LiveError('offline',
        'The connection dropped before the server answered. Your last action may not have been saved; please try again.'));
      this.pending.delete(id);
    }
    this.registered.clear();
    clearTimeout(this.syncTimer);
    // Each failed reconnection attempt closes again: the clock towards "Offline" starts at the first
    // drop and is not restarted by the retries, or a link that stays down would read "Reconnecting…"
    // for ever.
    if (!this.gone && this.state !== 'offline') {
      if (this.state !== 'reconnecting') {
        this.setStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
      }
      if (!this.offlineTimer) {
        this.offlineTimer = setTimeout(() => {
          this.offlineTimer = null;
          if (!this.isOpen() && !this.gone) {
            this.setStatus('offline');
          }
        }, OFFLINE_AFTER_MS);
      }
    }
  }

  /** Error frames that reached no callback: refused registrations, floods, bridge refusals. */
  refused(frame) {
    if (!frame || (frame.body === 'rejected' && !frame.message)) {
      return;
    }
    const error = LiveError.from(frame);
    if (error.code === 'unauthenticated') {
      this.goneWith(error.text);
    } else {
      this.showError(error.text);
    }
  }

  registerKnown() {
    for (const audience of this.audiences) {
      const address = this.addressOf(audience);
      if (address && !this.registered.has(address) && this.isOpen()) {
        this.registered.add(address);
        this.bus.registerHandler(address, {token: this.options.token}, (err, message) => {
          if (err) {
            this.showError(LiveError.from(err).text);
          } else {
            this.accept(audience, message.body);
          }
        });
      }
    }
  }

  addressOf(audience) {
    if (audience === 'private') {
      return this.participantId ? `${this.prefix}.p.${this.participantId}` : null;
    }
    return `${this.prefix}.${audience}`;
  }

  async sync() {
    clearTimeout(this.syncTimer);
    const sentAt = Date.now();
    let reply;
    try {
      reply = await this.send('sync');
    } catch (error) {
      if (error.code === 'unauthenticated') {
        this.goneWith(error.text);
        return;
      }
      if (this.isOpen()) {
        this.setStatus('slow', error.code === 'storage-unavailable'
          ? 'Server slow: the session is not answering. Trying again…'
          : 'Server slow: catching up is taking longer than usual. Trying again…');
        this.syncTimer = setTimeout(() => this.sync(), this.syncRetryMs);
        this.syncRetryMs = Math.min(this.syncRetryMs * 2, SYNC_RETRY_MAX_MS);
      }
      return;
    }
    const receivedAt = Date.now();
    this.syncRetryMs = SYNC_RETRY_MIN_MS;
    const views = reply.views || {};
    const serverTime = (views.public || views.facilitator || views.display || {}).serverTime;
    if (typeof serverTime === 'number') {
      const roundTrip = receivedAt - sentAt;
      // A quick round trip gives the better estimate; a much later one still wins, as clocks drift.
      if (roundTrip <= this.bestRoundTrip * 1.5 || roundTrip < 250) {
        this.bestRoundTrip = Math.min(this.bestRoundTrip, roundTrip);
        this.offset = serverTime - (sentAt + receivedAt) / 2;
      }
    }
    const learnedId = views.private && views.private.id && views.private.id !== this.participantId;
    if (learnedId) {
      this.participantId = views.private.id;
    }
    for (const audience of this.audiences) {
      if (views[audience]) {
        this.accept(audience, {version: reply.version, serverTime: serverTime || 0, view: views[audience]});
      }
    }
    this.registerKnown();
    this.setStatus('live');
    if (this.options.onSynced) {
      this.options.onSynced();
    }
    if (learnedId) {
      // Changes between this sync and registering the private address would otherwise be missed.
      this.sync();
    }
  }

  /** Keeps the newest view per audience; equal versions can still differ (presence), so later wins. */
  accept(audience, envelope) {
    if (!envelope || !envelope.view || typeof envelope.version !== 'number') {
      return;
    }
    const last = this.highest[audience];
    const serverTime = envelope.serverTime || 0;
    if (last && (envelope.version < last.version
        || (envelope.version === last.version && serverTime < last.serverTime))) {
      return;
    }
    this.highest[audience] = {version: envelope.version, serverTime};
    if (this.offset === 0 && serverTime) {
      this.offset = serverTime - Date.now();
    }
    this.options.onView(audience, envelope.view, {version: envelope.version, serverTime});
  }

  goneWith(text) {
    if (this.gone) {
      return;
    }
    this.gone = true;
    clearTimeout(this.syncTimer);
    if (this.bus) {
      this.bus.enableReconnect(false);
      try {
        this.bus.close();
      } catch (e) {
        // Already closed.
      }
    }
    this.setStatus('gone', 'Not connected');
    this.showNotice(null);
    if (this.options.onGone) {
      this.options.onGone(text);
    } else {
      this.showError(text);
    }
  }

  /** Sets the status badge: state is one of STATUS_TEXT's keys, 'gone', or 'offline' with its own text. */
  setStatus(state, text = STATUS_TEXT[state]) {
    const previous = this.state;
    this.state = state;
    const node = this.options.statusElement;
    if (node) {
      // The page renders the badge hidden, so that without scripts it never claims to be connecting.
      node.hidden = false;
      node.dataset.state = state === 'catchingUp' ? 'connecting' : state;
      if (node.textContent !== text) {
        node.textContent = text;
      }
    }
    if (state === 'offline') {
      this.wasOffline = true;
      this.showNotice('You are offline. We keep trying to reconnect; nothing you tap is sent until then.');
    } else if (state === 'live' && previous !== 'live' && this.wasOffline) {
      this.wasOffline = false;
      this.showNotice('You are back online. The screen is up to date.', BACK_NOTICE_MS);
      if (this.errorState === 'offline' || this.errorState === 'reconnecting') {
        // An error about being offline is no longer true.
        this.clearError();
      }
    }
  }

  showNotice(text, hideAfterMs = 0) {
    const node = this.options.noticeElement;
    if (!node) {
      return;
    }
    clearTimeout(this.noticeTimer);
    node.textContent = text || '';
    node.hidden = !text;
    node.dataset.state = this.state === 'offline' ? 'offline' : 'back';
    if (text && hideAfterMs > 0) {
      this.noticeTimer = setTimeout(() => this.showNotice(null), hideAfterMs);
    }
  }
}
