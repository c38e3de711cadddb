import { api } from './api.js';
import { t } from './i18n.js';
import { element } from './wall.js';

/**
 * The privacy-mask editor of one camera, for administrators: a still of the camera (asked unmasked, with the reason
 * "privacy masks", so the server audits it), the masks drawn over it; a click adds a corner to the mask being drawn,
 * "Close mask" finishes it (three corners at least), and "Save" stores them all (the server checks and audits).
 * Coordinates are fractions 0..1 of the picture, as the server keeps them.
 */
export async function editMasks(root, cameraId, report) {
  root.replaceChildren(element('h3', '', `${t('privacy.title')} ${cameraId}`));
  const status = element('p', 'privacy-status');
  status.setAttribute('role', 'status');
  let masks;
  let still;
  try {
    masks = (await api('GET', `cameras/${encodeURIComponent(cameraId)}/privacy-masks`)).masks
      .map((mask) => mask.polygon);
    still = await stillOf(cameraId);
  } catch (error) {
    report(error);
    return;
  }
  const canvas = element('canvas', 'privacy-canvas');
  canvas.dataset.camera = cameraId;
  const picture = await createImageBitmap(still);
  canvas.width = picture.width;
  canvas.height = picture.height;
  let drawing = [];
  const paint = () => {
    const g = canvas.getContext('2d');
    g.drawImage(picture, 0, 0);
    g.lineWidth = 2;
    for (const polygon of masks) {
      g.fillStyle = 'rgba(0, 0, 0, 0.75)';
      g.strokeStyle = '#ffd23f';
      path(g, polygon);
      g.fill();
      g.stroke();
    }
    if (drawing.length) {
      g.strokeStyle = '#3fa9ff';
      path(g, drawing, false);
      g.stroke();
    }
    canvas.dataset.masks = String(masks.length);
  };
  const path = (g, polygon, close = true) => {
    g.beginPath();
    polygon.forEach(([x, y], i) => (i ? g.lineTo(x * canvas.width, y * canvas.height)
      : g.moveTo(x * canvas.width, y * canvas.height)));
    if (close) g.closePath();
  };
  canvas.addEventListener('click', (event) => {
    const box = canvas.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    drawing.push([Number(x.toFixed(4)), Number(y.toFixed(4))]);
    paint();
  });
  const button = (key, className, action) => {
    const b = element('button', className, t(key));
    b.type = 'button';
    b.addEventListener('click', action);
    return b;
  };
  const close = button('privacy.close', 'close-mask', () => {
    if (drawing.length < 3) {
      status.textContent = t('privacy.threePoints');
      return;
    }
    masks.push(drawing);
    drawing = [];
    paint();
  });
  const undo = button('privacy.undo', 'undo-mask', () => {
    if (drawing.length) drawing.pop(); else masks.pop();
    paint();
  });
  const save = button('privacy.save', 'save-masks', async () => {
    try {
      const saved = await api('PUT', `cameras/${encodeURIComponent(cameraId)}/privacy-masks`,
        { masks: masks.map((polygon) => ({ polygon })) });
      masks = saved.masks.map((mask) => mask.polygon);
      paint();
      status.textContent = t('privacy.saved', masks.length);
    } catch (error) { report(error); }
  });
  const tools = element('div', 'privacy-tools');
  tools.append(close, undo, save);
  root.append(element('p', '', t('privacy.help')), canvas, tools, status);
  paint();
}

/** One still of the camera, unmasked (the editor must see what it covers), over a stills socket. */
async function stillOf(cameraId) {
  const ticket = await api('POST', 'live/tickets', { camera: cameraId, format: 'jpeg', width: 1280, unmask: true,
    reason: t('privacy.reason') });
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${scheme}//${location.host}${ticket.socket}`);
    socket.binaryType = 'blob';
    const timer = setTimeout(() => { socket.close(); reject(new Error(t('privacy.noStill'))); }, 20000);
    socket.onmessage = (event) => {
      if (event.data instanceof Blob) {
        clearTimeout(timer);
        socket.close(1000, 'stop');
        resolve(event.data);
      }
    };
    socket.onerror = () => { clearTimeout(timer); reject(new Error(t('privacy.noStill'))); };
  });
}
