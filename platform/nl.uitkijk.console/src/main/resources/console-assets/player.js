import { api } from './api.js';
import { describeReason, closeReason } from './reasons.js';

// console/?timing=1 (the latency benchmark): the server sends each fragment's arrival time; the delay from there to
// appending the fragment is collected in window.uitkijkLatencies (milliseconds). For the demo camera, whose pictures
// carry their render time as a time code at the right end of the clock bar, window.uitkijkGlass collects glass-to-glass latency:
// from rendering the picture to the browser presenting it (same machine, same clock).
const TIMING = new URLSearchParams(location.search).has('timing');
if (TIMING) {
  window.uitkijkLatencies = [];
  window.uitkijkGlass = [];
}

/**
 * Reads a time code (32 bits of epoch milliseconds, white blocks are 1, at the top right: the demo camera's and the
 * benchmark's live camera's) from a picture of this width, drawn from source (a video or a canvas).
 */
function readTimeCode(source, width, context, canvas) {
  const block = Math.max(8, Math.floor(width / 120));
  const left = width - block * 33; // bit i's block starts at width - block * (33 - i), 4 pixels from the top
  canvas.width = block * 32;
  canvas.height = block;
  context.drawImage(source, left, 4, canvas.width, block, 0, 0, canvas.width, block);
  const pixels = context.getImageData(0, 0, canvas.width, block).data;
  let rendered = 0;
  for (let bit = 0; bit < 32; bit++) {
    const x = block * bit + Math.floor(block / 2);
    const green = pixels[(Math.floor(block / 2) * canvas.width + x) * 4 + 1];
    rendered = rendered * 2 + (green > 128 ? 1 : 0);
  }
  return rendered;
}

/** Glass to glass of one presented picture: from its time code to when it was shown (epoch milliseconds). */
function recordGlass(rendered, shown) {
  // the code holds the low 32 bits of the render time
  const glass = (((shown - rendered) % 2 ** 32) + 2 ** 32) % 2 ** 32;
  if (glass < 10000 && window.uitkijkGlass.length < 100000) window.uitkijkGlass.push(glass);
}

