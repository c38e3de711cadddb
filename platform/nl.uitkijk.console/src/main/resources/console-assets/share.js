import { LivePlayer } from './player.js';
import { element } from './wall.js';

/**
 * The page of a live hand-over link, for a control room without an account: the secret after '#' (never sent in a
 * URL, so never in a request log) is the right to watch the hand-over's cameras until it ends or is revoked. Every
 * view is audited on the server with this browser's address.
 */
const token = location.hash.slice(1);
const state = document.getElementById('share-state');

async function post(path, body) {
  const response = await fetch(`/api/v1/share/${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    credentials: 'omit', body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(json.message || response.statusText);
    error.status = response.status;
    throw error;
  }
  return json;
}

async function show() {
  if (!token) {
    state.textContent = 'Deze link is onvolledig. / This link is incomplete.';
    return;
  }
  let view;
  try {
    view = await post('view', { token });
  } catch (error) {
    state.textContent = `Deze link speelt niet (meer). / This link does not play. (${error.message})`;
    return;
  }
  const until = new Date(view.until).toLocaleString('nl-NL');
  state.textContent = `Live tot ${until} — ${view.reason}`;
  const wall = document.getElementById('share-wall');
  for (const camera of view.cameras) {
    const tile = element('figure', 'share-tile');
    tile.dataset.camera = camera.id;
    const video = element('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    const caption = element('figcaption', '', camera.name);
    tile.append(video, caption);
    wall.append(tile);
    const player = new LivePlayer(video, camera.id, (playing, reason) => {
      tile.dataset.state = playing;
      caption.textContent = reason ? `${camera.name} — ${reason}` : camera.name;
    }, (request) => post('tickets', { token, camera: camera.id, format: request.format, width: request.width }));
    player.start();
  }
}

show();
