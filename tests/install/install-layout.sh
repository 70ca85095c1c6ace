#!/bin/sh
# install-layout.sh FILE...: installs the build into a staging directory,
# checks that every FILE (an absolute path under the prefix) is there, builds
# examples/print-text.c and a program calling the library against the
# installed gstreamer-vocr-1.0.pc, and runs them, and the Python example when
# the typelib is installed, with the installed plugin and library only.
#
# tests/install/meson.build sets the environment: MESON, BUILD_ROOT, PREFIX,
# LIBDIR (absolute), CC, PKG_CONFIG, EXAMPLE_C, EXAMPLE_PY, PYTHON (empty
# without introspection), TEXT (what the examples must print) and
# EXPECT_TEXT (tests/examples/expect-text.sh).
set -eu

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stage=$tmp/stage

"$MESON" install -C "$BUILD_ROOT" --destdir "$stage" --no-rebuild --quiet

missing=0
for f in "$@"; do
  if [ ! -e "$stage$f" ]; then
    echo "FAIL: not installed: $f" >&2
    missing=1
  fi
done
[ $missing -eq 0 ]

# The .pc names the configured prefix. pkg-config cannot move it to the
# staging directory: --define-prefix assumes <prefix>/lib/pkgconfig, not the
# multiarch lib/<triplet>/pkgconfig, and --define-variable=prefix or a sysroot
# would move the system's GStreamer too. A copy naming the staging prefix is
# what an install into that prefix would have written.
pc=$stage$LIBDIR/pkgconfig/gstreamer-vocr-1.0.pc
if ! grep -qxF "prefix=$PREFIX" "$pc"; then
  echo "FAIL: $pc does not say prefix=$PREFIX" >&2
  exit 1
fi
mkdir "$tmp/pkgconfig"
sed "s|^prefix=.*|prefix=$stage$PREFIX|" "$pc" > "$tmp/pkgconfig/${pc##*/}"
flags=$(PKG_CONFIG_PATH=$tmp/pkgconfig "$PKG_CONFIG" --cflags --libs \
  gstreamer-vocr-1.0 gstreamer-1.0)

# The installed headers must compile cleanly in a user's program.
cat > "$tmp/bcp47.c" <<'C'
#include <gst/vocr/vocr.h>

int
main (void)
{
  g_print ("%s\n", gst_vocr_language_to_bcp47 ("deu"));
  return 0;
}
C
$CC -Wall -Werror -o "$tmp/bcp47" "$tmp/bcp47.c" $flags
$CC -Wall -Werror -o "$tmp/print-text" "$EXAMPLE_C" $flags

# Only the staged plugin and library, and GStreamer's default system path
# for videotestsrc and textoverlay. The install strips the build tree's
# RPATH, so the plugin finds the staged library through LD_LIBRARY_PATH.
unset GST_PLUGIN_PATH_1_0 GST_PLUGIN_SYSTEM_PATH GST_PLUGIN_SYSTEM_PATH_1_0
export GST_PLUGIN_PATH="$stage$LIBDIR/gstreamer-1.0"
export GST_REGISTRY="$tmp/registry.dat"
export LD_LIBRARY_PATH="$stage$LIBDIR"
"$EXPECT_TEXT" de-DE "$tmp/bcp47"
"$EXPECT_TEXT" "$TEXT" "$tmp/print-text"
if [ -n "$PYTHON" ]; then
  GI_TYPELIB_PATH="$stage$LIBDIR/girepository-1.0" \
    "$EXPECT_TEXT" "$TEXT" "$PYTHON" "$EXAMPLE_PY"
fi
