/*
 * forecast-select.c - the k-th smallest of a forecast's end days, for its
 * nearest-rank percentiles (docs/roadmap.1.scd, forecast), in place and
 * in linear time on average.
 */
#include "internal.h"

#include <stdlib.h>

static int cmp_day(const void *a, const void *b)
{
	roadmap_day x = *(const roadmap_day *)a, y = *(const roadmap_day *)b;
	return (x > y) - (x < y);
}

static void swap_day(roadmap_day *a, roadmap_day *b)
{
	roadmap_day t = *a;
	*a = *b;
	*b = t;
}

static roadmap_day median3(roadmap_day x, roadmap_day y, roadmap_day z)
{
	if (x > y) {
		roadmap_day t = x;
		x = y;
		y = t;
	}
	/* x <= y */
	return z < x ? x : z > y ? y : z;
}

/*
 * Puts the k-th smallest of a[0..n) (from 0) at a[k], none greater before
 * it and none smaller after (C++'s nth_element): quickselect around the
 * median of three with a three-way partition, so runs of equal days cost
 * one pass; a range still wide after 2 log2(n) + 4 rounds is sorted
 * instead, which bounds the worst case by n log n.
 */
void rm_select_day(roadmap_day *a, size_t n, size_t k)
{
	size_t lo = 0, hi = n;
	int rounds = 4;

	for (size_t m = n; m > 1; m >>= 1) {
		rounds += 2;
	}
	while (hi - lo > 16) {
		if (rounds-- == 0) {
			qsort(a + lo, hi - lo, sizeof(*a), cmp_day);
			return;
		}
		roadmap_day pv =
		    median3(a[lo], a[lo + (hi - lo) / 2], a[hi - 1]);
		/* [lo, lt) < pv, [lt, i) == pv, [gt, hi) > pv */
		size_t lt = lo, i = lo, gt = hi;
		while (i < gt) {
			if (a[i] < pv) {
				swap_day(&a[lt++], &a[i++]);
			} else if (a[i] > pv) {
				swap_day(&a[i], &a[--gt]);
			} else {
				i++;
			}
		}
		if (k < lt) {
			hi = lt;
		} else if (k >= gt) {
			lo = gt;
		} else {
			return;
		}
	}
	for (size_t i = lo + 1; i < hi; i++) {
		roadmap_day v = a[i];
		size_t j = i;
		for (; j > lo && a[j - 1] > v; j--) {
			a[j] = a[j - 1];
		}
		a[j] = v;
	}
}
