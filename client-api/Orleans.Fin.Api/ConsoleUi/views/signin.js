// Sign-in: paste a staff token (or, in Development, mint one). The token is checked against a staff-only endpoint
// before it is kept, so a customer's token is refused by the API itself.
import { api, session } from '../api.js';
import { h } from '../dom.js';
import { act } from '../errors.js';

export function renderSignIn(onSignedIn) {
  const token = h('textarea', { id: 'signin-token', testid: 'signin-token', autocomplete: 'off', spellcheck: 'false', required: true });
  const submit = h('button', { type: 'submit', testid: 'signin-submit' }, 'Sign in');
  const form = h('form', { class: 'card' },
    h('label', { for: 'signin-token' }, 'Staff bearer token'),
    token,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const candidate = token.value.trim();
    const ok = await act(submit, () => api('/risk/cases?limit=1', { token: candidate }));
    if (ok) {
      session.token = candidate;
      token.value = '';
      onSignedIn();
    }
  });

  const subject = h('input', { id: 'mint-subject', value: 'risk-officer-1', maxlength: 64 });
  const role = h('select', { id: 'mint-role' }, ['risk-officer', 'operator', 'admin'].map((r) => h('option', { value: r }, r)));
  const mint = h('button', { type: 'button', class: 'secondary', testid: 'signin-mint' }, 'Mint a development token');
  mint.addEventListener('click', () => act(mint, async () => {
    const minted = await api('/auth/dev-token', { method: 'POST', body: { subject: subject.value.trim(), roles: [role.value] }, token: null });
    token.value = minted.token;
  }));

  return h('section', { class: 'signin' },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'The console is for risk officers, operators and administrators. Customers\' tokens are refused.'),
    form,
    h('h2', {}, 'Development only'),
    h('div', { class: 'filters' },
      h('label', { for: 'mint-subject' }, 'Subject', subject),
      h('label', { for: 'mint-role' }, 'Role', role),
      mint));
}
