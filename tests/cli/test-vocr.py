#!/usr/bin/env python3
# gst-vocr: the vocr command line tool on clips the test encodes itself.
# Usage: test-vocr.py PATH/TO/vocr
# Prints a gstcheck-style "Checks: N, Failures: F, Errors: E" line.
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback

VOCR = os.path.abspath(sys.argv[1])
CLIP = None
TEXT_A = "Alpha bravo charlie"
TEXT_B = "Delta echo foxtrot"
# The clips are made by the system's GStreamer as a user has it: not with
# the test's plugin path and registry, whose plugin may be a sanitized
# build that gst-launch-1.0 cannot load.
SYSTEM_ENV = {k: v for k, v in os.environ.items() if not k.startswith("GST_")}


def encode(path, seconds, srt_cues, clock=False):
    """Draws the cues with textoverlay over blue, and with @clock a running
    clock at the top, and encodes H.264 in MP4."""
    srt = path + ".srt"
    with open(srt, "w") as f:
        for i, (start, end, text) in enumerate(srt_cues, 1):
            f.write("%d\n00:00:%02d,000 --> 00:00:%02d,000\n%s\n\n" % (i, start, end, text))
    subprocess.run(
        ["gst-launch-1.0", "-q", "videotestsrc", "num-buffers=%d" % (seconds * 25),
         "pattern=blue", "!", "video/x-raw,width=640,height=360,framerate=25/1"]
        + (["!", "timeoverlay", "valignment=top", "font-desc=Sans 24"] if clock else [])
        + ["!", "textoverlay", "name=o", "font-desc=Sans 24", "!", "x264enc",
         "speed-preset=ultrafast", "!", "mp4mux", "!", "filesink", "location=" + path,
         "filesrc", "location=" + srt, "!", "subparse", "!", "o.text_sink"],
        check=True, env=SYSTEM_ENV)


def vocr(*args, cwd=None):
    # in the temporary directory, where outputs named after the input land
    return subprocess.run([VOCR] + list(args), capture_output=True, text=True,
                          cwd=cwd or os.path.dirname(CLIP), timeout=300)


def ocr_items(doc):
    return doc["videos"][0]["insights"]["ocr"]


def check_ab_json(doc):
    items = ocr_items(doc)
    texts = [i["text"] for i in items]
    assert texts == [TEXT_A, TEXT_B], texts
    a, b = items
    assert a["instances"][0]["start"] == "0:00:00", a["instances"]
    assert a["instances"][0]["end"] == "0:00:02", a["instances"]
    assert b["instances"][0]["start"] == "0:00:02", b["instances"]
    assert b["instances"][0]["end"] == "0:00:04", b["instances"]
    assert doc["durationInSeconds"] == 4, doc["durationInSeconds"]
    assert doc["name"] == "ab.mp4", doc["name"]


def test_json_output(tmp, clip):
    out = os.path.join(tmp, "out.json")
    r = vocr(clip, "-o", out, "-q")
    assert r.returncode == 0, r.stderr
    assert r.stderr == "", r.stderr
    check_ab_json(json.load(open(out)))


def test_default_name_and_summary(tmp, clip):
    work = os.path.join(tmp, "cwd")
    os.mkdir(work)
    r = vocr(clip, cwd=work)
    assert r.returncode == 0, r.stderr
    check_ab_json(json.load(open(os.path.join(work, "ab.ocr.json"))))
    # the summary: counts and the lines with their times
    assert "2 items, 2 instances -> ab.ocr.json" in r.stderr, r.stderr
    assert "0:00:02    " + TEXT_B in r.stderr.replace("0:00:02    0:00:04    ", "0:00:02    "), r.stderr


def test_stdout(tmp, clip):
    r = vocr(clip, "-o", "-", "-q")
    assert r.returncode == 0, r.stderr
    check_ab_json(json.loads(r.stdout))


def test_subtitle_formats(tmp, clip):
    vtt = os.path.join(tmp, "ab.vtt")
    r = vocr(clip, "-f", "webvtt", "-o", vtt, "-q")
    assert r.returncode == 0, r.stderr
    text = open(vtt).read()
    assert text.startswith("WEBVTT\n\n"), text
    assert "00:00:00.000 --> 00:00:02.000\n" + TEXT_A + "\n" in text, text
    assert "00:00:02.000 --> 00:00:04.000\n" + TEXT_B + "\n" in text, text

    srt = os.path.join(tmp, "ab.srt")
    r = vocr(clip, "--format", "srt", "-o", srt, "-q")
    assert r.returncode == 0, r.stderr
    assert open(srt).read() == ("1\n00:00:00,000 --> 00:00:02,000\n%s\n\n"
                                "2\n00:00:02,000 --> 00:00:04,000\n%s\n\n" % (TEXT_A, TEXT_B))


