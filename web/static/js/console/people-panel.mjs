import {el, setText, show, syncList, toggleClass} from '../live/dom.mjs';

/**
 * Who is in the session: here or away, with give the floor, rename and remove (which asks first).
 * Rows are kept across updates, so a half-typed new name or a focused button survives them.
 */
export class PeoplePanel {
  constructor(refs, run) {
    this.refs = refs;
    this.run = run;
    this.live = false;
    refs.people.addEventListener('click', (event) => this.onClick(event));
    refs.people.addEventListener('submit', (event) => this.onRename(event));
  }

  render(view) {
    const people = view.participants || [];
    const r = this.refs;
    this.live = view.session && view.session.status === 'live';
    const here = people.filter((p) => p.connected).length;
    setText(r['people-count'], people.length ? `(${people.length}, ${here} here now)` : '');
    show(r['people-empty'], people.length === 0);
    syncList(r.people, people, (p) => p.id, (p) => this.row(p), (li, p) => this.update(li, p));
  }

  row(p) {
    const id = p.id;
    const hidden = (prefix) => el('span', {class: 'visually-hidden', 'data-prefix': prefix, text: `${prefix}${p.name}`});
    return el('li', {class: 'person', 'data-id': id},
      el('div', {class: 'person-line'},
        el('span', {class: 'presence', 'aria-hidden': 'true'}),
        el('span', {class: 'person-name'}), ' ',
        el('span', {class: 'person-state'})),
      el('div', {class: 'row-actions'},
        el('button', {type: 'button', class: 'button small', 'data-act': 'give'}, 'Give the floor', hidden(' to ')),
        el('button', {type: 'button', class: 'button small secondary', 'data-act': 'rename'}, 'Rename', hidden(' ')),
        el('button', {type: 'button', class: 'button small secondary', 'data-act': 'remove'}, 'Remove', hidden(' '))),
      el('form', {class: 'rename-form', hidden: true, novalidate: true},
        el('label', {for: `rename-${id}`}, 'New name for ', el('span', {class: 'name-slot', text: p.name})),
        el('div', {class: 'row'},
          el('input', {id: `rename-${id}`, type: 'text', maxlength: 40, autocomplete: 'off', spellcheck: 'false'}),
          el('button', {type: 'submit', class: 'button small'}, 'Save'),
          el('button', {type: 'button', class: 'button small secondary', 'data-act': 'rename-cancel'}, 'Cancel'))),
      el('div', {class: 'confirm', hidden: true},
        el('p', {}, 'Remove ', el('strong', {class: 'name-slot', text: p.name}),
          ' from the session? They are disconnected at once; they could only come back by joining again as someone new.'),
        el('div', {class: 'row'},
          el('button', {type: 'button', class: 'button small danger', 'data-act': 'remove-yes'}, 'Yes, remove',
            hidden(' ')),
          el('button', {type: 'button', class: 'button small secondary', 'data-act': 'remove-no'}, 'Keep',
            hidden(' ')))));
  }

  update(li, p) {
    setText(li.querySelector('.person-name'), p.name);
    setText(li.querySelector('.person-state'), p.connected ? 'here' : 'away');
    toggleClass(li, 'is-away', !p.connected);
    li.querySelectorAll('[data-prefix]').forEach((slot) => setText(slot, `${slot.dataset.prefix}${p.name}`));
    li.querySelectorAll('.name-slot').forEach((slot) => setText(slot, p.name));
    show(li.querySelector('[data-act="give"]'), this.live);
  }

  onClick(event) {
    const button = event.target.closest('button[data-act]');
    if (!button) {
      return;
    }
    const li = button.closest('li.person');
    const id = li.dataset.id;
    const form = li.querySelector('.rename-form');
    const confirm = li.querySelector('.confirm');
    switch (button.dataset.act) {
      case 'give':
        this.run('floor.give-floor', {participantId: id});
        break;
      case 'rename':
        show(confirm, false);
        show(form, true);
        form.querySelector('input').value = li.querySelector('.person-name').textContent;
        form.querySelector('input').focus();
        break;
      case 'rename-cancel':
        show(form, false);
        li.querySelector('[data-act="rename"]').focus();
        break;
      case 'remove':
        show(form, false);
        show(confirm, true);
        confirm.querySelector('[data-act="remove-no"]').focus();
        break;
      case 'remove-no':
        show(confirm, false);
        li.querySelector('[data-act="remove"]').focus();
        break;
      case 'remove-yes':
        show(confirm, false);
        this.run('remove', {participantId: id});
        break;
      default:
    }
  }

  async onRename(event) {
    event.preventDefault();
    const form = event.target;
    const li = form.closest('li.person');
    const name = form.querySelector('input').value.trim();
    const reply = await this.run('rename', {participantId: li.dataset.id, name});
    if (reply) {
      show(form, false);
      li.querySelector('[data-act="rename"]').focus();
    }
  }
}
