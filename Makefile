# Makefile - the front door: dependencies, build, demo, tests.
#
#   make          build (build/cmd/roadmap)
#   make demo     install what is missing, build, run the example
#   make test     install, build, run every test (normal and sanitizer builds)
#   make test-long  the same with the fault loops at full strength (every
#                 system call of a save killed, five times the kills, the
#                 writers and the random edits)
#   make install  meson install (PREFIX=/usr/local by default)

# hledger is for the tests only: tests/cli/books.sh and the guide import
# registers it makes (roadmap itself never runs it)
PACKAGES = meson ninja-build pkg-config gcc libcjson-dev libcsv-dev locales \
	libxlsxwriter-dev scdoc python3-openpyxl libxml2-dev python3-jsonschema git \
	python3-lxml coinor-libcbc-dev chromium fonts-dejavu-core \
	python3-icalendar poppler-utils hledger
BUILD = build
SAN = build-san
PREFIX ?= /usr/local
# extra `meson setup` options: CI passes -Dwerror=true (a warning fails
# the build there, never a user's own configure)
MESON_ARGS ?=
ROADMAP = $(BUILD)/cmd/roadmap
DEMO = $(BUILD)/demo

.PHONY: all deps build test test-normal test-sanitize demo install clean fuzz \
	fuzz-build fuzz-smoke bench bench-deps test-long

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
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD) --prefix=$(PREFIX) $(MESON_ARGS)
	ninja -C $(BUILD)

test-normal: build
	meson test -C $(BUILD) --print-errorlogs $(MESON_TEST_ARGS)

test-sanitize: deps
	@[ -f $(SAN)/build.ninja ] || meson setup $(SAN) $(MESON_ARGS) \
		-Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args=-fno-sanitize-recover=all
	ninja -C $(SAN)
	meson test -C $(SAN) --print-errorlogs $(MESON_TEST_ARGS)

# Both builds run even if the first fails, so one run reports everything.
test: build
	@rc=0; \
	$(MAKE) --no-print-directory test-normal || rc=1; \
	$(MAKE) --no-print-directory test-sanitize || rc=1; \
	exit $$rc

# The tests read ROADMAP_TEST_LONG and scale their loops up; meson's
# timeouts are multiplied to match.
test-long: build
	@rc=0; \
	ROADMAP_TEST_LONG=1 $(MAKE) --no-print-directory test-normal \
		MESON_TEST_ARGS=--timeout-multiplier=10 || rc=1; \
	ROADMAP_TEST_LONG=1 $(MAKE) --no-print-directory test-sanitize \
		MESON_TEST_ARGS=--timeout-multiplier=10 || rc=1; \
	exit $$rc

