// Saved web pages and other files in the page: what is HTML, what is no article at all, and when
// a page's reading is worth showing. The reading itself is the core's (`analyzeHtml` in the
// worker), the same as the command line's. Pure functions, unit-tested in
// tests/www/html-import.test.mjs.

/** Is `raw` an HTML page, going by the file's name, its type or its first characters? */
export function looksLikeHtml(name, type, raw) {
  return /\.html?$/i.test(name) || type === 'text/html' || /^\s*(<!doctype html|<html)/i.test(raw);
}

/** Did the reading of a page find any text outside its boilerplate? A page that gives none (a
 * copied image, an empty fragment) is better shown as the clipboard's plain text. */
export function hasArticleText(result) {
  return result.blocks.some((b) => b.kind !== 'boilerplate' && result.text.slice(b.start, b.end).trim() !== '');
}

/** The status line's words for a file refused because it is `kind` ("a PDF document"), not text. */
export function refusedFileNote(name, kind) {
  return `${name} is ${kind}, not an article: it was not opened, and the text is unchanged. `
    + 'Open a saved web page (.html) or a text file (.txt, .md).';
}

/** The dossier item for the article open in the text box: the web page it was read from while
 * the box holds that page's article text unedited (so the dossier keeps the page's boilerplate
 * lines and publication date), else the box's text as a plain text. Null for an empty box. */
export function openArticleItem({ id, text, page, options }) {
  if (!text.trim()) return null;
  if (page && page.text !== null && page.text === text) return { id, html: page.html, options };
  return { id, text, options };
}
