import { api } from './api.js';
import { t, currentLanguage } from './i18n.js';
import { element, followOnWall } from './wall.js';
import { loadPage, table } from './manage.js';
import { shiftPanel } from './shift.js';
import { describeReason } from './reasons.js';

const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'];
const PARTIES = ['police', 'handhaving'];

/**
 * Incidents: the list (ongoing or all) with the shift panel and a form to open one from nothing ("I see a fight on
 * camera X"); one incident with its cameras (to the wall), alarms, procedure to tick through, footage kept (held
 * while the incident needs it), state, closing with an outcome, and the journal. Every text the server holds is set
 * as text, never as markup: a journal note shows exactly as written. Auditors see it all and change nothing; the
 * server refuses their changes anyway.
 */
export async function showIncidents(root, session, id) {
  if (id) {
    await showIncident(root, session, id);
    return;
  }
  const incidents = await loadPage(root, 'incidents.title', 'incidents.forbidden',
    () => api('GET', `incidents?open=${root.dataset.filter !== 'all'}&limit=200`));
  if (!incidents) return;
  const filter = element('select', 'incident-filter');
  for (const value of ['open', 'all']) {
    const option = element('option', '', t(`incidents.filter.${value}`));
    option.value = value;
    option.selected = (root.dataset.filter ?? 'open') === value;
    filter.append(option);
  }
  filter.addEventListener('change', () => { root.dataset.filter = filter.value; showIncidents(root, session); });
  const rows = incidents.map((incident) => {
    const link = element('a', 'incident-link', `#${incident.id} ${incident.title}`);
    link.href = `#incidents/${incident.id}`;
    link.dataset.incident = incident.id;
    return [link, t(`incidents.state.${incident.state}`), incident.priority, time(incident.opened), incident.openedBy];
  });
  const list = rows.length ? table(['', 'manage.status', 'incidents.priority', '', ''], rows)
    : element('p', 'none', t('incidents.none'));
  list.classList.add('incident-list');
  root.append(filter, list);
  if (works(session)) root.append(await newIncidentForm());
  root.append(await shiftPanel(session));
}

/** Whether the user works incidents (the server decides; this only hides forms that would be refused). */
function works(session) {
  return session.roles.some((role) => ['operator', 'supervisor', 'admin'].includes(role));
}

async function newIncidentForm() {
  const form = element('form', 'new-incident');
  form.append(element('h3', '', t('incidents.new')));
  const title = input('title', t('incidents.what'), 200);
  title.required = true;
  const type = input('type', t('incidents.type'), 32);
  const priority = choice('priority', PRIORITIES, (p) => p, (p) => p);
  priority.value = 'MEDIUM';
  const cameras = choice('cameras', await api('GET', 'cameras').catch(() => []), (c) => c.name, (c) => c.id);
  cameras.multiple = true;
  cameras.title = t('incidents.cameras');
  const submit = element('button', '', t('incidents.open'));
  submit.type = 'submit';
  const message = alertLine();
  form.append(title, type, priority, cameras, submit, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const opened = await api('POST', 'incidents', {
        title: title.value, type: type.value || null, priority: priority.value,
        cameraIds: [...cameras.selectedOptions].map((o) => o.value), alarmIds: [],
      });
      location.hash = `#incidents/${opened.id}`;
    } catch (error) {
      message.textContent = error.message;
    }
  });
  return form;
}

async function showIncident(root, session, id) {
  const incident = await loadPage(root, 'incidents.title', 'incidents.forbidden', () => api('GET', `incidents/${id}`));
  if (!incident) return;
  const reload = () => showIncident(root, session, id);
  const editable = works(session) && incident.state !== 'CLOSED';
  const back = element('a', 'back', `← ${t('incidents.back')}`);
  back.href = '#incidents';
  const head = element('div', 'incident-head');
  head.dataset.incident = incident.id;
  head.dataset.state = incident.state;
  head.append(element('h3', '', `#${incident.id} ${incident.title}`),
    element('span', `state state-${incident.state}`, t(`incidents.state.${incident.state}`)
      + (incident.handedTo ? ` — ${t('incidents.handedTo')} ${partyName(incident.handedTo)}` : '')),
    element('span', `priority priority-${incident.priority}`, incident.priority),
    element('span', 'meta', `${incident.type ?? ''} · ${t('incidents.opened')} ${incident.openedBy} ${time(incident.opened)}`));
  const message = alertLine();
  const act = (request) => async (event) => {
    event?.preventDefault();
    try {
      await request();
      reload();
    } catch (error) {
      message.textContent = describeReason(error.reason, error.message);
    }
  };
  root.replaceChildren(element('h2', '', t('incidents.title')), back, head, message);
  root.append(camerasPart(incident), await alarmsPart(incident), procedurePart(incident, editable, act, message),
    editable ? await attachForm(incident, act) : '',
    footagePart(incident, editable, act));
  if (editable) root.append(statePart(incident, act), await closePart(incident, act));
  root.append(journalPart(incident, works(session), act));
}

