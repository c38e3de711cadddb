import { api } from './api.js';
import { t, currentLanguage } from './i18n.js';
import { LivePlayer } from './player.js';
import { AlarmPanel } from './alarms.js';

const LAYOUTS = { 1: 1, 4: 2, 9: 3, 16: 4 };
const PREALARM_SECONDS = 10;

let activeWall = null;
let pendingFollow = null;

/**
 * Puts cameras of an alarm or incident on the wall: on the tiles from the one the operator chose, or in the alarm
 * window with the recording from 10 s before the moment, then live. From another page the wall opens first.
 */
export function followOnWall(work) {
  if (activeWall) {
    activeWall.follow(work);
    return;
  }
  pendingFollow = work;
  location.hash = '#wall';
}

/**
 * The video wall: a layout of 1, 2×2, 3×3 or 4×4 tiles, a camera list to drag from, and per tile the camera's
 * name, status and a clock, full screen on request. Layout and cameras are saved per user on the server, so the
 * wall opens as it was left — on this workstation or any other.
 */
export class VideoWall {
  constructor(root) {
    this.root = root;
    this.size = 4;
    this.assigned = [];
    this.players = new Map();
    this.overlays = new Map(); // tile index → the timer drawing detection boxes over it
    this.cameras = [];
  }

  async load() {
    let saved = null;
    try {
      saved = await api('GET', 'me/preferences/wall');
    } catch (e) {
      // 404: nothing saved yet: the user's home wall (their site's cameras). Anything else: the default wall now.
    }
    try {
      this.views = await api('GET', 'views');
    } catch (e) {
      this.views = { views: [], home: null };
    }
    this.apply(saved ?? this.views.home?.layout);
    this.alarmTarget = await api('GET', 'me/preferences/alarmTarget').catch(() => 'popup');
  }

  /** A wall's layout ({size, cameras}) as the one shown. */
  apply(wall) {
    if (!wall) return;
    if (LAYOUTS[wall.size]) this.size = wall.size;
    if (Array.isArray(wall.cameras)) this.assigned = wall.cameras.map((id) => (typeof id === 'string' ? id : null));
  }

  async show() {
    await this.load();
    if (this.hidden) return; // signed out or left while the saved wall was loading
    this.players.forEach((player) => player.stop()); // a wall shown again starts with new tiles
    this.players.clear();
    this.overlays.forEach((timer) => clearInterval(timer));
    this.overlays.clear();
    this.root.replaceChildren();
    const bar = element('div', 'wall-bar');
    bar.append(element('span', '', t('wall.layout')));
    for (const size of Object.keys(LAYOUTS).map(Number)) {
      const button = element('button', size === this.size ? 'active' : '', size === 1 ? '1' : `${LAYOUTS[size]}×${LAYOUTS[size]}`);
      button.dataset.layout = size;
      button.addEventListener('click', () => { this.size = size; this.save(); this.render(); });
      bar.append(button);
    }
    bar.append(this.viewControls(), this.alarmTargetControl());
    this.list = element('ul', 'camera-list');
    this.list.setAttribute('aria-label', t('wall.cameras'));
    this.grid = element('div', 'grid');
    const side = element('div', 'wall-side');
    const alarms = element('section', 'alarms');
    side.append(this.list, alarms);
    const body = element('div', 'wall-body');
    body.append(side, this.grid);
    this.alarms = new AlarmPanel(alarms, (work) => this.follow(work));
    this.alarms.show();
    this.root.append(bar, body);
    try {
      await this.refreshCameras();
    } catch (error) { /* the list stays empty; the poll below tries again */ }
    if (this.hidden) return;
    this.render();
    activeWall = this;
    if (pendingFollow) {
      this.follow(pendingFollow);
      pendingFollow = null;
    }
    this.clock = setInterval(() => this.tick(), 1000);
    this.poll = setInterval(() => this.refreshCameras(), 10000);
  }

  hide() {
    this.hidden = true;
    if (activeWall === this) activeWall = null;
    this.closeAlarmTile();
    this.alarms?.hide();
    clearInterval(this.clock);
    clearInterval(this.poll);
    this.players.forEach((player) => player.stop());
    this.players.clear();
    this.overlays.forEach((timer) => clearInterval(timer));
    this.overlays.clear();
  }

