#!/usr/bin/env bash
# windows.sh — cross-build Decline Desk for Windows on Linux, with mingw-w64.
#
#   scripts/windows.sh exe   # bin/windows/declinedesk.exe, what the Windows tests run
#   scripts/windows.sh zip   # the same .exe in dist/declinedesk-VERSION-windows-amd64.zip
#
# The .exe carries the app's icon, name and version in its Windows resources, made from the
# FyneApp.toml at the root at build time (go-winres), and is a windowed program: a
# double-click opens no console beside it. It is built like `fyne package --release`
# builds: the release and migrated_fynedo tags, paths trimmed, symbols left out.
#
# The first build compiles Fyne and GLFW for Windows and takes several minutes; Go's build
# cache makes every later one a matter of seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
what=${1:-zip}
case "$what" in exe|zip) ;; *) echo "usage: scripts/windows.sh exe|zip" >&2; exit 2 ;; esac
src=cmd/declinedesk
exe=bin/windows/declinedesk.exe
WINRES_VERSION=${WINRES_VERSION:-v0.3.3}
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto} # go.mod's toolchain line: the patched Go release

scripts/deps.sh windows
GOBIN="$root/bin/tools" go install "github.com/tc-hib/go-winres@$WINRES_VERSION"

# FyneApp.toml's [Details]: the one place the name, version, build number and icon are set.
detail() { sed -n "/^\[Details\]/,/^\[/s/^$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml; }
name=$(detail Name) version=$(detail Version) build=$(detail Build) icon=$(detail Icon)
for v in name version build icon; do
  [ -n "${!v}" ] || { echo "windows: FyneApp.toml has no $v in [Details]" >&2; exit 1; }
done
[ -f "$icon" ] || { echo "windows: the icon $icon named in FyneApp.toml is missing" >&2; exit 1; }

# The resources go beside the main package for the duration of the build only, whatever
# happens; the _windows_amd64 suffix keeps every other build from linking them.
syso="$src/rsrc_windows_amd64.syso"
[ ! -e "$syso" ] || { echo "windows: $syso exists; remove it first" >&2; exit 1; }
trap 'rm -f "$syso"' EXIT
"$root/bin/tools/go-winres" simply --arch amd64 --no-suffix --out "$syso" \
  --icon "$icon" --manifest gui \
  --product-name "$name" --file-description "$name" --original-filename declinedesk.exe \
  --product-version "$version" --file-version "$version.$build"

mkdir -p "$(dirname "$exe")"
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
  go build -trimpath -tags release,migrated_fynedo -ldflags "-s -w -H windowsgui" -o "$exe" "./$src"
rm -f "$syso"
echo "windows: $exe"
[ "$what" = exe ] && exit 0

stage=$(mktemp -d)
trap 'rm -f "$syso"; rm -rf "$stage"' EXIT
dir="declinedesk-$version-windows-amd64"
mkdir -p "$stage/$dir" dist
cp "$exe" "$stage/$dir/declinedesk.exe"
out="$root/dist/$dir.zip"
rm -f "$out"
(cd "$stage" && zip -q -r -X "$out" "$dir")
echo "windows: dist/$dir.zip"
unzip -l "$out"
