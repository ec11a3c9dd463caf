// scripts/serve.mjs: MIME types, index files, 127.0.0.1 only, nothing outside the root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { serve } from '../scripts/serve.mjs';
import { WWW } from './helpers.mjs';

let server;
let port;
before(async () => {
  server = await serve(WWW, 0);
  port = server.address().port;
});
after(() => server.close());

/** GET with the path sent exactly as written (no client-side normalisation). */
const get = (path, method = 'GET') => new Promise((ok, fail) => {
  const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (c) => { body += c; });
    res.on('end', () => ok({ status: res.statusCode, type: res.headers['content-type'], body }));
  });
  req.on('error', fail);
  req.end();
});

test('listens on 127.0.0.1 only', () => {
  assert.equal(server.address().address, '127.0.0.1');
});

test('serves files with their MIME types, index.html for directories', async () => {
  assert.match((await get('/')).type, /^text\/html/);
  assert.match((await get('/app.js')).type, /^text\/javascript/);
  assert.match((await get('/style.css')).type, /^text\/css/);
  assert.equal((await get('/pkg/manchette_bg.wasm')).type, 'application/wasm');
  assert.match((await get('/samples/article-fr.txt?x=1')).type, /^text\/plain/);
  assert.equal((await get('/nope.js')).status, 404);
  assert.equal((await get('/', 'POST')).status, 405);
});

test('refuses paths outside the root', async () => {
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/pkg/../../package.json',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/%00', '/%E0%A4%A']) {
    const res = await get(path);
    assert.ok(res.status === 403 || res.status === 404, `${path}: ${res.status}`);
    assert.doesNotMatch(res.body, /manchette-dev|root:/, path);
  }
});
