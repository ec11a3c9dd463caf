// The dossier's part of the page: the article list (each with its date and language, editable,
// and removable), the merged index of names with its who-appears-where matrix, quotes by speaker,
// and the timeline on a time axis. What they show comes from dossier-data.js; clicking an item
// calls `onOpen(article, kind, at)` (kind entity or date with `at` a start offset, quote with `at`
// its index in the article's quotes).

import { $, el, timed } from './dom.js';
import { count, TYPE_NAMES } from './labels.js';
import { articleIndex, articleTitle, filterTimeline, referentRows, speakerRows, timeAxis } from './dossier-data.js';

/** Cells drawn in the matrix, quotes' speakers, and timeline items: more would only slow the page
 * (laying out 30,000 cells stalls it for half a second). */
const MAX_CELLS = 1_600;
const MIN_ROWS = 12;
const MAX_SPEAKERS = 80;
const MAX_TIMELINE = 200;
/** The matrix's column widths (rem), as style.css sets them. */
const [NAME_REM, COUNT_REM, ARTICLE_REM] = [16, 5.5, 2];
/** Article rows drawn in one task: the page gets a turn between batches. */
const ARTICLE_BATCH = 25;
/** Lets the page handle input, lay out and paint between two parts of the drawing. */
const breathe = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));

export class DossierView {
  constructor(hooks) {
    this.hooks = hooks;
    this.merged = null;
    this.filters = { referent: null, article: null, type: 'PER' };
    $('#dossier-type').addEventListener('change', (e) => { this.filters.type = e.target.value || null; this.showIndex(); });
    $('#timeline-person').addEventListener('change', (e) => {
      this.filters.referent = e.target.value === '' ? null : Number(e.target.value);
      this.showTimeline();
    });
    $('#timeline-article').addEventListener('change', (e) => {
      this.filters.article = e.target.value === '' ? null : e.target.value;
      this.showTimeline();
    });
  }

  /** Says how far the loading of `total` articles is. */
  progress(doneCount, total, name = '') {
    const bar = $('#dossier-progress');
    bar.hidden = doneCount >= total;
    bar.max = total;
    bar.value = doneCount;
    $('#dossier-note').textContent = doneCount >= total ? '' : `Analysing article ${doneCount + 1} of ${total}${name ? ` (${name})` : ''}…`;
  }

  /** Shows the merged dossier, a part at a time (each in a task of its own, so that 200 articles
   * never freeze the page); `saved` maps an article id to its {file, options}. Resolves once all
   * is drawn, or when a newer show has taken over. */
  async show(merged, saved) {
    const generation = this.generation = (this.generation ?? 0) + 1;
    this.merged = merged;
    this.saved = saved;
    this.numbers = articleIndex(merged);
    $('#dossier').hidden = merged.articles.length === 0;
    // What a saved page names or dates only in its boilerplate (menus, teasers) is not shown.
    const names = merged.referents.filter((r) => !r.boilerplate).length;
    const dates = merged.timeline.filter((t) => !t.boilerplate).length;
    $('#dossier-count').textContent = `${count(merged.articles.length)} articles, ${count(names)} names, ${count(dates)} dates`;
    if (this.filters.article !== null && !this.numbers.has(this.filters.article)) this.filters.article = null;
    if (this.filters.referent !== null && this.filters.referent >= merged.referents.length) this.filters.referent = null;
    const parts = [['index', () => this.showIndex()], ['quotes', () => this.showQuotes()],
      ['filters', () => this.showFilters()], ['timeline', () => this.showTimeline()]];
    // The list is filled a batch at a time, each laid out in a frame of its own (200 rows of date
    // inputs at once stall the page for 150 ms).
    const list = $('#dossier-articles');
    list.replaceChildren();
    for (let i = 0; i < merged.articles.length; i += ARTICLE_BATCH) {
      list.append(...timed('dossier-articles', () => this.articleRows(i, i + ARTICLE_BATCH)));
      await breathe();
      if (generation !== this.generation) return;
    }
    for (const [name, part] of parts) {
      await breathe();
      if (generation !== this.generation) return;
      timed(`dossier-${name}`, part);
    }
  }

  /** A button opening an item of an article. */
  opener(label, article, kind, at, title = null) {
    const b = el('button', { type: 'button', class: 'linkish', title, dataset: { article, kind, at: String(at) } }, label);
    b.addEventListener('click', () => this.hooks.onOpen(article, kind, at));
    return b;
  }

  /** An article's title: its headline, else its first line. */
  title(article) {
    return articleTitle(article, this.saved.get(article.id)?.text);
  }

  articleLabel(id) {
    const n = this.numbers.get(id);
    return n ? `${n.number}. ${this.title(n.article)}` : id;
  }