def test_jsonl(tmp, clip):
    r = vocr(clip, "-f", "jsonl", "-o", "-", "-q")
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    # an end is known only once the text has been missing for max-gap, so
    # B may start before A's end is written
    for text in (TEXT_A, TEXT_B):
        mine = [e for e in events if e["text"] == text]
        assert [e["event"] for e in mine] == ["start", "end"], events
    assert events[0]["event"] == "start" and events[0]["text"] == TEXT_A, events
    ends = {e["text"]: (e["start"], e["end"]) for e in events if e["event"] == "end"}
    assert ends == {TEXT_A: ("0:00:00", "0:00:02"), TEXT_B: ("0:00:02", "0:00:04")}, ends


def test_options_reach_the_elements(tmp, clip):
    # a region holding no text, and a confidence nobody reaches
    r = vocr(clip, "--roi", "0,0,100,50", "-o", "-", "-q")
    assert r.returncode == 0, r.stderr
    assert ocr_items(json.loads(r.stdout)) == []
    r = vocr(clip, "--min-confidence", "100", "-o", "-", "-q")
    assert ocr_items(json.loads(r.stdout)) == []
    # every second: instances on whole seconds, same text
    r = vocr(clip, "--interval", "1", "--threads", "1", "-o", "-", "-q")
    check_ab_json(json.loads(r.stdout))


def test_only_languages(tmp, clip):
    # a Russian line: read with the installed Russian model by default,
    # not with -L (English only)
    russian = os.path.join(tmp, "ru.mp4")
    encode(russian, 2, [(0, 2, "Осторожно, двери закрываются")])
    r = vocr(russian, "-o", "-", "-q")
    assert r.returncode == 0, r.stderr
    items = ocr_items(json.loads(r.stdout))
    assert [i["language"] for i in items] == ["ru-RU"], items
    r = vocr(russian, "-L", "-o", "-", "-q")
    assert r.returncode == 0, r.stderr
    items = ocr_items(json.loads(r.stdout))
    assert "ru-RU" not in [i["language"] for i in items], items


def one_line_error(r, code, needle):
    assert r.returncode == code, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("vocr: "), lines
    assert needle in lines[0], (needle, lines[0])


def test_exit_codes(tmp, clip):
    one_line_error(vocr(os.path.join(tmp, "missing.mp4")), 1, "no such file")
    notvideo = os.path.join(tmp, "notes.txt")
    with open(notvideo, "w") as f:
        f.write("just some text, not a video\n" * 20)
    one_line_error(vocr(notvideo), 1, "not a video")
    # sound only (Ogg Vorbis: plugins-base, which the sanitized run's plugin
    # whitelist keeps; without wavparse a WAV file is rightly "missing WAV
    # demuxer")
    tone = os.path.join(tmp, "tone.ogg")
    subprocess.run(["gst-launch-1.0", "-q", "audiotestsrc", "num-buffers=50", "!",
                    "vorbisenc", "!", "oggmux", "!", "filesink", "location=" + tone],
                   check=True, env=SYSTEM_ENV)
    one_line_error(vocr(tone), 1, "no video stream")
    # a failed input leaves no empty insights behind
    assert not os.path.exists(os.path.join(tmp, "notes.ocr.json"))
    # nothing listens on port 9 (discard) of the loopback
    one_line_error(vocr("http://127.0.0.1:9/clip.mp4"), 1, "could not read it")
    one_line_error(vocr(clip, "-l", "xyz", "-o", os.path.join(tmp, "x.json")), 1,
                   "apt install tesseract-ocr-xyz")
    one_line_error(vocr(clip, "-o", os.path.join(tmp, "no/such/dir/x.json")), 1,
                   "no/such/dir")
    one_line_error(vocr(), 2, "no INPUT")
    one_line_error(vocr(clip, clip), 2, "one INPUT")
    one_line_error(vocr(clip, "-f", "docx"), 2, "unknown format 'docx'")
    one_line_error(vocr(clip, "--threads", "many"), 2, "--help")
    one_line_error(vocr(clip, "--roi", "1,2,3"), 2, "x,y,width,height")
    one_line_error(vocr("--demo", clip), 2, "--demo takes no INPUT")
    r = vocr("--help")
    assert r.returncode == 0 and "INPUT" in r.stdout and "--languages" in r.stdout, r
    r = vocr("--version")
    assert r.returncode == 0 and "vocr (gst-vocr)" in r.stdout and "Tesseract 5" in r.stdout, r


