// The service worker caches every module of the page (www/sw.js), so that it works offline
// after one visit, and the page's modules only import one another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));
const read = (name) => readFileSync(join(WWW, name), 'utf8');

/** The modules app.js imports, directly or not, app.js included. */
function importGraph(entry) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const [, from] of read(name).matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+'([^']+)'/gm)) {
      assert.match(from, /^\.\/[a-z-]+\.js$/, `${name} imports ${from}: the page's modules sit side by side in www/`);
      visit(from.slice(2));
    }
  };
  visit(entry);
  return seen;
}

test('sw.js caches app.js and every module it imports', () => {
  const graph = importGraph('app.js');
  assert.ok(graph.size > 5, `only ${[...graph]} found: the import pattern no longer matches`);
  const listed = read('sw.js').match(/const MODULES = \[([^\]]*)\]/)[1].match(/'\.\/([^']+)'/g).map((s) => s.slice(3, -1));
  assert.deepEqual(listed.sort(), [...graph].sort());
});
