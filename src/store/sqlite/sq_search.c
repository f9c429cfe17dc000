/* sq_search: full-text search over FTS5 in one pass over the hits: ranking, count and facets from the same
 * rows, then the page's articles and snippets; "did you mean" reads the public vocabulary. Everything is
 * behind visibility and the reader's audience level. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "core/buf.h"
#include "core/sorted.h"
#include "store/sqlite/sq_fts5_query.h"
#include "store/rank.h"
#include "store/sqlite/sqlite_int.h"
#include "store/search.h"

enum {
	S_FIRST = 130, /* slots 130-149 belong to sq_search.c */
	S_HITS,
	S_ARTICLE,
	S_NAMES_SECTION,
	S_NAMES_CONGRESS,
	S_NAMES_TRIAL,
	S_NAMES_TAG,
	S_VOCAB,
	S_VOCAB_LIVE,
	S_VERSION,
	S_FACTS,
	S_FACT_TAGS,
	S_TERMS_READ,
	S_TERMS_LANGS,
	S_TERMS_CLEAR,
	S_TERMS_ADD,
	S_TERMS_DONE,
	S_SEGMENTS,
	S_PHRASE_HITS,
	S_STALE,
	S_LAST
};
_Static_assert(S_LAST <= 150, "statement slots 130-149 belong to sq_search.c");
_Static_assert(S_LAST <= SQ_MORE_STATEMENTS, "statement slots");

/* SQL on the connection's own: an article queued in search_stale (031) is indexed at once, its document
 * rewritten from the view. Another program's writes leave theirs queued for drain_stale. */
#define STALE_TRIGGER                                                                                        \
	"CREATE TEMP TRIGGER IF NOT EXISTS search_stale_index AFTER INSERT ON main.search_stale BEGIN "      \
	"DELETE FROM article_search WHERE rowid = NEW.article_id; " STALE_INSERT                             \
	"WHERE id = NEW.article_id; DELETE FROM search_stale WHERE article_id = NEW.article_id; END"
#define STALE_INSERT                                                                                         \
	"INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, "   \
	"people, trial, refs, topics, transcript, transcript_members, transcript_hcp, transcript_verified) " \
	"SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, "      \
	"topics, transcript, transcript_members, transcript_hcp, transcript_verified FROM "                  \
	"article_search_doc "

/* ---- ranking: BM25 without length normalisation, one weight per column ---- */

/* Column weights, in article_search's order: title 10, summary 4, each audience's body 1, faculty 3,
 * trial 5, references 1, topics 3, each audience's transcript 0.5 (029). A transcript is speech: long,
 * repetitive and loose, and a word said in passing is weaker evidence than the same word written in the
 * article, so it counts half the body's: a word once in the body (1) outranks it said once in the
 * transcript (0.5), or said up to eleven times (saturation caps a column at 2.2 times its weight), and
 * the title's 10 outranks both however often. */
static const double weights[] = {10.0, 4.0, 1.0, 1.0, 1.0, 1.0, 3.0, 5.0, 1.0, 3.0, 0.5, 0.5, 0.5, 0.5};
#define NCOLS ((int)(sizeof weights / sizeof *weights))
#define RANK_PHRASES 16 /* phrases scored apart; the rare query with more shares the last score */

/* plenary_rank(article_search, columns): a blob of one double per phrase of the query (a double for one
 * phrase), the sum over the columns of the bit mask `columns` of weight x tf (k1 + 1) / (tf + k1). The caller
 * weighs the phrases by their inverse document frequency, counted over the hits (exact for OR, where a
 * phrase's documents are all hits), and adds them up. No length normalisation: it would cost a read of every
 * hit's column sizes, and articles are alike in length. */
/* Phrase p's score in the current row: the sum over the columns of the mask of weight x tf (k1 + 1) / (tf +
 * k1); 0 when it is in none of them. */
static int phrase_score(const Fts5ExtensionApi *api, Fts5Context *fts, int p, unsigned columns, double *out)
{
	double tf[NCOLS] = {0};
	Fts5PhraseIter it;
	int col, off;
	if (api->xPhraseFirst(fts, p, &it, &col, &off) != SQLITE_OK)
		return -1;
	for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off))
		if (col < NCOLS && (columns >> col & 1))
			tf[col] += 1;
	*out = rank_saturate(tf, weights, NCOLS);
	return 0;
}

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc,
		    sqlite3_value **argv)
{
	unsigned columns = argc > 0 ? (unsigned)sqlite3_value_int(argv[0]) : ~0u;
	int nphrases = api->xPhraseCount(fts);
	int used = nphrases < 1 ? 1 : nphrases > RANK_PHRASES ? RANK_PHRASES : nphrases;
	double score[RANK_PHRASES] = {0};
	for (int p = 0; p < nphrases; p++) {
		double one;
		if (phrase_score(api, fts, p, columns, &one) != 0) {
			sqlite3_result_error(ctx, "rank: cannot read matches", -1);
			return;
		}
		score[p < used ? p : used - 1] += one;
	}
	if (used == 1)
		sqlite3_result_double(ctx, score[0]);
	else
		sqlite3_result_blob(ctx, score, (int)(used * sizeof *score), SQLITE_TRANSIENT);
}

/* plenary_hits(article_search, walk): for a query of one phrase, walks every document of the phrase in one
 * call (FTS5's xQueryPhrase, with the query's column filter) and hands each to the walk's callback with its
 * score, with no statement step per hit; 1 when it did, 0 when the query has more phrases (the caller then
 * steps plenary_rank's rows). */
