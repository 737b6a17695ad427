import {clock} from './format.mjs';
import {show, toggleClass} from './dom.mjs';

/**
 * A countdown (or count-up) drawn into one element from server times, so every screen shows the
 * same second: give it a clock that returns the server's time now.
 *
 * A timer is {startedAt, deadline, paused, remainingMillis, warnAt} in server epoch milliseconds
 * (the floor's speaker timer, or an activity's {startedAt, deadline: endsAt}). No deadline means
 * no limit: it counts up. The element should carry role="timer" (not announced on every tick).
 */
export class Countdown {
  /**
   * @param {HTMLElement} element
   * @param {() => number} now the server's time now
   * @param {{left?: string, over?: string, up?: string, paused?: string}} [words]
   */
  constructor(element, now, words = {}) {
    this.element = element;
    this.now = now;
    this.words = {
      left: words.left ?? ' left',
      over: words.over ?? ' over time',
      up: words.up ?? ' so far',
      paused: words.paused ?? 'Paused: ',
    };
    this.timer = null;
    this.stopped = null;
  }

  /** Sets what to count (null hides the element). */
  set(timer) {
    this.timer = timer || null;
    this.stopped = timer && timer.paused && typeof timer.remainingMillis === 'number' ? timer.remainingMillis : null;
    show(this.element, Boolean(this.timer));
    this.tick();
  }

  /** Freezes the display (e.g. the whole session is paused) until the next set. */
  freeze() {
    if (this.timer && this.timer.deadline && this.stopped === null) {
      this.stopped = Math.max(0, this.timer.deadline - this.now());
    }
    this.tick();
  }

  tick() {
    const t = this.timer;
    if (!t) {
      return;
    }
    let text;
    let warning = false;
    let over = false;
    const now = this.now();
    if (this.stopped !== null) {
      text = `${this.words.paused}${clock(this.stopped)}${this.words.left}`;
    } else if (t.deadline) {
      const remaining = t.deadline - now;
      over = remaining < 0;
      warning = !over && typeof t.warnAt === 'number' && now >= t.warnAt;
      text = over ? `${clock(-remaining)}${this.words.over}` : `${clock(remaining + 999)}${this.words.left}`;
    } else {
      text = `${clock(now - (t.startedAt || now))}${this.words.up}`;
    }
    if (this.element.textContent !== text) {
      this.element.textContent = text;
    }
    toggleClass(this.element, 'is-warning', warning);
    toggleClass(this.element, 'is-over', over);
  }
}

/** Calls every countdown's tick four times a second (to stay within a quarter second of the server). */
export function tickEvery(countdowns) {
  const id = setInterval(() => countdowns.forEach((c) => c.tick()), 250);
  return () => clearInterval(id);
}
