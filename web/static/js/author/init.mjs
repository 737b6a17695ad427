/**
 * Starts the authoring scripts: one object for each [data-module] root on the page (the GOV.UK
 * pattern). The authoring pages work without them; they only add live validation and conveniences.
 */
import Editor from './editor.js';
import Source from './source.js';

const MODULES = {
  'author-editor': Editor,
  'author-source': Source,
};

for (const root of document.querySelectorAll('[data-module]')) {
  const Module = MODULES[root.dataset.module];
  if (!Module || root.dataset.moduleStarted) {
    continue;
  }
  root.dataset.moduleStarted = 'true';
  try {
    new Module(root).init();
  } catch (error) {
    root.dataset.moduleStarted = 'failed';
    console.error(`Could not start ${root.dataset.module}`, error);
  }
}
