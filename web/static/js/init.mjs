/**
 * The one script every enhanced page loads. It starts the object for every [data-module] root on the
 * page, one object each (the GOV.UK pattern): pages work without this where they can, and this only
 * enhances them. Modules load on demand, so a page pays only for what it uses.
 *
 * Contract for a module: its file's default export is a class constructed with its root element and
 * started with init(); it touches nothing outside that root except page-wide keys it documents.
 */
const MODULES = {
  participant: () => import('./participant/screen.mjs'),
  console: () => import('./console/screen.mjs'),
  display: () => import('./display/screen.mjs'),
  'local-time': () => import('./console/local-time.mjs'),
  'author-editor': () => import('./author/editor.mjs'),
  'author-source': () => import('./author/source.mjs'),
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
