// A roving tab index: a group of items (a side list, the marks of the article) is one stop of the
// Tab key; the item last used holds tabindex 0, the others -1, and the arrow keys move inside.

/** Makes `stop` (or, when it is not among them, the first of `items`) the group's one Tab stop. */
export function setStop(items, stop = null) {
  const list = [...items];
  const chosen = list.includes(stop) ? stop : list[0];
  for (const item of list) item.tabIndex = item === chosen ? 0 : -1;
  return chosen ?? null;
}

/** The item `key` moves to among `count` items from `index`: ArrowDown/ArrowRight next,
 * ArrowUp/ArrowLeft previous (both stopping at the ends), Home first, End last; null for
 * other keys. */
export function arrowTarget(key, index, count) {
  if (!count) return null;
  switch (key) {
    case 'ArrowDown': case 'ArrowRight': return Math.min(count - 1, index + 1);
    case 'ArrowUp': case 'ArrowLeft': return Math.max(0, index - 1);
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}

/** Arrow keys inside `container` move the focus among its items `selector` (the lists of the
 * panel); the focused item becomes its list's Tab stop. */
export function roveWithArrows(container, selector, groupOf) {
  container.addEventListener('keydown', (e) => {
    const item = e.target.closest?.(selector);
    if (!item || e.altKey || e.ctrlKey || e.metaKey) return;
    const items = [...groupOf(item).querySelectorAll(selector)];
    const to = arrowTarget(e.key, items.indexOf(item), items.length);
    if (to === null) return;
    e.preventDefault();
    items[to].focus();
  });
  container.addEventListener('focusin', (e) => {
    const item = e.target.closest?.(selector);
    if (item) setStop(groupOf(item).querySelectorAll(selector), item);
  });
}
