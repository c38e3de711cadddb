import { api } from './api.js';
import { t, currentLanguage } from './i18n.js';
import { element } from './wall.js';

/**
 * The alarm queue beside the wall: newest first, live over a WebSocket (after a reconnect the queue is read again,
 * so nothing is missed), acknowledged with a comment, filtered, and a tone for high priority that can be muted.
 * Above it the control rooms (connector instances): reachable or not, and how many alarms wait for them; on each
 * alarm its delivery to each control room, read again while one is still under way.
 */
export class AlarmPanel {
  /** @param follow puts an alarm's camera on the wall ({cameras, at, title}) */
  constructor(root, follow = () => {}) {
    this.root = root;
    this.follow = follow;
    this.alarms = new Map();
    this.filter = 'open';
    this.muted = localStorage.getItem('uitkijk.mute') === 'true';
    this.stopped = false;
    this.roomList = [];
    this.links = new Map(); // hand-over links made here, shown on their alarm (the server never shows them again)
    this.nodes = new Map(); // alarm id → its list item, kept while the alarm is unchanged
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
    this.rooms = element('ul', 'control-rooms');
    this.rooms.setAttribute('aria-label', t('alarms.rooms'));
    this.root.replaceChildren(head, this.rooms, this.list);
    this.refresh = setInterval(() => this.poll(), 10000);
    await Promise.all([this.connect(), this.showRooms()]);
  }

  /** The control rooms' state, and deliveries still under way (the socket tells new alarms, not deliveries). */
  async poll() {
    if (this.stopped) return;
    await this.showRooms();
    const underway = [...this.alarms.values()].some((alarm) => (alarm.deliveries ?? [])
      .some((delivery) => delivery.state === 'PENDING' || delivery.state === 'RETRYING'));
    if (underway) {
      try {
        (await api('GET', 'alarms?limit=100')).forEach((alarm) => this.alarms.set(alarm.id, alarm));
        this.render();
      } catch (error) { /* shown again at the next poll */ }
    }
  }

  async readDeliveries(id) {
    try {
      const fresh = await api('GET', `alarms/${id}`);
      this.alarms.set(id, fresh);
      this.render();
    } catch (error) { /* the next poll tries again */ }
  }

  async showRooms() {
    try {
      const rooms = await api('GET', 'connectors');
      const changed = rooms.map((room) => room.id).join() !== this.roomList.map((room) => room.id).join();
      this.roomList = rooms;
      // the alarms offer escalation to the control rooms there are: show it as soon as they are known
      if (changed && this.list) this.render();
      this.rooms.replaceChildren(...rooms.map((room) => {
        const state = !room.installed ? 'away' : room.connected ? 'up' : 'down';
        const item = element('li', `room room-${state}`, room.label);
        item.dataset.connector = room.id;
        item.title = t(`alarms.room.${state}`) + (room.lastError ? ` — ${room.lastError}` : '');
        if (room.backlog > 0) item.append(element('span', 'backlog', ` ${room.backlog}`));
        return item;
      }));
    } catch (error) { /* an account without access to connectors sees none */ }
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
    if (alarm.deliveries == null) {
      // the socket sends alarms without their deliveries: keep what is known, read them for a new one
      alarm.deliveries = known ? this.alarms.get(alarm.id).deliveries : [];
      if (!known) this.readDeliveries(alarm.id);
    }
    this.alarms.set(alarm.id, alarm);
    if (!known && alarm.priority === 'HIGH' && !this.muted) tone();
    this.render();
  }

  /**
   * Keyed: an alarm whose content did not change keeps its list item, and one that did keeps what the operator was
   * typing into it, so an arriving alarm or a delivery update never wipes a half-written comment or takes the focus.
   */
  render() {
    const shown = [...this.alarms.values()].sort((a, b) => b.number - a.number).filter((alarm) =>
      this.filter === 'all' || (!alarm.acknowledgedBy && (this.filter === 'open' || alarm.priority === 'HIGH')))
      .slice(0, 100);
    const rooms = this.roomList.map((room) => room.id).join();
    const kept = new Map();
    shown.forEach((alarm, index) => {
      const signature = JSON.stringify([alarm, this.links.get(alarm.id) ?? '', rooms]);
      let node = this.nodes.get(alarm.id);
      if (!node || node.dataset.signature !== signature) {
        const fresh = this.item(alarm);
        fresh.dataset.signature = signature;
        if (node) {
          keepTyping(node, fresh);
          node.replaceWith(fresh);
        }
        node = fresh;
      }
      kept.set(alarm.id, node);
      const there = this.list.children[index];
      if (there !== node) this.list.insertBefore(node, there ?? null);
    });
    while (this.list.children.length > shown.length) this.list.lastElementChild.remove();
    this.nodes = kept;
  }

