// The publication date field. A date set by hand belongs to the text it was set for: when another
// text takes its place (pasted, typed over, opened), the new one is analysed with its own date, and
// the page offers the date set by hand back in one click, in case it was meant for the new text too.

import { $ } from './dom.js';
import { referenceNote } from './labels.js';

/** Whether `after` is another text than `before`, not an edit of it: what the two share at their
 * start and end is less than half of `before`. Typing, cutting a paragraph or pasting one into
 * the article is an edit; replacing the whole text, or clearing it, is a new text. Pure. */
export function isNewText(before, after) {
  if (before === after) return false;
  if (!after.trim()) return true;
  const n = Math.min(before.length, after.length);
  let head = 0;
  while (head < n && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < n - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return head + tail < before.length / 2;
}

export class ReferenceDate {
  /** Keeps `state.dateTouched` (a date set by hand is sent with each analysis) and
   * `state.dateText` (the text it was set for); `onChange()` analyses again. */
  constructor(state, { onChange, currentText }) {
    this.state = state;
    this.input = $('#refdate');
    this.offer = $('#date-offer');
    /** The date set by hand for the previous text, offered back; null when there is none. */
    this.dropped = null;
    this.input.addEventListener('change', () => this.setByHand(this.input.value || null, currentText(), onChange));
    this.offer.addEventListener('click', () => this.setByHand(this.dropped, currentText(), onChange));
  }

  /** The date set by hand for the analysis of `text`, or null. */
  setByHand(date, text, onChange) {
    this.state.dateTouched = Boolean(date);
    this.state.dateText = text;
    this.input.value = date ?? '';
    this.dropped = null;
    this.offer.hidden = true;
    onChange();
  }

  /** Forgets the date set by hand, if any, and offers it back. */
  forget() {
    if (this.state.dateTouched && this.input.value) this.dropped = this.input.value;
    this.state.dateTouched = false;
    this.input.value = '';
  }

  /** Called before `text` is analysed: a new text forgets the date set for the previous one. */
  check(text) {
    if (this.state.dateTouched && isNewText(this.state.dateText ?? '', text)) this.forget();
  }

  /** Sets the field for an article opened with options `opts` and result `r` (the dossier). */
  opened(opts, r, text) {
    this.state.dateTouched = Boolean(opts.referenceDate);
    this.state.dateText = text;
    this.input.value = opts.referenceDate ?? r.reference_date ?? '';
    this.dropped = null;
  }

  /** Shows result `r`'s date, unless one was set by hand, with where it comes from, and the
   * offer of the date dropped. */
  shown(r) {
    if (!this.state.dateTouched) this.input.value = r.reference_date ?? '';
    $('#refnote').textContent = referenceNote(r);
    const offer = this.dropped && this.dropped !== r.reference_date;
    this.offer.hidden = !offer;
    if (offer) this.offer.textContent = `Use ${this.dropped} (set by hand for the previous text)`;
  }
}
