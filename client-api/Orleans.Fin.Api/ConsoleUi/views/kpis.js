// The plan's indicators as charts with the numbers beside them. A field the API does not report shows a dash.
import { api } from '../api.js';
import { bars } from '../charts.js';
import { h, ms, number, percent, table, num, text } from '../dom.js';

/** The first of the named fields that is present (field names may be flat or nested, e.g. timeToFreezeMs.p50). */
function pick(source, ...paths) {
  for (const path of paths) {
    const value = path.split('.').reduce((o, key) => (o && typeof o === 'object' ? o[key] : undefined), source);
    if (typeof value === 'number') return value;
  }
  return null;
}

const ratio = (label, value) => ({ label, value, shown: percent(value) });

function card(title, testid, figure, chart) {
  return h('div', { class: 'card kpi', testid },
    h('h3', {}, title),
    h('div', { class: 'figure', testid: `${testid}-figure` }, figure),
    chart);
}

export async function renderKpis() {
  const k = await api('/ops/kpis');
  const p50 = pick(k, 'timeToFreezeMs.p50', 'medianTimeToFreezeMs');
  const p99 = pick(k, 'timeToFreezeMs.p99', 'p99TimeToFreezeMs');
  const interception = pick(k, 'fraudInterceptionRate');
  const uplift = pick(k, 'fraudInterceptionUplift');
  const accuracy = pick(k, 'riskIdentificationAccuracy');
  const falsePositive = pick(k, 'falsePositiveRate');
  const modelUsage = pick(k, 'modelUsageRate');
  const overdue = pick(k, 'overdueRate');
  const npl = pick(k, 'nplRatio');

  return h('section', {},
    h('h1', {}, 'Key indicators'),
    h('div', { class: 'kpis' },
      card('Time to freeze', 'kpi-time-to-freeze', `p50 ${ms(p50)} · p99 ${ms(p99)}`,
        bars([{ label: 'p50', value: p50, shown: ms(p50) }, { label: 'p99', value: p99, shown: ms(p99) }], { label: 'Time to freeze in milliseconds' })),
      card('Fraud interception', 'kpi-interception', `${percent(interception)} · uplift ${uplift === null ? text(null) : percent(uplift)}`,
        bars([ratio('Interception rate', interception), { label: 'Uplift over rules', value: uplift === null ? null : Math.max(0, uplift), shown: percent(uplift) }],
          { max: 1, label: 'Fraud interception rate and uplift' })),
      card('Risk decisions', 'kpi-accuracy', `accuracy ${percent(accuracy)} · false positives ${percent(falsePositive)}`,
        bars([ratio('Identification accuracy', accuracy), ratio('False-positive rate', falsePositive)], { max: 1, label: 'Accuracy and false positives' })),
      card('Automation', 'kpi-model-usage', `model usage ${percent(modelUsage)}`,
        bars([ratio('Model usage', modelUsage), ratio('Auto-decision rate', pick(k, 'autoDecisionRate')),
          ratio('Approval rate', pick(k, 'approvalRate')), ratio('Data quality', pick(k, 'dataQualityRate'))], { max: 1, label: 'Model usage and automation' })),
      card('Credit quality', 'kpi-credit', `overdue ${percent(overdue, 2)} · NPL ${percent(npl, 2)}`,
        bars([ratio('Overdue (balance)', overdue), ratio('Overdue (count)', pick(k, 'overdueRateByCount', 'loans.overdueRateByCount')),
          ratio('NPL (balance)', npl), ratio('NPL (count)', pick(k, 'nplRatioByCount', 'loans.nplRatioByCount'))], { max: 0.1, label: 'Overdue and NPL ratios (scale to 10%)' }))),
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
