#!/bin/sh
# gst-vocr developer entry point: install what is missing, build, and
#   ./dev.sh demo    vocr --demo: read a clip made on the spot, print insights
#   ./dev.sh test    run the whole test suite, then each fuzz target for
#                    FUZZ_SECONDS (30); ends with "N passed, N failed"
#   ./dev.sh build   only install and build
# Run as root on Debian 12 (or with sudo available) so missing packages can
# be installed; everything else happens in ./build.
set -eu

cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}
FUZZ_DIR=${FUZZ_DIR:-build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-30}

# Build and runtime: compiler, GStreamer, Tesseract with English data, and a
# font for textoverlay (the demo and the tests draw their own text). Tests add the plugins and languages they exercise.
PACKAGES="gcc meson ninja-build pkg-config python3
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  libtesseract-dev libleptonica-dev libjson-glib-dev libgirepository1.0-dev
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-x fonts-dejavu-core tesseract-ocr-eng"
TEST_PACKAGES="tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-rus tesseract-ocr-ara
  tesseract-ocr-chi-sim tesseract-ocr-hin fonts-noto-cjk fonts-lohit-deva
  gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav
  libgstrtspserver-1.0-dev
  python3-gi python3-gst-1.0 gir1.2-gstreamer-1.0 gir1.2-gst-plugins-base-1.0
  clang libclang-rt-14-dev"

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

# $1: the tests option. The suite needs the test packages (the RTSP server
# library among them), which demo and build do not install: there it is
# "auto", so a fresh machine builds the elements without them.
build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    meson setup "$BUILD_DIR" -Dtests="$1" -Dintrospection=enabled
  else
    # packages installed since the last run (the test ones) are found
    meson setup --reconfigure "$BUILD_DIR" -Dtests="$1" >/dev/null
  fi
  ninja -C "$BUILD_DIR"
}

# The libFuzzer targets, built with clang and the address and undefined
# behaviour sanitizers in a build of their own.
fuzz() {
  if [ ! -f "$FUZZ_DIR/build.ninja" ]; then
    CC=clang meson setup "$FUZZ_DIR" -Dfuzzing=true -Dtests=enabled \
      -Dintrospection=disabled -Db_sanitize=address,undefined \
      -Db_lundef=false -Dfuzz-seconds="$FUZZ_SECONDS" >/dev/null
  else
    meson configure "$FUZZ_DIR" -Dfuzz-seconds="$FUZZ_SECONDS"
  fi
  ninja -C "$FUZZ_DIR" tests/fuzz/fuzz_time tests/fuzz/fuzz_parse \
    tests/fuzz/fuzz_writers tests/fuzz/fuzz_aggregator
  meson test -C "$FUZZ_DIR" --suite fuzz --no-rebuild --print-errorlogs \
    --num-processes 2
}

# The whole meson suite under the same sanitizers, leaks included where the
# process is ours (see tests/meson.build for the python-hosted tests).
# examples_python takes the plain build's typelib: a sanitized build cannot
# make one (see tests/examples/meson.build). About five minutes.
# meson names the log <logbase>-<setup>.json.
sanitized() {
  ninja -C "$FUZZ_DIR"
  GI_TYPELIB_PATH="$PWD/$BUILD_DIR/src" \
    meson test -C "$FUZZ_DIR" --setup sanitized --no-rebuild \
    --print-errorlogs --num-processes 2 --logbase all libs_textmeta \
    libs_aggregator libs_insights libs_change elements_vocrinsightsink \
    elements_vocrtextdetect_reading elements_vocrtextdetect_pipeline \
    elements_vocrtextdetect_states elements_vocrtextdetect_change \
    elements_vocrtextdetect_live \
    elements_rtsp examples_c examples_python \
    install_layout disk_full cli_vocr
}

# Prints the suite's figures as checks passed/failed: a test binary that
# crashed or timed out before reporting counts as one failure.
summarize() {
  python3 - "$@" <<'PY'
import json, re, sys
passed = failed = 0
lines = []
for log in sys.argv[1:]:
    try:
        lines += open(log).readlines()
    except OSError:
        failed += 1
for line in lines:
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
    elif t["result"] == "SKIP":
        # a test that cannot run here (disk_full without mount rights)
        continue
    else:
        failed += 1
print(f"{passed} passed, {failed} failed")
PY
}

cmd=${1:-demo}
case "$cmd" in
  build)
    install_packages $PACKAGES
    build auto
    ;;
  test)
    install_packages $PACKAGES $TEST_PACKAGES
    build enabled
    rc=0
    meson test -C "$BUILD_DIR" --print-errorlogs --num-processes 2 || rc=$?
    fuzz || rc=$?
    sanitized || rc=$?
    summarize "$BUILD_DIR/meson-logs/testlog.json" \
      "$FUZZ_DIR/meson-logs/testlog.json" \
      "$FUZZ_DIR/meson-logs/all-sanitized.json"
    exit $rc
    ;;
  demo)
    install_packages $PACKAGES
    build auto
    # vocr --demo draws a clip with known text, reads it and prints the
    # insights JSON, then a summary on stderr
    GST_PLUGIN_PATH="$PWD/$BUILD_DIR/gst-plugin" "$BUILD_DIR/tools/vocr" --demo
    ;;
  *)
    echo "usage: $0 [demo|test|build]" >&2
    exit 2
    ;;
esac