demo: build
	@mkdir -p $(DEMO)
	@cp examples/acme/roadmap.json $(DEMO)/acme.json
	@echo
	@echo "== the Acme example roadmap: initiatives"
	@$(ROADMAP) -f $(DEMO)/acme.json list
	@echo
	@echo "== the alignment check (exit 1: it found errors to act on)"
	@$(ROADMAP) -f $(DEMO)/acme.json check || true
	@echo
	@echo "== the CFO's view: budget by quarter"
	@$(ROADMAP) -f $(DEMO)/acme.json budget
	@echo
	@echo "== capitalization: capex held as work in progress, amortized from the"
	@echo "   month after it goes into service; the P&L expense beside the cash"
	@$(ROADMAP) -f $(DEMO)/acme.json capitalization --by year
	@echo
	@echo "== the quarter closed: actuals by kind, and the same on the actuals"
	@cp $(DEMO)/acme.json $(DEMO)/close.json
	@$(ROADMAP) -f $(DEMO)/close.json actual multi-region 2026-Q2 210k --kind capex
	@$(ROADMAP) -f $(DEMO)/close.json actual multi-region 2026-Q2 70k --kind opex
	@$(ROADMAP) -f $(DEMO)/close.json set checkout-v2 useful_life=48
	@$(ROADMAP) -f $(DEMO)/close.json capitalization --basis actual --by year
	@echo
	@echo "== the timeline"
	@$(ROADMAP) -f $(DEMO)/acme.json timeline
	@echo
	@echo "== one initiative, with its spend per quarter"
	@$(ROADMAP) -f $(DEMO)/acme.json show checkout-v2
	@echo
	@echo "== the board cuts the budget by 15 %: what to fund, solved exactly"
	@$(ROADMAP) -f $(DEMO)/acme.json optimize --budget-scale 85 --frontier
	@echo
	@echo "== mid-year: the same cut decided from 2026-10-01 (spend so far is"
	@echo "   history, done work stays), with why each decision was made"
	@$(ROADMAP) -f $(DEMO)/acme.json optimize --budget-scale 85 \
		--as-of 2026-10-01 --explain
	@echo
	@echo "== product is over capacity in three quarters: a schedule the teams"
	@echo "   can do, by whole-week delays from 2026-05-15, each move with why"
	@$(ROADMAP) -f $(DEMO)/acme.json schedule --level --as-of 2026-05-15
	@echo
	@echo "== when will it land? Monte Carlo over the three-point estimates"
	@$(ROADMAP) -f $(DEMO)/acme.json forecast
	@echo
	@echo "== and from 2026-10-01, with the progress recorded so far"
	@$(ROADMAP) -f $(DEMO)/acme.json forecast --as-of 2026-10-01
	@echo
	@echo "== the quarterly review as of 2026-Q1: earned value and goals"
	@$(ROADMAP) -f $(DEMO)/acme.json status --as-of 2026-Q1
	@echo
	@echo "== and the rules of that day: late, at risk, over cost"
	@$(ROADMAP) -f $(DEMO)/acme.json check --as-of 2026-Q1 | \
		grep -E -e '-late|-at-risk' -e ' errors?, ' || true
	@echo
	@echo "== for a pipeline: GitHub annotations of what a change adds"
	@cp $(DEMO)/acme.json $(DEMO)/main.json
	@$(ROADMAP) -f $(DEMO)/acme.json add initiative side-quest \
		--title "Side quest" --start 2027-Q1 --end 2027-Q2 --opex 40k
	@$(ROADMAP) -f $(DEMO)/acme.json check --format github \
		--baseline $(DEMO)/main.json || true
	@$(ROADMAP) -f $(DEMO)/acme.json rm side-quest
	@echo
	@echo "== what if? two scenarios beside the plan, which stays untouched:"
	@echo "   the board's 15 % cut, and checkout slipping a quarter with two"
	@echo "   hires in product from 2026-Q3 (a capacity ramp)"
	@$(ROADMAP) -f $(DEMO)/acme.json scenario new board-cut
	@$(ROADMAP) -f $(DEMO)/acme.json --scenario board-cut optimize \
		--budget-scale 85 --apply > /dev/null
	@$(ROADMAP) -f $(DEMO)/acme.json scenario new slip
	@$(ROADMAP) -f $(DEMO)/acme.json --scenario slip set checkout-v2 \
		end=2027-Q1 pessimistic=2027-Q2
	@$(ROADMAP) -f $(DEMO)/acme.json --scenario slip capacity product 16 \
		--from 2026-Q3
	@$(ROADMAP) -f $(DEMO)/acme.json scenario diff slip
	@$(ROADMAP) -f $(DEMO)/acme.json scenario compare
	@$(ROADMAP) -f $(DEMO)/acme.json check --format sarif > acme-check.sarif || true
	@$(ROADMAP) -f $(DEMO)/acme.json check --format junit > acme-check.xml || true
	@echo
	@$(ROADMAP) -f $(DEMO)/acme.json export --format xlsx --as-of 2026-Q1 \
		-o acme-board.xlsx
	@$(ROADMAP) -f $(DEMO)/acme.json export --format html --as-of 2026-Q1 \
		-o acme-roadmap.html
	@$(ROADMAP) -f $(DEMO)/acme.json export --format ics -o acme-roadmap.ics
	@echo
	@echo "The board deck is $(CURDIR)/acme-board.xlsx"
	@echo "(Summary with charts, Goals, Initiatives, Budget, Capitalization,"
	@echo "Timeline, Findings, Forecast, Scenarios; goals' states and earned"
	@echo "value as of 2026-Q1)."
	@echo "The page for everyone else is $(CURDIR)/acme-roadmap.html (one"
	@echo "self-contained file: open it in any browser, mail it, print it)."
	@echo "The calendar is $(CURDIR)/acme-roadmap.ics (every initiative and"
	@echo "goal due date, for any calendar to import or subscribe to)."
	@echo "The check for pipelines: $(CURDIR)/acme-check.sarif (code scanning)"
	@echo "and $(CURDIR)/acme-check.xml (JUnit)."
	@echo "The example roadmap is $(DEMO)/acme.json; try"
	@echo "  $(ROADMAP) -f $(DEMO)/acme.json help"

