import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';

/**
 * Export for supervisors: a camera, a period and a reason (required) give two downloads — the MP4 as recorded and
 * its manifest (camera, period, who, when, why, SHA-256 of the MP4) — so the receiver can check the one against the
 * other. The server refuses anyone else, checks the legal basis and records the export in the audit log.
 */
export async function showExport(root) {
  root.replaceChildren(element('h2', '', t('export.title')));
  const cameras = await api('GET', 'cameras');
  const form = element('form', 'export-form');
  const camera = element('select');
  camera.name = 'camera';
  cameras.forEach((c) => { const o = element('option', '', c.name); o.value = c.id; camera.append(o); });
  const now = Date.now();
  const from = input('datetime-local', 'from', local(now - 3 * 60_000));
  const to = input('datetime-local', 'to', local(now - 60_000));
  const reason = element('textarea');
  reason.name = 'reason';
  reason.required = true;
  reason.maxLength = 500;
  const submit = element('button', '', t('export.start'));
  submit.type = 'submit';
  const message = element('p', 'export-message');
  message.setAttribute('role', 'status');
  form.append(label('export.camera', camera), label('export.from', from), label('export.to', to),
    label('export.reason', reason), submit, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = t('export.busy');
    const query = new URLSearchParams({ from: new Date(from.value).toISOString(), to: new Date(to.value).toISOString(),
      reason: reason.value });
    const response = await fetch(`/api/v1/cameras/${encodeURIComponent(camera.value)}/export?${query}`, {
      credentials: 'same-origin', headers: { 'X-Requested-With': 'uitkijk-console' } });
    if (!response.ok) {
      let text = response.statusText;
      try { text = (await response.json()).message ?? text; } catch (e) { /* not JSON */ }
      message.textContent = `${t('export.failed')}: ${text}`;
      return;
    }
    const manifest = JSON.parse(new TextDecoder().decode(
      Uint8Array.from(atob(response.headers.get('X-Uitkijk-Manifest')), (c) => c.charCodeAt(0))));
    save(await response.blob(), manifest.file);
    save(new Blob([JSON.stringify(manifest, null, 2)], { type: 'application/json' }),
      manifest.file.replace(/\.mp4$/, '.manifest.json'));
    message.textContent = `${t('export.done')}: ${manifest.file}, SHA-256 ${manifest.sha256}`;
  });
  root.append(form);
}

function save(blob, name) {
  const link = element('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

function input(type, name, value) {
  const field = element('input');
  field.type = type;
  field.name = name;
  field.value = value;
  field.required = true;
  field.step = 1;
  return field;
}

function label(key, field) {
  const wrapper = element('label');
  wrapper.append(element('span', '', t(key)), field);
  return wrapper;
}

/** A time as the value of a datetime-local field (the browser's own time zone). */
function local(millis) {
  const date = new Date(millis - new Date(millis).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 19);
}
