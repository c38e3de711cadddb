import { api } from './api.js';
import { t, currentLanguage } from './i18n.js';
import { element } from './wall.js';

const WINDOW_MINUTES = 60;
const CLIP_MINUTES = 5;

/**
 * Playback: a camera's last hour as a timeline of recorded ranges, gaps (with their reasons) and the camera's alarms;
 * a click plays five minutes from there, a click on an alarm from ten seconds before it (the server remuxes, never
 * transcodes), at 0.5× to 8×; the next five follow by themselves.
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
  const clock = element('p', 'playback-clock');
  const video = element('video');
  video.controls = true;
  video.muted = true;
  const status = element('p', 'playback-status');
  status.setAttribute('role', 'status');
  root.append(camera, speed, bar, clock, video, status);
  let start = 0;
  let clipStart = 0;
  let objectUrl = null;

  const draw = async () => {
    const end = Date.now();
    start = end - WINDOW_MINUTES * 60_000;
    const timeline = await api('GET', `cameras/${encodeURIComponent(camera.value)}/timeline?from=`
      + `${new Date(start).toISOString()}&to=${new Date(end).toISOString()}`);
    const span = (from, to, className, title) => {
      const piece = element('span', className);
      piece.style.left = `${(100 * (Date.parse(from) - start)) / (end - start)}%`;
      piece.style.width = `${Math.max(0.2, (100 * (Date.parse(to) - Date.parse(from))) / (end - start))}%`;
      if (title) piece.title = title;
      return piece;
    };
    // the camera's alarms in the window, as markers: a click plays from ten seconds before
    const alarms = (await api('GET', 'alarms?limit=500').catch(() => []))
      .filter((a) => a.cameraId === camera.value && Date.parse(a.raised) >= start);
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
  };

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
  camera.addEventListener('change', draw);
  video.addEventListener('timeupdate', () => {
    clock.textContent = new Date(clipStart + video.currentTime * 1000)
      .toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL');
  });
  video.addEventListener('ended', () => {
    const next = clipStart + CLIP_MINUTES * 60_000;
    if (next < Date.now() - 10_000) play(next);
  });
  await draw();
}
