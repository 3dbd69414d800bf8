// Model governance: each model's versions with role, what pins them, validation and live metrics, traffic share and
// drift; retrain a challenger; promote a version through the maker-checker flow (the API names who asked and who
// must approve).
import { api, session } from '../api.js';
import { badge, h, num, number, table, text, time } from '../dom.js';
import { act, showError } from '../errors.js';

const pollMs = 1000;
const pollLimit = 300;

/** The last word on each model's retraining job, kept across re-renders so the outcome stays on screen. */
const jobs = new Map();

/** The API lists models either as versions grouped per model or as one card per version; both become [{name, versions}]. */
export function normalise(body) {
  const list = Array.isArray(body) ? body : Array.isArray(body?.models) ? body.models : Array.isArray(body?.items) ? body.items
    : Object.entries(body ?? {}).map(([name, value]) => ({ name, ...value }));
  const models = new Map();
  for (const item of list) {
    const name = item.name ?? item.model ?? item.domain ?? 'model';
    const entry = models.get(name) ?? { name, versions: [], pending: [], alerts: [] };
    if (Array.isArray(item.alerts)) entry.alerts.push(...item.alerts);
    if (Array.isArray(item.versions)) entry.versions.push(...item.versions);
    else if (item.version) entry.versions.push(item);
    entry.pending.push(...[].concat(item.pendingPromotions ?? item.pendingPromotion ?? item.pendingApprovals ?? []));
    models.set(name, entry);
  }
  return [...models.values()];
}

