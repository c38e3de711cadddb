import { t, currentLanguage } from './i18n.js';

/**
 * The server's reasons in the console's language: the server gives a code and details in no language
 * ({code: 'legal.ended', params: {designation, date}}) besides its English message; a code this console knows is
 * shown in its own words, an unknown one as the server's message.
 */
const DAYS = {
  nl: { MON: 'ma', TUE: 'di', WED: 'wo', THU: 'do', FRI: 'vr', SAT: 'za', SUN: 'zo' },
  en: { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' },
};

export function describeReason(reason, fallback = '') {
  if (!reason || !reason.code) return fallback;
  const key = `reason.${reason.code}`;
  const template = t(key);
  if (template === key) return reason.message || fallback || reason.code;
  const params = reason.params ?? {};
  return template.replace(/\{(\w+)\}/g, (all, name) => format(name, String(params[name] ?? '')));
}

/** A close frame's reason, "code: message", as a reason (no code: the text as the message). */
export function closeReason(text) {
  const match = /^([a-z]+\.[a-z-]+): (.*)$/s.exec(text ?? '');
  return match ? { code: match[1], message: match[2], params: {} } : { message: text ?? '' };
}

function format(name, value) {
  if (name !== 'windows') return value;
  const days = DAYS[currentLanguage()] ?? DAYS.nl;
  return value.split(';').map((window) => {
    const [dayList, hours] = window.split(' ');
    return `${dayList.split(',').map((day) => days[day] ?? day).join(', ')} ${hours ?? ''}`.trim();
  }).join('; ');
}
