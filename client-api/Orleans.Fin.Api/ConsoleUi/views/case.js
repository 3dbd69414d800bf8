// One case: what the engine saw when it opened it, the customer's whole picture, and the decision: assign to me,
// resolve as ConfirmedFraud or FalsePositive with a note. After a decision the view reloads from the API, so the
// result (case closed, accounts unfrozen) is what the API now says.
import { api, session } from '../api.js';
import { badge, facts, h, text, time } from '../dom.js';
import { act } from '../errors.js';
import { customerPicture } from './customer.js';

export async function renderCase(caseId) {
  const c = await api(`/risk/cases/${encodeURIComponent(caseId)}`);
  const picture = await customerPicture(c.customerId, c.accountIds ?? []);
  const evidence = c.evidence ?? {};
  return h('section', { testid: 'case-detail', dataset: { caseId: c.id } },
    h('h1', {}, 'Case ', h('span', { class: 'mono' }, c.id)),
    h('div', { class: 'grid' },
      h('div', { class: 'card' }, h('h2', {}, 'Case'), facts([
        ['Status', badge(c.status), 'case-status'],
        ['Outcome', c.outcome ? badge(c.outcome) : null, 'case-outcome'],
        ['Severity', badge(c.severity)],
        ['Trigger', c.trigger],
        ['Customer', h('a', { href: `#/customers/${encodeURIComponent(c.customerId)}`, class: 'mono' }, c.customerId), 'case-customer-id'],
        ['Opened', `${time(c.openedAt)} by ${text(c.openedBy)}`],
        ['Assignee', c.assignee, 'case-assignee'],
        ['Resolved', c.resolvedAt ? `${time(c.resolvedAt)} by ${text(c.resolvedBy)}` : null],
        ['Note', c.note],
        ['Accounts the case froze', (c.accountIds ?? []).join(', ')],
      ])),
      h('div', { class: 'card' }, h('h2', {}, 'What the engine saw'), facts([
        ['Score', evidence.score],
        ['Level', evidence.level ? badge(evidence.level) : null],
        ['Reasons', (evidence.reasons ?? []).join(', ')],
        ['Model probability', typeof evidence.modelProbability === 'number' ? evidence.modelProbability.toFixed(3) : null],
        ['Model version', evidence.modelVersion],
      ]))),
    c.status === 'Open' ? decision(c) : null,
    h('h2', {}, 'Features the model scored'),
    features(evidence.features),
    picture);
}

function decision(c) {
  const me = session.claims?.subject ?? '';
  const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const note = h('textarea', { id: 'resolve-note', testid: 'case-resolve-note', rows: 3, maxlength: 2000, placeholder: 'Why: what the customer said, what the evidence shows' });
  const resolve = (outcome, testid, label, style) => {
    const button = h('button', { type: 'button', testid, class: style }, label);
    button.addEventListener('click', async () => {
      const body = { outcome, note: note.value.trim() };
      if (await act(button, () => api(`/risk/cases/${encodeURIComponent(c.id)}/resolve`, { method: 'POST', body }))) reload();
    });
    return button;
  };
  const assign = h('button', { type: 'button', class: 'secondary', testid: 'case-assign-me', disabled: c.assignee === me }, 'Assign to me');
  assign.addEventListener('click', async () => {
    if (await act(assign, () => api(`/risk/cases/${encodeURIComponent(c.id)}/assign`, { method: 'POST', body: { assignee: me } }))) reload();
  });
  return h('div', { class: 'card' },
    h('h2', {}, 'Decision'),
    h('label', { for: 'resolve-note' }, 'Note (kept with the case and the training label)'),
    note,
    h('div', { class: 'actions' },
      resolve('ConfirmedFraud', 'case-resolve-confirmed', 'Resolve: confirmed fraud', 'danger'),
      resolve('FalsePositive', 'case-resolve-false-positive', 'Resolve: false positive (unfreezes)', null),
      assign));
}

function features(values) {
  const entries = Object.entries(values ?? {});
  if (!entries.length) return h('p', { class: 'muted' }, 'No features recorded.');
  return h('dl', { class: 'features' }, entries.map(([name, value]) => h('div', {},
    h('dt', {}, name),
    h('dd', {}, typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : text(value)))));
}
