/* api: every store function that takes a store, listed once: the backend table (backend.h) and the
 * functions that call through it (calls.c) are made from this list. No include guard: it is read with
 * STORE_FN(ret, name, params, args) and STORE_VOID(name, params, args) defined by the includer. Keep it in
 * step with store.h, where each function is documented. */
/* STORE_DB(ret, name, params, args): a function written once on the seam (db.h: db_store_NAME) for both
 * engines; an includer that does not tell them apart reads it as STORE_FN. */
#ifndef STORE_DB
#define STORE_DB STORE_FN
#define STORE_DB_DEFAULTED
#endif
STORE_FN(int, store_load_demo, (store * s, char *err, size_t errlen), (s, err, errlen))
STORE_DB(int, store_ensure_site, (store * s, const char *name), (s, name))
STORE_FN(int, store_schema_version, (store * s), (s))
STORE_DB(int, store_secret, (store * s, const char *name, char out[65]), (s, name, out))
STORE_DB(int, store_sites, (store * s, h2o_mem_pool_t *pool, struct site **out, size_t *n), (s, pool, out, n))
STORE_DB(int, store_sections,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, struct section **out, size_t *n),
	 (s, pool, site_id, out, n))
STORE_DB(int, store_section_by_slug,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug, struct section *out),
	 (s, pool, site_id, slug, out))
STORE_DB(int, store_congresses,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, int year, struct congress **out, size_t *n),
	 (s, pool, site_id, year, out, n))
STORE_DB(int, store_congress_by_slug,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug, struct congress *out),
	 (s, pool, site_id, slug, out))
STORE_DB(int, store_tag_by_slug,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug, struct tag *out),
	 (s, pool, site_id, slug, out))
STORE_DB(int, store_tags,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit, struct tag **out, size_t *n),
	 (s, pool, site_id, limit, out, n))
STORE_DB(int, store_articles,
	 (store * s, h2o_mem_pool_t *pool, const struct article_filter *f, size_t offset, size_t limit,
	  struct article **out, size_t *n, size_t *total),
	 (s, pool, f, offset, limit, out, n, total))
STORE_DB(int, store_article_by_slug,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug, enum audience reader,
	  struct article *out),
	 (s, pool, site_id, slug, reader, out))
STORE_DB(int, store_related,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, const struct article *a, size_t limit,
	  struct article **out, size_t *n),
	 (s, pool, site_id, a, limit, out, n))
STORE_DB(int, store_page_by_path,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, const char *path, struct page *out),
	 (s, pool, site_id, path, out))
STORE_DB(int, store_menu,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_item **out, size_t *n),
	 (s, pool, site_id, out, n))
STORE_DB(int64_t, store_contact_add, (store * s, const struct contact_message *m), (s, m))
STORE_DB(int64_t, store_user_create, (store * s, const struct user *u, int email_verified),
	 (s, u, email_verified))
STORE_DB(int, store_user_by_email, (store * s, h2o_mem_pool_t *pool, const char *email, struct user *out),
	 (s, pool, email, out))
STORE_DB(int, store_user_by_id, (store * s, h2o_mem_pool_t *pool, int64_t id, struct user *out),
	 (s, pool, id, out))
STORE_DB(int, store_user_update_profile, (store * s, const struct user *u), (s, u))
STORE_DB(int, store_user_set_password, (store * s, int64_t id, const char *hash), (s, id, hash))
STORE_DB(int, store_user_set_email, (store * s, int64_t id, const char *email), (s, id, email))
STORE_DB(int, store_user_mark_verified, (store * s, int64_t id), (s, id))
STORE_DB(int, store_user_set_role, (store * s, int64_t id, const char *role), (s, id, role))
STORE_DB(int, store_user_request_hcp, (store * s, int64_t id, const char *text), (s, id, text))
STORE_DB(int, store_user_decide_hcp,
	 (store * s, int64_t id, const char *status, const char *method, const char *evidence,
	  int64_t editor_id),
	 (s, id, status, method, evidence, editor_id))
STORE_DB(int, store_users_hcp_requested, (store * s, h2o_mem_pool_t *pool, struct user **out, size_t *n),
	 (s, pool, out, n))
