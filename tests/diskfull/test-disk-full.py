#!/usr/bin/env python3
# gst-vocr: vocrinsightsink on a full disk. Needs to mount a small tmpfs
# (root with CAP_SYS_ADMIN); without that it reports a skip (exit 77).
#
# A first run writes a good insights file; the disk is then filled; a
# second run must fail with RESOURCE/NO_SPACE_LEFT naming the file, leave
# the first file intact and leave no temporary file behind.
import json
import os
import subprocess
import sys
import tempfile

PIPELINE = ("videotestsrc num-buffers=30 pattern=blue ! video/x-raw,width=640,height=360 "
            "! textoverlay text=\"{text}\" font-desc=\"Sans 24\" ! vocrtextdetect "
            "! vocrinsightsink location={out}")


def run(text, out):
    return subprocess.run(["gst-launch-1.0"] + PIPELINE.format(text=text, out=out).split(" "),
                          capture_output=True, text=True, timeout=120)


def main():
    with tempfile.TemporaryDirectory() as mnt:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", mnt],
                          capture_output=True).returncode != 0:
            print("SKIP: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)")
            return 77
        try:
            out = os.path.join(mnt, "insights.json")
            first = run("Alpha bravo charlie", out)
            assert first.returncode == 0, first.stdout + first.stderr
            good = open(out).read()
            assert "Alpha bravo charlie" in good

            # fill what is left
            fd = os.open(os.path.join(mnt, "fill"), os.O_WRONLY | os.O_CREAT)
            try:
                while os.write(fd, b"\0" * 1024):
                    pass
            except OSError:
                pass
            os.close(fd)

            second = run("Delta echo foxtrot", out)
            log = second.stdout + second.stderr
            assert second.returncode != 0, log
            assert "No space left to write the insights" in log, log
            assert out in log, log
            assert open(out).read() == good, "the previous file changed"
            json.loads(good)
            left = sorted(os.listdir(mnt))
            assert left == ["fill", "insights.json"], left
        finally:
            subprocess.run(["umount", mnt])
    print("Checks: 1, Failures: 0, Errors: 0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
