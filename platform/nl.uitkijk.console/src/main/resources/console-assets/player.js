import { api } from './api.js';

// console/?timing=1 (the latency benchmark): the server sends each fragment's arrival time; the delay from there to
// appending the fragment is collected in window.uitkijkLatencies (milliseconds).
const TIMING = new URLSearchParams(location.search).has('timing');
if (TIMING) window.uitkijkLatencies = [];

/**
 * Live video of one camera in one <video>: a ticket from the API (role and legal basis checked there), then a
 * WebSocket that carries fragmented MP4, appended to a Media Source Extensions buffer. The player keeps to the live
 * edge (a control room wants now, not smooth) and trims what it has shown. It reconnects after a pause when the
 * stream ends for a reason that may pass (camera offline), and reports each state to onState.
 */
export class LivePlayer {
  constructor(video, cameraId, onState) {
    this.video = video;
    this.cameraId = cameraId;
    this.onState = onState;
    this.queue = [];
    this.stopped = false;
    this.retry = null;
  }

  async start() {
    this.onState('connecting');
    let ticket;
    try {
      ticket = await api('POST', 'live/tickets', { camera: this.cameraId, reason: 'video wall', timing: TIMING });
    } catch (error) {
      this.onState('ended', error.message);
      if (error.status !== 401 && error.status !== 403) this.later();
      return;
    }
    if (this.stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}${ticket.socket}`);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onmessage = (event) => this.message(event.data);
    socket.onclose = (event) => {
      if (this.stopped) return;
      this.onState('ended', event.reason || '');
      this.later();
    };
  }

  message(data) {
    if (typeof data === 'string') {
      const note = JSON.parse(data);
      if (note.type === 'init') this.prepare(note.codec);
      if (note.type === 'arrived') this.arrived = note.micros;
      return;
    }
    this.queue.push({ data, arrived: this.arrived });
    this.arrived = undefined;
    this.append();
  }

  /** A new initialisation segment follows: a buffer for its codec (a new one if the codec changed). */
  prepare(codec) {
    const mime = `video/mp4; codecs="${codec}"`;
    if (!window.MediaSource || !MediaSource.isTypeSupported(mime)) {
      this.onState('unsupported', codec);
      this.stop();
      return;
    }
    if (this.codec === codec && this.buffer) return;
    this.codec = codec;
    this.queue = [];
    this.source = new MediaSource();
    this.buffer = null;
    this.video.src = URL.createObjectURL(this.source);
    this.source.addEventListener('sourceopen', () => {
      this.buffer = this.source.addSourceBuffer(mime);
      this.buffer.mode = 'segments';
      this.buffer.addEventListener('updateend', () => this.append());
      this.append();
    }, { once: true });
  }

  append() {
    const buffer = this.buffer;
    if (!buffer || buffer.updating || this.queue.length === 0) return;
    const ranges = buffer.buffered;
    if (ranges.length > 0) {
      const end = ranges.end(ranges.length - 1);
      if (end - this.video.currentTime > 1.0) this.video.currentTime = end - 0.05; // back to the live edge
      if (this.video.currentTime - ranges.start(0) > 30) {
        buffer.remove(ranges.start(0), this.video.currentTime - 10);
        return;
      }
    }
    try {
      const next = this.queue.shift();
      buffer.appendBuffer(next.data);
      if (next.arrived && window.uitkijkLatencies && window.uitkijkLatencies.length < 100000) {
        window.uitkijkLatencies.push((performance.timeOrigin + performance.now()) - next.arrived / 1000);
      }
    } catch (error) {
      this.queue = []; // the buffer is full or closed: start again with the next initialisation
    }
    if (this.video.paused) {
      this.video.play().then(() => this.onState('playing')).catch(() => {});
    }
  }

  later() {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => { if (!this.stopped) this.start(); }, 5000);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retry);
    if (this.socket && this.socket.readyState <= 1) this.socket.close(1000, 'stop');
    this.video.removeAttribute('src');
  }
}
