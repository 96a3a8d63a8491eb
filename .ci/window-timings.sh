#!/usr/bin/env bash
# Times the real viewer window under Xvfb (Mesa's CPU renderer): when the articles' texts and
# then the report's marks are first drawn after start, and the frame times while a column is
# scrolled with the mouse wheel. Prints a summary; the raw log is left in $LOG.
# Usage: .ci/window-timings.sh [FILES...]   (default: the samples and assets/demo)
# Needs: xvfb, xdotool, mesa-vulkan-drivers (or libgl1-mesa-dri); a release build
# (cargo build --release; CARGO_TARGET_DIR is honoured).
# Optional: SIZE=1600x1000, WAIT=6 (seconds before scrolling), SCROLLS=300 (wheel clicks).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${CARGO_TARGET_DIR:-target}/release/parallax"
[ $# -gt 0 ] || set -- assets/samples assets/demo
size="${SIZE:-1600x1000}"
display=":$(( (RANDOM % 400) + 100 ))"
LOG="${LOG:-$(mktemp)}"
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
export XDG_DATA_HOME
XDG_DATA_HOME="$(mktemp -d)"
PARALLAX_TIMINGS=1 DISPLAY="$display" "$binary" "$@" 2>"$LOG" &
viewer=$!
sleep "${WAIT:-6}"
window="$(DISPLAY="$display" xdotool search --name Parallax | head -n 1)"
DISPLAY="$display" xdotool windowmove "$window" 0 0 windowsize "$window" "${size%x*}" "${size#*x}"
sleep 2
before="$(grep -c '^frame ' "$LOG" || true)"
# The middle of the window is a column's text: scroll it down, then up.
DISPLAY="$display" xdotool mousemove $(( ${size%x*} / 2 )) $(( ${size#*x} / 2 ))
half=$(( ${SCROLLS:-300} / 2 ))
DISPLAY="$display" xdotool click --repeat "$half" --delay 8 5
DISPLAY="$display" xdotool click --repeat "$half" --delay 8 4
sleep 1
kill "$viewer" 2>/dev/null || true
wait "$viewer" 2>/dev/null || true
echo "log: $LOG"
grep -E '^(first frame|texts loaded|texts drawn|marks drawn|extract|align|compare) ' "$LOG" || true
# Frame times while scrolling: the gaps between the starts of consecutive frames.
grep '^frame ' "$LOG" | tail -n +"$(( before + 1 ))" | python3 -c '
import re, sys
unit = {"s": 1000, "ms": 1, "µs": 0.001, "ns": 0.000001}
lines = sys.stdin.read().splitlines()
def times(key):
    return [float(m.group(1)) * unit[m.group(2)]
            for line in lines
            for m in [re.search(key + r" ([0-9.]+)(ms|µs|ns|s)", line)] if m]
began = times("began")
gaps = sorted(b - a for a, b in zip(began, began[1:]))
drawn = sorted(times("drawn in"))
if not gaps:
    sys.exit("no frames while scrolling")
def show(what, values):
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"{what}: {len(values)} frames, median {pick(0.5):.1f} ms, "
          f"95th percentile {pick(0.95):.1f} ms, slowest {values[-1]:.1f} ms")
show("scrolling, frame to frame (drawing, painting, presenting)", gaps)
show("scrolling, the UI code alone", drawn)
'
