import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';
import { time } from './incidents.js';

/**
 * The shift handover: at sign-in an operator sees what the previous shift left (its notes, who was on, the incidents
 * still open) and says it was read; the incidents page shows who is on duty now and takes a note for the next shift.
 */
export async function showHandover(session) {
  if (!session.roles.some((role) => role === 'operator' || role === 'supervisor')) return;
  let handover;
  try {
    handover = await api('GET', 'shift');
  } catch (error) {
    return; // no handover to show; the work goes on
  }
  if (!handover.notes.length && !handover.openIncidents.length) return; // nothing was left: straight to work
  const dialog = element('dialog', 'handover');
  dialog.append(element('h2', '', `${t('shift.title')} — ${handover.shift.label}`));
  dialog.append(element('h3', '', t('shift.notes')));
  dialog.append(notesList(handover.notes));
  dialog.append(element('h3', '', t('shift.openIncidents')));
  const open = element('ul', 'open-incidents');
  handover.openIncidents.forEach((incident) => {
    const link = element('a', '', `#${incident.id} ${incident.title} (${t(`incidents.state.${incident.state}`)})`);
    link.href = `#incidents/${incident.id}`;
    link.addEventListener('click', () => dialog.close());
    const item = element('li');
    item.append(link);
    open.append(item);
  });
  if (!handover.openIncidents.length) open.append(element('li', '', t('incidents.none')));
  dialog.append(open);
  dialog.append(element('h3', '', `${t('shift.previous')} (${handover.previous.label})`),
    element('p', 'previous-shift', handover.previousShift.map((s) => s.user).join(', ') || t('shift.nobody')));
  const read = element('button', 'handover-read', t('shift.read'));
  read.addEventListener('click', () => dialog.close());
  dialog.append(read);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

/** Who is on duty now, and a note for the next shift. */
export async function shiftPanel(session) {
  const panel = element('section', 'shift-panel');
  panel.append(element('h3', '', t('shift.onDuty')));
  let handover = null;
  try {
    handover = await api('GET', 'shift');
  } catch (error) {
    return panel;
  }
  const duty = element('ul', 'on-duty');
  handover.onDuty.forEach((person) => {
    const item = element('li', '', `${person.user} (${person.roles.filter((r) => r !== 'admin').map((r) => t(`role.${r}`)).join(', ')})`);
    item.dataset.user = person.user;
    duty.append(item);
  });
  if (!handover.onDuty.length) duty.append(element('li', '', t('shift.nobody')));
  panel.append(duty, element('h3', '', t('shift.notes')), notesList(handover.notes));
  if (session.roles.some((role) => ['operator', 'supervisor', 'admin'].includes(role))) {
    const form = element('form', 'shift-note');
    const text = element('textarea');
    text.name = 'text';
    text.required = true;
    text.maxLength = 2000;
    text.placeholder = t('shift.write');
    const button = element('button', '', t('shift.save'));
    button.type = 'submit';
    const message = element('p', 'shift-message');
    message.setAttribute('role', 'alert');
    form.append(text, button, message);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api('POST', 'shift/notes', { text: text.value });
        panel.replaceWith(await shiftPanel(session));
      } catch (error) {
        message.textContent = error.message;
      }
    });
    panel.append(form);
  }
  return panel;
}

function notesList(notes) {
  const list = element('ul', 'shift-notes');
  notes.forEach((note) => {
    const item = element('li');
    item.append(element('span', 'when', time(note.at)), element('span', 'who', note.user),
      element('span', 'text', note.text));
    list.append(item);
  });
  if (!notes.length) list.append(element('li', '', t('shift.noNotes')));
  return list;
}
