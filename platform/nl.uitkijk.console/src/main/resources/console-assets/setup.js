import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';
import { loadPage, table } from './manage.js';

/**
 * Procedures (draaiboeken) and outcomes, kept by supervisors: a procedure is written as lines, one step each
 * ("* " required, "! " a note required); saving makes a new version and incidents keep theirs. Outcomes say whether
 * they count as a false alarm and how many days an incident's footage stays held after closing.
 */
export async function showSetup(root) {
  const data = await loadPage(root, 'setup.title', 'setup.forbidden',
    () => Promise.all([api('GET', 'procedures'), api('GET', 'outcomes')]));
  if (!data) return;
  const [procedures, outcomes] = data;
  const message = element('p', 'setup-message');
  message.setAttribute('role', 'status');
  const reload = (note) => showSetup(root).then(() => { root.querySelector('.setup-message').textContent = note; });
  root.append(message, element('h3', '', t('setup.procedures')));
  root.append(table(['setup.id', 'setup.titleField', 'setup.appliesTo', 'setup.version', 'setup.steps'],
    procedures.map((p) => [p.id, p.title, p.appliesTo.join(', '), p.version, p.steps.map(stepLine).join('\n')])));
  root.append(procedureForm(message, reload));
  root.append(element('h3', '', t('setup.outcomes')));
  root.append(table(['setup.id', 'setup.label', 'setup.falseAlarm', 'setup.keepDays', 'setup.active'],
    outcomes.map((o) => [o.id, o.label, o.falseAlarm ? '✓' : '', o.keepDays, o.active ? '✓' : ''])));
  root.append(outcomeForm(message, reload));
}

function stepLine(step) {
  return `${step.required ? '* ' : ''}${step.noteRequired ? '! ' : ''}${step.text}`;
}

/** "* ! text" → {text, required, noteRequired}. */
export function parseSteps(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    let rest = line;
    let required = false;
    let noteRequired = false;
    for (;;) {
      if (rest.startsWith('*')) { required = true; rest = rest.slice(1).trim(); continue; }
      if (rest.startsWith('!')) { noteRequired = true; rest = rest.slice(1).trim(); continue; }
      break;
    }
    return { text: rest, required, noteRequired };
  });
}

function procedureForm(message, reload) {
  const form = element('form', 'procedure-form');
  const id = field('id', t('setup.id'));
  const title = field('title', t('setup.titleField'));
  const appliesTo = field('appliesTo', t('setup.appliesTo'));
  const steps = element('textarea');
  steps.name = 'steps';
  steps.rows = 5;
  steps.placeholder = t('setup.steps');
  const save = element('button', '', t('setup.save'));
  save.type = 'submit';
  form.append(id, title, appliesTo, steps, save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('PUT', `procedures/${encodeURIComponent(id.value.trim())}`, { title: title.value,
        appliesTo: appliesTo.value.split(',').map((s) => s.trim()).filter(Boolean), steps: parseSteps(steps.value) });
      reload(t('setup.saved'));
    } catch (error) {
      message.textContent = error.message;
    }
  });
  return form;
}

function outcomeForm(message, reload) {
  const form = element('form', 'outcome-form');
  const id = field('id', t('setup.id'));
  const label = field('label', t('setup.label'));
  const falseAlarm = element('input');
  falseAlarm.type = 'checkbox';
  falseAlarm.name = 'falseAlarm';
  const keepDays = element('input');
  keepDays.type = 'number';
  keepDays.name = 'keepDays';
  keepDays.min = 0;
  keepDays.max = 3650;
  keepDays.value = 0;
  keepDays.title = t('setup.keepDays');
  const save = element('button', '', t('setup.save'));
  save.type = 'submit';
  const flag = element('label', '', ` ${t('setup.falseAlarm')} `);
  flag.prepend(falseAlarm);
  form.append(id, label, flag, keepDays, save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('PUT', `outcomes/${encodeURIComponent(id.value.trim())}`, { label: label.value,
        falseAlarm: falseAlarm.checked, keepDays: Number(keepDays.value), active: true });
      reload(t('setup.saved'));
    } catch (error) {
      message.textContent = error.message;
    }
  });
  return form;
}

function field(name, placeholder) {
  const input = element('input');
  input.name = name;
  input.placeholder = placeholder;
  input.required = true;
  return input;
}
