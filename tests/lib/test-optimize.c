/* test-optimize.c - optimize through the public API: exact answers a cent
 * apart at the largest amounts, the wall-clock time limit, and the
 * caller's signal dispositions left as they were (roadmap(1),
 * optimize). */
#include "roadmap.h"
#include "tap.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static struct roadmap *load(const char *doc)
{
	struct roadmap *rm = NULL;
	struct roadmap_error err;

	if (roadmap_load_buffer("t.json", doc, strlen(doc), &rm, &err)) {
		printf("# load: %s\n", err.message);
		return NULL;
	}
	return rm;
}

static bool funded(const struct roadmap *rm, const struct roadmap_plan *p,
		   const char *id)
{
	for (size_t k = 0; k < p->n_funded; k++) {
		if (strcmp(roadmap_initiative_at(rm, p->funded[k])->id, id) ==
		    0) {
			return true;
		}
	}
	return false;
}

#define ITEM(id, opex, benefit)                                                \
	"{\"id\": \"" id "\", \"title\": \"" id "\", \"goals\": [\"g\"], "     \
	"\"start\": \"2026-Q1\", \"end\": \"2026-Q1\", \"opex\": " opex        \
	", \"benefit\": " benefit "}"

/* One envelope of 1,000,000,000,000.00 (the largest amount): a alone, or
 * b and c together (one cent less value, the whole envelope), or d (as
 * much value as a for a cent less spend). */
/* clang-format off */
static const char cents_doc[] =
    "{\"format\": 1, \"name\": \"cents\", "
    "\"goals\": [{\"id\": \"g\", \"title\": \"G\"}], "
    "\"initiatives\": ["
    ITEM("a", "600000000000.00", "900000000000.01") ", "
    ITEM("b", "500000000000.00", "450000000000.00") ", "
    ITEM("c", "500000000000.00", "450000000000.00") ", "
    ITEM("d", "599999999999.99", "900000000000.01") "], "
    "\"budgets\": [{\"period\": \"2026-Q1\", "
    "\"amount\": 1000000000000.00}]}";
/* clang-format on */

static void test_cents(void)
{
	struct roadmap *rm = load(cents_doc);
	struct roadmap_optimize_options o = {.time_limit = 10};
	struct roadmap_plan p;
	struct roadmap_error err;

	if (!rm) {
		ok(0, "the cent-apart roadmap loads");
		return;
	}
	is_int(roadmap_optimize(rm, &o, &p, &err), ROADMAP_OK,
	       "cents apart at the largest amounts: solved");
	is_str(roadmap_plan_status_name(p.status), "optimal",
	       "cents apart: proven optimal");
	is_int(p.value, INT64_C(90000000000001),
	       "cents apart: the plan one cent better than the other");
	ok(p.n_funded == 1 && funded(rm, &p, "d"),
	   "cents apart: of two plans of equal value, the one a cent "
	   "cheaper");
	is_int(p.spend, INT64_C(59999999999999), "cents apart: its spend");
	roadmap_plan_release(&p);
	roadmap_destroy(rm);
}

/* A strongly correlated knapsack (value close to cost) over eight
 * quarters with half the money: no proof within a second. */
static char *hard_doc(int n)
{
	size_t cap = 256 + (size_t)n * 200, len = 0;
	char *s = malloc(cap);
	int64_t quarter[8] = {0};
	uint64_t rng = 0x9E3779B97F4A7C15ULL;

	len += (size_t)snprintf(s + len, cap - len,
				"{\"format\": 1, \"name\": \"hard\", "
				"\"goals\": [{\"id\": \"g\", \"title\": "
				"\"G\"}], \"initiatives\": [");
	for (int i = 0; i < n; i++) {
		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		int q = (int)(rng % 8);
		int64_t cost = 100000 + (int64_t)(rng >> 8) % 900000;
		int64_t value = cost + (int64_t)(rng >> 40) % 10000;
		quarter[q] += cost;
		len += (size_t)snprintf(
		    s + len, cap - len,
		    "%s{\"id\": \"h%03d\", \"title\": \"H\", \"goals\": "
		    "[\"g\"], \"start\": \"%d-Q%d\", \"end\": \"%d-Q%d\", "
		    "\"opex\": %lld.%02lld, \"benefit\": %lld.%02lld}",
		    i ? ", " : "", i, 2026 + q / 4, q % 4 + 1, 2026 + q / 4,
		    q % 4 + 1, (long long)(cost / 100), (long long)(cost % 100),
		    (long long)(value / 100), (long long)(value % 100));
	}
	len += (size_t)snprintf(s + len, cap - len, "], \"budgets\": [");
	for (int q = 0; q < 8; q++) {
		int64_t a = quarter[q] / 2 + 1;
		len += (size_t)snprintf(
		    s + len, cap - len,
		    "%s{\"period\": \"%d-Q%d\", \"amount\": %lld.%02lld}",
		    q ? ", " : "", 2026 + q / 4, q % 4 + 1,
		    (long long)(a / 100), (long long)(a % 100));
	}
	snprintf(s + len, cap - len, "]}");
	return s;
}