STORE_DB(int, store_user_delete, (store * s, int64_t id), (s, id))
STORE_DB(int, store_session_create,
	 (store * s, const char *token_hash, int64_t user_id, int64_t expires_at, int remember, int pending),
	 (s, token_hash, user_id, expires_at, remember, pending))
STORE_DB(int, store_session_user,
	 (store * s, h2o_mem_pool_t *pool, const char *token_hash, int64_t idle_after, struct user *out,
	  int64_t *last_seen, int *remember, int *pending),
	 (s, pool, token_hash, idle_after, out, last_seen, remember, pending))
STORE_DB(int, store_session_complete, (store * s, const char *token_hash), (s, token_hash))
STORE_DB(int, store_user_totp_set, (store * s, int64_t id, const char *secret, int enabled),
	 (s, id, secret, enabled))
STORE_DB(int, store_user_totp_step, (store * s, int64_t id, int64_t step), (s, id, step))
STORE_DB(int, store_recovery_replace, (store * s, int64_t id, const char *const *hashes, size_t n),
	 (s, id, hashes, n))
STORE_DB(int, store_recovery_use, (store * s, int64_t id, const char *hash), (s, id, hash))
STORE_DB(int, store_session_touch, (store * s, const char *token_hash), (s, token_hash))
STORE_DB(int, store_session_delete, (store * s, const char *token_hash), (s, token_hash))
STORE_DB(int, store_sessions_delete_user, (store * s, int64_t user_id, const char *keep_hash),
	 (s, user_id, keep_hash))
STORE_DB(int, store_token_create,
	 (store * s, const char *token_hash, int64_t user_id, const char *purpose, const char *new_email,
	  int64_t expires_at),
	 (s, token_hash, user_id, purpose, new_email, expires_at))
STORE_DB(int, store_token_use,
	 (store * s, h2o_mem_pool_t *pool, const char *token_hash, const char *purpose, int64_t *user_id,
	  const char **new_email),
	 (s, pool, token_hash, purpose, user_id, new_email))
STORE_DB(int, store_token_valid, (store * s, const char *token_hash, const char *purpose),
	 (s, token_hash, purpose))
STORE_DB(int, store_tokens_drop, (store * s, int64_t user_id, const char *purpose), (s, user_id, purpose))
STORE_DB(int, store_attempt_take,
	 (store * s, const char *kind, const char *subject, const struct attempt_rule *rule, int *wait),
	 (s, kind, subject, rule, wait))
STORE_DB(int, store_attempt_refund, (store * s, const char *kind, const char *subject), (s, kind, subject))
STORE_DB(int, store_attempt_clear, (store * s, const char *kind, const char *subject), (s, kind, subject))
STORE_DB(enum save_result, store_article_save,
	 (store * s, const struct article_edit *e, int64_t user_id, int64_t *id_out), (s, e, user_id, id_out))
STORE_DB(int, store_admin_articles,
	 (store * s, h2o_mem_pool_t *pool, const struct admin_filter *f, size_t offset, size_t limit,
	  struct article **out, size_t *n, size_t *total),
	 (s, pool, f, offset, limit, out, n, total))
STORE_DB(int, store_admin_article,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct article *out),
	 (s, pool, site_id, id, out))
STORE_DB(int, store_revisions,
	 (store * s, h2o_mem_pool_t *pool, int64_t article_id, struct revision **out, size_t *n),
	 (s, pool, article_id, out, n))
STORE_DB(int, store_revision,
	 (store * s, h2o_mem_pool_t *pool, int64_t article_id, int64_t revision_id, struct revision *out),
	 (s, pool, article_id, revision_id, out))
STORE_DB(int, store_publish_due, (store * s, int64_t *ids, size_t max, size_t *n), (s, ids, max, n))
STORE_DB(int64_t, store_next_scheduled, (store * s), (s))
STORE_DB(int, store_audit,
	 (store * s, int64_t user_id, const char *action, const char *target, const char *detail),
	 (s, user_id, action, target, detail))
STORE_DB(int, store_audit_list,
	 (store * s, h2o_mem_pool_t *pool, size_t limit, struct audit_entry **out, size_t *n),
	 (s, pool, limit, out, n))
STORE_DB(enum save_result, store_person_save,
	 (store * s, const struct person *p, const char *bio, int64_t user_id, int64_t *id_out),
	 (s, p, bio, user_id, id_out))
