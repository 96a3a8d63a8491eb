#!/usr/bin/env bash
# Starts the real viewer under Xvfb on the sample articles and saves a screenshot.
# Usage: .ci/screenshot.sh [OUTPUT.png] [FILES...]
# Needs: apt-get install -y xvfb imagemagick mesa-vulkan-drivers libgl1-mesa-dri
# Optional: SCREENSHOT_SIZE=1920x1080 (screen, and the window is made to fill it) and
# SCREENSHOT_KEYS="F7" (keys sent before the screenshot; both need xdotool). The docs'
# pictures: SCREENSHOT_SIZE=1600x1000 (or 900x600) SCREENSHOT_KEYS="F7 F7" .ci/screenshot.sh
# docs/screenshot-1600x1000.png assets/samples assets/demo, then
# convert FILE -strip -colors 256 PNG8:FILE to keep them small.
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-assets/screenshot.png}"
shift || true
cargo build --release --quiet
display=":$(( (RANDOM % 400) + 100 ))"
size="${SCREENSHOT_SIZE:-1600x900}"
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
# A fresh configuration folder, so that the first-run view (the samples) is what shows.
export XDG_DATA_HOME
XDG_DATA_HOME="$(mktemp -d)"
DISPLAY="$display" "${CARGO_TARGET_DIR:-target}/release/parallax" "$@" &
viewer=$!
sleep "${SCREENSHOT_WAIT:-6}"
if command -v xdotool >/dev/null; then
    window="$(DISPLAY="$display" xdotool search --name Parallax | head -n 1 || true)"
    if [ -n "$window" ] && [ -n "${SCREENSHOT_SIZE:-}" ]; then
        DISPLAY="$display" xdotool windowmove "$window" 0 0 windowsize "$window" "${size%x*}" "${size#*x}"
        sleep 2
    fi
    for key in ${SCREENSHOT_KEYS:-}; do
        [ -n "$window" ] && DISPLAY="$display" xdotool windowfocus --sync "$window" key "$key" || true
        sleep 1
    done
fi
# Scrolling to a selection is animated, and a CPU renderer draws a frame in 0.1 to 0.3 s.
sleep "${SCREENSHOT_SETTLE:-3}"
DISPLAY="$display" import -window root "$output"
kill "$viewer" 2>/dev/null || true
echo "saved $output"
