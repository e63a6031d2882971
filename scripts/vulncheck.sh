#!/usr/bin/env bash
# vulncheck.sh — run govulncheck against the Go vulnerability database, with everything
# fetched through the Go module proxy: the tool, and the database itself, which is built
# locally from the OSV files of the golang.org/x/vulndb module.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto}   # go.mod's toolchain line: the patched Go release
tools="$PWD/bin/tools"
db="$PWD/bin/vulndb"
VULN_VERSION=${VULN_VERSION:-v1.9.0}
VULNDB_VERSION=${VULNDB_VERSION:-latest}

GOBIN="$tools" go install "golang.org/x/vuln/cmd/govulncheck@$VULN_VERSION"
version=$(go list -m -f '{{.Version}}' "golang.org/x/vulndb@$VULNDB_VERSION")
dir=$(go mod download -json "golang.org/x/vulndb@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
GOBIN="$tools" go install "golang.org/x/vulndb/cmd/indexdb@$version"
rm -rf "$db"
"$tools/indexdb" -vulns "$dir/data/osv" -out "$db"
echo "vulncheck: database golang.org/x/vulndb@$version, $(ls "$dir/data/osv" | wc -l) entries"
"$tools/govulncheck" -db "file://$db" -show verbose ./...