STORE_DB(int, store_person_by_id,
	 (store * s, h2o_mem_pool_t *pool, int64_t id, struct person *out, const char **bio),
	 (s, pool, id, out, bio))
STORE_DB(enum save_result, store_congress_save,
	 (store * s, int64_t site_id, const struct congress *c, int64_t user_id, int64_t *id_out),
	 (s, site_id, c, user_id, id_out))
STORE_DB(int, store_congress_by_id,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct congress *out),
	 (s, pool, site_id, id, out))
STORE_DB(enum save_result, store_sponsor_save,
	 (store * s, int64_t site_id, const struct sponsor *p, int64_t user_id, int64_t *id_out),
	 (s, site_id, p, user_id, id_out))
STORE_DB(int, store_sponsor_by_id,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct sponsor *out),
	 (s, pool, site_id, id, out))
STORE_DB(enum save_result, store_trial_save,
	 (store * s, int64_t site_id, const struct trial_edit *t, int64_t user_id, int64_t *id_out),
	 (s, site_id, t, user_id, id_out))
STORE_DB(int, store_trial_by_id,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct trial_edit *out),
	 (s, pool, site_id, id, out))
STORE_DB(int, store_trial_by_slug,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug, struct trial_edit *out),
	 (s, pool, site_id, slug, out))
STORE_DB(int, store_trials, (store * s, h2o_mem_pool_t *pool, int64_t site_id, struct trial **out, size_t *n),
	 (s, pool, site_id, out, n))
STORE_DB(int, store_users_list,
	 (store * s, h2o_mem_pool_t *pool, size_t offset, size_t limit, struct user **out, size_t *n,
	  size_t *total),
	 (s, pool, offset, limit, out, n, total))
STORE_DB(int, store_contact_list,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit, struct contact_message **out,
	  size_t *n),
	 (s, pool, site_id, limit, out, n))
STORE_DB(int, store_people_all, (store * s, h2o_mem_pool_t *pool, struct named **out, size_t *n),
	 (s, pool, out, n))
STORE_DB(int, store_record_live, (store * s, enum live_record kind, int64_t id), (s, kind, id))
STORE_DB(int, store_trials_all,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n),
	 (s, pool, site_id, out, n))
STORE_DB(int, store_sponsors_all,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n),
	 (s, pool, site_id, out, n))
STORE_VOID(store_tune, (store * s, const struct store_tuning *t), (s, t))
STORE_DB(int64_t, store_media_find, (store * s, int64_t site_id, const char *hash), (s, site_id, hash))
STORE_DB(enum save_result, store_media_add,
	 (store * s, int64_t site_id, const struct media *m, int64_t user_id, int64_t *id_out),
	 (s, site_id, m, user_id, id_out))
STORE_DB(int, store_media_list,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, size_t offset, size_t limit, struct media **out,
	  size_t *n, size_t *total),
	 (s, pool, site_id, offset, limit, out, n, total))
STORE_DB(int, store_media_by_id,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct media *out),
	 (s, pool, site_id, id, out))
STORE_DB(enum save_result, store_media_update,
	 (store * s, int64_t site_id, int64_t id, const char *alt, const char *credit, int64_t user_id),
	 (s, site_id, id, alt, credit, user_id))
STORE_DB(enum save_result, store_media_delete, (store * s, int64_t site_id, int64_t id, int64_t user_id),
	 (s, site_id, id, user_id))
STORE_DB(int, store_media_hash_used, (store * s, const char *hash), (s, hash))
STORE_DB(enum save_result, store_upload_add,
	 (store * s, const struct media_upload *u, int max, int64_t since), (s, u, max, since))
STORE_DB(int, store_upload_get,
	 (store * s, h2o_mem_pool_t *pool, const char *id, int64_t site_id, int64_t user_id, int64_t since,
	  struct media_upload *out),
	 (s, pool, id, site_id, user_id, since, out))
STORE_DB(int, store_upload_done, (store * s, const char *id, int64_t media_id), (s, id, media_id))
STORE_DB(int, store_upload_delete, (store * s, const char *id), (s, id))
STORE_DB(int, store_upload_expire, (store * s, int64_t before), (s, before))
STORE_DB(int, store_admin_sections,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, struct section_edit **out, size_t *n),
	 (s, pool, site_id, out, n))
STORE_DB(int, store_section_by_id,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct section_edit *out),
	 (s, pool, site_id, id, out))
