// Charts drawn by hand in SVG: horizontal bars with the number written beside each bar. A missing value draws an
// empty track and a dash, never a made-up zero.
import { dash } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, content) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (content !== undefined) element.textContent = content;
  return element;
}

/**
 * bars([{label, value, shown, testid}], {max}) - value is a number or null; shown is the text written beside the bar
 * (marked with data-testid when testid is given).
 * Without max the longest bar is the largest value (fractions use max: 1).
 */
export function bars(items, { max, width = 520, label = 'chart' } = {}) {
  const row = 26;
  const labelWidth = 170;
  const valueWidth = 90;
  const track = width - labelWidth - valueWidth;
  const top = Math.max(max ?? 0, ...items.map((i) => (typeof i.value === 'number' ? Math.abs(i.value) : 0)));
  const chart = svg('svg', { class: 'chart', width, height: items.length * row + 4, role: 'img', 'aria-label': label });
  items.forEach((item, index) => {
    const y = index * row + 2;
    chart.append(svg('text', { x: 0, y: y + 16 }, item.label));
    chart.append(svg('rect', { class: 'track', x: labelWidth, y: y + 4, width: track, height: 16, rx: 2 }));
    if (typeof item.value === 'number' && top > 0) {
      const length = Math.max(1, Math.min(1, Math.max(0, item.value) / top) * track);
      chart.append(svg('rect', { class: `bar${index % 2 ? ' alt' : ''}`, x: labelWidth, y: y + 4, width: length, height: 16, rx: 2 }));
    }
    const shown = svg('text', { x: labelWidth + track + 8, y: y + 16 }, item.shown ?? dash);
    if (item.testid) shown.setAttribute('data-testid', item.testid);
    chart.append(shown);
  });
  return chart;
}