  async refreshCameras() {
    this.cameras = await api('GET', 'cameras');
    this.list.replaceChildren(...this.cameras.map((camera) => {
      const item = element('li', `camera status-${camera.status}`, camera.name);
      item.draggable = true;
      item.dataset.camera = camera.id;
      item.title = `${camera.id} — ${t(`status.${camera.status}`)}`;
      item.addEventListener('dragstart', (event) => event.dataTransfer.setData('text/plain', camera.id));
      item.addEventListener('dblclick', () => this.place(camera.id, this.firstFreeTile()));
      return item;
    }));
    this.grid?.querySelectorAll('.tile').forEach((tile) => this.label(tile));
  }

  /**
   * Lays the tiles out. A tile that keeps its camera keeps its player, so a layout change never blanks it; if the new
   * layout wants the camera's other stream (a single tile the main stream, a smaller one the sub-stream), it is
   * switched in place without a black frame, as for full screen.
   */
  render() {
    const side = LAYOUTS[this.size];
    this.grid.style.gridTemplateColumns = `repeat(${side}, 1fr)`;
    this.grid.style.gridTemplateRows = `repeat(${side}, 1fr)`;
    this.root.querySelectorAll('[data-layout]').forEach((b) => b.classList.toggle('active', Number(b.dataset.layout) === this.size));
    const existing = [...this.grid.children];
    existing.slice(this.size).forEach((tile) => {
      this.fill(tile, null); // stops its player and overlay
      tile.remove();
    });
    for (let index = 0; index < this.size; index++) {
      const cameraId = this.assigned[index] || null;
      let tile = existing[index];
      if (tile && cameraId && tile.dataset.camera === cameraId && this.players.has(index)) {
        this.switchStream(tile, index, cameraId);
        continue;
      }
      if (!tile) {
        tile = this.newTile(index);
        this.grid.append(tile);
      }
      this.fill(tile, cameraId);
    }
  }

  newTile(index) {
    const tile = element('div', 'tile');
    tile.dataset.index = index;
    tile.addEventListener('dragover', (event) => event.preventDefault());
    tile.addEventListener('drop', (event) => {
      event.preventDefault();
      this.place(event.dataTransfer.getData('text/plain'), index);
    });
    return tile;
  }

