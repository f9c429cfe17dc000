/* test_store_stats: the store's counts for the metrics (stats.c): statements and time, kept past a close. */
#include "fixture.h"
#include "store/stats.h"

static void test_a_read_counts_statements_and_time(struct fx *f)
{
	struct store_totals a, b;
	store_totals_read(&a);
	CHECK(a.open >= 1);
	struct site *sites;
	size_t n;
	CHECK(store_sites(f->s, &f->pool, &sites, &n) == 0 && n > 0);
	store_totals_read(&b);
	CHECK(b.statements > a.statements);
	CHECK(b.ns > a.ns);
	CHECK(b.open == a.open);
	CHECK(b.lost == a.lost && b.reconnects == a.reconnects);
}

static void test_a_closed_connection_keeps_its_counts(struct fx *f)
{
	struct store_totals a, b, c;
	store_totals_read(&a);
	char err[256];
	store *other = store_open(f->where, err, sizeof err);
	CHECK(other != NULL);
	if (!other)
		return;
	struct site *sites;
	size_t n;
	CHECK(store_sites(other, &f->pool, &sites, &n) == 0 && n > 0);
	store_totals_read(&b);
	CHECK(b.open == a.open + 1 && b.statements > a.statements);
	store_close(other);
	store_totals_read(&c);
	CHECK(c.open == a.open);
	CHECK(c.statements == b.statements && c.ns == b.ns); /* counters never go back */
}

int main(void)
{
	fx_run("a read counts statements and time", FX_DEMO, test_a_read_counts_statements_and_time);
	fx_run("a closed connection keeps its counts", FX_DEMO, test_a_closed_connection_keeps_its_counts);
	fx_done();
	return unit_done("store_stats");
}
