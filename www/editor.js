// The text box, and the long text held out of it. Chromium takes about half a second per megabyte
// to lay out a text box's value, and then again on many later changes to the page; a text longer
// than HELD_CHARS is kept out of the text box and shown in the article only, with a notice and a
// way to edit it anyway.

import { $, download } from './dom.js';
import { sizeInMillions } from './labels.js';

export const HELD_CHARS = 500_000;

/** `text` as a text box would hold it: '\n' line breaks only. */
export const asTextBoxValue = (text) => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/** What a paste of `pasted` (the clipboard's plain text; `html` its text/html, if any) should do.
 * A paste of HTML that replaces the whole text (into an empty or wholly selected text box, or
 * outside any other field) is a web page, read as one. Otherwise, in the text box (`inBox`, with
 * its `value` and selection) the browser pastes, unless the result would be long; elsewhere the
 * browser pastes too, unless a text is `held` and the paste is not into another field
 * (`inField`), when it replaces the held text. Returns {action: 'browser'}, {action: 'ignore'}
 * (an empty paste that must not reach the browser), {action: 'page', html, text} (text: the
 * plain text, shown if the page gives no article) or {action: 'load', text, keepDate} (keepDate:
 * it edits the same article). */
export function pasteOutcome({ pasted, html = '', inBox, value = '', selectionStart = 0, selectionEnd = 0, held, inField = false }) {
  const replacesAll = inBox ? selectionStart === 0 && selectionEnd === value.length : !inField;
  if (html.trim() && replacesAll) return { action: 'page', html, text: pasted };
  if (!inBox && !held) return { action: 'browser' };
  if (inBox && value.length - (selectionEnd - selectionStart) + pasted.length <= HELD_CHARS) return { action: 'browser' };
  if (!inBox && inField) return { action: 'browser' };
  if (!pasted) return { action: 'ignore' };
  return inBox
    ? { action: 'load', text: value.slice(0, selectionStart) + pasted + value.slice(selectionEnd), keepDate: true }
    : { action: 'load', text: pasted, keepDate: false };
}

export class Editor {
  /** `onLoad(text, {keepDate})` is called when a paste replaces the whole text, `onPage(html,
   * text)` when it is a web page (`text` the clipboard's plain text). */
  constructor({ onLoad, onPage }) {
    this.input = $('#input');
    /** A text too long for the text box, kept here instead; null when the text box has the text. */
    this.held = null;
    this.onLoad = onLoad;
    this.onPage = onPage;
    $('#edit-held').addEventListener('click', () => this.editHeld());
    $('#save-held').addEventListener('click', () => this.saveHeld());
    document.addEventListener('paste', (e) => this.onPaste(e));
  }

  /** The text to analyse: the one held out of the text box, or the text box's. */
  get text() {
    return this.held ?? this.input.value;
  }

  /** Puts `text` in the text box, or holds it out of it if it is long. */
  set text(text) {
    if (text.length > HELD_CHARS) {
      this.held = asTextBoxValue(text);
      this.input.value = '';
    } else {
      this.held = null;
      this.input.value = text;
    }
    this.showHeld();
  }

  showHeld() {
    const held = this.held;
    this.input.hidden = held !== null;
    $('#held').hidden = held === null;
    if (held !== null) $('#held-size').textContent = sizeInMillions(held.length);
  }

  /** Moves a held text into the text box, for editing (the page stalls while Chromium lays it out). */
  editHeld() {
    const text = this.held;
    if (text === null) return;
    this.held = null;
    this.input.value = text;
    this.showHeld();
    this.input.focus();
    this.input.setSelectionRange(0, 0);
  }

  saveHeld() {
    if (this.held !== null) download('article.txt', 'text/plain;charset=utf-8', this.held);
  }

  /** A paste of a web page is read as one; a paste that would make the text box's text long is
   * held instead (the browser would freeze laying it out); a shorter one is left to the browser. */
  onPaste(e) {
    const input = this.input;
    const inBox = e.target === input;
    const outcome = pasteOutcome({
      pasted: e.clipboardData?.getData('text/plain') ?? '',
      html: e.clipboardData?.getData('text/html') ?? '',
      inBox,
      value: inBox ? input.value : '',
      selectionStart: input.selectionStart,
      selectionEnd: input.selectionEnd,
      held: this.held !== null,
      inField: e.target instanceof Element && Boolean(e.target.closest('input, textarea, select, [contenteditable]')),
    });
    if (outcome.action === 'browser') return;
    e.preventDefault();
    if (outcome.action === 'load') this.onLoad(outcome.text, { keepDate: outcome.keepDate });
    if (outcome.action === 'page') this.onPage(outcome.html, outcome.text);
  }
}
