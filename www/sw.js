// Offline support: the page's own files are cached at install; requests go to the network first
// (so a new build is picked up) and fall back to the cache when offline.
const CACHE = 'manchette-v5';
/** The page's own ES modules: app.js and every module it imports, each of them (a unit test,
 * tests/www/offline-files.test.mjs, follows the imports from app.js and compares). */
const MODULES = ['./app.js', './article-view.js', './boilerplate.js', './dom.js', './dossier.js', './dossier-client.js',
  './dossier-data.js', './dossier-store.js', './dossier-view.js', './editor.js', './exports.js', './files.js',
  './html-import.js', './keyboard.js', './labels.js', './list-data.js', './mentions.js', './reference-date.js',
  './roving.js', './side-lists.js', './spans.js', './state.js', './status.js', './storage.js', './theme.js',
  './view-tabs.js', './worker-client.js',
  './corrections.js', './review-ui.js', './zip.js'];
const FILES = ['./', './index.html', ...MODULES, './worker.js', './style.css',
  './pkg/manchette.js', './pkg/manchette_bg.wasm', './samples/article-fr.txt',
  ...['44485', '44540', '44373', '44655', '44881'].map((n) => `./samples/dossier/wikinews-fr-${n}.txt`),
  './manifest.webmanifest', './icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    fetch(event.request)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(event.request, copy));
        }
        return res;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true })
        .then((hit) => hit ?? Response.error())),
  );
});
