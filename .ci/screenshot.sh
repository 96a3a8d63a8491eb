#!/usr/bin/env bash
# Starts the real viewer under Xvfb on the sample articles and saves a screenshot.
# Usage: .ci/screenshot.sh [OUTPUT.png] [FILES...]
# Needs: apt-get install -y xvfb imagemagick mesa-vulkan-drivers libgl1-mesa-dri
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-assets/screenshot.png}"
shift || true
cargo build --release --quiet
display=":$(( (RANDOM % 400) + 100 ))"
Xvfb "$display" -screen 0 1600x900x24 -nolisten tcp &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
# A fresh configuration folder, so that the first-run view (the samples) is what shows.
export XDG_DATA_HOME
XDG_DATA_HOME="$(mktemp -d)"
DISPLAY="$display" ./target/release/parallax "$@" &
viewer=$!
sleep "${SCREENSHOT_WAIT:-6}"
DISPLAY="$display" import -window root "$output"
kill "$viewer" 2>/dev/null || true
echo "saved $output"