struct hit_walk {
	int (*each)(struct hit_walk *w, int64_t id, double score); /* non-zero stops */
	unsigned columns;					   /* scored (phrase_score) */
};

static int walk_one(const Fts5ExtensionApi *api, Fts5Context *fts, void *user)
{
	struct hit_walk *w = user;
	double score;
	if (phrase_score(api, fts, 0, w->columns, &score) != 0)
		return SQLITE_ERROR;
	return w->each(w, api->xRowid(fts), score) ? SQLITE_ABORT : SQLITE_OK;
}

static void hits_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc,
		    sqlite3_value **argv)
{
	struct hit_walk *w = argc == 1 ? sqlite3_value_pointer(argv[0], "plenary_hit_walk") : NULL;
	if (!w || api->xPhraseCount(fts) != 1) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	int rc = api->xQueryPhrase(fts, 0, w, walk_one);
	if (rc != SQLITE_OK && rc != SQLITE_ABORT)
		sqlite3_result_error(ctx, "hits: cannot read matches", -1);
	else
		sqlite3_result_int(ctx, 1);
}

int sq_search_register(store *s, char *why, size_t whylen)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(sq_db(s), "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) {
		snprintf(why, whylen, "FTS5 is not available: %s", sqlite3_errmsg(sq_db(s)));
		return -1;
	}
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2 ||
	    api->xCreateFunction(api, "plenary_rank", NULL, rank_fn, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "plenary_hits", NULL, hits_fn, NULL) != SQLITE_OK) {
		snprintf(why, whylen, "cannot register the search ranking function");
		return -1;
	}
	if (sqlite3_exec(sq_db(s), STALE_TRIGGER, NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(why, whylen, "cannot keep the search index: %s", sqlite3_errmsg(sq_db(s)));
		return -1;
	}
	/* the index's own words, for expanding a prefix (this connection's, so nothing in the schema) */
	char *msg = NULL;
	if (sqlite3_exec(sq_db(s),
			 "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_terms "
			 "USING fts5vocab(main, article_search, 'row')",
			 NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(why, whylen, "cannot read the search index's words: %s", msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* ---- facts: what a search filters and counts by, for every article that may be visible, in memory ---- */

struct search_facts {
	int64_t version, epoch; /* content_version's when they were read */
	struct fact *f;		/* by id */
	size_t n;
	int64_t *tags;
	size_t ntags;
};

static void facts_free(struct search_facts *x)
{
	if (!x)
		return;
	free(x->f);
	free(x->tags);
	free(x);
}

/* What a connection keeps between searches: its facts, and the buffers of the hits it reads, kept so that a
 * broad query does not map fresh memory on every search. */
struct search_state {
	struct search_facts *facts;
	struct hit *hits, *merged;
	double *phrase;
	size_t cap, mcap, pcap;
	int taken; /* the buffers hold a part of the search under way */
};

#define KEEP_HITS 65536 /* buffers grown beyond this many items are let go at the next search */

void sq_search_state_free(struct search_state *x)
{
	if (!x)
		return;
	facts_free(x->facts);
	free(x->hits);
	free(x->merged);
	free(x->phrase);
	free(x);
}

/* The connection's state, made at its first search: NULL out of memory. */
static struct search_state *state(store *s)
{
	struct search_state **held = sq_search_state(s);
	if (!*held)
		*held = calloc(1, sizeof **held);
	return *held;
}

/* content_version's version and epoch (a restore may bring back an equal version, never an equal epoch):
 * 0, or -1 on error. */
static int content_version(store *s, int64_t *version, int64_t *epoch)
{
	sqlite3_stmt *st =
	    sq_prepare(s, S_VERSION, "SELECT version, terms_version, epoch FROM content_version");
	int rc = sqlite3_step(st) == SQLITE_ROW ? 0 : -1;
	if (rc == 0) {
		*version = sqlite3_column_int64(st, 0);
		*epoch = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return rc;
}

static struct search_facts *load_facts(store *s, int64_t version, int64_t epoch)
{
	struct search_facts *x = calloc(1, sizeof *x);
	if (!x)
		return NULL;
	x->version = version;
	x->epoch = epoch;
	size_t cap = 0, tcap = 0;
	sqlite3_stmt *st =
	    sq_prepare(s, S_FACTS,
		       "SELECT id, site_id, IFNULL(published_at, 0), section_id, IFNULL(congress_id, 0), "
		       "IFNULL(trial_id, 0), CASE lang WHEN '' THEN (SELECT language FROM site "
		       "WHERE site.id = article.site_id) ELSE lang END FROM article INDEXED BY article_facts "
		       "WHERE status IN ('published', 'scheduled') ORDER BY id");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (rank_grow((void **)&x->f, &cap, x->n + 1, sizeof *x->f) != 0)
			break;
		x->f[x->n++] = (struct fact){sqlite3_column_int64(st, 0),
					     sqlite3_column_int64(st, 1),
					     sqlite3_column_int64(st, 2),
					     sqlite3_column_int64(st, 3),
					     sqlite3_column_int64(st, 4),
					     sqlite3_column_int64(st, 5),
					     0,
					     0,
					     rank_year(sqlite3_column_int64(st, 2)),
					     "",
					     0,
					     0};
		const unsigned char *lang = sqlite3_column_text(st, 6);
		snprintf(x->f[x->n - 1].lang, sizeof x->f->lang, "%s", lang ? (const char *)lang : "");
	}
	if (rc != SQLITE_DONE) {
		sq_step_error(s, st);
		facts_free(x);
		return NULL;
	}
	sqlite3_reset(st);
	if (rank_family_facts(s, x->f, x->n) != 0) {
		facts_free(x);
		return NULL;
	}
	st = sq_prepare(s, S_FACT_TAGS,
			"SELECT article_id, tag_id FROM article_tag ORDER BY article_id, tag_id");
	size_t at = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t article = sqlite3_column_int64(st, 0);
		while (at < x->n && x->f[at].id < article)
			at++;
		if (at == x->n || x->f[at].id != article)
			continue; /* a draft's topic */
		if (rank_grow((void **)&x->tags, &tcap, x->ntags + 1, sizeof *x->tags) != 0)
			break;
		if (x->f[at].ntags == 0)
			x->f[at].tags = x->ntags;
		x->f[at].ntags++;
		x->tags[x->ntags++] = sqlite3_column_int64(st, 1);
	}
	if (rc != SQLITE_DONE) {
		sq_step_error(s, st);
		facts_free(x);
		return NULL;
	}
	sqlite3_reset(st);
	return x;
}

#define DRAIN_OPTIMIZE 1000 /* articles indexed by one drain from which the index is optimized after */

/* Indexes what another program queued (its writes cannot reach article_search without the tokenizer):
 * 0, or -1 on error. */
static int drain_stale(store *s)
{
	sqlite3_stmt *st = sq_prepare(s, S_STALE, "SELECT EXISTS (SELECT 1 FROM search_stale)");
	int rc = sqlite3_step(st), any = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return -1;
	if (!any)
		return 0;
	if (sq_run(s, "SAVEPOINT drain") != 0)
		return -1;
	if (sq_run(s, "DELETE FROM article_search WHERE rowid IN (SELECT article_id FROM search_stale)") !=
		0 ||
	    sq_run(s, STALE_INSERT "WHERE id IN (SELECT article_id FROM search_stale)") != 0 ||
	    sq_run(s, "DELETE FROM search_stale") != 0) {
		sq_run(s, "ROLLBACK TO drain");
		sq_run(s, "RELEASE drain");
		return -1;
	}
	int64_t drained = sqlite3_changes64(sq_db(s));
	if (sq_run(s, "RELEASE drain") != 0)
		return -1;
	/* many articles written at once leave the index in several b-trees, half their pages stale, and every
	 * search then seeks each: as 031 did after its own, made one again (seconds, once) */
	if (drained >= DRAIN_OPTIMIZE &&
	    sq_run(s, "INSERT INTO article_search (article_search) VALUES ('optimize')") != 0)
		return -1;
	return 0;
}

/* The connection's facts, read again when an article or its topics changed since. */
static const struct search_facts *facts(store *s)
{
	struct search_state *st = state(s);
	if (!st)
		return NULL;
	struct search_facts **held = &st->facts;
	int64_t version, epoch;
	if (content_version(s, &version, &epoch) != 0)
		return NULL;
	if (*held && (*held)->version == version && (*held)->epoch == epoch)
		return *held;
	/* a busy database leaves them queued for the upkeep: the search goes on with the index as it is */
	drain_stale(s);
	struct search_facts *fresh = load_facts(s, version, epoch);
	if (!fresh)
		return NULL;
	facts_free(*held);
	*held = fresh;
	return fresh;
}

/* The facts of id, looking on from *from (the hits come in id order, so the walk is one pass). */
static const struct fact *fact_of(const struct search_facts *x, int64_t id, size_t *from)
{
	size_t i = *from;
	while (i < x->n && x->f[i].id < id)
		i++;
	*from = i;
	return i < x->n && x->f[i].id == id ? &x->f[i] : NULL;
}

static int fact_has_tag(const struct search_facts *x, const struct fact *f, int64_t tag)
{
	for (size_t i = 0; i < f->ntags; i++)
		if (x->tags[f->tags + i] == tag)
			return 1;
	return 0;
}

/* ---- hits ---- */

/* The columns a reader of each level may match: the bodies and transcripts of audiences above them are
 * left out, so neither ever shapes what a reader is shown (matches, ranking, snippets). */
static const char *const readable[] = {
    "{title summary body people trial refs topics transcript}",
    "{title summary body body_members people trial refs topics transcript transcript_members}",
    "{title summary body body_members body_hcp people trial refs topics transcript transcript_members "
    "transcript_hcp}",
    "{title summary body body_members body_hcp body_verified people trial refs topics transcript "
    "transcript_members transcript_hcp transcript_verified}"};
/* the same as bit masks of article_search's columns (title 0 ... body_verified 5 ... topics 9, transcript
 * 10 ... transcript_verified 13) */
static const unsigned readable_columns[] = {0x7C7, 0xFCF, 0x1FDF, 0x3FFF};
_Static_assert(NCOLS == 14, "readable_columns names article_search's 14 columns");

/* The match restricted to what a reader of q's level may match; for a snippet, also without the title (the
 * result shows it already: a hit only by its title gets its summary as snippet). */
static const char *filtered(h2o_mem_pool_t *pool, const struct search_query *q, const char *match,
			    int for_snippet)
{
	buf b;
	buf_init(&b, pool);
	const char *cols = readable[q->level < 0 ? 0 : q->level > 3 ? 3 : q->level];
	buf_printf(&b, "%s%s : (%s)", for_snippet ? "{" : "", for_snippet ? cols + strlen("{title ") : cols,
		   match);
	return buf_cstr(&b);
}

/* Whether a hit is visible now on q's site and passes q's filters. */
static int keep(const struct search_facts *x, const struct fact *f, const struct search_query *q, int64_t now)
{
	if (f->site != q->site_id || f->published == 0 || f->published > now)
		return 0;
	if ((q->section_id && f->section != q->section_id) ||
	    (q->congress_id && f->congress != q->congress_id) || (q->trial_id && f->trial != q->trial_id) ||
	    (q->tag_id && !fact_has_tag(x, f, q->tag_id)))
		return 0;
	return !q->year || f->year == q->year;
}

/* ---- hits: read in parts of the articles' ids, on helper connections beside this one ---- */

#define SPLIT_MIN                                                                                            \
	2000 /* articles below which one thread reads every hit: a part would cost more than it saves */
#define PARTS_MAX 16

/* In how many parts the connection reads a search of the facts' articles. */
static size_t part_count(store *s, const struct search_facts *x)
{
	int threads = sq_tuning(s)->search_threads;
	size_t n = x->n >= SPLIT_MIN && threads > 1 ? (size_t)threads : 1;
	return n < PARTS_MAX ? n : PARTS_MAX;
}

/* One part of a search's hits: those with ids in [lo, hi], read on one connection. */
struct part {
	struct hit_walk walk; /* first: for a one-phrase query, the first part walks it */
	const struct search_facts *x;
	const struct search_query *q;
	const char *match;
	int64_t lo, hi, now;
	unsigned columns;	  /* that the phrases are scored in */
	int walks;		  /* the query is one phrase and this part starts at the first id: walked */
	size_t from;		  /* the facts of the ids from lo on */
	struct search_state *buf; /* holds the hits (in id order, scored by the caller) and their relevances
				     (nphrases per hit): the reading connection's buffers */
	struct search_state *own; /* or the part's own, when its connection's are taken by another part */
	size_t len;
	int nphrases;
	int64_t docs[RANK_PHRASES]; /* hits with each phrase */
	int failed;
};

static int part_add(struct part *p, const struct fact *f, const double *score, int nphrases)
{
	if (!p->nphrases)
		p->nphrases = nphrases;
	size_t per = (size_t)nphrases;
	struct search_state *b = p->buf;
	if (nphrases != p->nphrases || p->len >= RANK_MAX_HITS ||
	    rank_grow((void **)&b->hits, &b->cap, p->len + 1, sizeof *b->hits) != 0 ||
	    rank_grow((void **)&b->phrase, &b->pcap, (p->len + 1) * per, sizeof *b->phrase) != 0)
		return -1;
	memcpy(b->phrase + p->len * per, score, per * sizeof *score);
	for (int i = 0; i < nphrases; i++)
		p->docs[i] += score[i] > 0;
	b->hits[p->len++] = (struct hit){f, 0, 0};
	return 0;
}

static int walked(struct hit_walk *w, int64_t id, double score)
{
	struct part *p = (struct part *)w;
	if (id > p->hi)
		return 1; /* the rest is another part's */
	const struct fact *f = id < p->lo || score <= 0 ? NULL : fact_of(p->x, id, &p->from);
	if (!f || !keep(p->x, f, p->q, p->now))
		return 0; /* before its part, not in a column the reader may match, or not shown */
	if (part_add(p, f, &score, 1) != 0) {
		p->failed = 1;
		return 1;
	}
	return 0;
}

/* A one-phrase query walked by plenary_hits, with no statement step per hit: 1 when walked, 0 when the query
 * has more phrases, -1 on error. FTS5's walk starts at the first id, so only the first part walks. */
static int walk(store *s, struct part *p)
{
	sqlite3_stmt *st = sq_prepare(s, S_PHRASE_HITS,
				      "SELECT plenary_hits(article_search, ?2) FROM article_search WHERE "
				      "article_search MATCH ?1 LIMIT 1");
	sq_bind_text(st, 1, p->match);
	p->walk.columns = p->columns;
	sqlite3_bind_pointer(st, 2, &p->walk, "plenary_hit_walk", NULL);
	int rc = sqlite3_step(st);
	int done = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : rc == SQLITE_DONE ? 1 : -1;
	if (done < 0)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	return p->failed ? -1 : done;
}

/* Reads a part's hits with their relevance per phrase (a sqlite_int.h work function). */
static void read_part(store *s, void *job)
{
	struct part *p = job;
	struct search_state *mine = state(s);
	if (mine && !mine->taken) {
		mine->taken = 1;
		if (mine->cap > KEEP_HITS ||
		    mine->pcap > KEEP_HITS) { /* the last search was a rare big one */
			free(mine->hits);
			free(mine->phrase);
			mine->hits = NULL, mine->phrase = NULL, mine->cap = mine->pcap = 0;
		}
		p->buf = mine;
	} else {
		p->buf = p->own = calloc(1, sizeof *p->own);
		if (!p->own) {
			p->failed = 1;
			return;
		}
	}
	size_t lo = 0, hi = p->x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->x->f[mid].id < p->lo)
			lo = mid + 1;
		else
			hi = mid;
	}
	p->from = lo;
	if (p->walks) {
		int done = walk(s, p);
		if (done != 0) {
			p->failed = done < 0;
			return;
		}
	}
	sqlite3_stmt *st =
	    sq_prepare(s, S_HITS,
		       "SELECT rowid, plenary_rank(article_search, ?4) FROM article_search "
		       "WHERE article_search MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid");
	sq_bind_text(st, 1, p->match);
	sqlite3_bind_int64(st, 2, p->lo);
	sqlite3_bind_int64(st, 3, p->hi);
	sqlite3_bind_int(st, 4, (int)p->columns);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct fact *f = fact_of(p->x, sqlite3_column_int64(st, 0), &p->from);
		if (!f || !keep(p->x, f, p->q, p->now))
			continue;
		double one = 0;
		int bytes = (int)sizeof one;
		const double *score = &one;
		if (sqlite3_column_type(st, 1) == SQLITE_FLOAT) {
			one = sqlite3_column_double(st, 1);
			if (one <= 0)
				continue; /* one phrase, in no column the reader may match */
		} else {
			bytes = sqlite3_column_bytes(st, 1);
			score = sqlite3_column_blob(st, 1);
		}
		int nphrases = bytes / (int)sizeof(double);
		if (!score || nphrases < 1 || bytes != nphrases * (int)sizeof(double) ||
		    part_add(p, f, score, nphrases) != 0) {
			p->failed = 1;
			break;
		}
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		p->failed = sq_step_error(s, st) != 0;
	else
		sqlite3_reset(st);
}

/* Every hit with its facts and score, the best `want` of them first and ranked, in the connection's buffers
 * (valid until its next search): 0 with *out, or -1. A big site's hits are read in parts, one per search
 * thread, each part a range of ids with as many articles. The score is the phrases' relevances weighed by
 * their inverse document frequency over the hits, with the recency boost. */
static int all_hits(store *s, h2o_mem_pool_t *pool, const struct search_facts *x,
		    const struct search_query *q, const char *fts, size_t want, const char *lang,
		    struct hit **out, size_t *n)
{
	size_t nparts = part_count(s, x);
	struct part parts[PARTS_MAX];
	void *jobs[PARTS_MAX];
	int64_t now = store_now();
	int kind = fts5_query_kind(q->clauses, q->nclauses);
	/* One phrase is matched in every column and scored in those the reader may match, a hit in none of
	 * them left out: the same hits as the column filter, without FTS5 cutting every hit's positions to
	 * it. Queries of several phrases need the filter (an excluded word in a body the reader may not
	 * match). */
	int level = q->level < 0 ? 0 : q->level > 3 ? 3 : q->level;
	const char *match = kind ? fts : filtered(pool, q, fts, 0);
	unsigned columns = kind ? readable_columns[level] : readable_columns[3];
	/* A walk costs less per hit than a statement's step: about 2.5 times less for a word, 1.5 for a
	 * phrase of words (matching its positions weighs more). The walking part takes as many more articles,
	 * its share in halves: first 5, 3 or 2 (no walk), then 2 for each other part. */
	size_t first = kind == 2 ? 5 : kind == 1 ? 3 : 2, halves = first + 2 * (nparts - 1), at = 0;
	for (size_t k = 0; k < nparts; k++) {
		size_t end = k + 1 < nparts ? x->n * (first + 2 * k) / halves : x->n;
		parts[k] = (struct part){.walk = {walked},
					 .x = x,
					 .q = q,
					 .match = match,
					 .now = now,
					 .columns = columns,
					 .walks = k == 0 && kind,
					 .lo = k ? x->f[at].id : INT64_MIN,
					 .hi = k + 1 < nparts ? x->f[end].id - 1 : INT64_MAX};
		at = end;
		jobs[k] = &parts[k];
	}
	struct parts_claim claim;
	sq_parts_run(s, nparts, read_part, jobs, &claim);
	size_t total = 0;
	int nphrases = 0, failed = 0;
	int64_t docs[RANK_PHRASES] = {0};
	for (size_t k = 0; k < nparts; k++) {
		const struct part *p = &parts[k];
		failed |= p->failed || (p->nphrases && nphrases && p->nphrases != nphrases);
		if (p->nphrases)
			nphrases = p->nphrases;
		total += p->len;
		for (int i = 0; i < p->nphrases; i++)
			docs[i] += p->docs[i];
	}
	/* one part's hits are scored where they are; several are gathered into the connection's merge buffer
	 */
	struct search_state *st = parts[0].buf;
	struct hit *hits = NULL;
	if (!failed && nparts == 1) {
		hits = st->hits; /* NULL when no search on the connection had a hit yet */
	} else if (!failed) {
		if (st->mcap > KEEP_HITS && total <= KEEP_HITS) {
			free(st->merged);
			st->merged = NULL, st->mcap = 0;
		}
		if (rank_grow((void **)&st->merged, &st->mcap, total ? total : 1, sizeof *st->merged) == 0)
			hits = st->merged;
	}
	if (hits) {
		double idf[RANK_PHRASES];
		for (int i = 0; i < nphrases; i++)
			idf[i] = rank_idf(nphrases, (int64_t)x->n, docs[i]);
		size_t to = 0;
		for (size_t k = 0; k < nparts; k++)
			for (size_t i = 0; i < parts[k].len; i++) {
				const double *phrase = parts[k].buf->phrase + i * (size_t)nphrases;
				double sum = 0;
				for (int j = 0; j < nphrases; j++)
					sum += idf[j] * phrase[j];
				hits[to] = parts[k].buf->hits[i];
				hits[to].score = rank_score(sum, hits[to].fact->published, now);
				to++;
			}
	}
	for (size_t k = 0; k < nparts; k++) {
		if (parts[k].buf)
			parts[k].buf->taken = 0;
		sq_search_state_free(parts[k].own);
	}
	sq_parts_release(&claim);
	if (failed || (!hits && total) || (hits && rank_families(hits, &total, lang) != 0))
		return -1;
	rank_language(hits, total, lang);
	rank_top(hits, total, want);
	*out = hits;
	*n = total;
	return 0;
}

/* ---- facets: counted by rank.c from the hits' facts, named by one query per kind ---- */

static int name_facets(store *s, h2o_mem_pool_t *pool, struct search_result *out)
{
	static const char *const sql[] = {
	    [FACET_SECTION] =
		"SELECT id, slug, name FROM section WHERE id IN (SELECT value FROM json_each(?1))",
	    [FACET_CONGRESS] =
		"SELECT id, slug, name FROM congress WHERE id IN (SELECT value FROM json_each(?1))",
	    [FACET_TAG] = "SELECT id, slug, name FROM tag WHERE id IN (SELECT value FROM json_each(?1))",
	    [FACET_TRIAL] = "SELECT id, slug, name FROM trial WHERE id IN (SELECT value FROM json_each(?1))",
	};
	static const int slots[] = {[FACET_SECTION] = S_NAMES_SECTION,
				    [FACET_CONGRESS] = S_NAMES_CONGRESS,
				    [FACET_TAG] = S_NAMES_TAG,
				    [FACET_TRIAL] = S_NAMES_TRIAL};
	for (int kind = 0; kind < FACET_KINDS; kind++) {
		struct facet *f = out->facets[kind];
		size_t n = out->nfacets[kind];
		if (kind == FACET_YEAR || n == 0)
			continue;
		buf ids;
		buf_init(&ids, pool);
		buf_addc(&ids, '[');
		for (size_t i = 0; i < n; i++)
			buf_printf(&ids, "%s%lld", i ? "," : "", (long long)f[i].id);
		buf_addc(&ids, ']');
		sqlite3_stmt *st = sq_prepare(s, slots[kind], sql[kind]);
		sq_bind_text(st, 1, buf_cstr(&ids));
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			rank_name(f, n, sqlite3_column_int64(st, 0), sq_col_str(pool, st, 1),
				  sq_col_str(pool, st, 2));
		if (rc != SQLITE_DONE)
			return sq_step_error(s, st);
		sqlite3_reset(st);
	}
	return 0;
}

/* ---- the page ---- */

/* The page's articles, in rank order (one gone since the hits were read is left out). */
static int articles(store *s, h2o_mem_pool_t *pool, const struct hit *rows, size_t n,
		    struct search_result *out)
{
	out->hits = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof *out->hits);
	out->nhits = 0;
	for (size_t i = 0; i < n; i++) {
		struct search_hit *h = &out->hits[out->nhits];
		memset(h, 0, sizeof *h);
		sqlite3_stmt *st =
		    sq_prepare(s, S_ARTICLE, "SELECT " ARTICLE_COLS ARTICLE_JOINS "WHERE a.id = ?1");
		sqlite3_bind_int64(st, 1, rows[i].fact->id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			sq_fill_article_cols(pool, st, &h->article);
		else if (rc != SQLITE_DONE)
			return sq_step_error(s, st);
		sqlite3_reset(st);
		if (rc == SQLITE_ROW)
			out->nhits++;
	}
	return 0;
}

/* ---- the page and the facets, with the snippets made beside them when the hits were read in parts ---- */

struct page_job {
	int snippets; /* 1: the snippets of ids, on a helper; 0: the page's articles and the facets */
	h2o_mem_pool_t *pool;
	const struct search_facts *x;
	const struct hit *hits, *rows; /* every hit, and the page's */
	size_t total, n;
	int with_facets;
	const char *match;	   /* for snippets */
	struct search_result *out; /* the page's articles, or the snippets of the ids (hits[i].article.id) */
	int rc;
};

static void page_work(store *s, void *job)
{
	struct page_job *j = job;
	if (j->snippets) {
		/* the snippet comes from the columns this reader may match, never a body above them */
		j->rc = sq_snippets(s, j->pool, j->match, j->out);
		return;
	}
	j->rc = articles(s, j->pool, j->rows, j->n, j->out);
	if (j->rc == 0 && j->with_facets)
		j->rc = rank_facets(j->pool, j->hits, j->total, j->x->tags, j->out) == 0
			    ? name_facets(s, j->pool, j->out)
			    : -1;
}

/* The page (rows, n of them) and the facets of every hit; the snippets on a helper connection meanwhile
 * when there is one (parts), else after the articles. */
static int page(store *s, h2o_mem_pool_t *pool, const struct search_facts *x, const char *match,
		const struct hit *hits, size_t total, const struct hit *rows, size_t n, int with_facets,
		size_t parts, struct search_result *out)
{
	struct page_job main = {0, pool, x, hits, rows, total, n, with_facets, match, out, 0};
	if (parts < 2 || n == 0) {
		page_work(s, &main);
		struct page_job snip = {1, pool, x, hits, rows, total, n, 0, match, out, 0};
		if (main.rc == 0)
			page_work(s, &snip);
		main.rc = main.rc ? main.rc : snip.rc;
	} else {
		/* the helper writes into a result of its own, in a pool of its own, copied here after */
		h2o_mem_pool_t own;
		h2o_mem_init_pool(&own);
		struct search_result ids = {.nhits = n};
		ids.hits = h2o_mem_alloc_pool(&own, n * sizeof *ids.hits);
		memset(ids.hits, 0, n * sizeof *ids.hits);
		for (size_t i = 0; i < n; i++)
			ids.hits[i].article.id = rows[i].fact->id;
		struct page_job snip = {1, &own, x, hits, rows, total, n, 0, match, &ids, 0};
		void *jobs[] = {&main, &snip};
		struct parts_claim claim;
		sq_parts_run(s, 2, page_work, jobs, &claim);
		sq_parts_release(&claim); /* the snippets are in own */
		for (size_t i = 0; i < out->nhits && main.rc == 0 && snip.rc == 0; i++)
			for (size_t k = 0; k < n; k++)
				if (ids.hits[k].article.id == out->hits[i].article.id && ids.hits[k].snippet)
					out->hits[i].snippet = mem_strndup(pool, ids.hits[k].snippet,
									   strlen(ids.hits[k].snippet));
		h2o_mem_clear_pool(&own);
		main.rc = main.rc ? main.rc : snip.rc;
	}
	/* a hit only by its title: the summary stands for the snippet */
	for (size_t i = 0; i < out->nhits; i++)
		if (!out->hits[i].snippet)
			out->hits[i].snippet = out->hits[i].article.summary;
	return main.rc;
}

int sq_store_search(store *s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
		    int with_facets, struct search_result *out)
{
	memset(out, 0, sizeof *out);
	/* the parsed query as FTS5 text, made here, every word quoted: nothing a reader typed is syntax */
	const char *fts = fts5_query(pool, q->clauses, q->nclauses);
	if (!fts) {
		out->hits = h2o_mem_alloc_pool(pool, sizeof *out->hits);
		return 0; /* nothing included to look for: no hit */
	}
	const struct search_facts *x = facts(s);
	char lang[4];
	if (!x || rank_reader_language(s, q, lang) != 0)
		return -1;
	struct hit *rows = NULL;
	size_t n = 0;
	if (all_hits(s, pool, x, q, fts, offset + limit, lang, &rows, &n) != 0)
		return -1;
	out->total = n;
	size_t shown = offset < n ? (n - offset < limit ? n - offset : limit) : 0;
	return page(s, pool, x, filtered(pool, q, fts, 1), rows, n, rows + (offset < n ? offset : n), shown,
		    with_facets, part_count(s, x), out);
}

static void fill_facet(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct facet *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->count = sq_col_i64(st, 3);
}

int sq_store_search_vocab(store *s, h2o_mem_pool_t *pool, const char *lang, const char *from, const char *to,
			  struct facet **out, size_t *n)
{
	/* the kept vocabulary when it is current; else the live one, which walks every listed word's
	 * documents, their languages the kept one's, a word the kept one lacks (just published) taken as the
	 * reader's language as before languages counted (store_search_upkeep brings the kept one up to date
	 * within a second or two; counting the live words' languages would read each of their occurrences) */
	sqlite3_stmt *v =
	    sq_prepare(s, S_VERSION, "SELECT version, terms_version, epoch FROM content_version");
	int fresh = sqlite3_step(v) == SQLITE_ROW && sqlite3_column_int64(v, 0) == sqlite3_column_int64(v, 1);
	sqlite3_reset(v);
	/* id: documents in lang holding the term; name: the term; count: documents holding it */
	sqlite3_stmt *st =
	    fresh
		? sq_prepare(s, S_VOCAB,
			     "SELECT sum(CASE lang WHEN ?3 THEN docs ELSE 0 END), '', term, sum(docs) "
			     "FROM search_term WHERE term >= ?1 AND term < ?2 GROUP BY term LIMIT 5000")
		: sq_prepare(s, S_VOCAB_LIVE,
			     "SELECT coalesce((SELECT t.docs FROM search_term t WHERE t.term = v.term "
			     "AND t.lang = ?3), CASE WHEN EXISTS (SELECT 1 FROM search_term t WHERE "
			     "t.term = v.term) THEN 0 ELSE v.doc END), '', v.term, v.doc FROM search_vocab v "
			     "WHERE v.term >= ?1 AND v.term < ?2 LIMIT 5000");
	sq_bind_text(st, 1, from);
	sq_bind_text(st, 2, to);
	sq_bind_text(st, 3, lang ? lang : "");
	return sq_collect(s, pool, st, sizeof **out, fill_facet, (void **)out, n);
}

/* ---- upkeep, from the scheduler's connection ---- */

#define SEARCH_SEGMENTS_MAX 8 /* more full-text b-trees than this and every word lookup seeks each */
#define MERGE_PAGES 1000
#define VOCAB_LANGUAGES 32 /* the languages the vocabulary tells apart */

/* Merges the full-text index into one b-tree, a step of MERGE_PAGES pages per transaction, when it has
 * grown more than SEARCH_SEGMENTS_MAX: each query then seeks one list per word. */
static int merge_index(store *s)
{
	sqlite3_stmt *st = sq_prepare(s, S_SEGMENTS, "SELECT count(DISTINCT segid) FROM article_search_idx");
	int64_t segments = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (segments <= SEARCH_SEGMENTS_MAX)
		return 0;
	/* a negative count starts a merge of every b-tree; positive ones carry it on until it has nothing
	 * left to do (fewer than two rows changed) */
	for (int step = 0; step < 100000; step++) {
		sqlite3_int64 before = sqlite3_total_changes64(sq_db(s));
		char sql[96];
		snprintf(sql, sizeof sql,
			 "INSERT INTO article_search(article_search, rank) VALUES('merge', %d)",
			 step == 0 ? -MERGE_PAGES : MERGE_PAGES);
		if (sq_run(s, sql) != 0)
			return -1;
		if (step > 0 && sqlite3_total_changes64(sq_db(s)) - before < 2)
			break;
	}
	return 1;
}

/* The articles' languages (each its own, else its site's), by id ascending: lang an index in codes. */
struct article_lang {
	int64_t id;
	int lang;
};
struct article_langs {
	struct article_lang *rows;
	size_t n, cap;
	const char *codes[VOCAB_LANGUAGES];
	size_t ncodes;
};

static int read_langs(store *s, h2o_mem_pool_t *pool, struct article_langs *x)
{
	sqlite3_stmt *st = sq_prepare(s, S_TERMS_LANGS,
				      "SELECT a.id, CASE a.lang WHEN '' THEN s.language ELSE a.lang END "
				      "FROM article a JOIN site s ON s.id = a.site_id ORDER BY a.id");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	       rank_grow((void **)&x->rows, &x->cap, x->n + 1, sizeof *x->rows) == 0) {
		const char *code = (const char *)sqlite3_column_text(st, 1);
		size_t k = 0;
		while (k < x->ncodes && strcmp(x->codes[k], code ? code : "") != 0)
			k++;
		if (k == x->ncodes && k < VOCAB_LANGUAGES)
			x->codes[x->ncodes++] = sq_col_str(pool, st, 1);
		/* an article of a language past VOCAB_LANGUAGES is counted in none */
		x->rows[x->n].id = sqlite3_column_int64(st, 0);
		x->rows[x->n++].lang = k < x->ncodes ? (int)k : -1;
	}
	int ok = rc == SQLITE_DONE;
	if (!ok && rc != SQLITE_ROW)
		sq_step_error(s, st);
	sqlite3_reset(st);
	return ok ? 0 : -1;
}

