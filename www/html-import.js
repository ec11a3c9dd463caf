// Reduces a saved web page to the article's text. The DOM step (DOMParser, which runs no script
// and loads no image) is kept apart from the walk and the text assembly, which only read
// nodeType, tagName, data, childNodes and getAttribute, so that they run under Node on small
// hand-made trees (tests/www/html-import.test.mjs).

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Elements that break the line before and after them. */
const BLOCK = /^(P|DIV|H[1-6]|LI|UL|OL|BR|SECTION|ARTICLE|HEADER|FOOTER|NAV|ASIDE|MAIN|TR|TABLE|BLOCKQUOTE|FIGCAPTION|FIGURE|PRE|DT|DD|DL|ADDRESS|TIME|HR)$/;
/** Blocks that end a paragraph: an empty line after them. */
const PARAGRAPH = /^(P|H[1-6]|BLOCKQUOTE)$/;
/** Elements that are never article text. */
const NOT_TEXT = 'script, style, noscript, template, svg, iframe, object, embed, canvas, head, button, form select';

/** Is `raw` an HTML page, going by the file's name, its type or its first characters? */
export function looksLikeHtml(name, type, raw) {
  return /\.html?$/i.test(name) || type === 'text/html' || /^\s*(<!doctype html|<html)/i.test(raw);
}

/** `html` without scripts, styles, inline handlers and style attributes. The parsed document is
 * inert, but it inherits this page's CSP, which would log a violation for each of them (they are
 * never text anyway). */
export function quietHtml(html) {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\s(on[a-z]+|style)\s*=/gi, ' data-dropped-$1='));
}

/** The pieces of text under `root`, in document order: text nodes with runs of HTML white space
 * made one space, an image's alt text, and '\n' around blocks ('\n\n' after a paragraph). */
export function textPieces(root) {
  const out = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === TEXT_NODE) out.push(child.data.replace(/[ \t\r\n\f]+/g, ' '));
      else if (child.nodeType === ELEMENT_NODE) {
        const block = BLOCK.test(child.tagName);
        if (block) out.push('\n');
        if (child.tagName === 'IMG' && child.getAttribute('alt')) out.push(child.getAttribute('alt'));
        walk(child);
        if (block) out.push(PARAGRAPH.test(child.tagName) ? '\n\n' : '\n');
      }
    }
  };
  walk(root);
  return out;
}

/** The article text from the walk's `pieces`: lines trimmed, at most one empty line in a row, the
 * headline put first unless it is already near the start, and one final line break. */
export function assembleText(pieces, headline) {
  let text = pieces.join('').split('\n').map((l) => l.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  if (headline && !text.slice(0, headline.length + 200).includes(headline)) text = `${headline}\n\n${text}`;
  return text + '\n';
}

/** The page's headline: OpenGraph's title, else the first h1, else the document's title. */
function headlineOf(doc) {
  return doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim()
    || doc.querySelector('h1')?.textContent.trim()
    || doc.title.trim();
}

/** Reduces an HTML page to text, in the browser (it needs DOMParser). */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(quietHtml(html), 'text/html');
  const headline = headlineOf(doc);
  doc.querySelectorAll(NOT_TEXT).forEach((n) => n.remove());
  return assembleText(textPieces(doc.body ?? doc.documentElement), headline);
}
