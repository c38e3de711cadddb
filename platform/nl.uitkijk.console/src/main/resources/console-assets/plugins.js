import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';
import { loadPage, table } from './manage.js';

/**
 * The plugins (camera drivers, recorders, analytics, control-room connectors) this installation knows, for the
 * administrator: installed or not, switched on and off here as from the Karaf console. Uninstalling a driver that
 * cameras use asks first: those cameras wait until it is back.
 */
export async function showPlugins(root) {
  const plugins = await loadPage(root, 'plugins.title', 'plugins.forbidden', () => api('GET', 'plugins'));
  if (!plugins) return;
  const message = element('p', 'plugins-message');
  message.setAttribute('role', 'status');
  const rows = plugins.map((plugin) => {
    const button = element('button', plugin.installed ? 'plugin-uninstall' : 'plugin-install',
      t(plugin.installed ? 'plugins.uninstall' : 'plugins.install'));
    button.dataset.plugin = plugin.name;
    button.addEventListener('click', async () => {
      if (plugin.installed && plugin.cameras > 0
        && !confirm(`${plugin.name}: ${plugin.cameras} ${t('plugins.inUse')}`)) return;
      button.disabled = true;
      message.textContent = t('plugins.working');
      try {
        await api(plugin.installed ? 'DELETE' : 'PUT', `plugins/${encodeURIComponent(plugin.name)}`);
        showPlugins(root);
      } catch (error) {
        message.textContent = error.message;
        button.disabled = false;
      }
    });
    const state = element('span', plugin.installed ? 'installed' : 'available',
      t(plugin.installed ? 'plugins.installed' : 'plugins.available'));
    return [t(`plugins.kind.${plugin.kind}`), plugin.name, plugin.version, plugin.description,
      plugin.kind === 'driver' ? String(plugin.cameras) : '', state, button];
  });
  root.append(table(['plugins.kind', 'plugins.name', 'plugins.version', 'plugins.description', 'plugins.cameras',
    'plugins.state', ''], rows), message);
}
