// Small DOM and formatting helpers. Text always goes in through textContent, so data from the API is never markup.

export const dash = '—';

/** h('tr', {class: 'x', dataset: {caseId: 1}, onclick}, child, 'text', [more]) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'testid') element.setAttribute('data-testid', value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const text = (value) => (value === undefined || value === null || value === '' ? dash : String(value));

export function number(value, digits = 0) {
  return typeof value === 'number' && Number.isFinite(value)
    ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : dash;
}

export const money = (value, currency) => (typeof value === 'number' ? `${number(value, 2)}${currency ? ` ${currency}` : ''}` : dash);

export const percent = (fraction, digits = 1) => (typeof fraction === 'number' && Number.isFinite(fraction) ? `${number(fraction * 100, digits)}%` : dash);

export const ms = (value) => (typeof value === 'number' && Number.isFinite(value) ? `${number(Math.round(value))} ms` : dash);

export function time(iso) {
  if (!iso) return dash;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? dash : at.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** How long ago, coarsely (for queue ages). */
export function age(iso, now = Date.now()) {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return dash;
  const minutes = Math.max(0, Math.floor((now - at) / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

export const badge = (value) => h('span', { class: `badge ${value ?? ''}` }, text(value));

/** A table with a header row; rows are <tr> elements (or arrays of cells). */
export function table(headings, rows, empty = 'Nothing to show.') {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('table', {},
    h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col', class: t.endsWith(' ') ? 'num' : null }, t.trim())))),
    h('tbody', {}, rows.map((r) => (r instanceof Node ? r : h('tr', {}, r.map((c) => (c instanceof Node && c.tagName === 'TD' ? c : h('td', {}, c))))))));
}

export const num = (content) => h('td', { class: 'num' }, content);

export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.flatMap(([term, value, testid]) => [h('dt', {}, term), h('dd', { testid }, value instanceof Node ? value : text(value))]));
}

/** Makes a row open a link on click and on Enter, and reachable by Tab. */
export function clickableRow(row, href) {
  row.classList.add('clickable');
  row.tabIndex = 0;
  row.addEventListener('click', (e) => { if (!(e.target instanceof HTMLAnchorElement)) location.hash = href; });
  row.addEventListener('keydown', (e) => { if (e.key === 'Enter') location.hash = href; });
  return row;
}