  fill(tile, cameraId) {
    const index = Number(tile.dataset.index);
    this.players.get(index)?.stop();
    this.players.delete(index);
    clearInterval(this.overlays.get(index));
    this.overlays.delete(index);
    tile.replaceChildren();
    tile.dataset.camera = cameraId || '';
    if (!cameraId) {
      tile.append(element('p', 'empty', t('wall.empty')));
      return;
    }
    const video = element('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    const caption = element('div', 'caption');
    caption.append(element('span', 'name'), element('span', 'state'), element('time', 'clock'));
    const full = element('button', 'full');
    full.title = t('wall.full');
    full.addEventListener('click', () => tile.requestFullscreen?.());
    const remove = element('button', 'remove', '×');
    remove.title = t('wall.remove');
    remove.addEventListener('click', () => this.place(null, index));
    tile.append(video, caption, full, remove);
    this.label(tile);
    this.startPlayer(tile, index, cameraId, video, this.profileFor(cameraId, tile));
    tile.addEventListener('fullscreenchange', () => this.switchStream(tile, index, cameraId));
    // a box overlay for cameras with analytics running (the operator switches it on per tile)
    api('GET', `cameras/${encodeURIComponent(cameraId)}/analytics`)
      .then((modules) => {
        if (tile.dataset.camera === cameraId && modules.some((m) => m.enabled && m.state === 'RUNNING')) {
          tile.append(this.overlayToggle(tile, index, cameraId));
        }
      })
      .catch(() => {});
    // PTZ controls only for cameras that have PTZ (the server answers 409 for the others)
    api('GET', `cameras/${encodeURIComponent(cameraId)}/ptz/presets`)
      .then((presets) => { if (tile.dataset.camera === cameraId) tile.append(ptzControls(cameraId, presets)); })
      .catch(() => {});
  }

  /**
   * The stream a tile asks for: a small tile of a wall of 4 or more the camera's sub-stream (where it has one: less
   * to send, decode and scale), a single tile or a tile in full screen the main stream.
   */
  profileFor(cameraId, tile) {
    const camera = this.cameras?.find((c) => c.id === cameraId);
    const hasSub = camera?.streams?.some((s) => s.name === 'sub');
    return hasSub && this.size >= 4 && document.fullscreenElement !== tile ? 'sub' : 'main';
  }

  startPlayer(tile, index, cameraId, video, profile, onPlaying) {
    const player = new LivePlayer(video, cameraId, (state, detail) => {
      if (this.players.get(index) !== player && state !== 'playing') return; // a stream still being switched to
      if (state === 'playing' && onPlaying) onPlaying();
      tile.dataset.state = state;
      tile.dataset.profile = player.profile;
      const text = { connecting: t('wall.connecting'), ended: `${t('wall.ended')}${detail ? `: ${detail}` : ''}`,
        stills: t('wall.stills'), playing: '' }[state] ?? '';
      tile.querySelector('.state').textContent = text;
    }, undefined, profile);
    if (!onPlaying) this.players.set(index, player);
    player.start();
    return player;
  }

  /**
   * Full screen and back: the other stream of the camera starts beneath the picture shown, and takes its place once
   * it plays, so the tile never shows a black frame in between.
   */
  switchStream(tile, index, cameraId) {
    const current = this.players.get(index);
    const wanted = this.profileFor(cameraId, tile);
    if (!current || current.profile === wanted || tile.dataset.camera !== cameraId) return;
    const shown = tile.querySelector('video');
    const video = element('video', 'incoming');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    shown.after(video);
    let settled = false;
    const next = this.startPlayer(tile, index, cameraId, video, wanted, () => {
      if (settled) return;
      settled = true;
      if (this.players.get(index) !== current) { next.stop(); video.remove(); return; }
      current.stop();
      shown.remove();
      tile.querySelectorAll('.incoming').forEach((picture) => picture.classList.remove('incoming'));
      this.players.set(index, next);
    });
  }

  /**
   * The detection boxes of the last stored second drawn over the live picture, read once a second (so about a
   * second behind the picture: what the analytics saw, not a tracking display).
   */
  overlayToggle(tile, index, cameraId) {
    const toggle = element('button', 'boxes');
    toggle.title = t('wall.boxes');
    toggle.setAttribute('aria-pressed', 'false');
    const layer = element('div', 'box-layer');
    layer.hidden = true;
    tile.append(layer);
    const draw = async () => {
      const from = new Date(Date.now() - 3000).toISOString();
      const found = await api('GET', `cameras/${encodeURIComponent(cameraId)}/detections?from=${from}&limit=50`)
        .catch(() => []);
      const newest = found.length === 0 ? null : found[0].at.slice(0, 19);
      layer.replaceChildren(...found.filter((d) => d.at.slice(0, 19) === newest && d.type !== 'people-count')
        .map((d) => {
          const box = element('span', `box type-${d.type}`);
          Object.assign(box.style, { left: `${d.x * 100}%`, top: `${d.y * 100}%`, width: `${d.width * 100}%`,
            height: `${d.height * 100}%` });
          box.title = d.type;
          return box;
        }));
      layer.dataset.boxes = layer.children.length;
    };
    toggle.addEventListener('click', () => {
      const on = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(on));
      layer.hidden = !on;
      clearInterval(this.overlays.get(index));
      this.overlays.delete(index);
      if (on) {
        draw();
        this.overlays.set(index, setInterval(draw, 1000));
      }
    });
    return toggle;
  }

  label(tile) {
    const camera = this.cameras.find((c) => c.id === tile.dataset.camera);
    const name = tile.querySelector('.name');
    if (camera && name) {
      name.textContent = `${camera.name} · ${t(`status.${camera.status}`)}`;
      tile.classList.toggle('offline', camera.status !== 'ONLINE');
    }
  }

  place(cameraId, index) {
    if (index < 0 || index >= this.size) return;
    this.assigned[index] = cameraId || null;
    this.save();
    this.fill(this.grid.children[index], cameraId);
  }

  firstFreeTile() {
    for (let index = 0; index < this.size; index++) if (!this.assigned[index]) return index;
    return 0;
  }

