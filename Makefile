# Decline Desk. `make run` opens the app, `make test` runs every test; both install what
# they need first. FyneApp.toml at the root is the one source of the app's name, id,
# version and icon.

GO        ?= go
BIN       := bin/declinedesk
WINEXE    := bin/windows/declinedesk.exe
PKG       := ./cmd/declinedesk
FUZZTIME  ?= 30s
export LANG := en_US.UTF-8
# Build with the patched Go release that go.mod's toolchain line names (fetched through the
# module proxy when the installed Go is older).
export GOTOOLCHAIN ?= auto

.PHONY: all run build test test-unit e2e test-windows bench lint fuzz deps deps-test package windows windows-exe dist perf vulncheck clean

all: build

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

build: deps
	$(GO) build -o $(BIN) $(PKG)

run: build
	./$(BIN)

test: deps-test lint test-unit e2e test-windows

test-unit:
	$(GO) test -race -count=1 ./...

# The real binary in a real window under Xvfb, driven with xdotool and checked through the CLI.
e2e: build
	$(GO) test -count=1 -tags e2e -run . ./e2e/ -bin $(CURDIR)/$(BIN)

# The Windows build under Wine on Xvfb: its resources, the command line on Windows paths,
# the clipboard, mailto: links and the window. The zip is built too; the tests run the
# very .exe it holds.
test-windows: deps-test windows
	$(GO) test -count=1 -tags wine -run . ./e2e/ -exe $(CURDIR)/$(WINEXE)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags e2e,wine ./e2e/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Every fuzz target for FUZZTIME each (make test runs their seed corpora).
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# A Linux .tar.xz with the .desktop entry and icon, from the root FyneApp.toml.
package:
	scripts/package.sh

# The Windows zip: dist/declinedesk-VERSION-windows-amd64.zip, cross-built with mingw-w64.
windows:
	scripts/windows.sh zip

# Only the .exe: bin/windows/declinedesk.exe.
windows-exe:
	scripts/windows.sh exe

# Both downloads: Linux and Windows, one after the other (both lend files to cmd/declinedesk
# while they build).
dist:
	scripts/package.sh
	scripts/windows.sh zip

# govulncheck with the Go vulnerability database, all through the module proxy.
vulncheck:
	scripts/vulncheck.sh

# The real window against a hello-world Fyne window: time until visible, memory when idle.
perf:
	scripts/perf.sh

clean:
	rm -rf bin dist
