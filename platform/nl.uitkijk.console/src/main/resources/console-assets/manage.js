import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';

/**
 * Camera management for administrators: the cameras with their driver and status, and the discovery inbox. The
 * server decides who may see it: for anyone else the inbox answers 403 and the page says so.
 */
export async function showManagement(root) {
  root.replaceChildren(element('h2', '', t('manage.title')));
  let cameras;
  let inbox;
  try {
    [cameras, inbox] = await Promise.all([api('GET', 'cameras'), api('GET', 'discovery')]);
  } catch (error) {
    const refusal = element('p', 'refused', error.status === 403 ? t('manage.forbidden') : error.message);
    refusal.setAttribute('role', 'alert');
    root.append(refusal);
    return;
  }
  root.append(element('h3', '', t('manage.cameras')),
    table(['manage.id', 'manage.name', 'manage.driver', 'manage.status'],
      cameras.map((c) => [c.id, c.name, c.driver, t(`status.${c.status}`)])),
    element('h3', '', t('manage.discovery')),
    inbox.length === 0 ? element('p', '', t('manage.none'))
      : table(['manage.address', 'manage.model', 'manage.driver'],
        inbox.map((entry) => [entry.camera.address, entry.camera.model ?? '', entry.camera.driver])));
}

function table(headers, rows) {
  const result = element('table');
  const head = element('tr');
  headers.forEach((key) => head.append(element('th', '', t(key))));
  result.append(head);
  rows.forEach((row) => {
    const line = element('tr');
    row.forEach((cell) => line.append(element('td', '', String(cell ?? ''))));
    result.append(line);
  });
  return result;
}
