// The case queue: a page of cases from the API, filtered by status on the server and by severity, trigger and
// assignee here, highest severity first and oldest first within a severity.
import { api, query, session } from '../api.js';
import { age, badge, clickableRow, h, table, text, time } from '../dom.js';
import { act } from '../errors.js';

const severityRank = { High: 0, Medium: 1, Low: 2 };
const state = { status: 'Open', severity: '', trigger: '', assignee: '', limit: 50, cursors: [null] };

export async function renderCases() {
  const cursor = state.cursors[state.cursors.length - 1];
  const page = await api(`/risk/cases${query({ status: state.status, limit: state.limit, cursor })}`);
  const me = session.claims?.subject ?? '';
  const items = page.items
    .filter((c) => !state.severity || c.severity === state.severity)
    .filter((c) => !state.trigger || (c.trigger ?? '').toLowerCase().includes(state.trigger.toLowerCase()))
    .filter((c) => matchesAssignee(c.assignee, me))
    .sort((a, b) => (severityRank[a.severity] ?? 9) - (severityRank[b.severity] ?? 9) || Date.parse(a.openedAt) - Date.parse(b.openedAt));

  const view = h('section', {},
    h('h1', {}, 'Case queue'),
    filters(),
    table(['Severity', 'Age', 'Opened', 'Case', 'Customer', 'Trigger', 'Status', 'Assignee', ''], items.map((c) => caseRow(c, me)),
      'No case matches these filters on this page.'),
    pager(page.nextCursor));
  return view;
}

function matchesAssignee(assignee, me) {
  switch (state.assignee) {
    case '': return true;
    case '@me': return assignee === me;
    case '@none': return !assignee;
    default: return (assignee ?? '').toLowerCase().includes(state.assignee.toLowerCase());
  }
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
  const select = (id, label, key, options) => {
    const element = h('select', { id }, options.map(([value, name]) => h('option', { value, selected: state[key] === value }, name)));
    element.addEventListener('change', () => {
      state[key] = element.value;
      if (key === 'status') state.cursors = [null];
      rerender();
    });
    return h('label', { for: id }, label, element);
  };
  const input = (id, label, key, placeholder) => {
    const element = h('input', { id, value: state[key], placeholder });
    element.addEventListener('change', () => { state[key] = element.value.trim(); rerender(); });
    return h('label', { for: id }, label, element);
  };
  return h('div', { class: 'filters', role: 'search' },
    select('filter-status', 'Status', 'status', [['Open', 'Open'], ['Closed', 'Closed'], ['', 'Any']]),
    select('filter-severity', 'Severity', 'severity', [['', 'Any'], ['High', 'High'], ['Medium', 'Medium'], ['Low', 'Low']]),
    input('filter-trigger', 'Trigger contains', 'trigger', 'e.g. Payment'),
    select('filter-assignee', 'Assignee', 'assignee', [['', 'Anyone'], ['@me', 'Me'], ['@none', 'Unassigned']]));
}

function pager(nextCursor) {
  const rerender = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const first = h('button', { type: 'button', class: 'secondary', disabled: state.cursors.length === 1 }, 'First page');
  first.addEventListener('click', () => { state.cursors = [null]; rerender(); });
  const previous = h('button', { type: 'button', class: 'secondary', disabled: state.cursors.length === 1 }, 'Previous page');
  previous.addEventListener('click', () => { state.cursors.pop(); rerender(); });
  const next = h('button', { type: 'button', class: 'secondary', disabled: !nextCursor }, 'Next page');
  next.addEventListener('click', () => { state.cursors.push(nextCursor); rerender(); });
  return h('div', { class: 'pager' }, first, previous, next, h('span', { class: 'muted' }, `Page ${state.cursors.length}`));
}
