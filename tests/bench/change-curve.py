#!/usr/bin/env python3
# gst-vocr: what OCR costs as a function of how often the text changes.
#
#   tests/bench/change-curve.py [--build build] [--detect-props '...']
#
# Draws 1280x720 30 fps clips with videotestsrc and textoverlay (a caption
# changing N times, from a SubRip file) and reads them with vocrtextdetect
# at its defaults; prints, per clip, the OCR calls and reused samples from
# vocr-stats and the CPU seconds the OCR added (the same pipeline without
# vocrtextdetect subtracted).
import argparse
import os
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def cpu(cmd, env):
    with tempfile.NamedTemporaryFile("r") as t:
        out = subprocess.run(["/usr/bin/time", "-f", "%U %S", "-o", t.name] + cmd,
                             env=env, capture_output=True, text=True, check=True).stdout
        user, sys_ = t.read().split()[-2:]
    return float(user) + float(sys_), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--detect-props", default="")
    args = ap.parse_args()
    env = dict(os.environ, GST_PLUGIN_PATH=os.path.join(args.build, "gst-plugin"))
    print("%-8s %-8s %6s %7s %8s" % ("length", "changes", "OCR", "reused", "OCR CPU s"))
    with tempfile.TemporaryDirectory() as tmp:
        for seconds, changes in [(6, 0), (60, 0), (60, 1), (60, 5), (60, 10), (60, 20), (60, 40)]:
            srt = os.path.join(tmp, "cues.srt")
            with open(srt, "w") as f:
                step = seconds / (changes + 1)
                for i in range(changes + 1):
                    start, end = i * step, (i + 1) * step
                    f.write("%d\n%s --> %s\nCaption number %d of the day\n\n" % (
                        i + 1, "00:%02d:%06.3f" % divmod(start, 60),
                        "00:%02d:%06.3f" % divmod(end, 60), i + 1))
            head = ("videotestsrc num-buffers=%d pattern=blue ! video/x-raw,width=1280,"
                    "height=720,framerate=30/1 ! textoverlay name=o valignment=bottom"
                    % (seconds * 30)).split() + ["font-desc=Sans 32"]
            tail = ("filesrc location=%s ! subparse ! o.text_sink" % srt).split()
            base, _ = cpu(["gst-launch-1.0", "-q"] + head + ["!", "fakesink"] + tail, env)
            used, out = cpu(["gst-launch-1.0", "-m"] + head +
                            ["!", "vocrtextdetect"] + args.detect_props.split() +
                            ["!", "fakesink"] + tail, env)
            stats = re.findall(r"recognised=\(guint64\)(\d+), reused=\(guint64\)(\d+)", out)[-1]
            print("%-8s %-8d %6s %7s %8.2f" % ("%d s" % seconds, changes, stats[0], stats[1],
                                              used - base))


if __name__ == "__main__":
    main()
