// The page's state in one object, rather than globals spread over the modules: what the article
// view and the lists show, and what the reader set by hand. The modules with a job of their own
// (the worker client, the editor, the views) keep their working state inside the object they
// make; this holds what more than one of them reads.

/** Makes the state of a freshly opened page. */
export function createState() {
  return {
    /** The text the shown result was computed on (the article view shows it). */
    text: '',
    /** The analysis shown, as the API returns it; null before the first one. */
    result: null,
    /** The publication date was set by hand: it is sent with each analysis and kept until a new
     * text is loaded. */
    dateTouched: false,
    /** The text the date was set for by hand: another text drops it (reference-date.js). */
    dateText: '',
    /** The language chosen by hand for the shown result, or null when it was detected. */
    forcedLang: null,
    /** The web page being read, {html, text, fallback}: its article `text` once read (null
     * before), analysed from the HTML while the text box holds that text unedited; `fallback`,
     * a paste's plain text, shown instead if the page gives no article. Null for a plain text. */
    page: null,
    /** The options the shown result was analysed with, and the library's version. */
    options: {},
    version: '',
    /** `result` with the corrections made by hand (review-ui.js): what the page shows and exports. */
    shown: null,
  };
}
