#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Prints the text vocrtextdetect reads, as it reads it, from the
GstVocrTextMeta on the frames leaving the element (a pad probe).

  print-text.py              reads a clip drawn on the spot
  print-text.py FILE|URI     reads a video

Needs python3-gi, python3-gst-1.0, gir1.2-gstreamer-1.0 and GstVocr-1.0.typelib
(found through GI_TYPELIB_PATH when it is not installed under /usr).
"""
import sys

try:
    import gi

    gi.require_version("Gst", "1.0")
    gi.require_version("GstVocr", "1.0")
    from gi.repository import GLib, Gst, GstVocr
except (ImportError, ValueError) as e:
    sys.exit(f"print-text.py: {e} (needs python3-gi, python3-gst-1.0, "
             "gir1.2-gstreamer-1.0, and GI_TYPELIB_PATH naming the directory "
             "of GstVocr-1.0.typelib unless it is installed under /usr)")

DEMO = ("videotestsrc num-buffers=30 pattern=black "
        "! video/x-raw,width=640,height=360 "
        '! textoverlay text="Hello GStreamer" font-desc="Sans 24" '
        "! vocrtextdetect name=detect ! fakesink")


def on_buffer(pad, info):
    # The meta lives in the buffer: read it here, not after the probe returns.
    # get_line() returns a copy of the line, which may be kept.
    meta = GstVocr.buffer_get_vocr_text_meta(info.get_buffer())
    if meta:
        for i in range(meta.get_n_lines()):
            line = meta.get_line(i)
            x, y, width, height = line.get_box()
            print(f"{Gst.TIME_ARGS(meta.get_timestamp())}  {line.get_text()}  "
                  f"({line.get_confidence():.2f})  [{x},{y} {width}x{height}]",
                  flush=True)
    return Gst.PadProbeReturn.OK


def main():
    Gst.init(None)
    try:
        if len(sys.argv) > 1:
            uri = sys.argv[1] if Gst.uri_is_valid(sys.argv[1]) \
                else Gst.filename_to_uri(sys.argv[1])
            # A URI is escaped: no space or quote can break the description.
            pipeline = Gst.parse_launch(
                f"uridecodebin uri={uri} ! videoconvert "
                "! vocrtextdetect name=detect ! fakesink")
        else:
            pipeline = Gst.parse_launch(DEMO)
    except GLib.Error as e:
        sys.exit(f"print-text.py: {e.message}")
    pad = pipeline.get_by_name("detect").get_static_pad("src")
    pad.add_probe(Gst.PadProbeType.BUFFER, on_buffer)

    pipeline.set_state(Gst.State.PLAYING)
    msg = pipeline.get_bus().timed_pop_filtered(
        Gst.CLOCK_TIME_NONE, Gst.MessageType.ERROR | Gst.MessageType.EOS)
    pipeline.set_state(Gst.State.NULL)
    if msg.type == Gst.MessageType.ERROR:
        error, debug = msg.parse_error()
        sys.exit(f"print-text.py: {error.message}\n{debug or ''}")


if __name__ == "__main__":
    main()
