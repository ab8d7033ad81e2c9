// For the journey: the ledger rows around price elements, what a button's form would send,
// and the messages the shop shows. Called with page.evaluate(fn, {prices: [locators], buttons: [locators]}).
(args) => {
  const clean = (t, n) => (t || '').replace(/[\s\u00a0]+/g, ' ').trim().slice(0, n || 400);
  // Quantities in Arabic-Indic or Persian digits read as numbers too.
  const digits = (t) => t.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
                         .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
  const q = (sel) => { try { return document.querySelector(sel); } catch (e) { return null; } };
  const pathOf = (el) => {
    const parts = [];
    for (let cur = el; cur && cur.nodeType === 1 && cur !== document.documentElement && parts.length < 12; cur = cur.parentElement) {
      if (cur.id && /^[A-Za-z][\w-]*$/.test(cur.id) && document.querySelectorAll('#' + CSS.escape(cur.id)).length === 1) { parts.unshift('#' + CSS.escape(cur.id)); break; }
      let sel = cur.localName;
      const p = cur.parentElement;
      if (p) {
        const same = Array.prototype.filter.call(p.children, (c) => c.localName === cur.localName);
        if (same.length > 1) sel += ':nth-of-type(' + (same.indexOf(cur) + 1) + ')';
      }
      parts.unshift(sel);
    }
    return parts.join(' > ');
  };
  const qtyIn = (row) => {
    const input = row.querySelector('input[type="number"], input[name*="qty" i], input[name*="quantity" i], select[name*="qty" i], select[name*="quantity" i]');
    if (input && input.value && /^\d+$/.test(digits(input.value))) return parseInt(digits(input.value), 10);
    const m = digits(clean(row.innerText)).match(/(?:^|\s)(?:[x×]\s?(\d{1,3})|(\d{1,3})\s?[x×](?=\s))/i);
    if (m) return parseInt(m[1] || m[2], 10);
    // A table cell holding only a small integer is the quantity column; grid layouts
    // (django-oscar's preview, many themes) put it in a bare leaf element instead.
    for (const cell of row.querySelectorAll('td, [role="cell"], div, span, p, strong, b')) {
      if (cell.localName !== 'td' && cell.getAttribute('role') !== 'cell' && cell.childElementCount) continue;
      if (cell.closest('a, button, sup, sub, [aria-hidden="true"]')) continue;
      const t = digits(clean(cell.innerText));
      if (/^\d{1,3}$/.test(t)) return parseInt(t, 10);
    }
    return null;
  };
  // The item's name: its marked-up name, a heading, or its longest link, rather than the row's
  // whole text with stock notes and "Remove" buttons in it.
  const nameIn = (row) => {
    const named = row.querySelector('[itemprop="name"], h1, h2, h3, h4, h5, h6');
    if (named && /\p{L}{2}/u.test(named.innerText || '')) return clean(named.innerText, 200);
    let best = '';
    for (const a of row.querySelectorAll('a[href]')) {
      if (a.closest('button')) continue;
      const t = clean(a.innerText, 200);
      if (/\p{L}{3}/u.test(t) && t.length > best.length) best = t;
    }
    return best || null;
  };
  const rows = [];
  for (const loc of (args.prices || [])) {
    const el = q(loc);
    if (!el) { rows.push(null); continue; }
    let row = null, label = '';
    if (el.closest('dd')) {
      const dd = el.closest('dd');
      let dt = dd.previousElementSibling;
      while (dt && dt.localName !== 'dt') dt = dt.previousElementSibling;
      label = dt ? clean(dt.innerText) : '';
      row = dd;
    } else if (el.closest('tr')) {
      row = el.closest('tr');
    } else if (clean(el.innerText).replace(/[\d\s.,:;\-–—+×x%()€$£₴₪₽¥]/g, '').length >= 4) {
      row = el;  // the price element carries its own label ("1 × Mug — £9.00")
    } else {
      const ownText = clean(el.innerText);
      for (let cur = el.parentElement, i = 0; cur && cur !== document.body && i < 6; cur = cur.parentElement, i++) {
        const t = clean(cur.innerText, 1000);
        // "<abbr>USD</abbr> <strong>$80.94</strong>": a currency code beside the price is not the row's label.
        if (!t.replace(ownText, '').replace(/\b[A-Z]{3}\b|[$€£₴₪₽¥\s]/g, '')) continue;
        if (t.length > ownText.length + 1) { if (t.length <= 300) row = cur; break; }
      }
      row = row || el;
    }
    rows.push({row_locator: pathOf(row), row_text: clean((label ? label + ' ' : '') + row.innerText, 400),
               qty: qtyIn(row), name: row === el ? null : nameIn(row), has_link: !!row.querySelector('a[href]'),
               // A price in the label of a radio or checkbox is an option offered, not a charge.
               in_choice: !!el.closest('label') || !!row.querySelector('input[type="radio"]'),
               // A price inside the shop's notice ("only valid on orders over £300") is not a charge.
               in_message: !!el.closest('[role="alert"], [role="status"], [aria-live], .woocommerce-error, .woocommerce-message, .errorlist')});
  }
  const buttons = [];
  for (const loc of (args.buttons || [])) {
    const el = q(loc);
    if (!el) { buttons.push(null); continue; }
    const form = el.form || el.closest('form');
    const hidden = [];
    if (form) for (const h of form.querySelectorAll('input[type="hidden"]')) { if (hidden.length < 30) hidden.push((h.name || '') + '=' + (h.value || '').slice(0, 60)); }
    let brow = el.closest('tr, li');
    if (!brow) { brow = el; for (let cur = el.parentElement, i = 0; cur && i < 4; cur = cur.parentElement, i++) { brow = cur; if (clean(cur.innerText, 1000).length > 40) break; } }
    buttons.push({
      row_text: clean(brow.innerText, 300),
      formaction: el.getAttribute('formaction') ? el.formAction : (form ? form.action : null),
      method: (el.getAttribute('formmethod') || (form && form.getAttribute('method')) || 'get').toLowerCase(),
      hidden, name: el.name || null, value: (el.value || '').slice(0, 80),
      card_fields: form ? form.querySelectorAll('input[autocomplete^="cc-"], input[name*="card" i][type="text"], input[name*="cardnumber" i], input[name*="cvc" i], input[name*="cvv" i]').length : 0,
    });
  }
  const messages = [];
  // Cookie and consent notices use the same roles and classes but are not the shop's answer.
  const CONSENT = /cookie|consent|gdpr|cmp|privacy/i;
  const aboutConsent = (el) => { for (let cur = el, i = 0; cur && i < 6; cur = cur.parentElement, i++) { if (CONSENT.test((cur.id || '') + ' ' + (cur.className && cur.className.baseVal === undefined ? cur.className : ''))) return true; } return false; };
  for (const el of document.querySelectorAll('[role="alert"], [role="status"], [aria-live="assertive"], [aria-live="polite"], .error, .errors, .alert, .notice, .message, .woocommerce-error, .woocommerce-message, .messages, .errorlist, .mage-error, .field-error, .invalid-feedback, .text-danger, [id$="-error"], [aria-invalid="true"]')) {
    if (messages.length >= 20) break;
    if (aboutConsent(el)) continue;
    const t = clean(el.innerText, 300);
    if (t && el.getClientRects().length) messages.push(t);
  }
  const cardFields = document.querySelectorAll('input[autocomplete^="cc-"], input[name*="cardnumber" i], input[name*="card_number" i], input[name*="cvc" i], input[name*="cvv" i], iframe[src*="stripe" i], iframe[src*="braintree" i], iframe[src*="adyen" i], iframe[name*="card" i]').length;
  return {rows, buttons, messages, card_fields: cardFields};
}
