// On a phone the article and the three lists take turns in one column: a tab bar fixed at the
// bottom of the screen shows one of them, so a list is one tap away from the article and the
// article one tap away from a list. On wider screens the bar is not shown and all are side by side.

import { $ } from './dom.js';

export class ViewTabs {
  constructor() {
    this.bar = $('#view-tabs');
    this.bar.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-view]');
      if (button) this.show(button.dataset.view, { scroll: true });
    });
    this.show('article');
  }

  /** The tab bar is shown (a narrow screen). */
  get active() {
    return getComputedStyle(this.bar).display !== 'none';
  }

  /** Shows `view` (article, entities, quotes or dates); with `scroll`, from its top. */
  show(view, { scroll = false } = {}) {
    document.body.dataset.view = view;
    for (const b of this.bar.querySelectorAll('button[data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    if (scroll && this.active) $('.layout').scrollIntoView({ block: 'start' });
  }

  /** Puts each list's number of items beside its tab's name. */
  counts({ entities, quotes, dates }) {
    const n = { entities, quotes, dates };
    for (const b of this.bar.querySelectorAll('button[data-view]')) {
      const count = b.querySelector('.count');
      if (count) count.textContent = String(n[b.dataset.view] ?? '');
    }
  }
}
