// Offsets into the article: cutting it into chunks and finding the spans of a range. Offsets are
// UTF-16 code units, as the API gives them and as JavaScript strings index. Pure; unit-tested in
// tests/www/spans.test.mjs.

/** The article is drawn in chunks of about this many characters (see article-view.js). */
export const CHUNK_CHARS = 16_000;

const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;

/** Chunk start offsets for `text`: each cut is just after a '\n' when one comes within three
 * chunk lengths, else at `size` characters but never inside a surrogate pair; a last chunk is
 * never shorter than half a chunk. */
export function chunkStarts(text, size = CHUNK_CHARS) {
  const starts = [0];
  let pos = 0;
  while (text.length - pos > size * 1.5) {
    let cut = text.indexOf('\n', pos + size);
    if (cut >= 0 && cut - pos <= size * 3) cut += 1;
    else {
      cut = pos + size;
      if (isLowSurrogate(text.charCodeAt(cut))) cut += 1;
    }
    if (cut >= text.length) break;
    starts.push(cut);
    pos = cut;
  }
  return starts;
}

/** The index of the chunk holding `offset`, given sorted chunk `starts` (the first is 0). */
export function chunkAt(starts, offset) {
  let lo = 0; let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Indexes a list of spans ({start, end}; sorted by start as the API gives them, or sorted here)
 * with a running maximum of their ends, so that the spans overlapping a range are found in
 * O(log n + k) however long the article. Returns `(a, b) => indices` of the non-empty spans with
 * start < b and end > a, in order of start. */
export function spanIndex(list) {
  let order = null;
  for (let i = 1; i < list.length; i++) {
    if (list[i].start < list[i - 1].start) {
      order = Uint32Array.from(list.keys()).sort((a, b) => list[a].start - list[b].start);
      break;
    }
  }
  const at = order ? (k) => list[order[k]] : (k) => list[k];
  const maxEnd = new Float64Array(list.length);
  let m = -Infinity;
  for (let k = 0; k < list.length; k++) maxEnd[k] = m = Math.max(m, at(k).end);
  return (a, b) => {
    let lo = 0; let hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (maxEnd[mid] > a) hi = mid; else lo = mid + 1; }
    const out = [];
    for (let k = lo; k < list.length; k++) {
      const x = at(k);
      if (x.start >= b) break;
      if (x.end > a && x.start < x.end) out.push(order ? order[k] : k);
    }
    return out;
  };
}

/** The cut points of [from, to) where a span starts or ends inside it, with `from` and `to`,
 * sorted: between two neighbours the set of spans covering the text does not change. */
export function cutPoints(spans, from, to) {
  const bounds = new Set([from, to]);
  for (const s of spans) {
    if (s.start > from && s.start < to) bounds.add(s.start);
    if (s.end > from && s.end < to) bounds.add(s.end);
  }
  return [...bounds].sort((a, b) => a - b);
}

/** Counts the lines of text[a, b) as a box about `perLine` characters wide wraps them: the line
 * breaks, plus one wrap every `perLine` characters. Used to estimate an unrendered chunk's height. */
export function estimatedLines(text, a, b, perLine) {
  let lines = 1;
  for (let i = text.indexOf('\n', a); i >= 0 && i < b; i = text.indexOf('\n', i + 1)) lines++;
  return lines + Math.floor((b - a) / perLine);
}
