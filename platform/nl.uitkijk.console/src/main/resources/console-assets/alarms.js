import { api } from './api.js';
import { t, currentLanguage } from './i18n.js';
import { element } from './wall.js';

/**
 * The alarm queue beside the wall: newest first, live over a WebSocket (after a reconnect the queue is read again,
 * so nothing is missed), acknowledged with a comment, filtered, and a tone for high priority that can be muted.
 */
export class AlarmPanel {
  constructor(root) {
    this.root = root;
    this.alarms = new Map();
    this.filter = 'open';
    this.muted = localStorage.getItem('uitkijk.mute') === 'true';
    this.stopped = false;
  }

  async show() {
    const head = element('div', 'alarm-head');
    head.append(element('h3', '', t('alarms.title')));
    const filter = element('select', 'alarm-filter');
    for (const value of ['open', 'high', 'all']) {
      const option = element('option', '', t(`alarms.filter.${value}`));
      option.value = value;
      option.selected = value === this.filter;
      filter.append(option);
    }
    filter.addEventListener('change', () => { this.filter = filter.value; this.render(); });
    const mute = element('button', 'alarm-mute', this.muted ? '🔇' : '🔔');
    mute.title = t('alarms.mute');
    mute.addEventListener('click', () => {
      this.muted = !this.muted;
      localStorage.setItem('uitkijk.mute', String(this.muted));
      mute.textContent = this.muted ? '🔇' : '🔔';
    });
    head.append(filter, mute);
    this.list = element('ul', 'alarm-list');
    this.list.setAttribute('aria-live', 'polite');
    this.root.replaceChildren(head, this.list);
    await this.connect();
  }

  async connect() {
    if (this.stopped) return;
    try {
      (await api('GET', 'alarms?limit=100')).forEach((alarm) => this.alarms.set(alarm.id, alarm));
      this.render();
      const ticket = await api('POST', 'alarms/tickets');
      const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
      this.socket = new WebSocket(`${scheme}//${location.host}${ticket.socket}`);
      this.socket.onmessage = (event) => this.arrived(JSON.parse(event.data));
      this.socket.onclose = () => { if (!this.stopped) setTimeout(() => this.connect(), 5000); };
    } catch (error) {
      if (error.status !== 401) setTimeout(() => this.connect(), 5000);
    }
  }

  arrived(alarm) {
    const known = this.alarms.has(alarm.id);
    this.alarms.set(alarm.id, alarm);
    if (!known && alarm.priority === 'HIGH' && !this.muted) tone();
    this.render();
  }

  render() {
    const shown = [...this.alarms.values()].sort((a, b) => b.id - a.id).filter((alarm) =>
      this.filter === 'all' || (!alarm.acknowledgedBy && (this.filter === 'open' || alarm.priority === 'HIGH')));
    this.list.replaceChildren(...shown.slice(0, 100).map((alarm) => this.item(alarm)));
  }

  item(alarm) {
    const item = element('li', `alarm priority-${alarm.priority}${alarm.acknowledgedBy ? ' done' : ''}`);
    item.dataset.alarm = alarm.id;
    const time = new Date(alarm.raised).toLocaleTimeString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL');
    item.append(element('span', 'when', time), element('span', 'what', `${alarm.cameraId ?? ''} ${alarm.summary}`));
    if (alarm.acknowledgedBy) {
      const at = new Date(alarm.acknowledgedAt).toLocaleTimeString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL');
      item.append(element('span', 'ack', `✓ ${alarm.acknowledgedBy} ${at}: ${alarm.comment}`));
      return item;
    }
    const form = element('form', 'ack-form');
    const comment = element('input');
    comment.name = 'comment';
    comment.required = true;
    comment.maxLength = 500;
    comment.placeholder = t('alarms.comment');
    const button = element('button', '', t('alarms.acknowledge'));
    button.type = 'submit';
    form.append(comment, button);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        this.arrived(await api('POST', `alarms/${alarm.id}/acknowledge`, { comment: comment.value }));
      } catch (error) {
        comment.setCustomValidity(error.message);
        comment.reportValidity();
      }
    });
    item.append(form);
    return item;
  }

  hide() {
    this.stopped = true;
    this.socket?.close(1000, 'closed');
  }
}

/** A short two-tone signal (no sound file: nothing to load in a closed network). */
function tone() {
  try {
    const audio = new AudioContext();
    [880, 660].forEach((frequency, index) => {
      const oscillator = audio.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(audio.destination);
      oscillator.start(audio.currentTime + index * 0.2);
      oscillator.stop(audio.currentTime + index * 0.2 + 0.18);
    });
  } catch (error) { /* no audio here */ }
}
