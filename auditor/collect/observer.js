// Installed before any page script (context.add_init_script). Records elements that appear
// after load — toasts, "Anna from Kyiv just bought...", popups — with when they appeared and
// when they went away. The record lives in a closure; the page only sees a getter under a
// random name chosen per audit, which it cannot predict.
(() => {
  const KEY = '__SHOP_AUDIT_KEY__';
  if (window[KEY]) return;
  const t0 = performance.now();
  const records = [];
  const live = new Map();  // root element -> record index
  const MAX = 300;
  const clean = (t) => (t || '').replace(/[\s\u00a0]+/g, ' ').trim().slice(0, 400);
  const rootOf = (el) => {
    for (let cur = el, i = 0; cur && cur.nodeType === 1 && i < 12; cur = cur.parentElement, i++) {
      if (cur.matches && cur.matches('[role="status"], [role="alert"], [aria-live], [role="dialog"], [role="alertdialog"], dialog')) return cur;
      const pos = getComputedStyle(cur).position;
      if (pos === 'fixed' || pos === 'sticky') return cur;
    }
    return null;
  };
  const position = (el) => { try { return getComputedStyle(el).position; } catch (e) { return null; } };
  const pathOf = (el) => {
    const parts = [];
    for (let cur = el; cur && cur.nodeType === 1 && cur !== document.documentElement && parts.length < 8; cur = cur.parentElement) {
      let sel = cur.localName;
      if (cur.id && /^[A-Za-z][\w-]*$/.test(cur.id)) { parts.unshift('#' + cur.id); break; }
      const p = cur.parentElement;
      if (p) {
        const same = Array.prototype.filter.call(p.children, (c) => c.localName === cur.localName);
        if (same.length > 1) sel += ':nth-of-type(' + (same.indexOf(cur) + 1) + ')';
      }
      parts.unshift(sel);
    }
    return parts.join(' > ');
  };
  const note = (root) => {
    if (records.length >= MAX || !root.isConnected) return;
    const text = clean(root.innerText);
    if (!text) return;
    const idx = live.get(root);
    if (idx !== undefined && records[idx].text === text && records[idx].removed_ms === null) return;
    if (idx !== undefined && records[idx].removed_ms === null) records[idx].removed_ms = performance.now() - t0;
    live.set(root, records.length);
    records.push({text, locator: pathOf(root), appeared_ms: performance.now() - t0,
                  removed_ms: null, position: position(root)});
  };
  const gone = (root) => {
    const idx = live.get(root);
    if (idx !== undefined && records[idx].removed_ms === null) records[idx].removed_ms = performance.now() - t0;
  };
  let started = false;
  const start = () => {
    if (started || !document.documentElement) return;
    started = true;
    const loadedAt = performance.now();
    const obs = new MutationObserver((mutations) => {
      // Ignore what the page builds while loading; transients come later.
      if (performance.now() - loadedAt < 300) return;
      const touched = new Set();
      for (const m of mutations) {
        const target = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        if (target) touched.add(target);
        for (const n of m.addedNodes) if (n.nodeType === 1) touched.add(n);
        for (const n of m.removedNodes) if (n.nodeType === 1) { for (const [root] of live) if (n === root || n.contains(root)) gone(root); }
      }
      for (const el of touched) {
        const root = rootOf(el);
        if (!root) continue;
        const hidden = root.checkVisibility && !root.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
        if (hidden) gone(root); else note(root);
      }
    });
    obs.observe(document.documentElement, {subtree: true, childList: true, characterData: true,
                                           attributes: true, attributeFilter: ['style', 'class', 'hidden', 'open']});
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, {once: true});
  else start();
  Object.defineProperty(window, KEY, {value: () => JSON.parse(JSON.stringify(records)),
                                      enumerable: false, configurable: false, writable: false});
})();
