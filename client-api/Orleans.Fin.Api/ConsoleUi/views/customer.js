// A customer's whole picture, as the case view and the customer search show it: identity (masked by the API), risk,
// accounts and their status, recent payments with the verdict on each, signals, linked devices and payees, alerts
// and the timeline of decisions.
import { api, query } from '../api.js';
import { badge, facts, h, money, num, table, text, time } from '../dom.js';

const auditPages = 5;
const paymentsShown = 20;

export function renderCustomerSearch() {
  const input = h('input', { id: 'customer-id', placeholder: 'cus_…', maxlength: 64, required: true, testid: 'customer-search-id' });
  const form = h('form', { class: 'filters', role: 'search' },
    h('label', { for: 'customer-id' }, 'Customer id', input),
    h('button', { type: 'submit', testid: 'customer-search-submit' }, 'Open'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) location.hash = `#/customers/${encodeURIComponent(input.value.trim())}`;
  });
  return h('section', {}, h('h1', {}, 'Customer search'), form);
}

export async function renderCustomer(customerId) {
  return h('section', { testid: 'customer-detail' },
    h('h1', {}, 'Customer ', h('span', { class: 'mono' }, customerId)),
    await customerPicture(customerId, []));
}

/** Loads and renders the picture; accounts in caseAccountIds are marked as frozen by the case on screen. */
export async function customerPicture(customerId, caseAccountIds) {
  const id = encodeURIComponent(customerId);
  const [customer, profile, audit, alerts] = await Promise.all([
    api(`/customers/${id}`),
    api(`/risk/customers/${id}`),
    auditTrail(customerId),
    api(`/risk/alerts${query({ customerId, limit: 50 })}`),
  ]);
  const accounts = await Promise.all((customer.accountIds ?? []).map((a) => api(`/accounts/${encodeURIComponent(a)}`)));
  // A payment's verdict is audited under its id (later activity of the same payment carries a ":suffix").
  const decisions = audit
    .filter((e) => e.action === 'Decision' && typeof e.reference === 'string' && e.reference.startsWith('pay_') && !e.reference.includes(':'));
  const latest = [...new Map(decisions.map((e) => [e.reference, e])).values()].slice(-paymentsShown).reverse();
  const payments = await Promise.all(latest.map(async (decision) => ({
    decision,
    payment: await api(`/payments/${encodeURIComponent(decision.reference)}`).catch(() => null),
  })));

  return h('div', {},
    h('div', { class: 'grid' },
      h('div', { class: 'card' }, h('h2', {}, 'Identity'), identity(customer)),
      h('div', { class: 'card' }, h('h2', {}, 'Risk'), risk(profile))),
    h('h2', {}, 'Accounts'),
    accountsTable(accounts, caseAccountIds),
    h('h2', {}, 'Recent payments and the verdict on each'),
    paymentsTable(payments),
    h('h2', {}, 'Signals and rules that fired'),
    table(['At', 'Source', 'What', 'Score ', 'Level'], (profile.recentSignals ?? []).map((s) =>
      [time(s.at), text(s.source), text(s.description), num(text(s.score)), badge(s.level)]), 'No recent signals.'),
    h('h2', {}, 'Linked devices and payees'),
    links(customer, payments),
    h('h2', {}, 'Alerts'),
    table(['Raised', 'Kind', 'Severity', 'Message', 'Case'], (alerts.items ?? []).map((a) =>
      [time(a.raisedAt), text(a.kind), badge(a.severity), text(a.message), caseLink(a.caseId)]), 'No alerts.'),
    h('h2', {}, 'Timeline of decisions'),
    table(['#', 'At', 'Action', 'By', 'Why', 'Decision', 'Level', 'Score ', 'Model'], [...audit].reverse().map((e) => [
      text(e.sequence), time(e.at), text(e.action), text(e.by), text(e.why), e.decision ? badge(e.decision) : text(null),
      e.level ? badge(e.level) : text(null), num(text(e.score)), text(e.modelVersion),
    ]), 'Nothing recorded yet.'));
}

