// The page from the keyboard: the skip links, the article as one Tab stop whose marks the arrow
// keys move among, n / p for the next or previous mention of the item in hand (the focused mark's,
// or the list item used last), Escape from the article back to that list item, and where one is
// ("Nantes: mention 2/5") shown and announced. The side lists rove on their own (side-lists.js).

import { $ } from './dom.js';
import { keyOfMark } from './mentions.js';
import { arrowTarget } from './roving.js';
import { SideLists } from './side-lists.js';

/** The marks one can move to: the first piece of each entity, date and quote. */
const MARKS = '[data-kind=entity].first, [data-kind=date].first, [data-kind=quote].first';

/** `t` is a field that takes typed letters (n and p type there). */
const typingIn = (t) => t instanceof Element && Boolean(t.closest('input, textarea, select, [contenteditable]'));

/** A mark the reader can see: not in hidden boilerplate, not of a type filtered out. */
const shown = (m) => m.checkVisibility?.() !== false
  && !(m.dataset.kind === 'entity' && document.body.classList.contains(`hide-${m.dataset.type}`));

export class Keyboard {
  /** `article` is the ArticleView, `lists` the SideLists; `showList(name)` and `showArticle()`
   * bring a list or the article on screen (the phone's tabs). */
  constructor({ article, lists, showList, showArticle }) {
    this.view = article;
    this.lists = lists;
    this.showList = showList;
    this.showArticle = showArticle;
    this.articleEl = $('#article');
    /** The mark holding the article's Tab stop, if one does. */
    this.stop = null;
    $('#skip-lists').addEventListener('click', (e) => { e.preventDefault(); this.focusList('entities'); });
    $('#skip-article').addEventListener('click', (e) => { e.preventDefault(); this.focusArticle(); });
    this.articleEl.addEventListener('focusin', (e) => {
      const mark = e.target.closest?.(MARKS);
      if (mark) this.takeStop(mark);
    });
    document.addEventListener('keydown', (e) => this.onKey(e));
    $('#mention-prev').addEventListener('click', () => this.lists.selected && this.lists.step(this.lists.selected, -1));
    $('#mention-next').addEventListener('click', () => this.lists.selected && this.lists.step(this.lists.selected, 1));
  }

  /** Where the reader is, shown above the lists and read out by screen readers. */
  announce(words) {
    $('#position').textContent = words;
  }

  /** Forgets the position (a new result). */
  reset() {
    this.stop = null;
    this.announce('');
  }

  /** Makes `mark` the article's Tab stop, in place of the article itself or the previous mark. */
  takeStop(mark) {
    if (this.stop && this.stop !== mark) this.stop.tabIndex = -1;
    mark.tabIndex = 0;
    this.articleEl.tabIndex = -1;
    this.stop = mark;
  }

  /** Focuses the Tab stop of list `name` (or the first list with items). */
  focusList(name) {
    const order = [name, 'entities', 'quotes', 'dates'];
    const stop = order.map((n) => document.querySelector(`#${n} button.item[tabindex="0"]`)).find(Boolean);
    this.showList(stop ? stop.closest('.list').id : name);
    (stop ?? document.querySelector('.panels')).focus();
  }

  focusArticle() {
    this.showArticle();
    const target = this.stop?.isConnected ? this.stop : this.articleEl;
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  }

  /** The marks of chunk `c` the reader can see, marked up first if need be. */
  marksIn(c) {
    this.view.markChunk(c);
    return [...this.view.view.chunks[c].querySelectorAll(MARKS)].filter(shown);
  }

  /** The mark `delta` (±1) marks away from `mark`, or the first one on screen when `mark` is
   * null; null at the ends. */
  neighbour(mark, delta) {
    const chunks = this.view.view?.chunks ?? [];
    if (!chunks.length) return null;
    let c = mark ? Number(mark.closest('.chunk').dataset.chunk) : Math.max(0, chunks.findIndex((ch) => ch.getBoundingClientRect().bottom > 0));
    let marks = this.marksIn(c);
    let k = mark ? marks.indexOf(mark) + delta : marks.findIndex((m) => m.getBoundingClientRect().bottom > 0);
    const step = mark ? delta : 1;
    while (k < 0 || k >= marks.length) {
      c += step;
      if (c < 0 || c >= chunks.length) return null;
      marks = this.marksIn(c);
      k = step > 0 ? 0 : marks.length - 1;
    }
    return marks[k];
  }

  /** The first (`end` false) or last mark of the article. */
  edge(end) {
    const chunks = this.view.view?.chunks ?? [];
    for (let k = 0; k < chunks.length; k++) {
      const marks = this.marksIn(end ? chunks.length - 1 - k : k);
      if (marks.length) return end ? marks.at(-1) : marks[0];
    }
    return null;
  }

  onKey(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
    const mark = e.target.closest?.(`#article :is(${MARKS})`);
    const inArticle = mark || e.target === this.articleEl;
    if (e.key === 'n' || e.key === 'p') {
      const delta = e.key === 'n' ? 1 : -1;
      const item = e.target.closest?.('.panels button.item');
      const done = mark ? this.lists.stepFromMark(mark.dataset.kind, Number(mark.dataset.index), delta)
        : this.lists.selected || item ? this.lists.step(item ? item.dataset.key : this.lists.selected, delta) : false;
      if (done) e.preventDefault();
      return;
    }
    if (e.key === 'Escape' && inArticle) {
      // The list item of the focused mark, else the one used last.
      const key = mark && this.lists.data ? keyOfMark(this.lists.data.result, mark.dataset.kind, Number(mark.dataset.index)) : this.lists.selected;
      if (!key) return;
      this.showList(SideLists.listOf(key));
      const button = this.lists.buttonOf(key);
      if (button) button.focus();
      else this.focusList(SideLists.listOf(key));
      return;
    }
    if (!inArticle) return;
    let to = null;
    if (e.key === 'Home' || e.key === 'End') {
      if (!mark) return; // on the article itself they scroll
      to = this.edge(e.key === 'End');
    } else if (arrowTarget(e.key, 1, 3) !== null) {
      // Up and down scroll the article until a mark is focused; then all four move.
      if (!mark && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) return;
      to = this.neighbour(mark, e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1);
    } else return;
    e.preventDefault();
    if (to) {
      to.focus({ preventScroll: true });
      to.scrollIntoView({ block: 'nearest' });
    }
  }
}
