// Light or dark colours: the system's choice (prefers-color-scheme) unless the reader picks one;
// the choice is kept for the next visit. style.css keys its dark colours on <html data-theme=dark>.

import { $ } from './dom.js';

export const THEME_KEY = 'manchette:theme';
const CHOICES = ['auto', 'light', 'dark'];

/** The colours to show for a `choice` (auto, light or dark) when the system prefers dark or not. */
export const effectiveTheme = (choice, systemDark) => (choice === 'auto' || !CHOICES.includes(choice) ? (systemDark ? 'dark' : 'light') : choice);

export class Theme {
  /** `storage` is localStorage (reading it can throw when the browser disables it). */
  constructor(storage = null) {
    try { storage ??= globalThis.localStorage; } catch { storage = null; }
    this.select = $('#theme');
    this.system = matchMedia('(prefers-color-scheme: dark)');
    let saved = 'auto';
    try { saved = storage?.getItem(THEME_KEY) ?? 'auto'; } catch { /* storage disabled */ }
    this.select.value = CHOICES.includes(saved) ? saved : 'auto';
    this.select.addEventListener('change', () => {
      try { storage?.setItem(THEME_KEY, this.select.value); } catch { /* not kept, still applied */ }
      this.apply();
    });
    this.system.addEventListener('change', () => this.apply());
    this.apply();
  }

  apply() {
    document.documentElement.dataset.theme = effectiveTheme(this.select.value, this.system.matches);
  }
}
