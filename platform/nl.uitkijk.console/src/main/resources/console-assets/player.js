import { api } from './api.js';

// console/?timing=1 (the latency benchmark): the server sends each fragment's arrival time; the delay from there to
// appending the fragment is collected in window.uitkijkLatencies (milliseconds). For the demo camera, whose pictures
// carry their render time as a time code at the right end of the clock bar, window.uitkijkGlass collects glass-to-glass latency:
// from rendering the picture to the browser presenting it (same machine, same clock).
const TIMING = new URLSearchParams(location.search).has('timing');
if (TIMING) {
  window.uitkijkLatencies = [];
  window.uitkijkGlass = [];
}

/** Reads the demo camera's time code (32 bits of epoch milliseconds, white blocks are 1) from a shown frame. */
function watchTimeCode(video) {
  if (!video.requestVideoFrameCallback) return;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const onFrame = (now, frame) => {
    if (!video.isConnected) return;
    const width = video.videoWidth;
    const block = Math.max(8, Math.floor(width / 120));
    const left = width - block * 33; // bit i's block starts at width - block * (33 - i), 4 pixels from the top
    canvas.width = block * 32;
    canvas.height = block;
    context.drawImage(video, left, 4, canvas.width, block, 0, 0, canvas.width, block);
    const pixels = context.getImageData(0, 0, canvas.width, block).data;
    let rendered = 0;
    for (let bit = 0; bit < 32; bit++) {
      const x = block * bit + Math.floor(block / 2);
      const green = pixels[(Math.floor(block / 2) * canvas.width + x) * 4 + 1];
      rendered = rendered * 2 + (green > 128 ? 1 : 0);
    }
    const shown = performance.timeOrigin + frame.expectedDisplayTime;
    // the code holds the low 32 bits of the render time
    const glass = (((shown - rendered) % 2 ** 32) + 2 ** 32) % 2 ** 32;
    if (glass < 10000 && window.uitkijkGlass.length < 100000) window.uitkijkGlass.push(glass);
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}

// The live edge (seconds): what the player keeps buffered, the slack before it plays faster, and the backlog it jumps.
const LIVE_TARGET = 0.06;
const LIVE_SLACK = 0.04;
const LIVE_JUMP = 0.5;

// Stills come in a few widths only, so that tiles of about the same size share the server's decoder.
const STILL_WIDTHS = [320, 640, 960, 1280, 1920];

/** Whether this browser can play H.264 through Media Source Extensions (the codec every camera offers). */
export function canPlayH264() {
  return Boolean(window.MediaSource && MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E"'));
}

/**
 * Live video of one camera in one <video>: a ticket from the API (role and legal basis checked there), then a
 * WebSocket that carries fragmented MP4, appended to a Media Source Extensions buffer. The player keeps to the live
 * edge (a control room wants now, not smooth) and trims what it has shown. It reconnects after a pause when the
 * stream ends for a reason that may pass (camera offline), and reports each state to onState.
 *
 * A browser that cannot play the camera's codec gets JPEG stills over the same socket instead (one per keyframe the
 * camera sends, decoded once on the server for every such viewer), shown in an <img> in place of the video.
 */
export class LivePlayer {
  /**
   * ticketSource: where a live ticket comes from (the console's own API by default; a hand-over link's page);
   * profile: the camera's stream (main, or sub for a small tile).
   */
  constructor(video, cameraId, onState, ticketSource = (request) => api('POST', 'live/tickets', request),
    profile = 'main') {
    this.ticketSource = ticketSource;
    this.profile = profile;
    this.video = video;
    this.cameraId = cameraId;
    this.onState = onState;
    this.queue = [];
    this.stopped = false;
    this.retry = null;
    this.stills = !canPlayH264();
    if (TIMING) watchTimeCode(video);
  }

  async start() {
    this.onState('connecting');
    let ticket;
    const request = { camera: this.cameraId, reason: 'video wall', timing: TIMING, profile: this.profile };
    if (this.stills) Object.assign(request, { format: 'jpeg', width: this.stillWidth() });
    try {
      ticket = await this.ticketSource(request);
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

  stillWidth() {
    const wanted = (this.video.parentElement?.clientWidth || 640) * (window.devicePixelRatio || 1);
    return STILL_WIDTHS.find((width) => width >= wanted) ?? STILL_WIDTHS[STILL_WIDTHS.length - 1];
  }

  message(data) {
    if (this.stills) {
      if (typeof data !== 'string') this.showStill(data);
      return;
    }
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
      // This camera's codec (H.265, say) does not play here: stills instead, at once.
      this.stills = true;
      if (this.socket && this.socket.readyState <= 1) {
        this.socket.onclose = null;
        this.socket.close(1000, 'stop');
      }
      this.start();
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
    clearInterval(this.edgeTimer);
    this.edgeTimer = setInterval(() => this.keepToLiveEdge(), 250);
  }

  append() {
    const buffer = this.buffer;
    if (!buffer || buffer.updating || this.queue.length === 0) return;
    const ranges = buffer.buffered;
    if (ranges.length > 0) {
      this.keepToLiveEdge();
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

  /**
   * How far the picture shown is behind the newest one received, in seconds (also on the element as data-behind,
   * in milliseconds). Checked with every fragment and four times a second, so a backlog never persists: a little
   * behind, the video plays faster in proportion (up to 1.5×, which the eye takes for smooth motion); far behind
   * (a stall, a tab brought back), it jumps to the live edge. Not down to nothing: with an empty buffer the browser
   * stalls and waits for more than it would have kept.
   */
  keepToLiveEdge() {
    const ranges = this.buffer?.buffered;
    if (!ranges || ranges.length === 0 || this.video.paused) return;
    const end = ranges.end(ranges.length - 1);
    const behind = end - this.video.currentTime;
    this.video.dataset.behind = String(Math.round(behind * 1000));
    if (behind > LIVE_JUMP) {
      this.video.currentTime = Math.max(ranges.start(ranges.length - 1), end - LIVE_TARGET);
      this.video.playbackRate = 1.0;
    } else if (behind > LIVE_TARGET + LIVE_SLACK) {
      this.video.playbackRate = Math.min(1.5, 1 + (behind - LIVE_TARGET) * 2.5);
    } else if (behind <= LIVE_TARGET) {
      this.video.playbackRate = 1.0;
    }
  }

  showStill(jpeg) {
    if (!this.image) {
      this.image = document.createElement('img');
      this.image.className = 'still';
      this.image.alt = '';
      this.video.hidden = true;
      this.video.after(this.image);
    }
    const previous = this.image.src;
    this.image.src = URL.createObjectURL(new Blob([jpeg], { type: 'image/jpeg' }));
    if (previous) URL.revokeObjectURL(previous);
    this.onState('stills');
  }

  later() {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => { if (!this.stopped) this.start(); }, 5000);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.edgeTimer);
    if (this.socket && this.socket.readyState <= 1) this.socket.close(1000, 'stop');
    this.video.removeAttribute('src');
    if (this.image?.src) URL.revokeObjectURL(this.image.src);
  }
}
