// The side lists: entities (by mentions, filtered by type and search), quotes, and dates grouped
// by value. Each shows its first LIST_ROWS rows and a "Show more" button; its count, filters and
// search always cover every item. A click on an item shows its next mention in the article.

import { $, el } from './dom.js';
import { dateValueLabel, speakerLabel, TYPE_NAMES, TYPES } from './labels.js';
import { clusterMeta, dateTexts, filterClusters, itemKey, LIST_ROWS, listData, moreLabel, targetsOf } from './list-data.js';

const listButton = (key, ...content) => el('button', { type: 'button', class: 'item', 'data-key': key }, ...content);
/** The ✎ button opening an item's corrections (review-ui.js; from the keyboard: E on the item). */
const editButton = (key) => el('button', { type: 'button', class: 'edit', 'data-key': key, tabindex: -1, title: 'Correct', 'aria-label': 'Correct' }, '✎');
/** A list item's class: boilerplate dimmed, corrected by hand marked. */
const itemClass = (x, corrected = x.corrected) => [x.boilerplate ? 'bp' : '', corrected ? 'corrected' : ''].join(' ').trim() || null;

export class SideLists {
  /** `reveal(kind, index, visit)` shows a mention in the article (ArticleView.reveal). */
  constructor({ reveal }) {
    this.reveal = reveal;
    /** listData() of the result shown, or null before the first. */
    this.data = null;
    /** Rows shown in each list. */
    this.shown = { entities: LIST_ROWS, quotes: LIST_ROWS, dates: LIST_ROWS };
    /** List item key -> how many of its mentions were visited: the next click shows the next one. */
    this.visits = new Map();
    const refresh = () => this.data && this.renderEntities();
    document.querySelectorAll('input[name=type]').forEach((i) => i.addEventListener('change', refresh));
    $('#search').addEventListener('input', refresh);
    document.querySelector('.panels').addEventListener('click', (e) => {
      const button = e.target.closest('button.item');
      if (button) this.goTo(button.dataset.key);
      const more = e.target.closest('button.more');
      if (more) this.showMore(more.dataset.list);
    });
  }

  /** Fills the lists from result `r`, from their first rows. */
  show(r) {
    this.data = listData(r);
    this.visits.clear();
    this.shown = { entities: LIST_ROWS, quotes: LIST_ROWS, dates: LIST_ROWS };
    this.renderEntities();
    this.renderQuotes();
    this.renderDates();
  }

  /** Fills `ul` with the rows `make(item)` for the first `this.shown[name]` items and sets up its
   * "Show more" button. */
  fill(name, ul, items, make) {
    const n = Math.min(items.length, this.shown[name]);
    ul.replaceChildren(...items.slice(0, n).map(make));
    let more = ul.nextElementSibling?.classList.contains('more') ? ul.nextElementSibling : null;
    const label = moreLabel(n, items.length);
    if (label === null) {
      more?.remove();
      return;
    }
    if (!more) {
      more = el('button', { type: 'button', class: 'more', 'data-list': name });
      ul.after(more);
    }
    more.textContent = label;
  }

  showMore(name) {
    this.shown[name] += LIST_ROWS;
    ({ entities: () => this.renderEntities(), quotes: () => this.renderQuotes(), dates: () => this.renderDates() })[name]();
  }

  renderEntities() {
    const data = this.data;
    const types = new Set([...document.querySelectorAll('input[name=type]:checked')].map((i) => i.value));
    const items = filterClusters(data, types, $('#search').value);
    this.fill('entities', $('#entities'), items, ({ c, i }) => el('li', { 'data-cluster': i, 'data-type': c.type, class: itemClass(c) },
      listButton(itemKey.cluster(i),
        el('span', { class: `badge t-${c.type}`, title: TYPE_NAMES[c.type] }, c.type[0]),
        el('span', { class: 'name' }, c.canonical),
        el('span', { class: 'meta' }, clusterMeta(c)),
        el('span', { class: 'count', title: 'mentions' }, `×${c.mentions.length}`)), editButton(itemKey.cluster(i))));
    $('#n-entities').textContent = `${items.length}/${data.result.clusters.length}`;
    // The article hides the marks of the types filtered out of the list.
    for (const t of TYPES) document.body.classList.toggle(`hide-${t}`, !types.has(t));
  }

  renderQuotes() {
    const r = this.data.result;
    this.fill('quotes', $('#quotes'), r.quotes, (q, i) => el('li', { 'data-quote': i, class: itemClass(q) },
      listButton(itemKey.quote(i),
        el('span', { class: 'speaker' }, speakerLabel(q)),
        ' — ',
        el('span', { class: 'qtext' }, `« ${q.text} »`)), editButton(itemKey.quote(i))));
    $('#n-quotes').textContent = String(r.quotes.length);
  }

  renderDates() {
    const { result: r, groups, dateKeys } = this.data;
    const boilerplate = (v) => groups.get(v).every((i) => r.dates[i].boilerplate);
    this.fill('dates', $('#dates'), dateKeys, (v) => el('li', { 'data-value': v, class: itemClass({ boilerplate: boilerplate(v) }, groups.get(v).some((i) => r.dates[i].corrected)) },
      listButton(itemKey.date(v),
        el('span', { class: 'iso' }, dateValueLabel(v)),
        el('span', { class: 'texts' }, dateTexts(r, groups.get(v))),
        el('span', { class: 'count' }, `×${groups.get(v).length}`)), editButton(itemKey.date(v))));
    $('#n-dates').textContent = String(r.dates.length);
  }

  /** Shows the next mention of list item `key` in the article, cycling through them. */
  goTo(key) {
    const targets = targetsOf(this.data, key);
    if (!targets.length) return;
    const n = this.visits.get(key) ?? 0;
    const [kind, i] = targets[n % targets.length];
    if (this.reveal(kind, i, `${(n % targets.length) + 1}/${targets.length}`)) this.visits.set(key, n + 1);
  }
}