/** Reads the time code of every frame a <video> presents. */
function watchTimeCode(video) {
  if (!video.requestVideoFrameCallback) return;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const onFrame = (now, frame) => {
    if (!video.isConnected) return;
    const rendered = readTimeCode(video, video.videoWidth, context, canvas);
    recordGlass(rendered, performance.timeOrigin + frame.expectedDisplayTime);
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}

/** Counts the frames a <video> presents on the element as data-frames (the WebCodecs canvas counts its own). */
function countFrames(video) {
  if (!video.requestVideoFrameCallback) return;
  const onFrame = () => {
    if (!video.isConnected) return;
    video.dataset.frames = String(Number(video.dataset.frames || 0) + 1);
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}

// Live video is decoded with WebCodecs onto a canvas where the browser has it (no media buffer to fill: lower and
// steadier latency, every frame shown on a 16-tile wall — measured in docs/adr/0018), else with Media Source
// Extensions. console/?decoder=mse forces MSE (for comparison and for a browser whose WebCodecs misbehaves).
const WEBCODECS = new URLSearchParams(location.search).get('decoder') !== 'mse'
  && typeof window.VideoDecoder === 'function' && typeof window.EncodedVideoChunk === 'function';

/** The first box of this type inside an ISO BMFF byte range, searched through the containers we write. */
function findBox(bytes, wanted, from = 0, to = bytes.length) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const containers = ['moov', 'trak', 'mdia', 'minf', 'stbl', 'moof', 'traf'];
  let at = from;
  while (at + 8 <= to) {
    const size = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    if (size < 8 || at + size > to) return null;
    if (type === wanted) return bytes.subarray(at, at + size);
    if (containers.includes(type)) {
      const inner = findBox(bytes, wanted, at + 8, at + size);
      if (inner) return inner;
    }
    if (type === 'stsd') { // its one sample entry holds avcC/hvcC after 78 bytes of visual sample entry
      const inner = findBox(bytes, wanted, at + 16 + 86, at + size);
      if (inner) return inner;
    }
    at += size;
  }
  return null;
}

/** One of our fragments (one sample): its data, whether it is a keyframe, its decode time in microseconds. */
function parseFragment(bytes) {
  const mdat = findBox(bytes, 'mdat');
  const trun = findBox(bytes, 'trun');
  const tfdt = findBox(bytes, 'tfdt');
  if (!mdat || !trun || !tfdt) return null;
  const trunView = new DataView(trun.buffer, trun.byteOffset, trun.byteLength);
  const sampleFlags = trunView.getUint32(8 + 4 + 4 + 4 + 4 + 4); // header, version/flags, count, offset, duration, size
  const tfdtView = new DataView(tfdt.buffer, tfdt.byteOffset, tfdt.byteLength);
  const decodeTime = tfdt[8] === 1 ? Number(tfdtView.getBigUint64(12)) : tfdtView.getUint32(12);
  return { data: mdat.subarray(8), key: (sampleFlags & 0x00010000) === 0, micros: Math.round(decodeTime / 0.09) };
}

// The live edge (seconds): what the player keeps buffered, the slack before it plays faster, and the backlog it jumps.
const LIVE_TARGET = 0.06;
const LIVE_SLACK = 0.04;
const LIVE_JUMP = 0.5;

// Stills come in a few widths only, so that tiles of about the same size share the server's decoder.
const STILL_WIDTHS = [320, 640, 960, 1280, 1920];

/** Whether this browser can decode H.264 (the codec every camera offers): WebCodecs or Media Source Extensions. */
export function canPlayH264() {
  return WEBCODECS || Boolean(window.MediaSource && MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E"'));
}

/**
 * Live video of one camera in one tile: a ticket from the API (role and legal basis checked there), then a
 * WebSocket that carries fragmented MP4. Where the browser has WebCodecs and decodes the camera's codec with it, each
 * fragment goes straight to a VideoDecoder and every frame is drawn onto a canvas in place of the <video> as soon as
 * it is decoded; otherwise the fragments are appended to a Media Source Extensions buffer in the <video>, and the
 * player keeps to the live edge (a control room wants now, not smooth) and trims what it has shown. It reconnects
 * after a pause when the stream ends for a reason that may pass (camera offline), and reports each state to onState.
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
    this.webCodecs = WEBCODECS;
    if (TIMING && !this.webCodecs) watchTimeCode(video);
    if (!this.webCodecs) countFrames(video);
  }

  async start() {
    this.onState('connecting');
    let ticket;
    const request = { camera: this.cameraId, reason: 'video wall', timing: TIMING, profile: this.profile };
    if (this.stills) Object.assign(request, { format: 'jpeg', width: this.stillWidth() });
    try {
      ticket = await this.ticketSource(request);
    } catch (error) {
      this.onState('ended', describeReason(error.reason, error.message));
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
      // the server's end message says why in no language; else the close frame's "code: message"
      this.onState('ended', describeReason(this.ending ?? closeReason(event.reason), event.reason || ''));
      this.ending = null;
      this.later();
    };
  }

  stillWidth() {
    const wanted = (this.video.parentElement?.clientWidth || 640) * (window.devicePixelRatio || 1);
    return STILL_WIDTHS.find((width) => width >= wanted) ?? STILL_WIDTHS[STILL_WIDTHS.length - 1];
  }

  message(data) {
    if (typeof data === 'string' && data.startsWith('{"') && data.includes('"end"')) {
      const note = JSON.parse(data);
      if (note.type === 'end') {
        this.ending = note;
        return;
      }
    }
    if (this.stills) {
      if (typeof data !== 'string') this.showStill(data);
      return;
    }
    if (typeof data === 'string') {
      const note = JSON.parse(data);
      if (note.type === 'init') {
        if (this.webCodecs) this.initSegmentOf = note.codec; else this.prepare(note.codec);
      }
      if (note.type === 'arrived') this.arrived = note.micros;
      return;
    }
    if (this.webCodecs) {
      this.decodeMessage(new Uint8Array(data));
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
      this.fallBackToStills();
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

  /** This camera's codec (H.265, say) does not play here: stills instead, at once. */
  fallBackToStills() {
    this.stills = true;
    this.canvas?.remove();
    this.video.hidden = false;
    if (this.socket && this.socket.readyState <= 1) {
      this.socket.onclose = null;
      this.socket.close(1000, 'stop');
    }
    this.start();
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

  /**
   * WebCodecs: the initialisation segment's avcC/hvcC configures a VideoDecoder (optimised for latency), every
   * fragment is one chunk, every decoded frame is drawn at once onto a canvas in place of the video. No media buffer:
   * the backlog is the decoder's queue, and more than a few frames queued drops pictures until the next keyframe.
   */
  decodeMessage(bytes) {
    if (this.initSegmentOf) {
      const codec = this.initSegmentOf;
      this.initSegmentOf = null;
      const box = findBox(bytes, codec.startsWith('hvc1') ? 'hvcC' : 'avcC');
      const config = { codec, description: box ? box.slice(8) : undefined, optimizeForLatency: true };
      this.configured = false;
      VideoDecoder.isConfigSupported(config).then(({ supported }) => {
        if (this.stopped) return;
        if (!supported) { this.useMediaSource(codec, bytes); return; }
        if (!this.canvas) this.createDecoder();
        else if (this.decoder.state === 'closed') this.decoder = new VideoDecoder(this.decoderCallbacks);
        this.decoder.configure(config);
        this.config = config;
        this.configured = true;
        this.waitForKey = true;
      }).catch(() => this.useMediaSource(codec, bytes));
      return;
    }
    if (!this.configured) return;
    const fragment = parseFragment(bytes);
    if (!fragment) return;
    if (this.arrived && window.uitkijkLatencies && window.uitkijkLatencies.length < 100000) {
      window.uitkijkLatencies.push((performance.timeOrigin + performance.now()) - this.arrived / 1000);
    }
    this.arrived = undefined;
    if (this.lastMicros !== undefined && fragment.micros > this.lastMicros) {
      this.frameMicros = fragment.micros - this.lastMicros;
    }
    this.lastMicros = fragment.micros;
    // how far behind the newest picture received the picture shown is: the frames waiting in the decoder
    const queued = this.decoder.decodeQueueSize;
    this.canvas.dataset.behind = String(Math.round((queued * (this.frameMicros || 40000)) / 1000));
    if (queued > 3) this.waitForKey = true; // far behind (a stall, a busy machine): skip to the next keyframe
    if (this.waitForKey && !fragment.key) return;
    this.waitForKey = false;
    try {
      this.decoder.decode(new EncodedVideoChunk({ type: fragment.key ? 'key' : 'delta', timestamp: fragment.micros,
        data: fragment.data }));
    } catch (error) {
      this.waitForKey = true; // closed after an error: the error callback makes a fresh one
    }
  }

  /** This codec not with WebCodecs here: Media Source Extensions from this initialisation segment on (or stills). */
  useMediaSource(codec, initSegment) {
    this.webCodecs = false;
    countFrames(this.video);
    if (TIMING) watchTimeCode(this.video);
    this.prepare(codec);
    if (!this.stills) this.queue.push({ data: initSegment.slice().buffer });
  }

  createDecoder() {
    const canvas = document.createElement('canvas');
    canvas.className = this.video.classList.contains('incoming') ? 'live-canvas incoming' : 'live-canvas';
    this.video.hidden = true;
    this.video.after(canvas);
    this.canvas = canvas;
    const context = canvas.getContext('2d');
    const probe = document.createElement('canvas');
    const probeContext = probe.getContext('2d', { willReadFrequently: true });
    this.decoderCallbacks = {
      output: (frame) => {
        if (canvas.width !== frame.displayWidth) canvas.width = frame.displayWidth;
        if (canvas.height !== frame.displayHeight) canvas.height = frame.displayHeight;
        context.drawImage(frame, 0, 0);
        frame.close();
        this.video.dataset.frames = String(Number(this.video.dataset.frames || 0) + 1);
        if (!this.playing) {
          this.playing = true;
          canvas.dataset.shown = 'true';
          this.onState('playing');
        }
        if (TIMING) {
          const rendered = readTimeCode(canvas, canvas.width, probeContext, probe);
          requestAnimationFrame(() => recordGlass(rendered, performance.timeOrigin + performance.now()));
        }
      },
      // a chunk it could not decode (a damaged frame): a fresh decoder, from the next keyframe on
      error: () => {
        if (this.stopped || !this.config) return;
        this.decoder = new VideoDecoder(this.decoderCallbacks);
        this.decoder.configure(this.config);
        this.waitForKey = true;
      },
    };
    this.decoder = new VideoDecoder(this.decoderCallbacks);
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
    if (this.decoder && this.decoder.state !== 'closed') this.decoder.close();
    this.canvas?.remove();
  }
}
