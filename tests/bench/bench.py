#!/usr/bin/env python3
# gst-vocr benchmark: decode-only, gst-vocr and the naive baseline on the same
# clips, in the same run, side by side.
#
#   tests/bench/bench.py CORPUS_DIR [--runs 3] [--shared ../shared/bench]
#                        [--build build] [--out DIR] [--detect-props '...']
#
# CORPUS_DIR comes from shared/bench/make_corpus.py (NAME.mp4 +
# NAME.truth.json). For every clip and every pipeline it runs --runs times
# and reports medians: speed as x real time, CPU seconds (user + sys), peak
# RSS, and for gst-vocr the samples read and reused and the regions read and
# carried from its vocr-stats
# message; timed word F1 comes from shared/bench/score.py. Needs
# gstreamer1.0-libav (avdec_h264) and, for the baseline, python3-pil,
# python3-numpy, ffmpeg and tesseract-ocr.
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DECODE = "filesrc location={video} ! qtdemux ! h264parse ! avdec_h264"


def run_timed(cmd, env=None):
    """Runs @cmd under /usr/bin/time; returns (wall, cpu, rss MiB, output)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name] + cmd
        proc = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=env, text=True)
        if proc.returncode != 0:
            raise RuntimeError("%s failed:\n%s" % (" ".join(cmd), proc.stdout[-2000:]))
        wall, user, sys_, rss = t.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024.0, proc.stdout


def f1(score_py, truth, pred):
    out = subprocess.run(["/usr/bin/python3", score_py, "--truth", truth, "--pred", pred,
                          "--json"], capture_output=True, text=True, check=True).stdout
    return json.loads(out)["summary"]["f1"]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared", "bench"))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--out", default=None, help="where outputs go (default: a temp dir)")
    ap.add_argument("--detect-props", default="", help="extra vocrtextdetect properties")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()

    env = dict(os.environ, GST_PLUGIN_PATH=os.path.join(args.build, "gst-plugin"))
    score_py = os.path.join(args.shared, "score.py")
    baseline = os.path.join(args.shared, "baseline", "naive_tesseract.py")
    out_dir = args.out or tempfile.mkdtemp(prefix="vocr-bench-")
    os.makedirs(out_dir, exist_ok=True)
    clips = sorted(f[:-4] for f in os.listdir(args.corpus) if f.endswith(".mp4"))
    if not clips:
        sys.exit("bench: no .mp4 in %s" % args.corpus)

    rows = []
    for clip in clips:
        video = os.path.join(args.corpus, clip + ".mp4")
        truth = os.path.join(args.corpus, clip + ".truth.json")
        duration = json.load(open(truth))["duration"]
        pipelines = {
            "decode-only": (["gst-launch-1.0", "-q"] + (DECODE + " ! fakesink").format(
                video=video).split(), None),
            "gst-vocr": (["gst-launch-1.0", "-m"] + (DECODE + " ! vocrtextdetect {props} "
                         "! vocrinsightsink location={out}").format(
                video=video, props=args.detect_props,
                out=os.path.join(out_dir, clip + ".vocr.json")).split(),
                os.path.join(out_dir, clip + ".vocr.json")),
        }
        if not args.no_baseline:
            pipelines["baseline"] = (["/usr/bin/python3", baseline, video,
                                      os.path.join(out_dir, clip + ".baseline.json")],
                                     os.path.join(out_dir, clip + ".baseline.json"))
        # interleaved, so that a busy moment of the machine hits all alike
        results = {name: [] for name in pipelines}
        for _ in range(args.runs):
            for name, (cmd, _) in pipelines.items():
                results[name].append(run_timed(cmd, env))
        for name, (cmd, pred) in pipelines.items():
            walls = [r[0] for r in results[name]]
            row = {
                "clip": clip, "pipeline": name,
                "xrt": duration / statistics.median(walls),
                "cpu": statistics.median(r[1] for r in results[name]),
                "rss": statistics.median(r[2] for r in results[name]),
                "ocr": "", "reused": "", "regions": "", "f1": "",
            }
            if name == "gst-vocr":
                stats = re.findall(r"vocr-stats, .*?recognised=\(guint64\)(\d+), "
                                   r"reused=\(guint64\)(\d+)", results[name][-1][3])
                if stats:
                    row["ocr"], row["reused"] = stats[-1]
                regions = re.findall(r"regions-read=\(guint64\)(\d+), "
                                     r"regions-carried=\(guint64\)(\d+)",
                                     results[name][-1][3])
                if regions:
                    row["regions"] = "%s/%s" % regions[-1]
            if pred:
                row["f1"] = "%.3f" % f1(score_py, truth, pred)
            rows.append(row)

    print("%-22s %-12s %9s %8s %9s %6s %7s %15s %6s" % (
        "clip", "pipeline", "x realtime", "CPU s", "RSS MiB", "OCR", "reused",
        "regions rd/car", "F1"))
    for r in rows:
        print("%-22s %-12s %9.2f %8.2f %9.1f %6s %7s %15s %6s" % (
            r["clip"], r["pipeline"], r["xrt"], r["cpu"], r["rss"], r["ocr"], r["reused"],
            r["regions"], r["f1"]))
    by_clip = {}
    for r in rows:
        by_clip.setdefault(r["clip"], {})[r["pipeline"]] = r
    print()
    for clip, p in by_clip.items():
        line = "%s: gst-vocr at %.2f of decode-only throughput" % (
            clip, p["gst-vocr"]["xrt"] / p["decode-only"]["xrt"])
        if "baseline" in p:
            line += ", %.2fx the baseline's" % (p["gst-vocr"]["xrt"] / p["baseline"]["xrt"])
        print(line)
    print("(medians of %d runs; outputs in %s)" % (args.runs, out_dir))


if __name__ == "__main__":
    main()
