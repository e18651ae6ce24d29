# Makefile - the front door: dependencies, build, demo, tests.
#
#   make          build (build/cmd/roadmap)
#   make demo     install what is missing, build, run the example
#   make test     install, build, run every test (normal and sanitizer builds)
#   make install  meson install (PREFIX=/usr/local by default)

PACKAGES = meson ninja-build pkg-config gcc libcjson-dev libcsv-dev \
	libxlsxwriter-dev scdoc python3-openpyxl
BUILD = build
SAN = build-san
PREFIX ?= /usr/local
ROADMAP = $(BUILD)/cmd/roadmap
DEMO = $(BUILD)/demo

.PHONY: all deps build test test-normal test-sanitize demo install clean

all: build

# Installs missing Debian packages when run as root; otherwise prints the
# exact command to run and stops.
deps:
	@missing=""; \
	for p in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
			grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing:$$missing"; \
			apt-get update && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y \
				--no-install-recommends $$missing || exit 1; \
		else \
			echo "missing Debian packages:$$missing"; \
			echo "run: sudo apt-get update && sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

build: deps
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD) --prefix=$(PREFIX)
	ninja -C $(BUILD)

test-normal: build
	meson test -C $(BUILD) --print-errorlogs

test-sanitize: deps
	@[ -f $(SAN)/build.ninja ] || meson setup $(SAN) \
		-Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args=-fno-sanitize-recover=all
	ninja -C $(SAN)
	meson test -C $(SAN) --print-errorlogs

# Both builds run even if the first fails, so one run reports everything.
test: build
	@rc=0; \
	$(MAKE) --no-print-directory test-normal || rc=1; \
	$(MAKE) --no-print-directory test-sanitize || rc=1; \
	exit $$rc

demo: build
	@mkdir -p $(DEMO)
	@cp examples/acme/roadmap.json $(DEMO)/acme.json
	@echo
	@echo "== the Acme example roadmap: initiatives"
	@$(ROADMAP) -f $(DEMO)/acme.json list
	@echo
	@echo "== its goals"
	@$(ROADMAP) -f $(DEMO)/acme.json list goals
	@echo
	@echo "== one initiative, with its spend per quarter"
	@$(ROADMAP) -f $(DEMO)/acme.json show recs-engine
	@echo
	@echo "The example roadmap is $(DEMO)/acme.json; try"
	@echo "  $(ROADMAP) -f $(DEMO)/acme.json help"

install: build
	meson install -C $(BUILD)

clean:
	rm -rf $(BUILD) $(SAN)