  tick() {
    const now = new Date().toLocaleTimeString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL');
    this.grid.querySelectorAll('.clock').forEach((clock) => { clock.textContent = now; });
  }

  /** Saved views: the user's own and the room's (★); choosing one shows it, "save as" keeps the wall shown. */
  viewControls() {
    const box = element('span', 'views');
    const select = element('select', 'view-select');
    select.title = t('wall.views');
    select.append(element('option', '', `${t('wall.views')}…`));
    (this.views?.views ?? []).forEach((view, index) => {
      const option = element('option', '', `${view.shared ? '★ ' : ''}${view.name}`);
      option.value = String(index);
      select.append(option);
    });
    select.addEventListener('change', () => {
      const view = this.views.views[Number(select.value)];
      select.selectedIndex = 0;
      if (!view) return;
      this.assigned = [];
      this.apply(view.layout);
      this.save();
      this.render();
    });
    const saveAs = element('button', 'view-save', t('wall.saveView'));
    saveAs.type = 'button';
    const roles = (document.body.dataset.roles ?? '').split(' ');
    const shared = element('input', 'view-shared');
    shared.type = 'checkbox';
    const sharedLabel = element('label', '', ` ${t('wall.shared')}`);
    sharedLabel.prepend(shared);
    sharedLabel.hidden = !roles.some((role) => role === 'supervisor' || role === 'admin');
    saveAs.addEventListener('click', async () => {
      const name = prompt(t('wall.viewName'));
      if (!name) return;
      const layout = { size: this.size, cameras: this.assigned.slice(0, this.size).map((id) => id || null) };
      try {
        await api('PUT', `views/${encodeURIComponent(name)}`, { layout, shared: shared.checked });
        this.views = await api('GET', 'views');
        box.replaceWith(this.viewControls());
      } catch (error) {
        alert(error.message);
      }
    });
    box.append(select, saveAs, sharedLabel);
    return box;
  }

  /** Where the alarms an operator follows appear: an alarm window, or the tiles from a chosen one. */
  alarmTargetControl() {
    const select = element('select', 'alarm-target');
    select.title = t('wall.alarmsTo');
    const popup = element('option', '', `${t('wall.alarmsTo')} ${t('wall.popup')}`);
    popup.value = 'popup';
    select.append(popup);
    for (let index = 0; index < 16; index++) {
      const option = element('option', '', `${t('wall.alarmsTo')} ${t('wall.tile')} ${index + 1}`);
      option.value = String(index);
      select.append(option);
    }
    select.value = String(this.alarmTarget ?? 'popup');
    select.addEventListener('change', () => {
      this.alarmTarget = select.value;
      api('PUT', 'me/preferences/alarmTarget', select.value).catch(() => {});
    });
    return select;
  }

  /** An alarm's or incident's cameras ({cameras, at, title}) to where the operator wants them. */
  follow(work) {
    const cameras = (work.cameras ?? []).filter(Boolean);
    if (!cameras.length) return;
    if (this.alarmTarget !== 'popup' && this.alarmTarget !== undefined && this.alarmTarget !== null) {
      let index = Math.min(Number(this.alarmTarget), this.size - 1);
      for (const camera of cameras) {
        if (index >= this.size) break;
        this.place(camera, index++);
      }
      return;
    }
    this.openAlarmTile(cameras[0], work.at, work.title);
    // the other cameras on free tiles, live
    cameras.slice(1).forEach((camera) => {
      if (!this.assigned.includes(camera)) this.place(camera, this.firstFreeTile());
    });
  }

