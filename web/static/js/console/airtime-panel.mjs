import {el, setText, show, syncList, toggleClass} from '../live/dom.mjs';
import {duration, percent, plural, ratio} from '../live/format.mjs';

const PARITY_COLUMNS = ['Group', 'Share of people', 'Share of airtime', 'Ratio'];

/**
 * Airtime as the facilitator watches it: one bar per participant (its width is their share of all
 * participants' airtime), turns and share in words, the balance score and voices heard. People who
 * have not spoken yet are marked, so the facilitator can invite them. When the session offered
 * self-identification, each category's groups follow as a table: only groups of at least k, as the
 * server sends them (it never sends a smaller group), with the report's wording when none reached k.
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
    this.renderParity(airtime.groupParity);
  }

  renderParity(parity) {
    const r = this.refs;
    const categories = (parity && parity.categories) || [];
    show(r.parity, categories.length > 0);
    if (categories.length === 0) {
      return;
    }
    setText(r['parity-hint'], `Only groups that at least ${parity.k} participants chose are shown. Smaller groups, `
      + 'and everyone who chose “prefer not to say”, are left out entirely. A ratio of 1.00 means the group\'s share '
      + 'of airtime matched its share of the people; airtime shares are rounded to whole percent. These figures '
      + 'are as they stood when the current activity began, so that no one\'s turn can be traced to their group.');
    // Keyed by whether any group is shown too, so a category swaps between its table and its notice.
    syncList(r['parity-categories'], categories, (c) => `${c.category}|${c.groups.length > 0}`,
      (c, index) => (c.groups.length > 0 ? groupTable(index) : el('div', {class: 'parity-none'}, el('h4'), el('p'))),
      (node, c) => {
        if (c.groups.length === 0) {
          setText(node.querySelector('h4'), c.category);
          setText(node.querySelector('p'),
            `No group in this category reached ${parity.k} people, so nothing about it is shown.`);
          return;
        }
        setText(node.querySelector('caption'), c.category);
        syncList(node.querySelector('tbody'), c.groups, (g) => g.value,
          () => el('tr', {}, el('th', {scope: 'row'}), el('td'), el('td'), el('td')), (tr, g) => {
            const cells = tr.children;
            setText(cells[0], g.value);
            setText(cells[1], percent(g.headcountShare));
            setText(cells[2], percent(g.airtimeShare));
            setText(cells[3], ratio(g.ratio));
          });
      });
  }
}

/** An empty table for one category's groups; `index` makes its caption's id unique on the page. */
function groupTable(index) {
  const id = `parity-caption-${index}`;
  return el('div', {class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': id},
    el('table', {},
      el('caption', {id}),
      el('thead', {}, el('tr', {}, ...PARITY_COLUMNS.map((text) => el('th', {scope: 'col', text})))),
      el('tbody')));
}