def test_progress_on_a_terminal(tmp, clip):
    import pty
    # a running clock makes every frame worth reading: a run long enough
    # for the bar to be drawn
    clock_clip = os.path.join(tmp, "clock.mp4")
    encode(clock_clip, 6, [(0, 6, TEXT_A)], clock=True)
    master, slave = pty.openpty()
    p = subprocess.Popen([VOCR, clock_clip, "-o", os.path.join(tmp, "p.json"), "--interval",
                          "0", "--threads", "1"], stderr=slave, cwd=tmp)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait(timeout=120)
    os.close(master)
    text = out.decode(errors="replace")
    assert p.returncode == 0, text
    # a bar redrawn in place, with percent, speed and ETA, then the summary
    assert "\r" in text and "%" in text and "x real time" in text and "ETA" in text, text
    assert TEXT_A in text, text


def test_bad_media(tmp, clip):
    """Truncated, corrupted and empty files: a clean end or one clear error
    line, never a crash or a hang, and what was read before is kept."""
    ts = os.path.join(tmp, "ab.ts")
    subprocess.run(
        ["gst-launch-1.0", "-q", "filesrc", "location=" + clip, "!", "qtdemux", "!",
         "h264parse", "!", "mpegtsmux", "!", "filesink", "location=" + ts], check=True,
        env=SYSTEM_ENV)
    data = open(ts, "rb").read()

    # cut in the middle of a packet, after the first text's frames
    cut = os.path.join(tmp, "cut.ts")
    with open(cut, "wb") as f:
        f.write(data[:len(data) * 2 // 5 + 77])
    out = os.path.join(tmp, "cut.json")
    r = vocr(cut, "-o", out, "-q")
    assert r.returncode in (0, 1), r
    assert len(r.stderr.strip().splitlines()) <= 1, r.stderr
    texts = [i["text"] for i in ocr_items(json.load(open(out)))]
    assert TEXT_A in texts, texts

    # bytes flipped at fixed offsets all through the file
    flipped = bytearray(data)
    for offset in range(1000, len(flipped), 7919):
        flipped[offset] ^= 0xff
    bad = os.path.join(tmp, "flipped.ts")
    with open(bad, "wb") as f:
        f.write(flipped)
    r = vocr(bad, "-o", os.path.join(tmp, "flipped.json"), "-q")
    assert r.returncode in (0, 1), r
    assert len(r.stderr.strip().splitlines()) <= 1, r.stderr
    if r.returncode == 0:
        json.load(open(os.path.join(tmp, "flipped.json")))

    # an empty file and a truncated MP4 (its index is at the end): errors
    empty = os.path.join(tmp, "empty.mp4")
    open(empty, "wb").close()
    one_line_error(vocr(empty), 1, "empty.mp4")
    truncated = os.path.join(tmp, "truncated.mp4")
    with open(truncated, "wb") as f:
        f.write(open(clip, "rb").read()[:4000])
    one_line_error(vocr(truncated), 1, "truncated.mp4")


def test_sigint_keeps_what_was_read(tmp, clip):
    long_clip = os.path.join(tmp, "long.mp4")
    # the clock changes every frame, so every frame is read: slower than the
    # test waits, on one thread
    encode(long_clip, 30, [(0, 30, TEXT_A)], clock=True)
    out = os.path.join(tmp, "interrupted.json")
    p = subprocess.Popen([VOCR, long_clip, "-o", out, "--interval", "0", "--threads", "1"],
                         stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    assert p.poll() is None, "finished before the interrupt"
    p.send_signal(signal.SIGINT)
    stderr = p.communicate(timeout=120)[1]
    assert p.returncode == 0, (p.returncode, stderr)
    assert "interrupted, finishing" in stderr, stderr
    doc = json.load(open(out))
    items = ocr_items(doc)
    assert TEXT_A in [i["text"] for i in items], items
    assert 0 < doc["durationInSeconds"] < 30, doc["durationInSeconds"]


def test_demo(tmp, clip):
    r = vocr("--demo", "-q")
    assert r.returncode == 0, r.stderr
    texts = [i["text"] for i in ocr_items(json.loads(r.stdout))]
    assert texts == ["Welcome to gst-vocr", "Text found in video"], texts


def main():
    tests = [v for k, v in sorted(globals().items()) if k.startswith("test_")]
    failures = 0
    global CLIP
    with tempfile.TemporaryDirectory() as tmp:
        clip = CLIP = os.path.join(tmp, "ab.mp4")
        encode(clip, 4, [(0, 2, TEXT_A), (2, 4, TEXT_B)])
        for test in tests:
            try:
                test(tmp, clip)
                print("PASS", test.__name__)
            except Exception:
                failures += 1
                print("FAIL", test.__name__)
                traceback.print_exc(file=sys.stdout)
    print("%d%%: Checks: %d, Failures: %d, Errors: 0"
          % (100 * (len(tests) - failures) // len(tests), len(tests), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
