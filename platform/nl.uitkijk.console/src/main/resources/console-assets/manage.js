import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';

/**
 * Camera management for administrators: the cameras (remove), a form to add an RTSP camera (the server validates and
 * names the wrong field; the new camera's status shows whether the connection works), and the discovery inbox
 * (approve with an id, name and designation, or dismiss). The server decides who may: for anyone else the inbox
 * answers 403 and the page says so.
 */
export async function showManagement(root) {
  root.replaceChildren(element('h2', '', t('manage.title')));
  let cameras;
  let inbox;
  let designations;
  try {
    [cameras, inbox, designations] = await Promise.all([api('GET', 'cameras'), api('GET', 'discovery'),
      api('GET', 'designations')]);
  } catch (error) {
    const refusal = element('p', 'refused', error.status === 403 ? t('manage.forbidden') : error.message);
    refusal.setAttribute('role', 'alert');
    root.append(refusal);
    return;
  }
  const reload = () => showManagement(root);
  const message = element('p', 'manage-message');
  message.setAttribute('role', 'status');
  const report = (error) => {
    message.textContent = error.problems?.length
      ? error.problems.map((p) => `${p.field}: ${p.message}`).join('; ') : error.message;
  };

  const rows = cameras.map((camera) => {
    const remove = element('button', 'remove-camera', t('manage.remove'));
    remove.addEventListener('click', async () => {
      if (!confirm(`${t('manage.remove')} ${camera.id}?`)) return;
      try { await api('DELETE', `cameras/${encodeURIComponent(camera.id)}`); reload(); } catch (e) { report(e); }
    });
    return [camera.id, camera.name, camera.driver, `${t(`status.${camera.status}`)} ${camera.statusDetail ?? ''}`,
      remove];
  });
  root.append(element('h3', '', t('manage.cameras')),
    table(['manage.id', 'manage.name', 'manage.driver', 'manage.status', ''], rows), message);

  const form = element('form', 'add-camera');
  const field = (name, key, type = 'text') => {
    const input = element('input');
    input.name = name;
    input.type = type;
    const label = element('label');
    label.append(element('span', '', t(key)), input);
    form.append(label);
    return input;
  };
  field('id', 'manage.id');
  field('name', 'manage.name');
  field('url', 'manage.url');
  field('username', 'manage.user');
  field('password', 'manage.password', 'password');
  field('lat', 'manage.lat').value = '50.8879';
  field('lon', 'manage.lon').value = '5.9797';
  const designation = designationSelect(designations);
  const designationLabel = element('label');
  designationLabel.append(element('span', '', t('manage.designation')), designation);
  form.append(designationLabel);
  const add = element('button', '', t('manage.add'));
  add.type = 'submit';
  form.append(add);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const config = { url: data.get('url') };
    if (data.get('username')) config.username = data.get('username');
    if (data.get('password')) config.password = data.get('password');
    try {
      await api('POST', 'cameras', { id: data.get('id'), name: data.get('name'), driver: 'rtsp', config,
        location: { lat: Number(data.get('lat')), lon: Number(data.get('lon')) },
        designationId: data.get('designation') });
      reload();
    } catch (error) { report(error); }
  });
  root.append(element('h3', '', t('manage.addRtsp')), form);

  root.append(element('h3', '', t('manage.discovery')));
  if (inbox.length === 0) {
    root.append(element('p', '', t('manage.none')));
    return;
  }
  root.append(table(['manage.address', 'manage.model', 'manage.driver', ''], inbox.map((entry) => {
    const actions = element('span', 'discovery-actions');
    const id = element('input');
    id.placeholder = t('manage.id');
    const name = element('input');
    name.placeholder = t('manage.name');
    const chosen = designationSelect(designations);
    const approve = element('button', '', t('manage.approve'));
    approve.addEventListener('click', async () => {
      try {
        await api('POST', `discovery/${encodeURIComponent(entry.id)}/approve`, { id: id.value, name: name.value,
          location: { lat: 50.8879, lon: 5.9797 }, designationId: chosen.value });
        reload();
      } catch (error) { report(error); }
    });
    const dismiss = element('button', '', t('manage.dismiss'));
    dismiss.addEventListener('click', async () => {
      try { await api('DELETE', `discovery/${encodeURIComponent(entry.id)}`); reload(); } catch (e) { report(e); }
    });
    actions.append(id, name, chosen, approve, dismiss);
    return [entry.camera.address, entry.camera.device?.model ?? '', entry.camera.driverId, actions];
  })));
}

function designationSelect(designations) {
  const select = element('select');
  select.name = 'designation';
  designations.forEach((d) => {
    const option = element('option', '', `${d.name ?? d.id}`);
    option.value = d.id;
    select.append(option);
  });
  return select;
}

function table(headers, rows) {
  const result = element('table');
  const head = element('tr');
  headers.forEach((key) => head.append(element('th', '', key ? t(key) : '')));
  result.append(head);
  rows.forEach((row) => {
    const line = element('tr');
    row.forEach((cell) => {
      const td = element('td');
      if (cell instanceof Node) td.append(cell); else td.textContent = String(cell ?? '');
      line.append(td);
    });
    result.append(line);
  });
  return result;
}