async function auditTrail(customerId) {
  const entries = [];
  let cursor = null;
  for (let page = 0; page < auditPages; page++) {
    const result = await api(`/risk/audit${query({ customerId, limit: 500, cursor })}`);
    entries.push(...(result.items ?? []));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return entries;
}

function identity(c) {
  return facts([
    ['Customer', h('span', { class: 'mono' }, text(c.id))],
    ['Name', c.name],
    ['Identity number', c.idNumber],
    ['Phone', c.phone],
    ['KYC', c.kycStatus],
    ['Customer since', time(c.createdAt)],
    ['Credit score', c.creditScore],
    ['Bound devices', (c.boundDevices ?? []).join(', ')],
  ]);
}

function risk(p) {
  return facts([
    ['Risk level', badge(p.riskLevel), 'customer-risk-level'],
    ['Score', p.score],
    ['Flags', (p.flags ?? []).join(', ')],
    ['Watchlisted', p.watchlisted === undefined ? null : (p.watchlisted ? 'yes' : 'no')],
    ['Open case', caseLink(p.openCaseId)],
    ['Step-up until', p.stepUpUntil ? time(p.stepUpUntil) : null],
    ['Model', p.modelVersion],
  ]);
}

function accountsTable(accounts, caseAccountIds) {
  return table(['Account', 'Currency', 'Balance ', 'Available ', 'Status', 'Freeze reason', 'Frozen at', 'Frozen by', 'Case froze it'],
    accounts.map((a) => h('tr', { testid: 'account-row', dataset: { accountId: a.id } },
      h('td', { class: 'mono' }, a.id),
      h('td', {}, text(a.currency)),
      num(money(a.balance)),
      num(money(a.availableBalance)),
      h('td', { testid: 'account-status' }, badge(a.status)),
      h('td', {}, text(a.freezeReason)),
      h('td', {}, a.frozenAt ? time(a.frozenAt) : text(null)),
      h('td', {}, text(a.frozenBy)),
      h('td', {}, caseAccountIds.includes(a.id) ? 'yes' : 'no'))),
    'No accounts.');
}

function paymentsTable(rows) {
  return table(['At', 'Payment', 'From', 'To (payee)', 'Amount ', 'Status', 'Decline reason', 'Decision', 'Level', 'Score ', 'Reasons'],
    rows.map(({ decision, payment }) => h('tr', { testid: 'payment-row', dataset: { paymentId: decision.reference } },
      h('td', {}, time(payment?.createdAt ?? decision.at)),
      h('td', { class: 'mono' }, decision.reference),
      h('td', { class: 'mono' }, text(payment?.fromAccountId ?? decision.accountId)),
      h('td', { class: 'mono' }, text(payment?.toAccountId)),
      num(money(payment?.amount, payment?.currency)),
      h('td', {}, payment ? badge(payment.status) : text(null)),
      h('td', {}, text(payment?.declineReason)),
      h('td', {}, decision.decision ? badge(decision.decision) : text(null)),
      h('td', {}, badge(payment?.riskLevel ?? decision.level)),
      num(text(payment?.riskScore ?? decision.score)),
      h('td', {}, text((payment?.reasons ?? []).join(', '))))),
    'No payments assessed.');
}

function links(customer, payments) {
  const payees = new Map();
  for (const { payment } of payments) {
    if (!payment?.toAccountId) continue;
    const seen = payees.get(payment.toAccountId) ?? { count: 0, amounts: new Map() };
    seen.count += 1;
    seen.amounts.set(payment.currency, (seen.amounts.get(payment.currency) ?? 0) + payment.amount);
    payees.set(payment.toAccountId, seen);
  }
  return h('div', { class: 'grid' },
    table(['Bound device'], (customer.boundDevices ?? []).map((d) => [h('span', { class: 'mono' }, d)]), 'No bound devices.'),
    table(['Payee account', 'Payments ', 'Amount asked '], [...payees].map(([account, seen]) => [
      h('span', { class: 'mono' }, account), num(seen.count),
      num([...seen.amounts].map(([currency, amount]) => money(amount, currency)).join(', ')),
    ]), 'No payees in the recent payments.'));
}

export const caseLink = (caseId) => (caseId ? h('a', { href: `#/cases/${encodeURIComponent(caseId)}`, class: 'mono' }, caseId) : text(null));