# The benchmark (tests/perf/bench): medians against TaskJuggler's tj3.
BENCH_PACKAGES = time tj3
bench-deps: deps
	@missing=""; \
	for p in $(BENCH_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
			grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y \
				--no-install-recommends $$missing || exit 1; \
		else \
			echo "run: sudo apt-get install -y$$missing"; exit 1; \
		fi; \
	fi

bench: bench-deps
	tests/perf/bench

install: build
	meson install -C $(BUILD)

clean:
	rm -rf $(BUILD) $(SAN) $(FUZZ) build-release

# libFuzzer targets (clang): every parser gets hostile bytes.
FUZZ = build-fuzz
LIB_LAYERS = base model file import analysis decide render
FUZZ_TARGETS = load values import pipeline books
FUZZ_SECONDS ?= 60
ROADMAP_BIN = $(BUILD)/cmd/roadmap
FUZZ_CFLAGS = -g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all \
	-Ilib/include $(LIB_LAYERS:%=-Ilib/%) $$(pkg-config --cflags libcjson xlsxwriter libxml-2.0 cbc)
FUZZ_LIBS = $$(pkg-config --libs libcjson xlsxwriter libxml-2.0 cbc) -lcsv -lm

fuzz-build: build
	@mkdir -p $(FUZZ)/corpus-load $(FUZZ)/corpus-values $(FUZZ)/corpus-import \
		$(FUZZ)/corpus-pipeline $(FUZZ)/corpus-books
	@for t in $(FUZZ_TARGETS); do \
		clang $(FUZZ_CFLAGS) lib/*/*.c $(BUILD)/lib/analysis/rules.c tests/fuzz/fuzz-$$t.c \
			$(FUZZ_LIBS) \
			-o $(FUZZ)/fuzz-$$t || exit 1; \
	done
	@cp tests/data/good/*.json tests/data/bad/*.json examples/acme/roadmap.json \
		$(FUZZ)/corpus-load/
	@cp tests/data/good/*.json tests/data/check/*.json tests/data/budget/*.json \
		examples/acme/roadmap.json $(FUZZ)/corpus-pipeline/
	@for t in initiatives goals teams budgets actuals progress measurements; do \
		$(ROADMAP_BIN) -f examples/acme/roadmap.json export --format csv \
			--table $$t > $(FUZZ)/corpus-import/$$t.csv 2>/dev/null || true; \
	done
	@cp tests/data/good/small.json $(FUZZ)/corpus-import/
	@cp tests/data/books/*.csv $(FUZZ)/corpus-books/
	@for v in 2026-02-30 2028-02-29 2026-Q4 FY2027 2026-07 250k 1.5M \
		1,250,000 99.95 1.2345678k 0x10 nan a,b; do \
		printf '%s' "$$v" > $(FUZZ)/corpus-values/$$(echo "$$v" | tr -c 'A-Za-z0-9' _); \
	done

# Each target for FUZZ_SECONDS (default 60); a crash leaves a crash-* file.
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		echo "== fuzz-$$t for $(FUZZ_SECONDS) s"; \
		$(FUZZ)/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			-artifact_prefix=$(FUZZ)/ $(FUZZ)/corpus-$$t || exit 1; \
	done

fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10

