// The console's shell: sign-in gate, navigation and the hash router. Each view renders into <main>.
import { ApiError, session } from './api.js';
import { showError } from './errors.js';
import { h } from './dom.js';
import { renderSignIn } from './views/signin.js';
import { renderCases } from './views/cases.js';
import { renderCase } from './views/case.js';
import { renderAlerts } from './views/alerts.js';
import { renderCustomer, renderCustomerSearch } from './views/customer.js';
import { renderKpis } from './views/kpis.js';
import { renderModels } from './views/models.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');

const routes = [
  [/^#\/cases\/([^/]+)$/, (id) => renderCase(id)],
  [/^#\/cases$/, () => renderCases()],
  [/^#\/alerts$/, () => renderAlerts()],
  [/^#\/customers\/([^/]+)$/, (id) => renderCustomer(id)],
  [/^#\/customers$/, () => renderCustomerSearch()],
  [/^#\/kpis$/, () => renderKpis()],
  [/^#\/models$/, () => renderModels()],
];

function chrome() {
  const claims = session.claims;
  nav.hidden = !claims;
  document.getElementById('signout').hidden = !claims;
  document.getElementById('who').textContent = claims ? `${claims.subject} (${claims.roles.join(', ')})` : '';
  for (const link of nav.querySelectorAll('a')) {
    if (location.hash.startsWith(link.getAttribute('href'))) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

let rendering = 0;

async function route() {
  const turn = ++rendering;
  showError(null);
  chrome();
  if (!session.token) {
    main.replaceChildren(renderSignIn(() => { location.hash = '#/cases'; route(); }));
    return;
  }

  const match = routes.map(([pattern, view]) => [location.hash.match(pattern), view]).find(([m]) => m);
  if (!match) {
    location.hash = '#/cases';
    return;
  }

  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const view = await match[1](...match[0].slice(1).map(decodeURIComponent));
    if (turn === rendering) {
      main.replaceChildren(view);
      main.focus({ preventScroll: true });
    }
  } catch (error) {
    if (turn !== rendering) return;
    if (error instanceof ApiError && error.status === 401) session.token = null;
    main.replaceChildren(h('p', { class: 'muted' }, 'This page could not be loaded.'));
    showError(error);
    chrome();
  }
}

document.getElementById('signout').addEventListener('click', () => {
  session.token = null;
  location.hash = '';
  route();
});
window.addEventListener('hashchange', route);
route();
