/* fuzz-books.c - libFuzzer target: import --format ledger|focus, the
 * register or FOCUS file fed in chunks of a size the input picks (so that
 * records, quotes and CRLFs straddle them), and, when the input holds a
 * form feed, the rules file before it. */
#include "roadmap-report.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char ledger_rules[] = "match,initiative,kind\n"
				   "expenses:cloud,a,opex\n"
				   "expenses:cloud:reserved,b,capex\n";
static const char focus_rules[] = "match,initiative,kind\n"
				  "project=a,a,opex\n"
				  "cap=yes,b,capex\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct roadmap *rm = roadmap_create();
	struct roadmap_initiative in;
	struct roadmap_books_options opt = {0};
	struct roadmap_books_report rep;
	struct roadmap_books *b = NULL;
	const char *d = (const char *)data;
	size_t chunk = size ? (size_t)(data[0] % 64) + 1 : 1;

	if (!rm) {
		return 0;
	}
	for (int i = 0; i < 2; i++) {
		roadmap_initiative_init(&in);
		in.id = i ? "b" : "a";
		in.title = "T";
		roadmap_day_from_ymd(2026, 1, 1, &in.start);
		roadmap_day_from_ymd(2026, 12, 31, &in.end);
		roadmap_add_initiative(rm, &in, NULL);
	}
	opt.format = size % 2 ? ROADMAP_BOOKS_FOCUS : ROADMAP_BOOKS_LEDGER;
	opt.name = "fuzz.csv";
	opt.rules_name = "rules.csv";
	opt.rules =
	    opt.format == ROADMAP_BOOKS_FOCUS ? focus_rules : ledger_rules;
	opt.rules_len = strlen(opt.rules);
	const char *ff = memchr(d, '\f', size);
	if (ff) {
		opt.rules = d;
		opt.rules_len = (size_t)(ff - d);
		size -= opt.rules_len + 1;
		d = ff + 1;
	}
	if (roadmap_books_begin(rm, &opt, &rep, &b) == ROADMAP_OK) {
		enum roadmap_status st = ROADMAP_OK;
		for (size_t at = 0; !st && at < size; at += chunk) {
			size_t n = size - at < chunk ? size - at : chunk;
			st = roadmap_books_feed(b, d + at, n);
		}
		if (!st) {
			roadmap_books_end(b);
		}
	}
	roadmap_books_destroy(b);
	roadmap_books_report_release(&rep);
	roadmap_destroy(rm);
	return 0;
}
