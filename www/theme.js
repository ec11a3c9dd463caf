// Light or dark colours: the system's choice (prefers-color-scheme, applied by style.css alone, so
// a dark system never sees a light page first) unless the reader picks one; the choice is kept for
// the next visit and set as <html data-theme=light|dark>, which style.css lets win over the system.

import { $ } from './dom.js';

export const THEME_KEY = 'manchette:theme';
const CHOICES = ['auto', 'light', 'dark'];

/** The `data-theme` to set for a `choice`: light or dark when made by hand, none (the system's) otherwise. */
export const explicitTheme = (choice) => (choice === 'light' || choice === 'dark' ? choice : null);

export class Theme {
  /** `storage` is localStorage (reading it can throw when the browser disables it). */
  constructor(storage = null) {
    try { storage ??= globalThis.localStorage; } catch { storage = null; }
    this.select = $('#theme');
    let saved = 'auto';
    try { saved = storage?.getItem(THEME_KEY) ?? 'auto'; } catch { /* storage disabled */ }
    this.select.value = CHOICES.includes(saved) ? saved : 'auto';
    this.select.addEventListener('change', () => {
      try { storage?.setItem(THEME_KEY, this.select.value); } catch { /* not kept, still applied */ }
      this.apply();
    });
    this.apply();
  }

  apply() {
    const theme = explicitTheme(this.select.value);
    if (theme) document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  }
}
