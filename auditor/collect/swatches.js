// For the journey: choose a value in every variant picker that is not a form control —
// swatches and option buttons (role=radiogroup/listbox, or the "swatch" convention of Magento
// and Shopify themes) — when none of its options is chosen yet. Returns what was chosen.
() => {
  const clean = (t) => (t || '').replace(/[\s\u00a0]+/g, ' ').trim();
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const outside = (el) => el.closest('header, nav, footer, [role="banner"], [role="navigation"], [role="contentinfo"], [role="search"], dialog, [role="dialog"]');
  const chosen = (el) => ['aria-checked', 'aria-selected', 'aria-pressed'].some((a) => el.getAttribute(a) === 'true')
    || /(^|[\s_-])(selected|active|checked|current)($|[\s_-])/i.test(el.className || '');
  const disabled = (el) => el.disabled || el.getAttribute('aria-disabled') === 'true'
    || /(^|[\s_-])(disabled|unavailable|sold-?out|out-of-stock)($|[\s_-])/i.test(el.className || '');
  const groups = new Map();
  const add = (group, opt) => { if (!groups.has(group)) groups.set(group, []); groups.get(group).push(opt); };
  for (const g of document.querySelectorAll('[role="radiogroup"], [role="listbox"]')) {
    if (outside(g) || !visible(g)) continue;
    for (const o of g.querySelectorAll('[role="radio"], [role="option"]')) add(g, o);
  }
  for (const o of document.querySelectorAll('[class*="swatch-option" i], [class*="swatch__option" i], [class*="variant-option" i]')) {
    if (o.closest('[role="radiogroup"], [role="listbox"]') || outside(o) || o.querySelector('input')) continue;
    add(o.parentElement, o);
  }
  const done = [];
  for (const [group, options] of groups) {
    const shown = options.filter(visible);
    if (shown.length < 2 && !(shown.length === 1 && group.getAttribute('aria-required') === 'true')) continue;
    if (shown.some(chosen)) continue;
    const pick = shown.find((o) => !disabled(o));
    if (!pick) continue;
    // The group's name, read before the click (themes echo the chosen value beside it).
    let name = group.getAttribute('aria-label') || '';
    for (let sib = group.previousElementSibling; !name && sib; sib = sib.previousElementSibling) {
      name = clean(sib.innerText).slice(0, 40);
    }
    const value = clean(pick.getAttribute('aria-label') || pick.getAttribute('data-option-label') || pick.innerText || pick.getAttribute('title') || '');
    pick.click();
    done.push((name ? name.replace(/[:*]\s*$/, '') + ': ' : '') + value.slice(0, 40));
  }
  return done;
}
