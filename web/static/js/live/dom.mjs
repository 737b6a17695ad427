/**
 * Small DOM helpers shared by the live screens. Everything sets text with textContent: the only HTML
 * ever inserted is the server's sanitised promptHtml / facilitatorNotesHtml, and only where a screen
 * says so.
 */

/** The element marked data-ref="name" inside root (or null). */
export function ref(root, name) {
  return root.querySelector(`[data-ref="${name}"]`);
}

/** Every element marked data-ref="name" inside root, as an object keyed by name. */
export function refs(root) {
  const found = {};
  for (const node of root.querySelectorAll('[data-ref]')) {
    found[node.dataset.ref] = node;
  }
  return found;
}

/** Creates an element: el('li', {class: 'x', 'data-id': id, text: 'hello'}, child, …). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name === 'class') {
      node.className = value;
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child);
    }
  }
  return node;
}

/** Sets text only when it changed, so screen readers and selections are not disturbed needlessly. */
export function setText(node, text) {
  const value = text === null || text === undefined ? '' : String(text);
  if (node && node.textContent !== value) {
    node.textContent = value;
  }
}

/** Sets server-sanitised HTML only when it changed. Use for promptHtml and facilitator notes only. */
export function setTrustedHtml(node, html) {
  const value = html || '';
  if (node && node.dataset.html !== value) {
    node.innerHTML = value;
    node.dataset.html = value;
  }
}

export function show(node, visible) {
  if (node && node.hidden === Boolean(visible)) {
    node.hidden = !visible;
  }
}

export function toggleClass(node, name, on) {
  if (node && node.classList.contains(name) !== Boolean(on)) {
    node.classList.toggle(name, Boolean(on));
  }
}

/**
 * Makes container's children match items, keyed by keyOf: existing elements are kept and updated in
 * place (so a focused button inside a row keeps focus), new ones are made with create, missing ones
 * are removed, and elements move only when the order really changed.
 */
export function syncList(container, items, keyOf, create, update) {
  const existing = new Map();
  for (const child of Array.from(container.children)) {
    existing.set(child.dataset.key, child);
  }
  const wanted = new Set();
  items.forEach((item, index) => {
    const key = String(keyOf(item, index));
    wanted.add(key);
    let node = existing.get(key);
    if (!node) {
      node = create(item, index);
      node.dataset.key = key;
    }
    update(node, item, index);
    const at = container.children[index];
    if (at !== node) {
      container.insertBefore(node, at || null);
    }
  });
  for (const [key, node] of existing) {
    if (!wanted.has(key)) {
      node.remove();
    }
  }
}

/** Whether a key press should be left alone because the person is typing or choosing. */
export function isTyping(target) {
  if (!target || !(target instanceof Element)) {
    return false;
  }
  if (target.isContentEditable) {
    return true;
  }
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') {
    return true;
  }
  if (tag === 'INPUT') {
    const type = (target.getAttribute('type') || 'text').toLowerCase();
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes(type);
  }
  return false;
}
