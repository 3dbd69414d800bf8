// The case queue: one page of cases from the API, which does the filtering (status, severity, trigger, assignee),
// the ordering (highest severity first, longest waiting first within it; or newest first) and the paging.
import { api, query, session } from '../api.js';
import { age, badge, clickableRow, h, table, text, time } from '../dom.js';
import { act } from '../errors.js';

const state = { status: 'Open', severity: '', trigger: '', assignee: '', order: 'Severity', limit: 50, cursors: [null] };

/** The query keys of GET /risk/cases for the current filters ('@me' and '@none' are the two assignee shortcuts). */
function filterQuery(me) {
  const assignee = state.assignee === '@me' ? me : state.assignee.startsWith('@') ? '' : state.assignee;
  return {
    status: state.status,
    severity: state.severity,
    trigger: state.trigger,
    assignee,
    assigned: state.assignee === '@none' ? 'false' : '',
    order: state.order,
    limit: state.limit,
    cursor: state.cursors[state.cursors.length - 1],
  };
}

export async function renderCases() {
  const me = session.claims?.subject ?? '';
  const page = await api(`/risk/cases${query(filterQuery(me))}`);

  return h('section', {},
    h('h1', {}, 'Case queue'),
    filters(),
    table(['Severity', 'Age', 'Opened', 'Case', 'Customer', 'Trigger', 'Status', 'Assignee', ''], page.items.map((c) => caseRow(c, me)),
      'No case matches these filters.'),
    pager(page.nextCursor));
}

function caseRow(c, me) {
  const assign = c.status === 'Open' && c.assignee !== me
    ? h('button', { type: 'button', class: 'secondary', testid: 'case-assign-me' }, 'Assign to me')
    : null;
  assign?.addEventListener('click', async (event) => {
    event.stopPropagation();
    if (await act(assign, () => api(`/risk/cases/${encodeURIComponent(c.id)}/assign`, { method: 'POST', body: { assignee: me } }))) {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }
  });
  const row = h('tr', { testid: 'case-row', dataset: { caseId: c.id } },
    h('td', {}, badge(c.severity)),
    h('td', { class: 'nowrap' }, age(c.openedAt)),
    h('td', {}, time(c.openedAt)),
    h('td', {}, h('a', { href: `#/cases/${encodeURIComponent(c.id)}`, class: 'mono' }, c.id)),
    h('td', { class: 'mono' }, text(c.customerId)),
    h('td', {}, text(c.trigger)),
    h('td', {}, badge(c.outcome ?? c.status)),
    h('td', {}, text(c.assignee)),
    h('td', {}, assign));
  return clickableRow(row, `#/cases/${encodeURIComponent(c.id)}`);
}

function filters() {
  const rerender = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const change = (key, value) => {
    state[key] = value;
    state.cursors = [null];
    rerender();
  };
  const select = (id, label, key, options) => {
    const element = h('select', { id, testid: id }, options.map(([value, name]) => h('option', { value, selected: state[key] === value }, name)));
    element.addEventListener('change', () => change(key, element.value));
    return h('label', { for: id }, label, element);
  };
  const input = (id, label, key, placeholder) => {
    const element = h('input', { id, testid: id, value: state[key], placeholder, maxlength: 200 });
    element.addEventListener('change', () => change(key, element.value.trim()));
    return h('label', { for: id }, label, element);
  };
  const assigneeOptions = [['', 'Anyone'], ['@me', 'Me'], ['@none', 'Unassigned']];
  if (state.assignee && !state.assignee.startsWith('@')) assigneeOptions.push([state.assignee, state.assignee]);
  const named = h('input', { id: 'filter-assignee-name', testid: 'filter-assignee-name', value: state.assignee.startsWith('@') ? '' : state.assignee, placeholder: 'subject', maxlength: 64 });
  named.addEventListener('change', () => change('assignee', named.value.trim()));
  return h('div', { class: 'filters', role: 'search' },
    select('filter-status', 'Status', 'status', [['Open', 'Open'], ['Closed', 'Closed'], ['', 'Any']]),
    select('filter-severity', 'Severity', 'severity', [['', 'Any'], ['High', 'High'], ['Medium', 'Medium'], ['Low', 'Low']]),
    input('filter-trigger', 'Trigger contains', 'trigger', 'e.g. Payment'),
    select('filter-assignee', 'Assignee', 'assignee', assigneeOptions),
    h('label', { for: 'filter-assignee-name' }, 'or assigned to', named),
    select('filter-order', 'Order', 'order', [['Severity', 'Severity, longest waiting'], ['Newest', 'Newest first']]));
}

function pager(nextCursor) {
  const rerender = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const first = h('button', { type: 'button', class: 'secondary', testid: 'cases-first', disabled: state.cursors.length === 1 }, 'First page');
  first.addEventListener('click', () => { state.cursors = [null]; rerender(); });
  const previous = h('button', { type: 'button', class: 'secondary', testid: 'cases-previous', disabled: state.cursors.length === 1 }, 'Previous page');
  previous.addEventListener('click', () => { state.cursors.pop(); rerender(); });
  const next = h('button', { type: 'button', class: 'secondary', testid: 'cases-next', disabled: !nextCursor }, 'Next page');
  next.addEventListener('click', () => { state.cursors.push(nextCursor); rerender(); });
  return h('div', { class: 'pager' }, first, previous, next, h('span', { class: 'muted', testid: 'cases-page' }, `Page ${state.cursors.length}`));
}
