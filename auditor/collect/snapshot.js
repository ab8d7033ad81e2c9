// Collects what a shopper sees on the current page. Called with page.evaluate(fn, options).
// Returns plain JSON; Python turns it into a PageSnapshot. Must survive hostile pages: every
// loop is bounded, and nothing here trusts page globals (pages may overwrite them).
(options) => {
  const opts = Object.assign({maxBlocks: 4000, maxLinks: 1500, maxControls: 600,
                              maxPrices: 800, maxOverlays: 30, textsOnly: false}, options || {});
  const doc = document;
  const body = doc.body || doc.documentElement;
  const sx = window.scrollX, sy = window.scrollY;
  const vw = window.innerWidth, vh = window.innerHeight;
  const styleCache = new Map();
  const style = (el) => {
    let s = styleCache.get(el);
    if (!s) { s = getComputedStyle(el); styleCache.set(el, s); }
    return s;
  };
  const clean = (t, n) => (t || '').replace(/[\s\u00a0]+/g, ' ').trim().slice(0, n || 2000);
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {x: Math.round(r.left + sx), y: Math.round(r.top + sy),
            width: Math.round(r.width), height: Math.round(r.height)};
  };
  const visCache = new Map();
  const visible = (el) => {
    if (!el || el.nodeType !== 1) return false;
    if (visCache.has(el)) return visCache.get(el);
    let v = true;
    if (el.checkVisibility && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) v = false;
    if (v) {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) {
        // display:contents wrappers and zero-size inline parents still show their children.
        const s = style(el);
        if (s.display !== 'contents' && s.overflow !== 'visible') v = false;
        else if (s.display !== 'contents' && el.children.length === 0) v = false;
      }
      if (v) { const s = style(el); if (parseFloat(s.fontSize) === 0 && el.children.length === 0) v = false; }
      if (v) {
        // Screen-reader-only text (1px boxes, clip rect): assistive, not what a shopper sees.
        for (let cur = el, i = 0; cur && cur !== body && i < 4; cur = cur.parentElement, i++) {
          const r = cur.getBoundingClientRect();
          const s = style(cur);
          if ((r.width <= 1 && r.height <= 1 && cur.children.length === 0) || (s.position === 'absolute'
              && ((s.clip || '').startsWith('rect(0') || (s.clip || '').startsWith('rect(1px') || s.clipPath === 'inset(50%)'))) { v = false; break; }
        }
      }
    }
    visCache.set(el, v);
    return v;
  };
  const GENERATED_ID = /^(?:[a-f0-9]{8,}|.*\d{4,}.*|[\w-]*(?:react|ember|ng-|svelte|:r)[\w-]*)$/i;
  const uniqueId = (el) => el.id && !GENERATED_ID.test(el.id) && /^[A-Za-z][\w-]*$/.test(el.id)
    && doc.querySelectorAll('#' + CSS.escape(el.id)).length === 1;
  const locCache = new Map();
  // Per parent, once: each child's position among its same-tag siblings, and their count. A
  // listing of 30,000 items would otherwise cost 30,000 steps per locator (minutes per page).
  const nthCache = new Map();
  const nthOfType = (parent) => {
    let m = nthCache.get(parent);
    if (m) return m;
    m = new Map();
    const counts = new Map();
    for (const c of parent.children) {
      const k = (counts.get(c.localName) || 0) + 1;
      counts.set(c.localName, k);
      m.set(c, [k, 0]);
    }
    for (const c of parent.children) m.get(c)[1] = counts.get(c.localName);
    nthCache.set(parent, m);
    return m;
  };
  // The full path from <body>, an id standing in for its element's step: "#price-11 > span"
  // alone would hide that the price sits inside the third product tile, and containment
  // between locators is how tiles, rows and regions are told apart later.
  const locator = (el) => {
    if (locCache.has(el)) return locCache.get(el);
    const parent = el.parentElement;
    let sel = el.localName;
    if (uniqueId(el)) sel = '#' + CSS.escape(el.id);
    else if (parent) {
      const pos = nthOfType(parent).get(el);
      if (pos[1] > 1) sel += ':nth-of-type(' + pos[0] + ')';
    }
    const out = parent && parent !== doc.documentElement ? locator(parent) + ' > ' + sel : sel;
    locCache.set(el, out);
    return out;
  };
  const REGION_SELECTORS = [
    ['dialog', 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]'],
    ['header', 'header, [role="banner"]'],
    ['nav', 'nav, [role="navigation"]'],
    ['footer', 'footer, [role="contentinfo"]'],
    ['aside', 'aside, [role="complementary"]'],
  ];
  // A <header> or <footer> is the page's banner or footer only outside sectioning content and
  // forms (HTML's rule): a form's <footer> holding "Continue" (PrestaShop) belongs to the form.
  // <main> is not in that list: some themes wrap the page's own header and footer in it.
  const SCOPED = 'article, aside, nav, section, form, fieldset, li, td, dialog, [role="dialog"]';
  const inRegion = (el, sel) => {
    for (let hit = el.closest(sel); hit; hit = hit.parentElement && hit.parentElement.closest(sel)) {
      if (hit.hasAttribute('role') || !['header', 'footer'].includes(hit.localName)) return true;
      if (!(hit.parentElement && hit.parentElement.closest(SCOPED))) return true;
    }
    return false;
  };
  const region = (el) => {
    for (const [name, sel] of REGION_SELECTORS) { if (inRegion(el, sel)) return name; }
    return 'main';
  };
  const BLOCK = new Set(['block', 'flex', 'grid', 'list-item', 'table', 'table-cell', 'table-row',
    'table-caption', 'flow-root', 'inline-block', 'inline-flex', 'inline-grid']);
  const blockCache = new Map();
  const blockOf = (el) => {
    let cur = el;
    while (cur && cur !== body) {
      if (blockCache.has(cur)) return blockCache.get(cur);
      const tag = cur.localName;
      if (BLOCK.has(style(cur).display) || tag === 'button' || tag === 'label' || tag === 'option') {
        blockCache.set(el, cur);
        return cur;
      }
      cur = cur.parentElement;
    }
    return body;
  };
  const struck = (el) => {
    let cur = el;
    for (let i = 0; cur && i < 6; i++, cur = cur.parentElement) {
      const tag = cur.localName;
      if (tag === 'del' || tag === 's' || tag === 'strike') return true;
      if ((style(cur).textDecorationLine || '').includes('line-through')) return true;
    }
    return false;
  };
  const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'option']);

  // --- text blocks: the text of each block-level element, excluding nested blocks
  const blockText = new Map();
  const order = [];
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let steps = 0;
  for (let n = walker.nextNode(); n && steps < 200000; n = walker.nextNode(), steps++) {
    const raw = n.nodeValue;
    if (!raw || !raw.trim()) continue;
    const parent = n.parentElement;
    if (!parent || SKIP.has(parent.localName) || parent.closest('script,style,noscript,template,svg')) continue;
    if (!visible(parent)) continue;
    const b = blockOf(parent);
    if (!blockText.has(b)) { blockText.set(b, []); order.push(b); if (order.length > opts.maxBlocks) break; }
    blockText.get(b).push(raw);
  }
  const blockIndex = new Map();
  const blocks = [];
  for (const b of order) {
    const text = clean(blockText.get(b).join(' '));
    if (!text) continue;
    blockIndex.set(b, blocks.length);
    const s = style(b);
    blocks.push({
      text, locator: locator(b), tag: b.localName, role: b.getAttribute('role'),
      region: region(b), box: box(b), struck: struck(b),
      lang: (b.closest('[lang]') || {}).lang || null, dir: s.direction,
      font_size: parseFloat(s.fontSize) || null,
    });
  }
  if (opts.textsOnly) return {blocks};

  // --- links
  const links = [];
  for (const a of doc.querySelectorAll('a[href]')) {
    if (links.length >= opts.maxLinks) break;
    const text = clean(a.innerText || a.getAttribute('aria-label') || a.title ||
      (a.querySelector('img[alt]') || {}).alt || '', 300);
    links.push({href: a.href, text, locator: locator(a), region: region(a),
                rel: a.getAttribute('rel'), title: a.getAttribute('title'), visible: visible(a)});
  }

  // --- form controls, with the label a shopper reads
  const labelOf = (el) => {
    const parts = [];
    // Empty texts do not count: a <label for> wrapping only a toggle switch says nothing.
    const push = (t) => { if (t && t.trim()) parts.push(t); };
    if (el.labels) for (const l of el.labels) push(l.innerText);
    const by = el.getAttribute('aria-labelledby');
    if (by) for (const id of by.split(/\s+/)) { const t = doc.getElementById(id); if (t) push(t.innerText); }
    const described = el.getAttribute('aria-describedby');
    if (!parts.length && described) for (const id of described.split(/\s+/)) { const t = doc.getElementById(id); if (t) push(t.innerText); }
    if (!parts.length && el.getAttribute('aria-label')) parts.push(el.getAttribute('aria-label'));
    if (!parts.length && el.title) parts.push(el.title);
    if (!parts.length && (el.type === 'checkbox' || el.type === 'radio')) {
      // Unlabelled boxes: the text right beside them is what the shopper reads.
      let sib = el.nextSibling, guard = 0;
      while (sib && guard++ < 5 && !parts.length) {
        const t = sib.nodeType === 3 ? sib.nodeValue : (sib.innerText || '');
        if (t && t.trim()) parts.push(t);
        sib = sib.nextSibling;
      }
      // Still nothing: the nearest ancestor that says something short (a toggle's row).
      for (let cur = el.parentElement, i = 0; !parts.length && cur && cur !== body && i < 4; cur = cur.parentElement, i++) {
        const t = clean(cur.innerText, 1000);
        if (t && t.length <= 300) parts.push(t);
        else if (t) break;
      }
    }
    if (!parts.length && el.placeholder) parts.push(el.placeholder);
    return clean(parts.join(' '), 400);
  };
  const controls = [];
  for (const el of doc.querySelectorAll('input, select, textarea')) {
    if (controls.length >= opts.maxControls) break;
    const type = el.localName === 'input' ? (el.type || 'text').toLowerCase() : el.localName;
    if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset') continue;
    const fs = el.closest('fieldset');
    const legend = fs && fs.querySelector('legend');
    const group = el.closest('[role="radiogroup"], [role="group"]');
    const c = {
      kind: type, name: el.name || null, id: el.id || null, label: labelOf(el),
      value: type === 'password' ? null : (el.value || '').slice(0, 200),
      required: !!el.required || el.getAttribute('aria-required') === 'true',
      disabled: !!el.disabled, visible: type !== 'hidden' && visible(el) ||
        ((type === 'checkbox' || type === 'radio') && !!el.labels && Array.prototype.some.call(el.labels, visible)),
      locator: locator(el), box: box(el), region: region(el),
      form_action: el.form ? el.form.action : null,
      form_method: el.form ? (el.form.getAttribute('method') || 'get').toLowerCase() : null,
      group_label: clean((legend && legend.innerText) || (group && (group.getAttribute('aria-label') || '')) || '', 300) || null,
      autocomplete: el.getAttribute('autocomplete'), min: el.getAttribute('min'), max: el.getAttribute('max'),
      options: [],
    };
    if (type === 'checkbox' || type === 'radio') c.checked = !!el.checked;
    if (type === 'select') {
      for (const o of Array.prototype.slice.call(el.options, 0, 100)) {
        c.options.push({value: o.value, text: clean(o.text, 200), selected: o.selected, disabled: o.disabled});
      }
    }
    controls.push(c);
  }

  // --- buttons (and links styled as buttons)
  const buttons = [];
  const seenButtons = new Set();
  const buttonName = (el) => clean(el.innerText || el.value || el.getAttribute('aria-label') || el.title ||
    (el.querySelector('img[alt]') || {}).alt || '', 200);
  // A button inside a product card (a listing, "recently viewed", "you may also like") sits
  // next to a link to that other product; the product page's own button does not.
  const here = location.href.split('#')[0];
  const cardLink = (el) => {
    for (let cur = el.parentElement, i = 0; cur && cur !== body && i < 5; cur = cur.parentElement, i++) {
      if (cur.querySelector('h1') || cur.querySelectorAll('button, input[type="submit"]').length > 3) return null;
      const hrefs = new Set();
      for (const a of cur.querySelectorAll('a[href]')) {
        const href = a.href.split('#')[0];
        if (a !== el && href && !href.startsWith('javascript:')) hrefs.add(href);
      }
      if (hrefs.size > 2) return null;  // a product's own panel links to many places
      for (const href of hrefs) if (href !== here) return href;
    }
    return null;
  };
  for (const el of doc.querySelectorAll('button, input[type="submit"], input[type="button"], input[type="image"], [role="button"], a[role="button"]')) {
    if (buttons.length >= 400) break;
    if (seenButtons.has(el) || !visible(el)) continue;
    seenButtons.add(el);
    const form = el.form || el.closest('form');
    buttons.push({
      text: buttonName(el), locator: locator(el),
      kind: el.localName === 'a' ? 'link' : ((el.type || '').toLowerCase() === 'submit' || (el.localName === 'button' && !el.getAttribute('type') && form) ? 'submit' : 'button'),
      region: region(el), disabled: !!el.disabled || el.getAttribute('aria-disabled') === 'true',
      form_action: form ? form.action : null,
      form_method: form ? (form.getAttribute('method') || 'get').toLowerCase() : null,
      href: el.href || null, box: box(el), card_link: cardLink(el),
    });
  }

  // --- price candidates: small elements holding a number and a currency (or marked as a price)
  const CURRENCY = /[$€£₴₪₽¥₹₺₩₦₱฿₫₸₼₾﷼]|\b(?:[A-Z]{3})\b|грн|руб|р\.|ש"ח|ש״ח|שח|ريال|ر\.س|ر\.ق|د\.إ|د\.ك|درهم|جنيه|дин|лв|kr|zł|Kč|Ft|lei|CHF/;
  const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;
  const PRICE_HINT = /price|amount|cost|total|sum|preis|prix|precio|ціна|цена|מחיר|سعر/i;
  const FREE = /^(free|gratis|kostenlos|gratuit|безкоштовно|бесплатно|חינם|مجان[اًا]?)$/i;
  const prices = [];
  const seenPrice = new Set();
  const all = body.getElementsByTagName('*');
  for (let i = 0; i < all.length && prices.length < opts.maxPrices && i < 150000; i++) {
    const el = all[i];
    if (SKIP.has(el.localName) || el.localName === 'svg') continue;
    const text = clean(el.innerText, 120);
    if (!text || text.length > 60) continue;
    const hinted = el.getAttribute('itemprop') === 'price' || PRICE_HINT.test(el.className && el.className.baseVal === undefined ? el.className : '');
    if (!((DIGIT.test(text) && (CURRENCY.test(text) || hinted)) || (hinted && FREE.test(text)))) continue;
    if (!visible(el)) continue;
    const b = blockOf(el);
    let ctxText = blockIndex.has(b) ? blocks[blockIndex.get(b)].text : '';
    const pb = b.parentElement ? blockOf(b.parentElement) : null;
    if (pb && blockIndex.has(pb)) ctxText = (blocks[blockIndex.get(pb)].text + ' | ' + ctxText);
    let parentCandidate = null;
    for (let p = el.parentElement; p && p !== body; p = p.parentElement) {
      if (seenPrice.has(p)) { parentCandidate = locator(p); break; }
    }
    seenPrice.add(el);
    prices.push({
      text, locator: locator(el), box: box(el), struck: struck(el), region: region(el),
      context: clean(ctxText, 300), itemprop: el.getAttribute('itemprop'),
      content: el.getAttribute('content'), parent: parentCandidate,
      children: el.children.length,
    });
  }

  // --- overlays: dialogs, fixed banners and toasts covering the page
  const overlays = [];
  const overlayEls = new Set(doc.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]'));
  for (let i = 0; i < all.length && i < 150000; i++) {
    const el = all[i];
    const pos = style(el).position;
    if (pos !== 'fixed' && pos !== 'sticky') continue;
    const r = el.getBoundingClientRect();
    if (r.width * r.height < 0.02 * vw * vh) continue;
    if (el.closest('header, nav, [role="banner"], [role="navigation"]') && r.top < 5 && r.height < 0.2 * vh) continue;
    overlayEls.add(el);
  }
  for (const el of overlayEls) {
    if (overlays.length >= opts.maxOverlays) break;
    if (!visible(el)) continue;
    let nested = false;
    for (const other of overlayEls) { if (other !== el && other.contains(el) && visible(other)) { nested = true; break; } }
    if (nested) continue;
    const r = el.getBoundingClientRect();
    const cover = (r.width * r.height) / (vw * vh);
    const kind = el.matches('dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]') || cover > 0.3
      ? 'modal' : (r.width > 0.8 * vw ? 'banner' : 'toast');
    const obuttons = [];
    for (const b of el.querySelectorAll('button, a, [role="button"], input[type="submit"], input[type="button"]')) {
      if (obuttons.length >= 20) break;
      if (!visible(b)) continue;
      obuttons.push({text: buttonName(b), locator: locator(b), kind: b.localName === 'a' ? 'link' : 'button',
                     region: 'dialog', href: b.href || null, box: box(b)});
    }
    const ocontrols = [];
    for (const c of el.querySelectorAll('input[type="checkbox"], input[type="radio"]')) {
      if (ocontrols.length >= 20) break;
      ocontrols.push({kind: c.type, label: labelOf(c), checked: !!c.checked, locator: locator(c), region: 'dialog', name: c.name || null});
    }
    overlays.push({kind, text: clean(el.innerText, 1500), locator: locator(el), box: box(el),
                   buttons: obuttons, controls: ocontrols});
  }

  const html = doc.documentElement;
  return {
    blocks, links, controls, buttons, prices, overlays,
    title: clean(doc.title, 300),
    lang_declared: html.getAttribute('lang') || html.getAttribute('xml:lang') || null,
    dir: html.getAttribute('dir') || (body ? style(body).direction : null),
    viewport: {x: 0, y: 0, width: vw, height: vh},
    doc_height: Math.max(body ? body.scrollHeight : 0, html.scrollHeight),
    canonical: (doc.querySelector('link[rel="canonical"]') || {}).href || null,
    node_count: all.length,
  };
}
