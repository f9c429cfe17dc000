/* test_site_images_db: the reader's pictures in the store (site_images_db.c): cards' images past one batch, a
 * site's logo and favicon from its own library only, each test on SQLite and on PostgreSQL (fixture.h). */
#include "fixture.h"
#include "store/media.h"

static int64_t add_image(struct fx *f, int64_t site, const char *hash, int width)
{
	struct media m = {.hash = hash,
			  .kind = "png",
			  .alt = hash,
			  .credit = "",
			  .original_name = "x.png",
			  .width = width,
			  .height = width / 2,
			  .bytes = 10};
	int64_t id = 0;
	CHECK(store_media_add(f->s, site, &m, 0, &id) == SAVE_OK && id > 0);
	return id;
}

/* 40 articles of the demo's first site, every third with an image: the ones past the first batch of 16 get
 * theirs too, the others none, and no article gets another's. */
static void test_card_images_past_one_batch(struct fx *f)
{
	struct article_filter filter = {.site_id = f->site};
	struct article *as;
	size_t n, total;
	CHECK(store_articles(f->s, &f->pool, &filter, 0, 40, &as, &n, &total) == 0);
	CHECK(n >= 34); /* more than two batches */
	int64_t img = add_image(f, f->site, "cafe01", 800);
	for (size_t i = 0; i < n; i += 3)
		CHECK(fx_sql(f, "UPDATE article SET image_id = %lld WHERE id = %lld", (long long)img,
			     (long long)as[i].id) == 0);
	for (size_t i = 0; i < n; i++)
		memset(&as[i].image, 0, sizeof as[i].image);
	CHECK(store_card_images(f->s, &f->pool, as, n) == 0);
	for (size_t i = 0; i < n; i++) {
		CHECK(as[i].image.id == (i % 3 == 0 ? img : 0));
		if (i % 3 == 0) {
			CHECK_STR(as[i].image.hash, "cafe01");
			CHECK(as[i].image.width == 800 && as[i].image.height == 400);
			CHECK_STR(as[i].image.alt, "cafe01");
		}
	}
	CHECK(store_card_images(f->s, &f->pool, as, 0) == 0);
}

/* A logo and favicon of the site's own library are kept; another site's image, or none, leaves it without. */
static void test_logo_and_favicon_of_the_sites_own_library(struct fx *f)
{
	int64_t other =
	    fx_int(f, "SELECT id FROM site WHERE id <> %lld ORDER BY id LIMIT 1", (long long)f->site);
	CHECK(other > 0);
	int64_t logo = add_image(f, f->site, "10a0", 600), icon = add_image(f, f->site, "1c0e", 64),
		theirs = add_image(f, other, "7e1e", 300);
	struct site_images im;
	CHECK(store_site_images(f->s, &f->pool, f->site, &im) == 1);
	CHECK(im.logo.id == 0 && im.favicon.id == 0);
	CHECK(store_site_images_save(f->s, f->site, logo, icon, 0) == SAVE_OK);
	CHECK(store_site_images(f->s, &f->pool, f->site, &im) == 1);
	CHECK(im.logo.id == logo && im.favicon.id == icon);
	CHECK_STR(im.logo.hash, "10a0");
	CHECK(im.favicon.width == 64);
	CHECK(fx_int(f, "SELECT count(*) FROM audit_log WHERE action = 'site.images'") == 1);
	CHECK(store_site_images_save(f->s, f->site, theirs, icon, 0) == SAVE_OK);
	CHECK(store_site_images(f->s, &f->pool, f->site, &im) == 1);
	CHECK(im.logo.id == 0 && im.favicon.id == icon);
	/* even set behind the store's back, another site's image never shows */
	CHECK(fx_sql(f, "UPDATE site SET logo_id = %lld WHERE id = %lld", (long long)theirs,
		     (long long)f->site) == 0);
	CHECK(store_site_images(f->s, &f->pool, f->site, &im) == 1);
	CHECK(im.logo.id == 0);
	CHECK(store_site_images_save(f->s, f->site, 0, 0, 0) == SAVE_OK);
	CHECK(store_site_images(f->s, &f->pool, f->site, &im) == 1);
	CHECK(im.logo.id == 0 && im.favicon.id == 0);
	CHECK(store_site_images_save(f->s, 999999, logo, icon, 0) == SAVE_NOT_FOUND);
	CHECK(store_site_images(f->s, &f->pool, 999999, &im) == 0);
	/* deleting the image takes it off the site */
	CHECK(store_site_images_save(f->s, f->site, logo, icon, 0) == SAVE_OK);
	CHECK(fx_sql(f, "DELETE FROM media WHERE id = %lld", (long long)icon) == 0);
	CHECK(store_site_images(f->s, &f->pool, f->site, &im) == 1);
	CHECK(im.logo.id == logo && im.favicon.id == 0);
}

int main(void)
{
	fx_run("card images past one batch", FX_DEMO, test_card_images_past_one_batch);
	fx_run("logo and favicon of the site's own library", FX_DEMO,
	       test_logo_and_favicon_of_the_sites_own_library);
	fx_done();
	return unit_done("test_site_images_db");
}
