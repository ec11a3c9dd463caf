// The status line and the progress bar under the page's title.

import { $ } from './dom.js';
import { progressLabel } from './labels.js';

/** Says `text` in the status line (announced to screen readers), in red when it is an error. */
export function setStatus(text, isError = false) {
  const s = $('#status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

/** Shows the progress bar; the worker only reports progress on analyses that take a while. */
export function showProgress(progress) {
  const { stage, percent } = progressLabel(progress);
  $('#progress-stage').textContent = stage;
  $('#progress-bar').value = percent;
  $('#progress-percent').textContent = `${percent} %`;
  $('#progress').hidden = false;
}

export function hideProgress() {
  $('#progress').hidden = true;
}

/** Is the progress bar showing (the analysis took a while, so drawing it will too)? */
export const progressShown = () => !$('#progress').hidden;
