import {el, setText, show, syncList} from '../live/dom.mjs';
import {agendaItem, updateAgendaItem} from '../live/agenda.mjs';

/** The agenda with timings (start and length of each activity) and a button to jump to any of them. */
export class AgendaPanel {
  constructor(refs, run) {
    this.refs = refs;
    refs.agenda.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-goto]');
      if (button) {
        run('goto', {index: Number(button.dataset.goto)});
      }
    });
  }

  render(view) {
    const current = view.current ? view.current.index : -1;
    const live = view.session && view.session.status === 'live';
    const starts = [];
    let minutes = 0;
    for (const item of view.agenda || []) {
      starts.push(minutes);
      minutes += item.minutes || 0;
    }
    syncList(this.refs.agenda, view.agenda || [], (a) => a.id, () => {
      const li = agendaItem();
      li.prepend(el('span', {class: 'agenda-start'}), ' ');
      li.append(el('button', {type: 'button', class: 'button small secondary'}, 'Go to this'));
      return li;
    }, (li, a, index) => {
      updateAgendaItem(li, a, current);
      setText(li.querySelector('.agenda-start'), at(starts[index]));
      const button = li.querySelector('button');
      button.dataset.goto = String(a.index);
      // The visible words start the name, then which activity (a hidden span would be read "this : …").
      button.setAttribute('aria-label', `Go to this activity: ${a.title}`);
      show(button, live && a.index !== current);
    });
  }
}

/** Minutes from the start as "0:25" or "1:05". */
function at(minutes) {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
