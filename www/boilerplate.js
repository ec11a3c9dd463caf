// Boilerplate hidden without gaps: the line breaks around a hidden block are hidden with it. Pure;
// unit-tested in tests/www/boilerplate.test.mjs.

/** The runs of white space between the result's `blocks` (sorted, as the API gives them) that go
 * when boilerplate is hidden: the run after a boilerplate block, and the run before one when no
 * other kind of block follows (the page's footer), so that neither a gap nor two paragraphs run
 * together remain. Returns [{start, end}] in text order. */
export function boilerplateGaps(text, blocks) {
  const gaps = [];
  let bodyAfter = false; // a block other than boilerplate comes after block k
  const tail = new Array(blocks.length);
  for (let k = blocks.length - 1; k >= 0; k--) {
    tail[k] = bodyAfter;
    if (blocks[k].kind !== 'boilerplate') bodyAfter = true;
  }
  for (let k = 0; k + 1 < blocks.length; k++) {
    const [start, end] = [blocks[k].end, blocks[k + 1].start];
    if (end <= start || text.slice(start, end).trim() !== '') continue;
    const afterBoilerplate = blocks[k].kind === 'boilerplate';
    const beforeFooter = blocks[k + 1].kind === 'boilerplate' && !tail[k + 1];
    if (afterBoilerplate || beforeFooter) gaps.push({ start, end });
  }
  return gaps;
}
