#!/usr/bin/python3
# A live camera's RTSP service on loopback, on GstRtspServer (Debian: gir1.2-gst-rtsp-server-1.0, python3-gi,
# gstreamer1.0-plugins-good/-bad): each mount re-serves an RTP stream that an encoder (ffmpeg, started by
# LiveRtspCamera) sends to a UDP port on 127.0.0.1, without re-encoding. Unlike ../shared/tools/rtsp_server.py, which
# loops a file, the pictures are made now, so a time code burned into them is the wall clock.
# usage: live_rtsp_server.py PORT MOUNT:CODEC:UDPPORT [MOUNT:CODEC:UDPPORT ...]   (CODEC h264 or h265)
import sys, gi
gi.require_version('Gst', '1.0'); gi.require_version('GstRtspServer', '1.0')
from gi.repository import Gst, GstRtspServer, GLib
Gst.init(None)
port = sys.argv[1]
server = GstRtspServer.RTSPServer(); server.set_address('127.0.0.1'); server.set_service(port)
mounts = server.get_mount_points()
for spec in sys.argv[2:]:
    mount, codec, udp = spec.rsplit(':', 2)
    name = 'H264' if codec == 'h264' else 'H265'
    f = GstRtspServer.RTSPMediaFactory()
    f.set_launch(f'( udpsrc address=127.0.0.1 port={udp} buffer-size=4194304 '
                 f'caps="application/x-rtp,media=video,clock-rate=90000,encoding-name={name},payload=96" '
                 f'! rtp{codec}depay ! {codec}parse config-interval=-1 ! rtp{codec}pay name=pay0 pt=96 )')
    f.set_shared(True)  # one pipeline per mount, for all its clients, as a camera's encoder is
    f.set_latency(0)
    mounts.add_factory(mount, f)
server.attach(None)
print(f'serving rtsp://127.0.0.1:{port}' + ' '.join(s.rsplit(':', 2)[0] for s in sys.argv[2:]), flush=True)
GLib.MainLoop().run()
