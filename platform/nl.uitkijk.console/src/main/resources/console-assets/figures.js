import uPlot from './vendor/uPlot.esm.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';
import { loadPage, table } from './manage.js';

const PRIORITY_COLOURS = { HIGH: '#c62828', MEDIUM: '#ef6c00', LOW: '#1565c0' };

/**
 * The team lead's figures: response times per priority and shift or week (p50/p90 in seconds), alarms per camera and
 * kind (the noisy cameras stand out), shares by outcome with the false-alarm share, each as a CSV table too. The
 * plots are uPlot's (MIT), served from this bundle.
 */
export async function showFigures(root) {
  const to = new Date();
  const from = new Date(to.getTime() - 7 * 86_400_000);
  const query = () => new URLSearchParams({
    from: new Date(`${fromField.value}T00:00:00`).toISOString(),
    to: new Date(new Date(`${toField.value}T00:00:00`).getTime() + 86_400_000).toISOString(),
    by: by.value,
  });
  const fromField = dateInput('from', from);
  const toField = dateInput('to', to);
  const by = element('select');
  by.name = 'by';
  ['shift', 'week'].forEach((value) => { const o = element('option', '', t(`figures.by.${value}`)); o.value = value; by.append(o); });
  const figures = await loadPage(root, 'figures.title', 'figures.forbidden', () => api('GET', `figures?${query()}`));
  if (!figures) return;
  const show = element('button', '', t('figures.show'));
  show.addEventListener('click', async () => render(root, await api('GET', `figures?${query()}`), controls, query()));
  const controls = element('div', 'figures-controls');
  controls.append(element('span', '', t('figures.from')), fromField, element('span', '', t('figures.to')), toField, by, show);
  render(root, figures, controls, query());
}

function render(root, figures, controls, query) {
  root.replaceChildren(element('h2', '', t('figures.title')), controls);
  const csv = element('p', 'csv-links');
  for (const table of ['times', 'alarms', 'outcomes']) {
    const link = element('a', '', `${t('figures.csv')}: ${t(`figures.${table === 'alarms' ? 'counts' : table}`)}`);
    link.href = `/api/v1/figures/csv?${query}&table=${table}`;
    link.download = `uitkijk-${table}.csv`;
    csv.append(link, ' ');
  }
  root.append(csv);

  root.append(element('h3', '', t('figures.times')));
  root.append(timesPlot(figures.times));
  root.append(table(['figures.period', 'figures.priority', 'figures.acknowledged', 'figures.ackP50', 'figures.ackP90',
    'figures.closed', 'figures.closeP50', 'figures.closeP90'], figures.times.map((row) => [row.period, row.priority,
    row.acknowledged, seconds(row.ackP50), seconds(row.ackP90), row.closed, seconds(row.closeP50), seconds(row.closeP90)])));

  root.append(element('h3', '', t('figures.counts')));
  root.append(countsPlot(figures.counts));
  const values = figures.counts.map((count) => count.alarms).sort((a, b) => a - b);
  const median = values.length ? values[Math.floor(values.length / 2)] : 0;
  const counts = table(['figures.camera', 'figures.type', 'figures.alarms'],
    figures.counts.map((count) => [count.cameraId ?? '—', count.type, count.alarms]));
  [...counts.querySelectorAll('tr')].slice(1).forEach((row, index) => {
    const count = figures.counts[index];
    Object.assign(row.dataset, { camera: count.cameraId ?? '', type: count.type, count: count.alarms });
    if (values.length > 2 && count.alarms > 2 * median) row.classList.add('noisy'); // stands out from the room
  });
  counts.classList.add('alarm-counts');
  root.append(counts);

  root.append(element('h3', '', t('figures.outcomes')));
  const share = element('p', 'false-share', `${t('figures.falseShare')}: ${percent(figures.falseAlarmShare)}`);
  share.dataset.share = figures.falseAlarmShare;
  root.append(share, table(['figures.outcome', 'figures.alarms', 'figures.share'], figures.outcomes.map((o) =>
    [o.outcome === null ? t('figures.none') : o.label, o.alarms, percent(o.share)])));
}

/** p90 time to acknowledge per period, one line per priority. */
function timesPlot(times) {
  const holder = element('div', 'plot plot-times');
  const periods = [...new Set(times.map((row) => row.period))];
  if (!periods.length) return holder;
  const series = [{}];
  const data = [periods.map((_, index) => index)];
  for (const priority of Object.keys(PRIORITY_COLOURS)) {
    const rows = new Map(times.filter((row) => row.priority === priority).map((row) => [row.period, row.ackP90]));
    if (!rows.size) continue;
    series.push({ label: `${priority} p90`, stroke: PRIORITY_COLOURS[priority], width: 2, points: { show: true } });
    data.push(periods.map((period) => rows.get(period) ?? null));
  }
  new uPlot({
    width: 720, height: 220, series, scales: { x: { time: false } },
    axes: [{ values: (u, ticks) => ticks.map((tick) => periods[tick] ?? '') }, { label: 's' }],
  }, data, holder);
  return holder;
}

/** Alarms per camera (all kinds), as bars. */
function countsPlot(counts) {
  const holder = element('div', 'plot plot-counts');
  const perCamera = new Map();
  counts.forEach((count) => perCamera.set(count.cameraId ?? '—', (perCamera.get(count.cameraId ?? '—') ?? 0) + count.alarms));
  const cameras = [...perCamera.keys()];
  if (!cameras.length) return holder;
  new uPlot({
    width: 720, height: 200, scales: { x: { time: false } },
    series: [{}, { label: t('figures.alarms'), fill: '#90caf9', stroke: '#1565c0', paths: uPlot.paths.bars({ size: [0.6, 60] }) }],
    axes: [{ values: (u, ticks) => ticks.map((tick) => cameras[tick] ?? '') }, {}],
  }, [cameras.map((_, index) => index), cameras.map((camera) => perCamera.get(camera))], holder);
  return holder;
}

function dateInput(name, date) {
  const field = element('input');
  field.type = 'date';
  field.name = name;
  field.value = new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return field;
}

function seconds(value) {
  return value === null || value === undefined ? '' : Math.round(value);
}

function percent(share) {
  return `${Math.round(share * 1000) / 10}%`;
}
