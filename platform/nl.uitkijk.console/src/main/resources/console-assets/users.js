import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';
import { loadPage, table } from './manage.js';

const ROLES = ['operator', 'supervisor', 'admin', 'police', 'auditor', 'procurement'];

/**
 * The accounts: supervisors see who may sign in, with which role, and who is in the console now; administrators
 * also add accounts, change a role or password and remove them. The server refuses the changes to anyone else (and
 * refuses to remove or demote the last administrator), and signs a changed user out.
 */
export async function showUsers(root, session, note = '') {
  const users = await loadPage(root, 'users.title', 'users.forbidden', () => api('GET', 'users'));
  if (!users) return;
  const admin = session.roles.includes('admin');
  const reload = (why = '') => showUsers(root, session, why);
  const message = element('p', 'users-message', note);
  message.setAttribute('role', 'status');
  const report = (error) => { message.textContent = error.message; };
  const rows = users.map((user) => {
    const seen = user.lastSeen ? `${t('users.active')} ${new Date(user.lastSeen).toLocaleTimeString()}` : '';
    const row = [user.name, user.role ? t(`role.${user.role}`) : user.roles.join(', '), seen];
    if (admin) {
      const actions = element('span', 'user-actions');
      actions.dataset.user = user.name;
      const role = roleSelect(user.role);
      role.addEventListener('change', async () => {
        // a refusal (the last administrator) shows the role as it is, and why
        try { await api('PUT', `users/${encodeURIComponent(user.name)}`, { role: role.value }); reload(); } catch (e) { reload(e.message); }
      });
      const password = element('button', 'user-password', t('users.password'));
      password.addEventListener('click', async () => {
        const value = prompt(`${t('users.newPassword')} ${user.name}`);
        if (!value) return;
        try { await api('PUT', `users/${encodeURIComponent(user.name)}`, { password: value }); message.textContent = t('users.changed'); } catch (e) { report(e); }
      });
      const remove = element('button', 'user-remove', t('manage.remove'));
      remove.addEventListener('click', async () => {
        if (!confirm(`${t('manage.remove')} ${user.name}?`)) return;
        try { await api('DELETE', `users/${encodeURIComponent(user.name)}`); reload(); } catch (e) { report(e); }
      });
      actions.append(role, password, remove);
      row.push(actions);
    }
    return row;
  });
  root.append(table(['users.name', 'users.role', 'users.console', ...(admin ? [''] : [])], rows), message);
  if (!admin) return;

  const form = element('form', 'add-user');
  const name = element('input');
  name.name = 'name';
  name.autocomplete = 'off';
  const password = element('input');
  password.name = 'password';
  password.type = 'password';
  password.autocomplete = 'new-password';
  const role = roleSelect('operator');
  for (const [key, input] of [['users.name', name], ['users.password', password], ['users.role', role]]) {
    const label = element('label');
    label.append(element('span', '', t(key)), input);
    form.append(label);
  }
  const add = element('button', '', t('manage.add'));
  add.type = 'submit';
  form.append(add);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', 'users', { name: name.value, password: password.value, role: role.value });
      reload();
    } catch (error) { report(error); }
  });
  root.append(element('h3', '', t('users.add')), form);
}

function roleSelect(current) {
  const select = element('select');
  select.name = 'role';
  ROLES.forEach((role) => {
    const option = element('option', '', t(`role.${role}`));
    option.value = role;
    select.append(option);
  });
  select.value = current || 'operator';
  return select;
}
