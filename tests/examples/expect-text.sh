#!/bin/sh
# expect-text.sh TEXT COMMAND [ARG...]: runs COMMAND, shows what it printed,
# and succeeds if it succeeded and printed TEXT.
set -u
text=$1
shift
out=$("$@")
rc=$?
printf '%s\n' "$out"
if [ $rc -ne 0 ]; then
  echo "FAIL: $* exited with status $rc" >&2
  exit 1
fi
case $out in
  *"$text"*) exit 0 ;;
esac
echo "FAIL: $* did not print \"$text\"" >&2
exit 1
