// Small DOM helpers shared by the page's modules. Nothing here touches the document when the module
// loads, so the pure modules that import it also load under Node (tests/www/).

/** The first element matching `selector`. */
export const $ = (selector) => document.querySelector(selector);

/** Makes an element. Strings among `children` become text nodes: user text never goes in as HTML.
 * Attributes that are undefined, null or false are left out; true gives an empty attribute. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** Times `fn` as a performance measure named `manchette:NAME` (scripts/page-bench.mjs reads them). */
export function timed(name, fn) {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(`manchette:${name}`, { start, end: performance.now() });
  }
}

/** Saves `content` (a string or an array of parts) as a file named `name`. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob(Array.isArray(content) ? content : [content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
