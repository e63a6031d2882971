#!/usr/bin/env bash
# deps.sh — install the system packages Decline Desk needs, when they are missing.
#
#   scripts/deps.sh build   # to compile: a C compiler and the OpenGL/X11/Wayland headers
#   scripts/deps.sh windows # to cross-build for Windows: mingw-w64's C compiler, and zip
#   scripts/deps.sh test    # all of the above, a virtual display and X tools for the
#                           # end-to-end tests, Python's icalendar to read the calendar export
#                           # back, and Wine to run the Windows build
#
# On Debian and Ubuntu it installs them with apt-get (as root, else with sudo).
# Elsewhere it prints what to install and carries on.
set -euo pipefail

build_pkgs="gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev"
windows_pkgs="gcc-mingw-w64-x86-64 zip"
test_pkgs="xvfb xdotool x11-utils imagemagick xclip python3-icalendar wine64"

case "${1:-build}" in
  build) want=$build_pkgs ;;
  windows) want=$windows_pkgs ;;
  test) want="$build_pkgs $windows_pkgs $test_pkgs" ;;
  *) echo "usage: scripts/deps.sh build|windows|test" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null 2>&1; then
  echo "deps: Go is not installed; get Go 1.25 or newer from https://go.dev/dl/ and run this again." >&2
  exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  case "$(uname -s)" in
    Darwin) echo "deps: on macOS, the Xcode command line tools are all you need: xcode-select --install" >&2 ;;
    MINGW*|MSYS*|CYGWIN*) echo "deps: on Windows, install a gcc for cgo (for example MSYS2's mingw-w64-x86_64-gcc)." >&2 ;;
    *) echo "deps: not a Debian-like system; install the equivalents of: $want" >&2
       echo "      Fedora: sudo dnf install gcc libXcursor-devel libXrandr-devel mesa-libGL-devel libXi-devel libXinerama-devel libXxf86vm-devel wayland-devel libxkbcommon-devel xorg-x11-server-Xvfb xdotool xdpyinfo ImageMagick xclip python3-icalendar mingw64-gcc zip wine" >&2 ;;
  esac
  exit 0
fi

missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "deps: missing packages:$missing" >&2
  echo "      run as root: apt-get update && apt-get install -y$missing" >&2
  exit 1
fi
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
