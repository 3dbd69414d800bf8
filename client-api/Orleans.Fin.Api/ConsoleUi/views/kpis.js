// The plan's indicators (GET /ops/kpis) as bar charts with the number beside each bar. The page reads the field names
// the API contract lists; a field the API does not report (absent or null) shows a dash and an empty bar.
import { api } from '../api.js';
import { bars } from '../charts.js';
import { dash, h, ms, number, percent, table, num } from '../dom.js';

/** The number at a dotted path (e.g. timeToFreezeMs.p50), or the first of the fallbacks that is one; otherwise null. */
export function pick(source, ...paths) {
  for (const path of paths) {
    const value = path.split('.').reduce((o, key) => (o && typeof o === 'object' ? o[key] : undefined), source);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/** Each indicator: the field it reads (then fallbacks), how it is written, its label. testid = kpi-value-<field>. */
const indicators = {
  p50: { paths: ['timeToFreezeMs.p50', 'medianTimeToFreezeMs'], format: ms, label: 'p50', testid: 'kpi-value-time-to-freeze-p50' },
  p99: { paths: ['timeToFreezeMs.p99', 'p99TimeToFreezeMs'], format: ms, label: 'p99', testid: 'kpi-value-time-to-freeze-p99' },
  interception: { paths: ['fraudInterceptionRate'], format: percent, label: 'Interception rate' },
  uplift: { paths: ['fraudInterceptionUplift'], format: signedPercent, label: 'Uplift over rules only' },
  accuracy: { paths: ['riskIdentificationAccuracy'], format: percent, label: 'Identification accuracy' },
  falsePositive: { paths: ['falsePositiveRate'], format: percent, label: 'False-positive rate' },
  modelUsage: { paths: ['modelUsageRate'], format: percent, label: 'Model usage' },
  autoDecision: { paths: ['autoDecisionRate'], format: percent, label: 'Auto-decision rate' },
  approval: { paths: ['approvalRate'], format: percent, label: 'Approval rate' },
  dataQuality: { paths: ['dataQualityRate'], format: percent, label: 'Valid records' },
  overdue: { paths: ['overdueRate'], format: percent2, label: 'Overdue (by balance)' },
  overdueByCount: { paths: ['overdueRateByCount'], format: percent2, label: 'Overdue (by count)' },
  npl: { paths: ['nplRatio'], format: percent2, label: 'NPL (by balance)' },
  nplByCount: { paths: ['nplRatioByCount'], format: percent2, label: 'NPL (by count)' },
};

function signedPercent(fraction) {
  const shown = percent(fraction);
  return typeof fraction === 'number' && fraction > 0 ? `+${shown}` : shown;
}

function percent2(fraction) { return percent(fraction, 2); }

const testidOf = (key) => indicators[key].testid ?? `kpi-value-${indicators[key].paths[0]}`;

function item(k, key) {
  const indicator = indicators[key];
  const value = pick(k, ...indicator.paths);
  return { label: indicator.label, value, shown: indicator.format(value), testid: testidOf(key) };
}

function card(k, title, testid, keys, { max, figure } = {}) {
  const items = keys.map((key) => item(k, key));
  return h('div', { class: 'card kpi', testid },
    h('h3', {}, title),
    h('div', { class: 'figure', testid: `${testid}-figure` }, figure ?? items.map((i) => i.shown).join(' · ')),
    bars(items, { max, width: 560, label: `${title}: ${items.map((i) => `${i.label} ${i.shown}`).join(', ')}` }));
}

export async function renderKpis() {
  const k = await api('/ops/kpis');
  const p50 = item(k, 'p50').shown;
  const p99 = item(k, 'p99').shown;
  const interception = item(k, 'interception').shown;
  const uplift = item(k, 'uplift').shown;

  return h('section', {},
    h('h1', {}, 'Key indicators'),
    h('p', { class: 'muted' }, `Every figure is what GET /ops/kpis reports now; ${dash} means the API reports none yet. Ratios by balance come with their by-count value beside.`),
    h('div', { class: 'kpis' },
      card(k, 'Time to freeze', 'kpi-time-to-freeze', ['p50', 'p99'], { figure: `p50 ${p50} · p99 ${p99}` }),
      card(k, 'Fraud interception and its uplift', 'kpi-interception', ['interception', 'uplift'], { max: 1, figure: `${interception} · uplift ${uplift}` }),
      card(k, 'Risk identification accuracy', 'kpi-accuracy', ['accuracy'], { max: 1 }),
      card(k, 'False positives', 'kpi-false-positives', ['falsePositive'], { max: 1 }),
      card(k, 'Model usage and automation', 'kpi-model-usage', ['modelUsage', 'autoDecision', 'approval'], { max: 1 }),
      card(k, 'Data quality', 'kpi-data-quality', ['dataQuality'], { max: 1 }),
      card(k, 'Overdue ratio', 'kpi-overdue', ['overdue', 'overdueByCount'], { max: 0.1 }),
      card(k, 'NPL ratio', 'kpi-npl', ['npl', 'nplByCount'], { max: 0.1 })),
    h('h2', {}, 'Counts'),
    countsTable(k));
}

function countsTable(k) {
  const rows = [];
  for (const [group, values] of [['Risk', k.counts], ['Loans', k.loans]]) {
    for (const [name, value] of Object.entries(values ?? {})) {
      if (typeof value === 'number') rows.push([group, name, num(Number.isInteger(value) ? number(value) : number(value, 4))]);
    }
  }
  return table(['Area', 'Indicator', 'Value '], rows, 'No counts reported.');
}