function camerasPart(incident) {
  const part = section('incident-cameras', 'incidents.cameras');
  const list = element('ul');
  incident.cameraIds.forEach((camera) => list.append(element('li', '', camera)));
  part.append(list);
  if (incident.cameraIds.length) {
    const wall = element('button', 'on-wall', t('incidents.onWall'));
    wall.type = 'button';
    // the first alarm's moment, for the pre-alarm playback; else the incident's opening
    wall.addEventListener('click', () => followOnWall({ cameras: incident.cameraIds, at: incident.opened,
      title: `#${incident.id} ${incident.title}` }));
    part.append(wall);
  }
  return part;
}

async function alarmsPart(incident) {
  const part = section('incident-alarms', 'incidents.alarms');
  const list = element('ul');
  for (const id of incident.alarmIds) {
    const alarm = await api('GET', `alarms/${id}`).catch(() => null);
    const item = element('li', '', alarm ? `${alarm.number} · ${time(alarm.raised)} · ${alarm.cameraId ?? ''} ${alarm.summary}` : id);
    item.dataset.alarm = id;
    list.append(item);
  }
  part.append(list);
  return part;
}

/** Further alarms (open ones, which this acknowledges) and cameras into the incident. */
async function attachForm(incident, act) {
  const form = element('form', 'attach-form');
  const alarm = choice('alarm', await api('GET', 'alarms?open=true&limit=50').catch(() => []),
    (a) => `${a.number} · ${a.cameraId ?? ''} ${a.summary}`, (a) => a.id, t('incidents.attachAlarm'));
  const camera = choice('camera', (await api('GET', 'cameras').catch(() => []))
    .filter((c) => !incident.cameraIds.includes(c.id)), (c) => c.name, (c) => c.id, t('incidents.attachCamera'));
  const button = element('button', '', t('incidents.attach'));
  button.type = 'submit';
  form.append(alarm, camera, button);
  form.addEventListener('submit', act(() => api('POST', `incidents/${incident.id}/attach`, {
    alarmIds: alarm.selectedIndex > 0 ? [alarm.value] : [], cameraIds: camera.selectedIndex > 0 ? [camera.value] : [],
  })));
  return form;
}

function procedurePart(incident, editable, act) {
  const part = section('incident-procedure', 'incidents.procedure');
  const procedure = incident.procedure;
  if (!procedure) {
    part.append(element('p', '', t('incidents.noProcedure')));
    if (editable) part.append(followForm(incident, act));
    return part;
  }
  part.append(element('p', 'procedure-title', `${procedure.title} (${procedure.id}, ${t('setup.version')} ${procedure.version})`));
  const ticked = new Map(incident.ticks.map((tick) => [tick.step, tick]));
  const list = element('ol', 'steps');
  procedure.steps.forEach((step, index) => {
    const number = index + 1;
    const item = element('li', `step${ticked.has(number) ? ' ticked' : ''}`);
    item.dataset.step = number;
    const flags = [step.required ? t('incidents.required') : '', step.noteRequired ? t('incidents.noteRequired') : '']
      .filter(Boolean).join(', ');
    item.append(element('span', 'step-text', step.text), element('span', 'flags', flags ? ` (${flags})` : ''));
    const tick = ticked.get(number);
    if (tick) {
      item.append(element('span', 'ticked-by', ` ✓ ${tick.user} ${time(tick.at)}${tick.note ? ` — ${tick.note}` : ''}`));
    } else if (editable) {
      const form = element('form', 'tick-form');
      const note = input('note', t('incidents.stepNote'), 1000);
      note.required = step.noteRequired;
      const button = element('button', '', t('incidents.tick'));
      button.type = 'submit';
      form.append(note, button);
      form.addEventListener('submit', act(() => api('POST', `incidents/${incident.id}/steps/${number}`, { note: note.value })));
      item.append(form);
    }
    list.append(item);
  });
  part.append(list);
  return part;
}

function followForm(incident, act) {
  const form = element('form', 'follow-form');
  const procedure = element('select');
  procedure.name = 'procedure';
  api('GET', 'procedures').then((procedures) => procedure.replaceWith(choice('procedure', procedures, (p) => p.title,
    (p) => p.id))).catch(() => {});
  const button = element('button', '', t('incidents.follow'));
  button.type = 'submit';
  form.append(procedure, button);
  form.addEventListener('submit', act(() => api('POST', `incidents/${incident.id}/procedure`,
    { procedureId: form.querySelector('select[name=procedure]').value })));
  return form;
}

