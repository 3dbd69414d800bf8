// Alerts raised by rules and early-warning indicators, newest first as the API lists them.
import { api, query } from '../api.js';
import { badge, clickableRow, h, table, text, time } from '../dom.js';
import { caseLink } from './customer.js';

const state = { kind: '', customerId: '', cursors: [null] };
const kinds = ['FraudSuspected', 'ContactCustomer', 'RingDetected', 'PortfolioThreshold'];

export async function renderAlerts() {
  const cursor = state.cursors[state.cursors.length - 1];
  const page = await api(`/risk/alerts${query({ kind: state.kind, customerId: state.customerId, limit: 50, cursor })}`);
  const rerender = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

  const kind = h('select', { id: 'alert-kind' }, [['', 'Any'], ...kinds.map((k) => [k, k])].map(([v, n]) => h('option', { value: v, selected: state.kind === v }, n)));
  kind.addEventListener('change', () => { state.kind = kind.value; state.cursors = [null]; rerender(); });
  const customer = h('input', { id: 'alert-customer', value: state.customerId, placeholder: 'cus_…', maxlength: 64 });
  customer.addEventListener('change', () => { state.customerId = customer.value.trim(); state.cursors = [null]; rerender(); });
  const next = h('button', { type: 'button', class: 'secondary', disabled: !page.nextCursor }, 'Next page');
  next.addEventListener('click', () => { state.cursors.push(page.nextCursor); rerender(); });
  const first = h('button', { type: 'button', class: 'secondary', disabled: state.cursors.length === 1 }, 'First page');
  first.addEventListener('click', () => { state.cursors = [null]; rerender(); });

  return h('section', {},
    h('h1', {}, 'Alerts'),
    h('div', { class: 'filters', role: 'search' },
      h('label', { for: 'alert-kind' }, 'Kind', kind),
      h('label', { for: 'alert-customer' }, 'Customer id', customer)),
    table(['Raised', 'Kind', 'Severity', 'Customer', 'Message', 'Reasons', 'Case'], (page.items ?? []).map((a) => {
      const row = h('tr', { testid: 'alert-row', dataset: { alertId: a.id } },
        h('td', {}, time(a.raisedAt)),
        h('td', {}, text(a.kind)),
        h('td', {}, badge(a.severity)),
        h('td', {}, h('a', { href: `#/customers/${encodeURIComponent(a.customerId)}`, class: 'mono' }, a.customerId)),
        h('td', {}, text(a.message)),
        h('td', {}, text((a.reasons ?? []).join(', '))),
        h('td', {}, caseLink(a.caseId)));
      return a.caseId ? clickableRow(row, `#/cases/${encodeURIComponent(a.caseId)}`) : row;
    }), 'No alerts.'),
    h('div', { class: 'pager' }, first, next));
}