STORE_DB(enum save_result, store_section_save,
	 (store * s, int64_t site_id, const struct section_edit *x, int64_t user_id, int64_t *id_out,
	  const char **taken),
	 (s, site_id, x, user_id, id_out, taken))
STORE_DB(int, store_admin_tags,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, struct tag **out, size_t *n),
	 (s, pool, site_id, out, n))
STORE_DB(int, store_tag_by_id,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct tag *out),
	 (s, pool, site_id, id, out))
STORE_DB(enum save_result, store_tag_save,
	 (store * s, int64_t site_id, const struct tag *x, int64_t user_id, int64_t *id_out,
	  const char **taken),
	 (s, site_id, x, user_id, id_out, taken))
STORE_DB(enum save_result, store_tag_delete, (store * s, int64_t site_id, int64_t id, int64_t user_id),
	 (s, site_id, id, user_id))
STORE_DB(int, store_admin_pages,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, struct page **out, size_t *n),
	 (s, pool, site_id, out, n))
STORE_DB(int, store_page_by_id,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct page *out),
	 (s, pool, site_id, id, out))
STORE_DB(enum save_result, store_page_save,
	 (store * s, int64_t site_id, const struct page *x, int64_t user_id, int64_t *id_out,
	  const char **taken),
	 (s, site_id, x, user_id, id_out, taken))
STORE_DB(int, store_admin_menu,
	 (store * s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_entry **out, size_t *n),
	 (s, pool, site_id, out, n))
STORE_DB(enum save_result, store_menu_save,
	 (store * s, int64_t site_id, const struct menu_entry *x, int64_t user_id, int64_t *id_out),
	 (s, site_id, x, user_id, id_out))
STORE_DB(enum save_result, store_menu_move,
	 (store * s, int64_t site_id, int64_t id, int dir, int64_t user_id), (s, site_id, id, dir, user_id))
STORE_DB(enum save_result, store_menu_delete, (store * s, int64_t site_id, int64_t id, int64_t user_id),
	 (s, site_id, id, user_id))
STORE_DB(int, store_admin_sites, (store * s, h2o_mem_pool_t *pool, struct site_edit **out, size_t *n),
	 (s, pool, out, n))
STORE_DB(int, store_site_by_id, (store * s, h2o_mem_pool_t *pool, int64_t id, struct site_edit *out),
	 (s, pool, id, out))
STORE_DB(enum save_result, store_site_save,
	 (store * s, const struct site_edit *x, int64_t user_id, int64_t *id_out, const char **taken),
	 (s, x, user_id, id_out, taken))
STORE_FN(int, store_generate_articles, (store * s, size_t count, char *err, size_t errlen),
	 (s, count, err, errlen))
STORE_FN(int, store_related_refresh, (store * s, h2o_mem_pool_t *pool, int64_t id), (s, pool, id))
STORE_FN(int, store_related_of, (store * s, int64_t id, int64_t *out, size_t max, size_t *n),
	 (s, id, out, max, n))
STORE_FN(int, store_related_backfill, (store * s), (s))
STORE_FN(int, store_related_rebuild, (store * s, h2o_mem_pool_t *pool), (s, pool))
STORE_FN(int, store_search,
	 (store * s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
	  int with_facets, struct search_result *out),
	 (s, pool, q, offset, limit, with_facets, out))
STORE_FN(int, store_search_vocab,
	 (store * s, h2o_mem_pool_t *pool, const char *from, const char *to, struct facet **out, size_t *n),
	 (s, pool, from, to, out, n))
STORE_FN(int, store_search_upkeep, (store * s), (s))
STORE_DB(int64_t, store_content_epoch, (store * s), (s))
STORE_FN(int, store_changes_since,
	 (store * s, int64_t *since, struct logged_change *out, size_t max, size_t *n),
	 (s, since, out, max, n))
STORE_DB(int, store_changes_prune, (store * s, int64_t before), (s, before))
STORE_FN(int, store_changes_wait, (store * s, int ms), (s, ms))
STORE_FN(int, store_stamp, (store * s, struct store_stamp *out), (s, out))
STORE_FN(int, store_down, (store * s), (s))
#ifdef STORE_DB_DEFAULTED
#undef STORE_DB
#undef STORE_DB_DEFAULTED
#endif