function footagePart(incident, editable, act) {
  const part = section('incident-footage', 'incidents.footage');
  const list = element('ul', 'bookmarks');
  incident.bookmarks.forEach((mark) => {
    const item = element('li', `bookmark kind-${mark.kind}`, `${t(`incidents.kind.${mark.kind}`)} · ${mark.cameraId} · `
      + `${time(mark.from)}–${time(mark.to)} · ${mark.label}${mark.holdId ? ` · ${t('incidents.held')}` : ''}`);
    item.dataset.hold = mark.holdId ?? '';
    list.append(item);
  });
  part.append(list);
  if (!editable || !incident.cameraIds.length) return part;
  const form = element('form', 'bookmark-form');
  const camera = choice('camera', incident.cameraIds, (id) => id, (id) => id);
  const kind = choice('kind', ['bookmark', 'still'], (k) => t(`incidents.kind.${k}`), (k) => k);
  const now = Date.now();
  const from = localInput('from', now - 60_000);
  const to = localInput('to', now);
  const label = input('label', t('incidents.label'), 200);
  const button = element('button', '', t('incidents.mark'));
  button.type = 'submit';
  form.append(camera, kind, from, to, label, button);
  form.addEventListener('submit', act(() => api('POST', `incidents/${incident.id}/bookmarks`, {
    cameraId: camera.value, kind: kind.value, from: new Date(from.value).toISOString(),
    to: new Date(to.value).toISOString(), label: label.value,
  })));
  part.append(form);
  return part;
}

function statePart(incident, act) {
  const part = element('div', 'incident-state');
  if (incident.state === 'OPEN') {
    const take = element('button', 'take-on', t('incidents.progress'));
    take.type = 'button';
    take.addEventListener('click', act(() => api('POST', `incidents/${incident.id}/state`, { state: 'IN_PROGRESS' })));
    part.append(take);
  }
  const form = element('form', 'hand-over');
  const party = choice('party', PARTIES, partyName, (p) => p);
  const button = element('button', '', t('incidents.handTo'));
  button.type = 'submit';
  form.append(button, party);
  form.addEventListener('submit', act(() => api('POST', `incidents/${incident.id}/state`, { state: 'HANDED_OVER', party: party.value })));
  part.append(form);
  return part;
}

async function closePart(incident, act) {
  const form = element('form', 'close-form');
  const outcome = choice('outcome', (await api('GET', 'outcomes').catch(() => [])).filter((o) => o.active),
    (o) => o.label, (o) => o.id);
  const note = input('note', t('incidents.closeNote'), 2000);
  const button = element('button', '', t('incidents.close'));
  button.type = 'submit';
  form.append(element('span', '', t('incidents.outcome')), outcome, note, button);
  form.addEventListener('submit', act(() => api('POST', `incidents/${incident.id}/close`, { outcome: outcome.value, note: note.value })));
  return form;
}

function journalPart(incident, mayWrite, act) {
  const part = section('incident-journal', 'incidents.journal');
  const list = element('ol', 'journal');
  incident.journal.forEach((entry) => {
    const item = element('li', `entry kind-${entry.kind}`);
    item.append(element('span', 'when', time(entry.at)), element('span', 'who', entry.user),
      element('span', 'kind', t(`journal.${entry.kind}`)), element('span', 'text', entry.text));
    list.append(item);
  });
  part.append(list);
  if (mayWrite && incident.state !== 'CLOSED') {
    const form = element('form', 'journal-form');
    const text = element('textarea');
    text.name = 'text';
    text.maxLength = 2000;
    text.required = true;
    text.placeholder = t('incidents.note');
    const button = element('button', '', t('incidents.write'));
    button.type = 'submit';
    form.append(text, button);
    form.addEventListener('submit', act(() => api('POST', `incidents/${incident.id}/journal`, { text: text.value })));
    part.append(form);
  }
  return part;
}

/** A select with an option per item (its label, its value), after an optional first choice of none. */
function choice(name, items, label, value, none) {
  const select = element('select');
  select.name = name;
  if (none) select.append(element('option', '', none));
  items.forEach((item) => {
    const option = element('option', '', label(item));
    option.value = value(item);
    select.append(option);
  });
  return select;
}

function section(className, titleKey) {
  const part = element('section', className);
  part.append(element('h4', '', t(titleKey)));
  return part;
}

function input(name, placeholder, maxLength) {
  const field = element('input');
  field.name = name;
  field.placeholder = placeholder;
  field.maxLength = maxLength;
  return field;
}

function localInput(name, millis) {
  const field = element('input');
  field.name = name;
  field.type = 'datetime-local';
  field.step = 1;
  const local = new Date(millis - new Date(millis).getTimezoneOffset() * 60_000);
  field.value = local.toISOString().slice(0, 19);
  return field;
}

function alertLine() {
  const line = element('p', 'incident-message');
  line.setAttribute('role', 'alert');
  return line;
}

function partyName(party) {
  const key = `incidents.party.${party}`;
  return t(key) === key ? party : t(key);
}

export function time(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL',
    { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
