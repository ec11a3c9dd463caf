// The side lists: entities (by mentions, filtered by type and search), quotes, and dates grouped
// by value. Each shows its first LIST_ROWS rows and a "Show more" button; its count, filters and
// search always cover every item. A click on an item shows its next mention in the article; each
// list is one stop of the Tab key, the arrow keys move inside it (roving.js).

import { $, el } from './dom.js';
import { dateValueLabel, speakerLabel, TYPE_NAMES, TYPES, uncertainSpeaker, uncertainTitle } from './labels.js';
import { clusterMeta, dateTexts, filterClusters, itemKey, LIST_ROWS, listData, moreLabel, targetsOf } from './list-data.js';
import { itemName, keyOfMark, positionLabel, stepIndex } from './mentions.js';
import { roveWithArrows, setStop } from './roving.js';

const listButton = (key, ...content) => el('button', { type: 'button', class: 'item', 'data-key': key }, ...content);
/** The ✎ button opening an item's corrections (review-ui.js; from the keyboard: E on the item). */
const editButton = (key) => el('button', { type: 'button', class: 'edit', 'data-key': key, tabindex: -1, title: 'Correct', 'aria-label': 'Correct' }, '✎');
/** A list item's class: boilerplate dimmed, corrected by hand marked. */
const itemClass = (x, corrected = x.corrected) => [x.boilerplate ? 'bp' : '', corrected ? 'corrected' : ''].join(' ').trim() || null;

export class SideLists {
  /** `reveal(kind, index, visit)` shows a mention in the article (ArticleView.reveal);
   * `announce(words)` says where it is ("Nantes: mention 2/5"). */
  constructor({ reveal, announce = () => {} }) {
    this.reveal = reveal;
    this.announce = announce;
    /** listData() of the result shown, or null before the first. */
    this.data = null;
    /** Rows shown in each list. */
    this.shown = { entities: LIST_ROWS, quotes: LIST_ROWS, dates: LIST_ROWS };
    /** List item key -> the index of its mention shown last: the next click shows the next one. */
    this.position = new Map();
    /** The key of the list item whose mentions were shown last (n / p go on with it). */
    this.selected = null;
    /** Items in page boilerplate are left out of the lists and their counts. */
    this.hideBoilerplate = false;
    const refresh = () => this.data && this.renderEntities();
    document.querySelectorAll('input[name=type]').forEach((i) => i.addEventListener('change', refresh));
    $('#search').addEventListener('input', refresh);
    document.querySelector('.panels').addEventListener('click', (e) => {
      const button = e.target.closest('button.item');
      if (button) this.goTo(button.dataset.key);
      const more = e.target.closest('button.more');
      if (more) this.showMore(more.dataset.list);
    });
    roveWithArrows(document.querySelector('.panels'), 'button.item', (item) => item.closest('.list'));
  }

  /** Fills the lists from result `r`, from their first rows. */
  show(r) {
    this.data = listData(r, { hideBoilerplate: this.hideBoilerplate });
    this.position.clear();
    this.selected = null;
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
    setStop(ul.querySelectorAll('button.item'), this.selected && this.buttonOf(this.selected));
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
    $('#n-entities').textContent = `${items.length}/${data.clusters.length}`;
    // The article hides the marks of the types filtered out of the list.
    for (const t of TYPES) document.body.classList.toggle(`hide-${t}`, !types.has(t));
  }

  renderQuotes() {
    const r = this.data.result;
    this.fill('quotes', $('#quotes'), this.data.quotes, (i) => {
      const q = r.quotes[i];
      return el('li', { 'data-quote': i, class: itemClass(q) },
        listButton(itemKey.quote(i),
          el('span', { class: q.speaker ? 'speaker' : 'speaker unknown' }, speakerLabel(q)),
          uncertainSpeaker(q) ? el('span', { class: 'uncertain', title: uncertainTitle(q) }, '?', el('span', { class: 'sr-only' }, ' (uncertain speaker)')) : null,
          ' — ',
          el('span', { class: 'qtext' }, `« ${q.text} »`)), editButton(itemKey.quote(i)));
    });
    $('#n-quotes').textContent = String(this.data.counts.quotes);
  }

  renderDates() {
    const { result: r, groups, dateKeys } = this.data;
    const boilerplate = (v) => groups.get(v).every((i) => r.dates[i].boilerplate);
    this.fill('dates', $('#dates'), dateKeys, (v) => el('li', { 'data-value': v, class: itemClass({ boilerplate: boilerplate(v) }, groups.get(v).some((i) => r.dates[i].corrected)) },
      listButton(itemKey.date(v),
        el('span', { class: 'iso' }, dateValueLabel(v)),
        el('span', { class: 'texts' }, dateTexts(r, groups.get(v))),
        el('span', { class: 'count' }, `×${groups.get(v).length}`)), editButton(itemKey.date(v))));
    $('#n-dates').textContent = String(this.data.counts.dates);
  }

  /** Leaves page boilerplate out of the lists (or puts it back). */
  setHideBoilerplate(hide) {
    this.hideBoilerplate = hide;
    if (this.data) this.show(this.data.result);
  }

  /** Shows the next mention of list item `key` in the article, cycling through them. */
  goTo(key) {
    return this.step(key, 1);
  }

  /** Shows the mention of list item `key` `delta` steps from its mention `from` (by default the
   * one shown last), and says which it is. Returns false when there is none to show. */
  step(key, delta, from = this.position.get(key) ?? -1) {
    const targets = targetsOf(this.data, key);
    const k = stepIndex(from, targets.length, delta);
    if (k < 0) return false;
    const [kind, i] = targets[k];
    if (!this.reveal(kind, i, `${k + 1}/${targets.length}`)) return false;
    this.position.set(key, k);
    this.selected = key;
    this.announce(positionLabel(itemName(this.data.result, key), k, targets.length));
    return true;
  }

  /** n / p from a mark of the article: the next or previous mention of the item it belongs to. */
  stepFromMark(kind, i, delta) {
    if (!this.data) return false;
    const key = keyOfMark(this.data.result, kind, i);
    const from = targetsOf(this.data, key).findIndex(([k, j]) => k === kind && j === i);
    return this.step(key, delta, from);
  }

  /** The button of list item `key`, when its list shows it. */
  buttonOf(key) {
    return document.querySelector(`.panels button.item[data-key="${CSS.escape(key)}"]`);
  }

  /** The list that holds the items of `key`'s kind. */
  static listOf(key) {
    return { cluster: 'entities', quote: 'quotes', date: 'dates' }[key.slice(0, key.indexOf(':'))];
  }
}
