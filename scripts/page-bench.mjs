// Where the page's time goes on a large text (by hand, not part of npm test): headless Chromium
// loads the page, puts a text of each size in it (a paste, a file or a bare textarea value), and a
// heartbeat measured in the page (requestAnimationFrame + setTimeout) records the main thread's
// longest freeze, with the long tasks and the page's own performance measures.
//   npm run build && node scripts/page-bench.mjs [--how paste|file|value] [SIZE_MB...]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch } from '../e2e/helpers.mjs';

const args = process.argv.slice(2);
const howAt = args.indexOf('--how');
const how = howAt >= 0 ? args.splice(howAt, 2)[1] : 'paste';
const sizes = (args.length ? args : ['2', '10']).map(Number);
const gold = join(ROOT, '..', 'shared', 'gold');
const joined = readdirSync(gold).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(gold, f), 'utf8')).join('\n\n') + '\n\n';

const env = await launch();
try {
  for (const mb of sizes) {
    const text = joined.repeat(Math.ceil((mb * 1e6) / Buffer.byteLength(joined)));
    const page = await env.ctx.newPage();
    page.on('pageerror', (e) => console.log('pageerror', String(e)));
    await page.addInitScript(() => {
      if (typeof document === 'undefined') return;
      window.beat = { max: 0, maxAt: 0, gaps: [], long: [] };
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        const gap = now - last;
        if (gap > window.beat.max) { window.beat.max = gap; window.beat.maxAt = last; }
        if (gap > 200) window.beat.gaps.push([Math.round(last), Math.round(gap)]);
        last = now;
      };
      const frame = () => { tick(); requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
      setInterval(tick, 16);
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.beat.long.push([Math.round(e.startTime), Math.round(e.duration)]);
      }).observe({ type: 'longtask', buffered: true });
      // Timings of the calls the page makes, without touching the page's code.
      window.calls = [];
      const time = (obj, name, label) => {
        const orig = obj[name];
        obj[name] = function (...a) {
          const t = performance.now();
          try { return orig.apply(this, a); } finally { window.calls.push([label, Math.round(t), Math.round(performance.now() - t)]); }
        };
      };
      time(Storage.prototype, 'setItem', 'localStorage.setItem');
      time(Worker.prototype, 'postMessage', 'worker.postMessage');
      const W = window.Worker;
      window.Worker = function (...a) {
        const w = new W(...a);
        w.addEventListener('message', (e) => { if (e.data?.result) window.calls.push(['result handler starts', Math.round(performance.now()), 0]); });
        return w;
      };
      window.Worker.prototype = W.prototype;
      localStorage.clear();
    });
    await page.goto(env.base);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 }).catch(async (e) => { console.log(await page.locator("#status").textContent()); throw e; });
    await page.waitForTimeout(300);
    const t0 = await page.evaluate(() => { window.beat.max = 0; window.beat.gaps = []; window.beat.long = []; window.calls = []; return performance.now(); });
    const before = await page.evaluate(() => Number(document.body.dataset.analysed ?? 0));
    // Build the text in the page (not a 50 MB round trip through the protocol at the timed moment).
    await page.evaluate(([j, n]) => { window.bigText = j.repeat(n); }, [joined, Math.ceil((mb * 1e6) / Buffer.byteLength(joined))]);
    const t1 = await page.evaluate((h) => {
      window.beat.max = 0; window.beat.gaps = []; window.beat.long = []; window.calls = [];
      const input = document.querySelector('#input');
      const t = performance.now();
      if (h === 'value') {
        input.value = window.bigText;
        input.dispatchEvent(new Event('input'));
      } else if (h === 'paste') {
        const dt = new DataTransfer();
        dt.setData('text/plain', window.bigText);
        input.focus();
        input.select();
        const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
        if (input.dispatchEvent(e)) { // not handled by the page: do what the browser would
          input.value = window.bigText;
          input.dispatchEvent(new Event('input'));
        }
      } else {
        const dt = new DataTransfer();
        dt.items.add(new File([window.bigText], 'big.txt', { type: 'text/plain' }));
        const f = document.querySelector('#file');
        f.files = dt.files;
        f.dispatchEvent(new Event('change'));
      }
      window.setAt = t;
      window.setMs = performance.now() - t;
      return t;
    }, how);
    // First paint of the result: a frame after the article has any mark.
    const firstPaint = await page.evaluate((b) => new Promise((done) => {
      const check = () => {
        if (Number(document.body.dataset.analysed ?? 0) > b) {
          requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
        } else setTimeout(check, 20);
      };
      check();
    }), before);
    await page.waitForFunction((b) => Number(document.body.dataset.analysed ?? 0) > b && !document.body.dataset.busy, before, { timeout: 600_000 });
    await page.waitForTimeout(1500); // let layout and any deferred rendering finish
    const out = await page.evaluate(() => ({
      setMs: window.setMs,
      setAt: window.setAt,
      beat: window.beat,
      calls: window.calls,
      status: document.querySelector('#status').textContent,
      marks: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('manchette:'))
        .map((m) => [m.name, Math.round(m.startTime), Math.round(m.duration)]),
      chars: window.manchette.text.length,
    }));
    const rel = (x) => Math.round(x - out.setAt);
    console.log(`\n== ${mb} MB (${text.length.toLocaleString('en')} chars), by ${how}`);
    console.log(`  input set (sync part)     ${out.setMs.toFixed(0)} ms`);
    console.log(`  result painted after      ${rel(firstPaint)} ms   (${out.status})`);
    console.log(`  longest main-thread gap   ${Math.round(out.beat.max)} ms at +${rel(out.beat.maxAt)} ms`);
    console.log(`  gaps > 200 ms             ${out.beat.gaps.map(([at, g]) => `+${rel(at)}:${g}`).join(' ')}`);
    console.log(`  long tasks > 200 ms       ${out.beat.long.filter(([, d]) => d > 200).map(([at, d]) => `+${rel(at)}:${d}`).join(' ')}`);
    console.log(`  calls                     ${out.calls.map(([l, at, d]) => `${l} +${rel(at)}:${d}`).join(', ')}`);
    for (const [n, at, d] of out.marks) console.log(`  ${n.padEnd(25)} +${rel(at)}: ${d} ms`);
    void t0; void t1;
    await page.close();
  }
} finally {
  await env.close();
}