/* The index in x->codes of article id's language, or -1 for an article it does not know. */
static int lang_of(const struct article_langs *x, int64_t id)
{
	size_t lo = sorted_first(x->rows, x->n, sizeof *x->rows, offsetof(struct article_lang, id), id);
	return lo < x->n && x->rows[lo].id == id ? x->rows[lo].lang : -1;
}

struct term {
	const char *word, *lang;
	int64_t docs;
};

/* Each public word's documents counted per language: search_vocab_instance gives every occurrence, by word
 * then document, so a word's count ends where the next word begins. */
static int read_terms(store *s, h2o_mem_pool_t *pool, const struct article_langs *x, struct term **out,
		      size_t *n)
{
	size_t cap = 0;
	int64_t counts[VOCAB_LANGUAGES] = {0}, last_doc = -1;
	char *word = NULL;
	sqlite3_stmt *st = sq_prepare(s, S_TERMS_READ, "SELECT term, doc FROM search_vocab_instance");
	int rc, more = 1;
	while (more) {
		rc = sqlite3_step(st);
		const char *t = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
		if (word && (!t || strcmp(t, word) != 0)) {
			for (size_t k = 0; k < x->ncodes; k++)
				if (counts[k] > 0) {
					if (rank_grow((void **)out, &cap, *n + 1, sizeof **out) != 0)
						return sqlite3_reset(st), -1;
					(*out)[(*n)++] = (struct term){word, x->codes[k], counts[k]};
					counts[k] = 0;
				}
			word = NULL;
		}
		if (!t)
			break;
		if (!word) {
			word = h2o_mem_alloc_pool(pool, strlen(t) + 1);
			strcpy(word, t);
			last_doc = -1;
		}
		int64_t doc = sqlite3_column_int64(st, 1);
		int k = doc == last_doc ? -1 : lang_of(x, doc);
		last_doc = doc;
		if (k >= 0)
			counts[k]++;
	}
	if (rc != SQLITE_DONE)
		sq_step_error(s, st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The vocabulary for "did you mean" into search_term, each word's documents counted per language: read in one
 * transaction, written in another. */
static int refresh_terms(store *s, int64_t version)
{
	struct term *terms = NULL;
	size_t n = 0;
	struct article_langs langs = {0};
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int ok = 0;
	if (sq_run(s, "BEGIN") == 0) {
		ok = read_langs(s, &pool, &langs) == 0 && read_terms(s, &pool, &langs, &terms, &n) == 0;
		sq_run(s, "COMMIT");
	}
	if (ok && sq_run(s, "BEGIN IMMEDIATE") == 0) {
		ok = sq_exec(s, sq_prepare(s, S_TERMS_CLEAR, "DELETE FROM search_term"), NULL) == 0;
		for (size_t i = 0; ok && i < n; i++) {
			sqlite3_stmt *st = sq_prepare(
			    s, S_TERMS_ADD, "INSERT INTO search_term (term, lang, docs) VALUES (?1, ?2, ?3)");
			sq_bind_text(st, 1, terms[i].word);
			sq_bind_text(st, 2, terms[i].lang);
			sqlite3_bind_int64(st, 3, terms[i].docs);
			ok = sq_exec(s, st, NULL) == 0;
		}
		if (ok) {
			sqlite3_stmt *st =
			    sq_prepare(s, S_TERMS_DONE, "UPDATE content_version SET terms_version = ?1");
			sqlite3_bind_int64(st, 1, version);
			ok = sq_exec(s, st, NULL) == 0;
		}
		sq_run(s, ok ? "COMMIT" : "ROLLBACK");
	} else
		ok = 0;
	free(terms);
	free(langs.rows);
	h2o_mem_clear_pool(&pool);
	return ok ? 0 : -1;
}

int sq_store_search_upkeep(store *s)
{
	if (sq_run(s, "BEGIN") != 0)
		return -1;
	sqlite3_stmt *v =
	    sq_prepare(s, S_VERSION, "SELECT version, terms_version, epoch FROM content_version");
	int64_t version = -1, terms = -1;
	if (sqlite3_step(v) == SQLITE_ROW) {
		version = sqlite3_column_int64(v, 0);
		terms = sqlite3_column_int64(v, 1);
	}
	sqlite3_reset(v);
	sq_run(s, "COMMIT");
	if (drain_stale(s) != 0)
		return -1;
	if (version < 0 || version == terms)
		return 0;
	if (merge_index(s) < 0)
		return -1;
	return refresh_terms(s, version) == 0 ? 1 : -1;
}
