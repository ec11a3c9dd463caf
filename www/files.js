// Files opened or dropped on the page: many at once, and folders where the browser allows it
// (DataTransferItem.webkitGetAsEntry for a drop, <input webkitdirectory> for the picker).
// readArticleFile is the one place a file becomes article text, so that it can switch to the
// core's HTML extractor when the page gets it.

import { htmlToText, looksLikeHtml } from './html-import.js';

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

/** The text of an article file: a saved web page is reduced to its text. */
export async function readArticleFile(file) {
  const raw = await file.text();
  return looksLikeHtml(file.name, file.type, raw) ? htmlToText(raw) : raw;
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
