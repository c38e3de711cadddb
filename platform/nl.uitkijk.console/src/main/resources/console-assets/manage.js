import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';
import { editMasks } from './privacy.js';

/**
 * Camera management for administrators: the cameras (edit, remove), a form to add or edit a camera of any installed
 * driver (its fields come from the driver's description; the server validates and names the wrong field), a test of
 * the connection before anything is stored, and the discovery inbox (approve with an id, name and designation, or
 * dismiss). The server decides who may: for anyone else the inbox answers 403 and the page says so.
 */
export async function showManagement(root) {
  const loaded = await loadPage(root, 'manage.title', 'manage.forbidden', () => Promise.all([api('GET', 'cameras'),
    api('GET', 'discovery'), api('GET', 'designations'), api('GET', 'drivers')]));
  if (!loaded) return;
  const [cameras, inbox, designations, drivers] = loaded;
  const reload = () => showManagement(root);
  const message = element('p', 'manage-message');
  message.setAttribute('role', 'status');
  const report = (error) => {
    message.textContent = error.problems?.length
      ? error.problems.map((p) => `${p.field}: ${p.message}`).join('; ') : error.message;
  };
  const formTitle = element('h3', '', t('manage.addCamera'));
  const maskEditor = element('section', 'privacy-editor');
  const cameraForm = new CameraForm(drivers, designations, report, reload);

  const rows = cameras.map((camera) => {
    const edit = element('button', 'edit-camera', t('manage.edit'));
    edit.dataset.camera = camera.id;
    edit.addEventListener('click', async () => {
      try {
        cameraForm.edit(await api('GET', `cameras/${encodeURIComponent(camera.id)}`));
        formTitle.textContent = `${t('manage.editCamera')} ${camera.id}`;
        formTitle.scrollIntoView();
      } catch (e) { report(e); }
    });
    const remove = element('button', 'remove-camera', t('manage.remove'));
    remove.addEventListener('click', async () => {
      if (!confirm(`${t('manage.remove')} ${camera.id}?`)) return;
      try { await api('DELETE', `cameras/${encodeURIComponent(camera.id)}`); reload(); } catch (e) { report(e); }
    });
    const masks = element('button', 'edit-masks', t('manage.masks'));
    masks.dataset.camera = camera.id;
    masks.addEventListener('click', () => {
      editMasks(maskEditor, camera.id, report);
      maskEditor.scrollIntoView();
    });
    const actions = element('span', 'camera-actions');
    actions.append(edit, masks, remove);
    return [camera.id, camera.name, camera.driver, `${t(`status.${camera.status}`)} ${camera.statusDetail ?? ''}`,
      actions];
  });
  root.append(element('h3', '', t('manage.cameras')),
    table(['manage.id', 'manage.name', 'manage.driver', 'manage.status', ''], rows), message, maskEditor,
    formTitle, cameraForm.form);

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

/**
 * The form of one camera: id, name, position, designation, the driver and that driver's own fields (passwords are
 * shown masked and kept unless typed anew). "Test connection" tries what the form says without storing it.
 */
class CameraForm {
  constructor(drivers, designations, report, saved) {
    this.drivers = drivers;
    this.report = report;
    this.saved = saved;
    this.editing = null;
    this.form = element('form', 'camera-form');
    this.form.noValidate = true;
    this.inputs = {};
    for (const [name, key] of [['id', 'manage.id'], ['name', 'manage.name'], ['lat', 'manage.lat'],
      ['lon', 'manage.lon']]) {
      this.inputs[name] = this.labelled(this.form, key, element('input'));
      this.inputs[name].name = name;
    }
    this.inputs.lat.value = '50.8879';
    this.inputs.lon.value = '5.9797';
    this.designation = this.labelled(this.form, 'manage.designation', designationSelect(designations));
    this.driver = this.labelled(this.form, 'manage.driver', element('select'));
    this.driver.name = 'driver';
    drivers.forEach((driver) => {
      const option = element('option', '', driver.label || driver.id);
      option.value = driver.id;
      this.driver.append(option);
    });
    this.driver.value = drivers.some((d) => d.id === 'rtsp') ? 'rtsp' : drivers[0]?.id ?? '';
    this.driver.addEventListener('change', () => this.showDriverFields({}));
    this.settings = element('fieldset', 'driver-settings');
    this.form.append(this.settings);
    this.verdict = element('p', 'connection-test');
    this.verdict.setAttribute('role', 'status');
    const test = element('button', 'test-connection', t('manage.test'));
    test.type = 'button';
    test.addEventListener('click', () => this.testConnection(test));
    this.submit = element('button', 'save-camera', t('manage.add'));
    this.submit.type = 'submit';
    const cancel = element('button', 'cancel', t('manage.cancel'));
    cancel.type = 'button';
    cancel.addEventListener('click', () => this.saved());
    this.form.append(test, this.submit, cancel, this.verdict);
    this.form.addEventListener('submit', (event) => { event.preventDefault(); this.save(); });
    this.showDriverFields({});
  }

  labelled(parent, key, input) {
    const label = element('label');
    label.append(element('span', '', t(key)), input);
    parent.append(label);
    return input;
  }

  showDriverFields(config) {
    const driver = this.drivers.find((d) => d.id === this.driver.value);
    this.settings.replaceChildren(element('legend', '', driver?.label || this.driver.value || ''));
    this.configInputs = new Map();
    (driver?.parameters ?? []).forEach((parameter) => {
      const input = element('input');
      input.name = `config.${parameter.name}`;
      input.type = { PASSWORD: 'password', INTEGER: 'number', DECIMAL: 'number', BOOLEAN: 'checkbox' }[parameter.type]
        ?? 'text';
      const value = config[parameter.name] ?? parameter.defaultValue;
      if (parameter.type === 'BOOLEAN') input.checked = value === true || value === 'true';
      else if (value !== undefined && value !== null) input.value = String(value);
      input.title = parameter.description ?? '';
      input.required = parameter.required;
      const label = element('label');
      label.append(element('span', '', `${parameter.label || parameter.name}${parameter.required ? ' *' : ''}`), input);
      this.settings.append(label);
      this.configInputs.set(parameter, input);
    });
  }

  edit(camera) {
    this.editing = camera.id;
    this.inputs.id.value = camera.id;
    this.inputs.id.readOnly = true;
    this.inputs.name.value = camera.name ?? '';
    this.inputs.lat.value = camera.location?.lat ?? '';
    this.inputs.lon.value = camera.location?.lon ?? '';
    this.designation.value = camera.designationId ?? '';
    this.driver.value = camera.driver;
    this.driver.disabled = true; // another driver is another camera: remove and add
    this.showDriverFields(camera.config ?? {});
    this.submit.textContent = t('manage.save');
    this.verdict.textContent = '';
  }

  definition() {
    const config = {};
    this.configInputs.forEach((input, parameter) => {
      if (parameter.type === 'BOOLEAN') config[parameter.name] = input.checked;
      else if (input.value !== '') {
        config[parameter.name] = ['INTEGER', 'DECIMAL'].includes(parameter.type) ? Number(input.value) : input.value;
      }
    });
    return { id: this.inputs.id.value, name: this.inputs.name.value, driver: this.driver.value, config,
      location: { lat: Number(this.inputs.lat.value), lon: Number(this.inputs.lon.value) },
      designationId: this.designation.value || null };
  }

  async save() {
    try {
      if (this.editing) await api('PUT', `cameras/${encodeURIComponent(this.editing)}`, this.definition());
      else await api('POST', 'cameras', this.definition());
      this.saved();
    } catch (error) { this.report(error); }
  }

  async testConnection(button) {
    button.disabled = true;
    this.verdict.textContent = t('manage.testing');
    this.verdict.dataset.status = '';
    try {
      const result = await api('POST', 'cameras/test', this.definition());
      const device = [result.device?.manufacturer, result.device?.model].filter(Boolean).join(' ');
      const streams = result.streams.map((s) => `${s.name} ${s.width}×${s.height} ${s.codec}`).join(', ');
      this.verdict.dataset.status = result.status;
      this.verdict.textContent = [t(`status.${result.status}`), result.detail, device, streams]
        .filter(Boolean).join(' — ');
    } catch (error) {
      this.verdict.textContent = '';
      this.report(error);
    } finally {
      button.disabled = false;
    }
  }
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

/**
 * Shows a page's title and loads what it shows. Answers null when there is nothing to show: the server refused (the
 * page says why: a 403 in the user's words, anything else as the server said it), or the page was rendered anew
 * meanwhile (as at sign-in and the hash change after it), which must not end up with both renderings.
 */
export async function loadPage(root, titleKey, forbiddenKey, load) {
  const run = (Number(root.dataset.run) || 0) + 1;
  root.dataset.run = String(run);
  const superseded = () => Number(root.dataset.run) !== run;
  root.replaceChildren(element('h2', '', t(titleKey)));
  try {
    const data = await load();
    return superseded() ? null : data;
  } catch (error) {
    if (!superseded()) {
      const refusal = element('p', 'refused', error.status === 403 ? t(forbiddenKey) : error.message);
      refusal.setAttribute('role', 'alert');
      root.append(refusal);
    }
    return null;
  }
}

export function table(headers, rows) {
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
