import {el, setText, syncList, toggleClass} from '../live/dom.mjs';
import {duration, percent, plural} from '../live/format.mjs';

/**
 * Airtime as the facilitator watches it: one bar per participant (its width is their share of all
 * participants' airtime), turns and share in words, the balance score and voices heard. People who
 * have not spoken yet are marked, so the facilitator can invite them.
 */
export class AirtimePanel {
  constructor(refs) {
    this.refs = refs;
  }

  render(airtime) {
    if (!airtime) {
      return;
    }
    const r = this.refs;
    const voices = airtime.voicesHeard || {count: 0, of: 0};
    setText(r.balance, voices.count === 0 ? 'Nobody has spoken yet' : `${airtime.balance} out of 100`);
    setText(r.voices, `${voices.count} of ${voices.of}`);
    const mine = airtime.facilitator || {airtimeMs: 0, turns: 0};
    setText(r['facilitator-airtime'], mine.turns > 0
      ? `You have spoken for ${duration(mine.airtimeMs)} over ${plural(mine.turns, 'turn', 'turns')}; `
        + 'your time is not counted in the balance.'
      : 'Your own time at the floor is kept apart and not counted in the balance.');
    syncList(r.airtime, airtime.participants || [], (p) => p.id, () => el('li', {class: 'airtime-row'},
      el('div', {class: 'airtime-head'},
        el('span', {class: 'who'}), ' ', el('strong', {class: 'not-heard-tag', text: 'Not heard yet'})),
      el('div', {class: 'bar', 'aria-hidden': 'true'}, el('span')),
      el('p', {class: 'airtime-figures'})), (li, p) => {
      setText(li.querySelector('.who'), p.name);
      toggleClass(li, 'not-heard', !p.spoken);
      li.querySelector('.not-heard-tag').hidden = Boolean(p.spoken);
      li.style.setProperty('--share', String(Math.max(0, Math.min(1, p.share || 0))));
      setText(li.querySelector('.airtime-figures'), p.turns > 0
        ? `${duration(p.airtimeMs)} · ${plural(p.turns, 'turn', 'turns')} · ${percent(p.share)} of airtime`
        : 'No turns yet');
    });
  }
}
