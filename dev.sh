#!/bin/sh
# gst-vocr developer entry point: install what is missing, build, and
#   ./dev.sh demo    read the text of a clip made on the spot, print insights
#   ./dev.sh test    run the whole test suite; ends with "N passed, N failed"
#   ./dev.sh build   only install and build
# Run as root on Debian 12 (or with sudo available) so missing packages can
# be installed; everything else happens in ./build.
set -eu

cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}

# Build and runtime: compiler, GStreamer, Tesseract with English data, and a
# font for textoverlay (the demo and the tests draw their own text). Tests add the plugins and languages they exercise.
PACKAGES="gcc meson ninja-build pkg-config python3
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  libtesseract-dev libleptonica-dev libjson-glib-dev
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-x fonts-dejavu-core tesseract-ocr-eng"
TEST_PACKAGES="tesseract-ocr-deu tesseract-ocr-fra"

install_packages() {
  missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" \
      || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "dev.sh: installing$missing" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    --no-install-recommends $missing >/dev/null
}

build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    meson setup "$BUILD_DIR" -Dtests=enabled "$@"
  fi
  ninja -C "$BUILD_DIR"
}

# Prints the suite's figures as checks passed/failed: a test binary that
# crashed or timed out before reporting counts as one failure.
summarize() {
  python3 - "$BUILD_DIR/meson-logs/testlog.json" <<'PY'
import json, re, sys
passed = failed = 0
for line in open(sys.argv[1]):
    t = json.loads(line)
    m = re.search(r"Checks: (\d+), Failures: (\d+), Errors: (\d+)", t.get("stdout") or "")
    if m:
        checks, fails, errors = map(int, m.groups())
        passed += checks - fails - errors
        failed += fails + errors
        if t["result"] != "OK" and fails + errors == 0:
            failed += 1
    elif t["result"] == "OK":
        passed += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed")
PY
}

cmd=${1:-demo}
case "$cmd" in
  build)
    install_packages $PACKAGES
    build
    ;;
  test)
    install_packages $PACKAGES $TEST_PACKAGES
    build
    rc=0
    meson test -C "$BUILD_DIR" --print-errorlogs --num-processes 2 || rc=$?
    summarize
    exit $rc
    ;;
  demo)
    install_packages $PACKAGES
    build
    out=$(mktemp -d)
    # Timed text, rendered by textoverlay: the clip is made on the spot.
    printf '1\n00:00:00,000 --> 00:00:03,000\nWelcome to gst-vocr\n\n2\n00:00:03,000 --> 00:00:06,000\nText found in video\n\n' \
      > "$out/demo.srt"
    echo "Reading a 6 s 1280x720 clip: 'Welcome to gst-vocr' for 3 s, then 'Text found in video'." >&2
    GST_PLUGIN_PATH="$PWD/$BUILD_DIR/gst-plugin" gst-launch-1.0 -q \
      videotestsrc num-buffers=180 pattern=ball \
        ! video/x-raw,width=1280,height=720,framerate=30/1 \
        ! textoverlay name=overlay font-desc="Sans 32" valignment=bottom \
        ! vocrtextdetect ! vocrinsightsink location="$out/demo.json" title="gst-vocr demo" \
      filesrc location="$out/demo.srt" ! subparse ! overlay.text_sink
    cat "$out/demo.json"
    rm -rf "$out"
    ;;
  *)
    echo "usage: $0 [demo|test|build]" >&2
    exit 2
    ;;
esac