  /** The rows of the article list for articles `from` to `to` (not included). */
  articleRows(from, to) {
    return this.merged.articles.slice(from, to).map((a, k) => {
      const i = from + k;
      const options = this.saved.get(a.id)?.options ?? {};
      const date = el('input', { type: 'date', value: a.reference_date ?? '', 'aria-label': `Publication date of article ${i + 1}` });
      date.addEventListener('change', () => this.hooks.onDate(a.id, date.value));
      const lang = el('select', { 'aria-label': `Language of article ${i + 1}` },
        ...[['auto', 'auto'], ['fr', 'français'], ['en', 'English']].map(([v, name]) => el('option', { value: v, selected: (options.lang ?? 'auto') === v }, name)));
      lang.addEventListener('change', () => this.hooks.onLang(a.id, lang.value));
      const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove article ${i + 1}` }, 'Remove');
      remove.addEventListener('click', () => this.hooks.onRemove(a.id));
      const open = this.opener(this.title(a), a.id, 'article', 0);
      return el('li', { dataset: { article: a.id } },
        el('span', { class: 'num' }, `${i + 1}.`), open,
        el('span', { class: 'note' }, a.file && a.file !== this.title(a) ? ` ${a.file}` : ''),
        el('span', { class: 'article-options' }, date, ` ${a.lang} `, lang, remove));
    });
  }

  /** The index of names: one row a referent, its counts in each article (the matrix), and the
   * count buttons open the referent's first mention in that article. */
  showIndex() {
    const m = this.merged;
    if (!m) return;
    const rows = referentRows(m, { types: this.filters.type ? [this.filters.type] : null, limit: Math.max(MIN_ROWS, Math.floor(MAX_CELLS / Math.max(1, m.articles.length))) });
    const head = el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Articles'), el('th', { scope: 'col' }, 'Mentions'),
      ...m.articles.map((a, i) => el('th', { scope: 'col', class: 'col-article', title: this.title(a) }, String(i + 1))));
    const body = rows.map(({ index, referent: r, counts, total, spread }) => {
      const first = new Map();
      for (const mention of r.mentions) if (!mention.boilerplate && !first.has(mention.article)) first.set(mention.article, mention.start);
      const cells = m.articles.map((a, i) => el('td', { class: counts[i] ? 'hit' : 'miss' },
        counts[i] ? this.opener(String(counts[i]), a.id, 'entity', first.get(a.id), `${r.canonical} in ${this.title(a)}`) : ''));
      const extra = [...r.roles, ...r.aliases.map((x) => `also “${x}”`)].join(' · ');
      return el('tr', { dataset: { referent: String(index), type: r.type } },
        el('th', { scope: 'row' }, el('span', { class: `badge t-${r.type}`, title: TYPE_NAMES[r.type] }, r.type[0]), ' ', r.canonical,
          extra ? el('div', { class: 'note' }, extra) : null),
        el('td', { class: 'spread' }, String(spread)), el('td', {}, String(total)), ...cells);
    });
    const table = $('#dossier-index');
    // A fixed layout (each column's width set by the style sheet) is laid out in one pass; the
    // automatic one measures every cell, 85 ms for 1,600 cells on a busy machine.
    table.style.width = `${NAME_REM + 2 * COUNT_REM + m.articles.length * ARTICLE_REM}rem`;
    table.replaceChildren(
      el('colgroup', {}, el('col', { class: 'c-name' }), el('col', { class: 'c-count' }), el('col', { class: 'c-count' }),
        ...m.articles.map(() => el('col', { class: 'c-article' }))),
      el('thead', {}, head), el('tbody', {}, ...body));
  }

  showQuotes() {
    const speakers = speakerRows(this.merged).slice(0, MAX_SPEAKERS).map((s) => el('li', {},
      el('details', {}, el('summary', {}, `${s.speaker} `, el('span', { class: 'count' }, `${s.quotes.length}`)),
        el('ol', {}, ...s.quotes.map((q) => el('li', {}, this.opener(`« ${q.text} »`, q.article, 'quote', q.quote),
          el('div', { class: 'note' }, this.articleLabel(q.article))))))));
    $('#dossier-quotes').replaceChildren(...speakers);
  }

  showFilters() {
    const m = this.merged;
    const people = m.referents.map((r, i) => [r, i]).filter(([r]) => r.type === 'PER' && !r.boilerplate)
      .sort(([a], [b]) => a.canonical.localeCompare(b.canonical));
    $('#timeline-person').replaceChildren(el('option', { value: '' }, 'everyone'),
      ...people.map(([r, i]) => el('option', { value: String(i), selected: this.filters.referent === i }, r.canonical)));
    $('#timeline-article').replaceChildren(el('option', { value: '' }, 'all articles'),
      ...m.articles.map((a, i) => el('option', { value: a.id, selected: this.filters.article === a.id }, `${i + 1}. ${this.title(a)}`)));
  }

  /** The items kept by the filters (what the CSV export writes too). */
  timelineItems() {
    return this.merged ? filterTimeline(this.merged, this.filters) : [];
  }

  /** The timeline: dots on a real time axis (year ticks), then the items with their sentence. */
  showTimeline() {
    const items = this.timelineItems();
    const shown = items.slice(0, MAX_TIMELINE);
    const axis = timeAxis(shown);
    const dots = shown.map((t, i) => {
      if (axis.places[i] === null) return null;
      const dot = this.opener('', t.article, 'date', t.start, `${t.value} — ${this.articleLabel(t.article)}`);
      dot.classList.add('dot', `p-${t.precision}`);
      dot.style.left = `${(axis.places[i] * 100).toFixed(2)}%`;
      dot.setAttribute('aria-label', `${t.value}, ${this.articleLabel(t.article)}`);
      return dot;
    });
    const ticks = axis.ticks.map((tick) => {
      const e = el('span', { class: 'tick' }, tick.label);
      e.style.left = `${(tick.place * 100).toFixed(2)}%`;
      return e;
    });
    $('#timeline-axis').replaceChildren(...ticks, ...dots.filter(Boolean));
    $('#timeline-range').textContent = shown.length ? `${shown[0].value} to ${shown[shown.length - 1].value}, ${count(items.length)} dates` : 'no dates';
    $('#dossier-timeline').replaceChildren(...shown.map((t) => el('li', { dataset: { article: t.article, value: t.value } },
      el('span', { class: 'when' }, this.opener(t.value, t.article, 'date', t.start)), ' ',
      el('span', { class: 'sentence' }, t.sentence ?? t.text),
      el('div', { class: 'note' }, this.articleLabel(t.article)))));
  }
}