  item(alarm) {
    const item = element('li', `alarm priority-${alarm.priority}${alarm.acknowledgedBy ? ' done' : ''}`);
    item.dataset.alarm = alarm.id;
    const time = new Date(alarm.raised).toLocaleTimeString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL');
    item.append(element('span', 'when', time), element('span', 'what', `${alarm.cameraId ?? ''} ${alarm.summary}`));
    if ((alarm.deliveries ?? []).length > 0) {
      const deliveries = element('span', 'deliveries');
      for (const delivery of alarm.deliveries) {
        const chip = element('span', `delivery delivery-${delivery.state}`, delivery.connectorId);
        chip.dataset.connector = delivery.connectorId;
        chip.title = t(`alarms.delivery.${delivery.state}`) + (delivery.lastError ? ` — ${delivery.lastError}` : '');
        deliveries.append(chip);
      }
      item.append(deliveries);
    }
    item.append(this.workButtons(alarm));
    if (alarm.acknowledgedBy) {
      const at = new Date(alarm.acknowledgedAt).toLocaleTimeString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL');
      item.append(element('span', 'ack', `✓ ${alarm.acknowledgedBy} ${at}: ${alarm.comment}`));
      return item;
    }
    if (this.links.has(alarm.id)) {
      const link = element('a', 'handover-link', this.links.get(alarm.id));
      link.href = this.links.get(alarm.id);
      link.rel = 'noreferrer';
      item.append(link);
    }
    const roles = (document.body.dataset.roles ?? '').split(' ');
    if (alarm.cameraId && this.roomList.length > 0 && roles.some((role) => role === 'supervisor' || role === 'admin')) {
      item.append(this.escalation(alarm));
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

  /**
   * "Show": the alarm's camera to the wall (the alarm window from 10 s before it); "Incident": an incident opened
   * from the alarm (which acknowledges it), to work on its page.
   */
  workButtons(alarm) {
    const buttons = element('span', 'alarm-work');
    if (alarm.cameraId) {
      const show = element('button', 'alarm-show', t('alarms.show'));
      show.type = 'button';
      show.addEventListener('click', () => this.follow({ cameras: [alarm.cameraId], at: alarm.raised,
        title: `${alarm.number} ${alarm.summary}` }));
      buttons.append(show);
    }
    const incident = element('button', 'alarm-incident', t('alarms.incident'));
    incident.type = 'button';
    incident.addEventListener('click', async () => {
      try {
        const opened = await api('POST', 'incidents', { title: alarm.summary.slice(0, 200), alarmIds: [alarm.id] });
        location.hash = `#incidents/${opened.id}`;
      } catch (error) {
        incident.title = error.message;
        incident.classList.add('refused');
      }
    });
    buttons.append(incident);
    return buttons;
  }

  /** "Escalate": the alarm to one control room, with a live hand-over of its camera (the server checks the law). */
  escalation(alarm) {
    const form = element('form', 'escalate-form');
    const room = element('select');
    room.name = 'connector';
    for (const each of this.roomList) {
      const option = element('option', '', each.label);
      option.value = each.id;
      option.selected = each.id === 'police';
      room.append(option);
    }
    const reason = element('input');
    reason.name = 'reason';
    reason.required = true;
    reason.maxLength = 500;
    reason.placeholder = t('alarms.escalate.reason');
    const minutes = element('input');
    minutes.name = 'minutes';
    minutes.type = 'number';
    minutes.min = 1;
    minutes.max = 240;
    minutes.value = 60;
    minutes.title = t('alarms.escalate.minutes');
    const button = element('button', '', t('alarms.escalate'));
    button.type = 'submit';
    form.append(room, reason, minutes, button);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const escalated = await api('POST', `alarms/${alarm.id}/escalate`,
          { connectorId: room.value, reason: reason.value, minutes: Number(minutes.value) });
        this.links.set(alarm.id, escalated.handover.link);
        this.alarms.set(escalated.alarm.id, escalated.alarm);
        this.render();
      } catch (error) {
        reason.setCustomValidity(error.message);
        reason.reportValidity();
        reason.addEventListener('input', () => reason.setCustomValidity(''), { once: true });
      }
    });
    return form;
  }

  hide() {
    this.stopped = true;
    clearInterval(this.refresh);
    this.socket?.close(1000, 'closed');
  }
}

/** What was typed into the old item's fields (by name), and the focus, carried into the new one. */
function keepTyping(old, fresh) {
  const focused = old.contains(document.activeElement) ? document.activeElement.name : null;
  for (const field of old.querySelectorAll('input[name], select[name]')) {
    const twin = fresh.querySelector(`[name="${field.name}"]`);
    if (twin && field.value !== '' && twin.type !== 'hidden') twin.value = field.value;
  }
  if (focused) fresh.querySelector(`[name="${focused}"]`)?.focus();
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
