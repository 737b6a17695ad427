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
    if (!visible) {
      noteFocusLoss(node);
    }
    node.hidden = !visible;
  }
}

/** Disables or enables a button, remembering when that takes focus away from it. */
export function setDisabled(node, disabled) {
  if (node && node.disabled !== Boolean(disabled)) {
    if (disabled) {
      noteFocusLoss(node);
    }
    node.disabled = Boolean(disabled);
  }
}

// Where a render took focus away (by hiding, removing or disabling what had it), until it is put back:
// the parent of what was hidden or removed, so a screen can tell whether the loss was in its part.
let focusLostIn = null;

function noteFocusLoss(node) {
  const active = document.activeElement;
  if (active && active !== document.body && node.contains(active)) {
    focusLostIn = node.parentElement || node;
  }
}

/** Whether a person could move focus to node now: in the page, not hidden, not disabled. */
export function canFocus(node) {
  return Boolean(node && node.isConnected && !node.disabled && node.getClientRects().length > 0);
}

/**
 * Call after a render. When the render hid, removed or disabled the element that had focus inside
 * scope, moves focus to the first of targets a person could focus, so a keyboard or screen-reader
 * user is never dropped at the top of the page. Targets that are not focusable by nature (a heading,
 * a paragraph) get tabindex="-1". Returns the element focused, if any; when no target can take focus
 * the loss is left for an enclosing screen to handle.
 */
export function restoreFocus(scope, ...targets) {
  if (!focusLostIn || !scope.contains(focusLostIn)) {
    return null;
  }
  const active = document.activeElement;
  if (active && active !== document.body && canFocus(active)) {
    focusLostIn = null;
    return null;
  }
  const target = targets.find(canFocus);
  if (target) {
    focusLostIn = null;
    if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }
  return target || null;
}

/**
 * Puts text in a live region after clearing it, so the same words are announced again. Polite
 * regions wait until the screen reader is quiet; the region must exist in the page from the start.
 */
export function announce(region, text, delayMs = 50) {
  if (!region) {
    return;
  }
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, delayMs);
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
      noteFocusLoss(node);
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
