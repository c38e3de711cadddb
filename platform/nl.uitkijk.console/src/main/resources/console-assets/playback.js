import { api } from './api.js';
import { t, currentLanguage } from './i18n.js';
import { element } from './wall.js';

const WINDOW_MINUTES = 60;
const CLIP_MINUTES = 5;

/**
 * Playback: a camera's last hour as a timeline of recorded ranges, gaps (with their reasons) and the camera's alarms;
 * a click plays five minutes from there, a click on an alarm from ten seconds before it (the server remuxes, never
 * transcodes), at 0.5× to 8×; the next five follow by themselves. Under it a lane with the seconds in which the
 * analytics found something, and a motion search: draw a region on the picture, and the periods with motion there
 * are marked on the timeline and listed to play.
 */
export async function showPlayback(root) {
  root.replaceChildren(element('h2', '', t('playback.title')));
  const cameras = await api('GET', 'cameras');
  const camera = element('select');
  cameras.forEach((c) => { const o = element('option', '', c.name); o.value = c.id; camera.append(o); });
  const speed = element('select', 'speed');
  [0.5, 1, 2, 4, 8].forEach((rate) => {
    const o = element('option', '', `${rate}×`);
    o.value = rate;
    o.selected = rate === 1;
    speed.append(o);
  });
  const bar = element('div', 'timeline');
  const lane = element('div', 'detections');
  lane.setAttribute('aria-label', t('playback.detections'));
  const picture = element('div', 'picture');
  const region = element('div', 'region');
  region.hidden = true;
  const search = element('div', 'motion-search');
  const draw = element('button', '', t('playback.region'));
  draw.type = 'button';
  const seek = element('button', '', t('playback.search'));
  seek.type = 'button';
  const hits = element('ul', 'hits');
  search.append(draw, seek, hits);
  const clock = element('p', 'playback-clock');
  const video = element('video');
  video.controls = true;
  video.muted = true;
  const status = element('p', 'playback-status');
  status.setAttribute('role', 'status');
  picture.append(video, region);
  root.append(camera, speed, bar, lane, clock, picture, search, status);
  let start = 0;
  let clipStart = 0;
  let objectUrl = null;
  let box = null; // the searched region: [x, y, w, h] as fractions of the picture

  let drawing = 0; // the newest redraw: an older one still waiting for the server draws nothing
  const redraw = async () => {
    const mine = ++drawing;
    const chosen = camera.value;
    const end = Date.now();
    const from = end - WINDOW_MINUTES * 60_000;
    const timeline = await api('GET', `cameras/${encodeURIComponent(chosen)}/timeline?from=`
      + `${new Date(from).toISOString()}&to=${new Date(end).toISOString()}`);
    if (mine !== drawing) return;
    start = from;
    const span = (from, to, className, title) => {
      const piece = element('span', className);
      piece.style.left = `${(100 * (Date.parse(from) - start)) / (end - start)}%`;
      piece.style.width = `${Math.max(0.2, (100 * (Date.parse(to) - Date.parse(from))) / (end - start))}%`;
      if (title) piece.title = title;
      return piece;
    };
    // the camera's alarms in the window, as markers: a click plays from ten seconds before
    const alarms = (await api('GET', 'alarms?limit=500').catch(() => []))
      .filter((a) => a.cameraId === chosen && Date.parse(a.raised) >= start);
    if (mine !== drawing) return;
    const markers = alarms.map((alarm) => {
      const marker = element('button', `event priority-${alarm.priority}`);
      marker.style.left = `${(100 * (Date.parse(alarm.raised) - start)) / (end - start)}%`;
      marker.title = `${new Date(alarm.raised).toLocaleTimeString()} ${alarm.summary}`;
      marker.dataset.alarm = alarm.id;
      marker.addEventListener('click', (event) => {
        event.stopPropagation();
        play(Date.parse(alarm.raised) - 10_000);
      });
      return marker;
    });
    bar.replaceChildren(...timeline.ranges.map((r) => span(r.start, r.end, 'recorded')),
      ...timeline.gaps.map((g) => span(g.start, g.end, 'gap', g.reason)), ...markers);
    bar.dataset.ranges = timeline.ranges.length;
    bar.dataset.camera = chosen;
    // what the analytics found, a mark per stored second (roles without access to detections see none)
    const found = await api('GET', `cameras/${encodeURIComponent(chosen)}/detections?from=`
      + `${new Date(start).toISOString()}&to=${new Date(end).toISOString()}&limit=3600`).catch(() => []);
    if (mine !== drawing) return;
    lane.replaceChildren(...found.map((d) => {
      const mark = span(d.at, new Date(Date.parse(d.at) + 1000).toISOString(), `found type-${d.type}`,
        `${new Date(d.at).toLocaleTimeString()} ${d.type}`);
      mark.dataset.type = d.type;
      return mark;
    }));
    lane.dataset.count = found.length;
    lane.dataset.camera = chosen;
    hits.replaceChildren();
  };

  /** Drag on the picture to choose the region the motion search looks at. */
  const choose = () => {
    picture.classList.add('drawing');
    const onDown = (down) => {
      const frame = video.getBoundingClientRect();
      const at = (event) => [Math.min(1, Math.max(0, (event.clientX - frame.left) / frame.width)),
        Math.min(1, Math.max(0, (event.clientY - frame.top) / frame.height))];
      const [x0, y0] = at(down);
      const onMove = (move) => {
        const [x1, y1] = at(move);
        box = [Math.min(x0, x1), Math.min(y0, y1), Math.max(0.01, Math.abs(x1 - x0)), Math.max(0.01, Math.abs(y1 - y0))];
        Object.assign(region.style, { left: `${box[0] * 100}%`, top: `${box[1] * 100}%`, width: `${box[2] * 100}%`,
          height: `${box[3] * 100}%` });
        region.hidden = false;
      };
      const onUp = () => {
        picture.removeEventListener('pointermove', onMove);
        picture.classList.remove('drawing');
        region.dataset.region = box ? box.map((v) => v.toFixed(3)).join(',') : '';
      };
      picture.addEventListener('pointermove', onMove);
      picture.addEventListener('pointerup', onUp, { once: true });
    };
    picture.addEventListener('pointerdown', onDown, { once: true });
  };

  const motionSearch = async () => {
    const end = Date.now();
    const query = new URLSearchParams({ from: new Date(start).toISOString(), to: new Date(end).toISOString() });
    if (box) query.set('region', box.map((v) => Math.min(1, v).toFixed(3)).join(','));
    try {
      const periods = await api('GET', `cameras/${encodeURIComponent(camera.value)}/motion-search?${query}`);
      hits.replaceChildren(...periods.map((period) => {
        const item = element('li');
        const button = element('button', 'hit', `${new Date(period.from).toLocaleTimeString()} (${period.seconds} s)`);
        button.type = 'button';
        button.addEventListener('click', () => play(Date.parse(period.from) - 2_000));
        item.append(button);
        return item;
      }));
      if (periods.length === 0) hits.append(element('li', 'none', t('playback.noMotion')));
      bar.querySelectorAll('.hit').forEach((old) => old.remove());
      periods.forEach((period) => {
        const mark = element('span', 'hit');
        mark.style.left = `${(100 * (Date.parse(period.from) - start)) / (end - start)}%`;
        mark.style.width = `${Math.max(0.2, (100 * (Date.parse(period.to) - Date.parse(period.from))) / (end - start))}%`;
        bar.append(mark);
      });
      hits.dataset.count = periods.length;
    } catch (error) {
      hits.replaceChildren(element('li', 'none', error.message));
    }
  };
  draw.addEventListener('click', choose);
  seek.addEventListener('click', motionSearch);

  const play = async (from) => {
    clipStart = from;
    const to = Math.min(Date.now(), from + CLIP_MINUTES * 60_000);
    status.textContent = t('playback.loading');
    const query = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString(),
      reason: 'terugkijken videomuur' });
    const response = await fetch(`/api/v1/cameras/${encodeURIComponent(camera.value)}/playback?${query}`,
      { credentials: 'same-origin', headers: { 'X-Requested-With': 'uitkijk-console' } });
    if (!response.ok) {
      let text = response.statusText;
      try { text = (await response.json()).message ?? text; } catch (e) { /* not JSON */ }
      status.textContent = text;
      return;
    }
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = URL.createObjectURL(await response.blob());
    video.src = objectUrl;
    video.playbackRate = Number(speed.value);
    await video.play().catch(() => {});
    status.textContent = '';
  };

  bar.addEventListener('click', (event) => {
    const box = bar.getBoundingClientRect();
    play(start + ((event.clientX - box.left) / box.width) * WINDOW_MINUTES * 60_000);
  });
  speed.addEventListener('change', () => { video.playbackRate = Number(speed.value); });
  camera.addEventListener('change', () => { box = null; region.hidden = true; redraw(); });
  video.addEventListener('timeupdate', () => {
    clock.textContent = new Date(clipStart + video.currentTime * 1000)
      .toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL');
  });
  video.addEventListener('ended', () => {
    const next = clipStart + CLIP_MINUTES * 60_000;
    if (next < Date.now() - 10_000) play(next);
  });
  await redraw();
}
