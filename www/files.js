// Files opened or dropped on the page: many at once, and folders where the browser allows it
// (DataTransferItem.webkitGetAsEntry for a drop, <input webkitdirectory> for the picker).
// readArticleFile is the one place a file is read: sniffed and decoded in the worker, then told
// apart as a text, a saved web page, or no article at all.

import { looksLikeHtml } from './html-import.js';

/** Names of the files taken as articles when a folder is opened or dropped. */
export const isArticleName = (name) => /\.(txt|md|markdown|html?)$/i.test(name) && !name.startsWith('.');

/** Files in the order a person expects: by path, numbers compared as numbers. */
export function sortFiles(files) {
  const path = (f) => f.webkitRelativePath || f.name;
  return [...files].sort((a, b) => path(a).localeCompare(path(b), undefined, { numeric: true }));
}

/** The article files among those picked: every file picked by name, the article-like ones of a
 * folder. */
export function articleFiles(files) {
  return sortFiles([...files].filter((f) => !f.webkitRelativePath || isArticleName(f.name)));
}

/** What an article file holds: {text}, {html} for a saved web page (read by the core's
 * `analyzeHtml`), or {refused: its type} for a file that is not text (a PDF, an image, an
 * archive…). `worker.readFile(bytes)` sniffs the bytes (`fileKind`) and decodes them
 * (`decodePage`: UTF-8, or the Western encoding a page declares). */
export async function readArticleFile(file, worker) {
  const { binary, text } = await worker.readFile(new Uint8Array(await file.arrayBuffer()));
  if (binary) return { refused: binary };
  return looksLikeHtml(file.name, file.type, text) ? { html: text } : { text };
}

/** All files under a dropped folder entry (FileSystemDirectoryEntry), article-like ones only. */
async function filesOfEntry(entry, path = '') {
  if (entry.isFile) {
    if (!isArticleName(entry.name)) return [];
    const file = await new Promise((ok, fail) => entry.file(ok, fail));
    return [Object.defineProperty(file, 'webkitRelativePath', { value: path + entry.name })];
  }
  const reader = entry.createReader();
  const entries = [];
  // readEntries gives at most 100 entries a call: call it until it gives none.
  for (;;) {
    const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) break;
    entries.push(...batch);
  }
  const nested = await Promise.all(entries.map((e) => filesOfEntry(e, `${path}${entry.name}/`)));
  return nested.flat();
}

/** The files of a drop, folders walked where the browser gives entries. */
export async function droppedFiles(dataTransfer) {
  const items = [...(dataTransfer?.items ?? [])].filter((i) => i.kind === 'file');
  const entries = items.map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (entries.length && entries.some((e) => e.isDirectory)) {
    const nested = await Promise.all(entries.map((e) => filesOfEntry(e)));
    return sortFiles(nested.flat());
  }
  return articleFiles(dataTransfer?.files ?? []);
}