const metricText = (metrics) => (metrics && typeof metrics === 'object'
  ? Object.entries(metrics).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k} ${Number.isInteger(v) ? v : number(v, 3)}`).join(' · ') || text(null)
  : text(null));

/** Live metrics on labelled outcomes: precision, recall and AUC are written out even when undefined yet. */
const liveText = (live) => {
  if (!live || typeof live !== 'object') return text(null);
  const value = (k) => (typeof live[k] === 'number' ? (Number.isInteger(live[k]) ? String(live[k]) : number(live[k], 3)) : text(null));
  return ['count', 'precision', 'recall', 'auc', 'scored', 'acted'].filter((k) => k in live || ['precision', 'recall', 'auc'].includes(k))
    .map((k) => `${k === 'auc' ? 'AUC' : k} ${value(k)}`).join(' · ');
};

const drift = (v) => {
  const value = typeof v.drift === 'number' ? v.drift : v.drift?.psi ?? v.psi;
  const status = typeof v.drift?.status === 'string' ? ` (${v.drift.status})` : '';
  return typeof value === 'number' ? `${number(value, 3)}${status}` : `${text(null)}${status}`;
};

/** Who promoted a version and who approved it (maker and checker), when the API says. */
const promotion = (v) => (v.promotedBy || v.approvedBy
  ? h('div', { class: 'muted' }, `asked by ${text(v.promotedBy)}, approved by ${text(v.approvedBy)}`)
  : null);

export async function renderModels() {
  const models = normalise(await api('/ops/models'));
  return h('section', {},
    h('h1', {}, 'Models'),
    models.length ? models.map(modelSection) : h('p', { class: 'muted' }, 'The API reports no models.'));
}

function modelSection(model) {
  const status = h('span', { class: 'muted', testid: `model-job-${model.name}`, role: 'status' }, jobs.get(model.name) ?? '');
  const retrain = h('button', { type: 'button', testid: `model-retrain-${model.name}` }, 'Retrain a challenger');
  retrain.addEventListener('click', () => act(retrain, async () => {
    const job = await api(`/ops/models/${encodeURIComponent(model.name)}/retrain`, { method: 'POST', body: {} });
    report(model.name, status, `Job ${text(job?.jobId)}: queued`);
    if (job?.jobId) follow(model.name, job.jobId, status);
  }));

  return h('div', { class: 'card', testid: 'model', dataset: { model: model.name } },
    h('h2', {}, `Model: ${model.name}`),
    pendingList(model.pending),
    (model.alerts ?? []).map((a) => h('p', { class: 'High', testid: 'model-alert' }, text(a.message))),
    table(['Version', 'Role', 'Trained', 'Kind', 'Data hash', 'Weights hash', 'Validation', 'Live', 'Traffic ', 'Drift (PSI) ', 'Promote'],
      model.versions.map((v) => h('tr', { testid: 'model-row', dataset: { modelVersion: v.version, model: model.name } },
        h('td', { class: 'mono' }, text(v.version)),
        h('td', {}, badge(v.role), promotion(v)),
        h('td', {}, v.trainedAt ? time(v.trainedAt) : text(null)),
        h('td', {}, text(v.kind ?? v.learner)),
        h('td', { class: 'mono' }, short(v.dataHash)),
        h('td', { class: 'mono' }, short(v.weightsHash)),
        h('td', { testid: 'model-metrics' }, metricText(v.validationMetrics ?? v.metrics)),
        h('td', { testid: 'model-live' }, liveText(v.liveMetrics ?? v.live)),
        num(typeof v.trafficShare === 'number' ? `${number(v.trafficShare * 100, 0)}%` : text(null)),
        num(drift(v)),
        h('td', {}, v.role === 'Champion' ? text(null) : promoteForm(model.name, v)))),
      'No versions.'),
    h('div', { class: 'actions' }, retrain, status));
}

function pendingList(pending) {
  if (!pending.length) return null;
  return h('p', { testid: 'model-pending' }, pending.map((p) =>
    `Version ${text(p.version)} awaits approval: asked by ${text(p.requestedBy)}${p.requestedAt ? ` at ${time(p.requestedAt)}` : ''}`
    + `${p.note ? ` ("${p.note}")` : ''}${p.override ? ', overriding the gate' : ''}; `
    + `a risk officer or admin other than ${text(p.requestedBy)} must approve it by promoting the same version. `));
}

function promoteForm(name, version) {
  const note = h('input', { placeholder: 'note', maxlength: 500, 'aria-label': `Note for promoting ${version.version}` });
  const override = h('input', { type: 'checkbox', 'aria-label': 'Override the promotion gate' });
  const button = h('button', { type: 'button', class: 'secondary', testid: 'model-promote' }, 'Promote');
  const outcome = h('span', { class: 'muted', testid: 'model-promote-status' });
  button.addEventListener('click', () => act(button, async () => {
    const body = { version: version.version, note: note.value.trim(), override: override.checked || undefined };
    const answer = await api(`/ops/models/${encodeURIComponent(name)}/promote`, { method: 'POST', body });
    if (answer?.status === 'PendingApproval') {
      const me = session.claims?.subject ?? '';
      const gate = answer.gate?.detail ? ` Gate: ${answer.gate.detail}` : '';
      outcome.textContent = `Pending approval: asked by ${text(answer.requestedBy ?? me)}; a risk officer or admin other than them must approve.${gate}`;
    } else {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }
  }));
  return h('div', { class: 'promote' }, note, h('label', { class: 'check' }, override, 'override the gate'), button, outcome);
}

function report(name, status, message) {
  jobs.set(name, message);
  status.textContent = message;
}

/** Polls the job until it ends; when it succeeds the page reloads from the API and shows the new challenger. */
async function follow(name, jobId, status) {
  for (let attempt = 0; attempt < pollLimit; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    if (!status.isConnected) return;
    try {
      const job = await api(`/ops/models/jobs/${encodeURIComponent(jobId)}`);
      report(name, status, `Job ${jobId}: ${text(job?.status)}${job?.version ? ` → version ${job.version}` : ''}`);
      if (['Succeeded', 'Completed', 'Failed'].includes(job?.status)) {
        if (job.status !== 'Failed') window.dispatchEvent(new HashChangeEvent('hashchange'));
        return;
      }
    } catch (error) {
      showError(error);
      return;
    }
  }
}

const short = (hash) => (typeof hash === 'string' && hash.length > 12 ? `${hash.slice(0, 12)}…` : text(hash));