static volatile sig_atomic_t interrupts;
static void on_interrupt(int sig)
{
	(void)sig;
	interrupts++;
}

static void *interrupt_later(void *arg)
{
	(void)arg;
	usleep(500000);
	kill(getpid(), SIGINT);
	return NULL;
}

static bool same_action(const struct sigaction *a, const struct sigaction *b)
{
	if (a->sa_handler != b->sa_handler || a->sa_flags != b->sa_flags) {
		return false;
	}
	for (int s = 1; s < NSIG; s++) {
		if (sigismember(&a->sa_mask, s) !=
		    sigismember(&b->sa_mask, s)) {
			return false;
		}
	}
	return true;
}

/* Every signal's disposition (those the C library lets a program see). */
static void dispositions(struct sigaction *all, bool *seen)
{
	for (int s = 1; s < NSIG; s++) {
		seen[s] = sigaction(s, NULL, &all[s]) == 0;
	}
}

static void test_signals(struct roadmap *rm)
{
	struct roadmap_optimize_options o = {.time_limit = 1};
	struct roadmap_plan p;
	struct roadmap_error err;
	struct sigaction mine = {0}, before[NSIG], after[NSIG];
	bool seen_before[NSIG], seen_after[NSIG], same = true;
	sigset_t block, old;
	pthread_t th;

	/* no SA_RESTART, a mask: what signal() would not put back */
	mine.sa_handler = on_interrupt;
	sigemptyset(&mine.sa_mask);
	sigaddset(&mine.sa_mask, SIGTERM);
	sigaction(SIGINT, &mine, NULL);
	dispositions(before, seen_before);
	/* the thread that interrupts does not take the signal itself */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	pthread_create(&th, NULL, interrupt_later, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	enum roadmap_status st = roadmap_optimize(rm, &o, &p, &err);
	pthread_join(th, NULL);
	dispositions(after, seen_after);
	for (int s = 1; s < NSIG; s++) {
		if (seen_before[s] != seen_after[s] ||
		    (seen_before[s] && !same_action(&before[s], &after[s]))) {
			printf("# signal %d: handler %p flags %#x -> %p %#x\n",
			       s, (void *)before[s].sa_handler,
			       (unsigned)before[s].sa_flags,
			       (void *)after[s].sa_handler,
			       (unsigned)after[s].sa_flags);
			same = false;
		}
	}
	is_int(st, ROADMAP_OK, "a solve with a SIGINT handler installed");
	ok(same, "every signal's disposition is as the caller left it "
		 "(handler, flags, mask)");
	is_int(interrupts, 1,
	       "a SIGINT during the search reaches the caller's handler, once");
	if (!st) {
		roadmap_plan_release(&p);
	}
	signal(SIGINT, SIG_DFL);
}

static void test_time_limit(struct roadmap *rm)
{
	struct roadmap_optimize_options o = {.time_limit = 1, .frontier = true};
	struct roadmap_plan p;
	struct roadmap_error err;
	bool falling = true;

	double t0 = now_s();
	enum roadmap_status st = roadmap_optimize(rm, &o, &p, &err);
	double took = now_s() - t0;
	is_int(st, ROADMAP_OK, "a hard portfolio under a time limit: solved");
	if (st) {
		return;
	}
	ok(took < 2.5,
	   "the time limit is wall-clock time for the whole call, frontier "
	   "included (%.2f s for 1 s)",
	   took);
	is_str(roadmap_plan_status_name(p.status), "feasible",
	       "no proof in a second: feasible");
	ok(p.bound > p.value && p.gap > 0 &&
	       p.gap == (double)(p.bound - p.value) / (double)p.bound,
	   "with the exact bound above the plan and the gap between them");
	for (size_t k = 1; k < p.n_frontier; k++) {
		falling =
		    falling && p.frontier[k].value <= p.frontier[k - 1].value;
	}
	ok(p.n_frontier == 11 && falling && p.frontier[0].value == p.value,
	   "the frontier never rises as the budget falls, its 100 %% point "
	   "the plan");
	roadmap_plan_release(&p);
}

/*
 * As of a day, by hand: "spent" runs January to June at 1 a day (90 in
 * the first quarter, 91 in the second), "late" April to June at 1 a day;
 * the second quarter's envelope is 100. From April 1 one of them fits
 * (spent, worth more); from May 1 each has spent 30 in April, leaving 40
 * for the 61 each still needs, so neither fits.
 */
static const char today_doc[] =
    "{\"format\": 1, \"initiatives\": ["
    "{\"id\": \"spent\", \"title\": \"S\", \"start\": \"2026-01-01\", "
    "\"end\": \"2026-06-30\", \"opex\": 181, \"benefit\": 50},"
    "{\"id\": \"late\", \"title\": \"L\", \"start\": \"2026-04-01\", "
    "\"end\": \"2026-06-30\", \"opex\": 91, \"benefit\": 40}],"
    "\"budgets\": [{\"period\": \"2026-Q1\", \"amount\": 80},"
    "{\"period\": \"2026-Q2\", \"amount\": 100}]}";

static void test_today(void)
{
	struct roadmap *rm = load(today_doc);
	struct roadmap_optimize_options o = {
	    .keep_set = true, .has_as_of = true, .explain = true};
	struct roadmap_plan p;
	struct roadmap_error err;
	roadmap_day apr, may;

	if (!rm) {
		ok(0, "the as-of roadmap loads");
		return;
	}
	roadmap_day_from_ymd(2026, 4, 1, &apr);
	roadmap_day_from_ymd(2026, 5, 1, &may);
	o.as_of = apr;
	is_int(roadmap_optimize(rm, &o, &p, &err), ROADMAP_OK, "as of April");
	ok(p.status == ROADMAP_PLAN_OPTIMAL && p.value == 5000 &&
	       funded(rm, &p, "spent") && p.spend == 9100 &&
	       p.envelopes[0].past && !p.envelopes[1].past,
	   "the first quarter (overrun: 90 of 80) is history; spent is "
	   "funded, spending 91 from April");
	ok(p.n_reasons == 2 && p.reasons[0].funded &&
	       p.reasons[0].lost == 1000 && !p.reasons[1].funded &&
	       p.reasons[1].lost == 1000 &&
	       strcmp(p.reasons[1].reason, "2026-Q2") == 0,
	   "why: each loses 10 flipped; late would break 2026-Q2");
	roadmap_plan_release(&p);
	o.as_of = may;
	is_int(roadmap_optimize(rm, &o, &p, &err), ROADMAP_OK, "as of May");
	ok(p.status == ROADMAP_PLAN_OPTIMAL && p.value == 0 &&
	       p.envelopes[1].used == 6000 && p.n_reasons == 2 &&
	       p.reasons[0].status == ROADMAP_PLAN_INFEASIBLE &&
	       p.reasons[1].status == ROADMAP_PLAN_INFEASIBLE,
	   "April's 60 is sunk: neither fits what is left, forced in "
	   "each is infeasible");
	roadmap_plan_release(&p);
	const char *ids[] = {"late"};
	o.keep_ids = ids;
	o.n_keep_ids = 1;
	is_int(roadmap_optimize(rm, &o, &p, &err), ROADMAP_OK, "keeping late");
	ok(p.status == ROADMAP_PLAN_INFEASIBLE &&
	       strcmp(p.breaks, "2026-Q2") == 0,
	   "a kept id that does not fit: infeasible, 2026-Q2 named");
	roadmap_plan_release(&p);
	ids[0] = "nope";
	is_int(roadmap_optimize(rm, &o, &p, &err), ROADMAP_ERR_DATA,
	       "a kept id that names nothing is refused");
	is_str(err.message, "no initiative \"nope\" to keep", "and said");
	roadmap_destroy(rm);
}

int main(void)
{
	char *doc = hard_doc(200);
	struct roadmap *rm = load(doc);

	free(doc);
	test_cents();
	test_today();
	if (rm) {
		test_signals(rm);
		test_time_limit(rm);
		roadmap_destroy(rm);
	} else {
		ok(0, "the hard roadmap loads");
	}
	return done_testing();
}
