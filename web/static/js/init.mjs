/**
 * Starts the script for every [data-module] root on the page, one object each (the GOV.UK pattern):
 * pages work without this where they can, and this only enhances them. Modules load on demand, so
 * a page pays only for what it uses.
 */
const MODULES = {
  participant: () => import('./participant.mjs'),
  console: () => import('./console.mjs'),
  display: () => import('./display.mjs'),
  'local-time': () => import('./local-time.mjs'),
};

export async function initAll(scope = document) {
  document.body.classList.add('js-enabled');
  const roots = Array.from(scope.querySelectorAll('[data-module]'));
  await Promise.all(roots.map(async (root) => {
    const name = root.dataset.module;
    if (root.dataset.moduleStarted || !MODULES[name]) {
      return;
    }
    root.dataset.moduleStarted = 'true';
    try {
      const loaded = await MODULES[name]();
      new loaded.default(root).init();
    } catch (error) {
      root.dataset.moduleStarted = 'failed';
      console.error(`Could not start ${name}`, error);
    }
  }));
}

initAll();