  /**
   * The alarm window: the camera's recording from 10 s before the moment (what led up to it), then live. The
   * recording is asked like any playback: the server checks the legal basis and logs it with the alarm as reason.
   */
  async openAlarmTile(cameraId, at, title) {
    this.closeAlarmTile();
    const box = element('div', 'alarm-tile');
    box.dataset.camera = cameraId;
    const head = element('div', 'alarm-tile-head');
    const mode = element('span', 'alarm-tile-mode', t('wall.prealarm'));
    const live = element('button', 'alarm-tile-live', t('wall.live'));
    const close = element('button', 'alarm-tile-close', '×');
    close.title = t('wall.close');
    head.append(element('span', 'alarm-tile-title', `${title ?? ''} · ${cameraId}`), mode, live, close);
    const video = element('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    box.append(head, video);
    this.root.append(box);
    this.alarmTile = { box, player: null, url: null };
    close.addEventListener('click', () => this.closeAlarmTile());
    const goLive = () => {
      if (this.alarmTile?.box !== box || this.alarmTile.player) return;
      box.dataset.mode = 'live';
      mode.textContent = t('wall.live');
      video.removeAttribute('src');
      this.alarmTile.player = new LivePlayer(video, cameraId, (state, detail) => {
        box.dataset.state = state;
        if (state === 'ended') mode.textContent = `${t('wall.ended')}${detail ? `: ${detail}` : ''}`;
      }, undefined, 'main');
      this.alarmTile.player.start();
    };
    live.addEventListener('click', goLive);
    const moment = Date.parse(at ?? '') || Date.now();
    const from = new Date(moment - PREALARM_SECONDS * 1000).toISOString();
    const to = new Date(Math.min(Date.now(), moment + 20_000)).toISOString();
    const query = new URLSearchParams({ from, to, reason: `alarm window: ${title ?? cameraId}` });
    try {
      const response = await fetch(`/api/v1/cameras/${encodeURIComponent(cameraId)}/playback?${query}`,
        { credentials: 'same-origin', headers: { 'X-Requested-With': 'uitkijk-console' } });
      if (!response.ok || this.alarmTile?.box !== box) throw new Error(String(response.status));
      this.alarmTile.url = URL.createObjectURL(await response.blob());
      box.dataset.mode = 'prealarm';
      box.dataset.from = from;
      video.src = this.alarmTile.url;
      video.addEventListener('ended', goLive, { once: true });
      video.play().catch(() => {});
    } catch (error) {
      goLive(); // nothing recorded before the moment (or not allowed): live at once
    }
  }

  closeAlarmTile() {
    if (!this.alarmTile) return;
    this.alarmTile.player?.stop();
    if (this.alarmTile.url) URL.revokeObjectURL(this.alarmTile.url);
    this.alarmTile.box.remove();
    this.alarmTile = null;
  }

  save() {
    const wall = { size: this.size, cameras: this.assigned.slice(0, 16).map((id) => id || null) };
    api('PUT', 'me/preferences/wall', wall).catch((error) => console.warn('the wall was not saved', error));
  }
}

/**
 * Hold-to-move arrows and zoom (a move while the button is held, a stop when it is let go or the pointer leaves),
 * home and the camera's presets. Every command goes through the API, which checks the legal basis and audits it.
 */
function ptzControls(cameraId, presets) {
  const path = `cameras/${encodeURIComponent(cameraId)}/ptz`;
  const send = (command) => api('POST', path, command).catch(() => {});
  const box = element('div', 'ptz');
  const moves = [['↑', 0, 0.5, 0, 'up'], ['←', -0.5, 0, 0, 'left'], ['→', 0.5, 0, 0, 'right'],
    ['↓', 0, -0.5, 0, 'down'], ['+', 0, 0, 0.5, 'zoom-in'], ['−', 0, 0, -0.5, 'zoom-out']];
  for (const [label, pan, tilt, zoom, name] of moves) {
    const button = element('button', `ptz-${name}`, label);
    button.title = t(`ptz.${name}`);
    let moving = false;
    const stop = () => { if (moving) { moving = false; send({ action: 'stop' }); } };
    button.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      moving = true;
      send({ action: 'move', pan, tilt, zoom });
    });
    button.addEventListener('pointerup', stop);
    button.addEventListener('pointerleave', stop);
    box.append(button);
  }
  const home = element('button', 'ptz-home', '⌂');
  home.title = t('ptz.home');
  home.addEventListener('click', () => send({ action: 'home' }));
  box.append(home);
  if (presets.length > 0) {
    const select = element('select', 'ptz-preset');
    select.append(element('option', '', t('ptz.preset')));
    presets.forEach((preset) => {
      const option = element('option', '', preset.name);
      option.value = preset.token;
      select.append(option);
    });
    select.addEventListener('change', () => {
      if (select.value) send({ action: 'preset', preset: select.value });
      select.selectedIndex = 0;
    });
    box.append(select);
  }
  return box;
}

export function element(tag, className = '', text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
