#!/usr/bin/env bash
# package.sh — build a Linux .tar.xz of Decline Desk (binary, .desktop entry, icon) with the
# fyne tool, from the FyneApp.toml at the root of the repository.
#
# fyne package reads FyneApp.toml from the main package's folder; this script lends it a
# copy there (with the icon path made relative to that folder) and removes it afterwards,
# so the tree is left as it was, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
src=cmd/declinedesk
FYNE_TOOL_VERSION=${FYNE_TOOL_VERSION:-v1.7.4}

scripts/deps.sh build
GOBIN="$root/bin/tools" go install "fyne.io/tools/cmd/fyne@$FYNE_TOOL_VERSION"

[ ! -e "$src/FyneApp.toml" ] || { echo "package: $src/FyneApp.toml exists; remove it first" >&2; exit 1; }
cleanup() { rm -f "$src/FyneApp.toml" "$src/fyne_metadata_init.go" "$src"/*.tar.xz "$src/declinedesk"; }
trap cleanup EXIT
sed 's#^Icon = "\(.*\)"#Icon = "../../\1"#' FyneApp.toml > "$src/FyneApp.toml"

version=$(sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml)
arch=$(go env GOARCH)
(cd "$src" && "$root/bin/tools/fyne" package --os linux --release --name "Decline Desk")
mkdir -p dist
out="dist/declinedesk-$version-linux-$arch.tar.xz"
mv "$src/Decline Desk.tar.xz" "$out"
echo "package: $out"
tar -tJf "$out"
