/* routes: every URL the server answers, in one table with each route's policy (first match wins; HEAD
 * follows GET). Dispatch (src/http/dispatch.c) enforces the policy before any handler runs, so no handler
 * checks a role; `plenary routes` prints the table. It lives here, above http, because it names the handlers
 * of site/ and admin/: routes_install gives it to http (src/http/router.h) before serving. */
#include "site/routes.h"

#include "auth/session.h"
#include "auth/sister.h"
#include "http/count_beacon.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "site/video_page.h"

/* the columns after the handler: who (role), then flags: TFA (admins need a second factor), THREAD (renders
 * off the event loop); then the body limit in KiB (0: max_body_kb), the form check, its note, the 403 text */
#define ANY ROLE_ANYONE
#define SIGNED ROLE_READER
#define CONTRIB ROLE_CONTRIBUTOR
#define EDITOR ROLE_EDITOR
#define ADMIN ROLE_ADMIN
#define TFA ROUTE_2FA
#define THREAD ROUTE_OFFLOOP
/* a form of a few short fields (sign-in, password, consent): nothing more to read */
#define SMALL_FORM_KB 16

/* the keys of the 403 messages (access.* in the theme's catalogs) */
#define STRUCTURE "access.structure"
#define FRONT "access.front"
#define SYNONYMS "access.synonyms"
#define REDIRECTS "access.redirects"
#define NEWSLETTERS "access.newsletters"
#define SITES "access.sites"
#define ACCOUNTS "access.accounts"
#define MAILQ "access.mailq"
#define INBOX "access.inbox"
#define AUDIT "access.audit"
#define VERIFY "access.verify"
#define NEW_CONGRESS "access.new_congress"
#define ANALYTICS "access.analytics"

/* a row names only the columns that differ from the defaults (anyone, on the loop, max_body_kb, a token) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
const struct route routes[] = {
    {M_GET, "/", home_page, ANY, THREAD},
    {M_GET, "/congresses", congress_index, ANY, THREAD},
    {M_GET, "/congresses/:", congress_year, ANY, THREAD},
    {M_GET, "/congress/:", congress_hub, ANY, THREAD},
    {M_GET, "/section/:", section_page, ANY, THREAD},
    {M_GET, "/section/:/whats-new", whatsnew_index, ANY, THREAD},
    {M_GET, "/section/:/whats-new.pdf", whatsnew_pdf_latest, ANY, THREAD},
    {M_GET, "/section/:/whats-new/congress/:.pdf", whatsnew_pdf_congress, ANY, THREAD},
    {M_GET, "/section/:/whats-new/:.pdf", whatsnew_pdf_month, ANY, THREAD},
    {M_GET, "/section/:/whats-new/congress/:", whatsnew_congress, ANY, THREAD},
    {M_GET, "/section/:/whats-new/:", whatsnew_month, ANY, THREAD},
    {M_GET, "/article/:", article_page, ANY, THREAD},
    {M_GET, "/article/:/captions/:", video_captions_file, ANY, THREAD},
    {M_GET, "/article/:/chapters.vtt", video_chapters_file, ANY, THREAD},
    {M_GET, "/tags", tag_index, ANY, THREAD},
    {M_GET, "/search", search_page, ANY, THREAD},
    {M_GET, "/feed.rss", feed_page, ANY, THREAD},
    {M_GET, "/feed.atom", feed_page, ANY, THREAD},
    {M_GET, "/section/:/feed.rss", feed_page, ANY, THREAD},
    {M_GET, "/section/:/feed.atom", feed_page, ANY, THREAD},
    {M_GET, "/congress/:/feed.rss", feed_page, ANY, THREAD},
    {M_GET, "/congress/:/feed.atom", feed_page, ANY, THREAD},
    {M_GET, "/tag/:/feed.rss", feed_page, ANY, THREAD},
    {M_GET, "/tag/:/feed.atom", feed_page, ANY, THREAD},
    {M_GET, "/trial/:/feed.rss", feed_page, ANY, THREAD},
    {M_GET, "/trial/:/feed.atom", feed_page, ANY, THREAD},
    {M_GET, "/sitemap.xml", sitemap_index, ANY, THREAD},
    {M_GET, "/sitemaps/pages.xml", sitemap_pages, ANY, THREAD},
    {M_GET, "/sitemaps/:", sitemap_articles, ANY, THREAD},
    {M_GET, "/robots.txt", robots_txt, ANY, THREAD},
    {M_GET, "/trials", trial_index, ANY, THREAD},
    {M_GET, "/trial/:", trial_page, ANY, THREAD},
    {M_GET, "/tag/:", tag_page, ANY, THREAD},
    {M_GET, "/contact", contact_form, ANY, THREAD},
    {M_POST, "/contact", contact_submit, ANY, 0},
    {M_GET, "/cookies", consent_page, ANY, THREAD},
    {M_POST, "/consent", consent_submit, ANY, 0, SMALL_FORM_KB},
    {M_POST, "/count", count_beacon, ANY, 0, 1, CSRF_NONE,
     "the article page's read and play beacons (navigator.sendBeacon), anonymous, so no token is possible: "
     "it "
     "only adds to counts, once a day per reader and article, for published articles of the site, within a "
     "budget per client address; another site's Origin is refused"},
    {M_GET, "/static/:", static_file, ANY, 0},
    {M_GET, "/media/:", media_file, ANY, 0},
    {M_GET, "/signup", signup_form, ANY, THREAD},
    {M_POST, "/signup", signup_submit, ANY, 0},
    {M_GET, "/signup/sent", signup_sent, ANY, THREAD},
    {M_GET, "/subscribe", subscribe_form, ANY, THREAD},
    {M_POST, "/subscribe", subscribe_submit, ANY, 0, SMALL_FORM_KB},
    {M_GET, "/subscribe/sent", subscribe_sent, ANY, THREAD},
    {M_GET, "/subscribe/confirm", subscribe_confirm, ANY, THREAD},
    {M_POST, "/subscribe/confirm", subscribe_confirm_submit, ANY, 0, SMALL_FORM_KB},
    {M_GET, "/subscriptions", subscriptions_page, ANY, THREAD},
    {M_POST, "/subscriptions", subscriptions_submit, ANY, 0, SMALL_FORM_KB},
    {M_GET, "/unsubscribe", unsubscribe_page, ANY, THREAD},
    {M_POST, "/unsubscribe", unsubscribe_submit, ANY, 0, SMALL_FORM_KB, CSRF_NONE,
     "RFC 8058 one-click: a mail client posts List-Unsubscribe=One-Click from anywhere, with no cookie or "
     "form token; the signed link (t=) is the proof"},
    {M_GET, "/verify", verify_email, ANY, THREAD},
    {M_GET, "/signin", signin_form, ANY, THREAD},
    {M_POST, "/signin", signin_submit, ANY, 0, SMALL_FORM_KB},
    {M_POST, "/signout", signout, ANY, 0, SMALL_FORM_KB},
    {M_GET, "/sso/issue", sister_issue, ANY, 0},
    {M_GET, "/sso/land", sister_land, ANY, 0},
    {M_GET, "/sso/to", sister_to, ANY, 0},
    {M_GET, "/sso/start", sister_start, ANY, 0},
    {M_GET, "/signin/code", signin_code_form, ANY, THREAD},
    {M_POST, "/signin/code", signin_code_submit, ANY, 0, SMALL_FORM_KB},
    {M_GET, "/account/2fa", twofactor_page, SIGNED, THREAD},
    {M_POST, "/account/2fa/enable", twofactor_enable, SIGNED, 0, SMALL_FORM_KB},
    {M_POST, "/account/2fa/disable", twofactor_disable, SIGNED, 0, SMALL_FORM_KB},
    {M_GET, "/reset", reset_form, ANY, THREAD},
    {M_POST, "/reset", reset_submit, ANY, 0, SMALL_FORM_KB},
    {M_GET, "/reset/sent", reset_sent, ANY, THREAD},
    {M_GET, "/reset/confirm", reset_confirm_form, ANY, THREAD},
    {M_POST, "/reset/confirm", reset_confirm_submit, ANY, 0, SMALL_FORM_KB},
    {M_GET, "/account", account_page, SIGNED, THREAD},
    {M_POST, "/account/profile", account_profile, SIGNED, 0},
    {M_POST, "/account/email", account_email, SIGNED, 0, SMALL_FORM_KB},
    {M_POST, "/account/password", account_password, SIGNED, 0, SMALL_FORM_KB},
    {M_POST, "/account/language", account_language, CONTRIB, 0, SMALL_FORM_KB},
    {M_POST, "/account/resend", account_resend, SIGNED, 0, SMALL_FORM_KB},
    {M_POST, "/account/subscriptions", account_subscriptions, SIGNED, 0, SMALL_FORM_KB},
    {M_POST, "/account/verification", account_verification, SIGNED, 0},
    {M_GET, "/account/data", account_data, SIGNED, THREAD},
    {M_POST, "/account/delete", account_delete, SIGNED, 0, SMALL_FORM_KB},
    {M_GET, "/account/deleted", account_deleted, ANY, THREAD},
    {M_GET, "/admin", admin_home, CONTRIB, TFA},
    {M_GET, "/admin/articles", admin_articles, CONTRIB, TFA},
    {M_POST, "/admin/articles", admin_article_save, CONTRIB, TFA, .signed_out = admin_article_signed_out},
    {M_GET, "/admin/articles/new", admin_article_new, CONTRIB, TFA},
    {M_POST, "/admin/articles/bulk", admin_articles_bulk, EDITOR, TFA, SMALL_FORM_KB},
    {M_GET, "/admin/articles/:", admin_article_edit, CONTRIB, TFA},
    {M_POST, "/admin/articles/:", admin_article_save, CONTRIB, TFA, .signed_out = admin_article_signed_out},
    {M_GET, "/admin/articles/:/revisions", admin_revisions, CONTRIB, TFA},
    {M_GET, "/admin/articles/:/video", admin_article_video, CONTRIB, TFA},
    {M_POST, "/admin/articles/:/translate", admin_article_translate, CONTRIB, TFA, SMALL_FORM_KB},
    {M_POST, "/admin/articles/:/current", admin_translation_current, CONTRIB, TFA, SMALL_FORM_KB},
    {M_POST, "/admin/articles/:/video", admin_article_video_save, CONTRIB, TFA},
    {M_POST, "/admin/articles/:/captions", admin_article_captions, CONTRIB, TFA | ROUTE_MULTIPART},
    {M_POST, "/admin/articles/:/captions/:/delete", admin_article_caption_delete, CONTRIB, TFA,
     SMALL_FORM_KB},
    {M_POST, "/admin/articles/:/presence", admin_article_presence, CONTRIB, TFA, SMALL_FORM_KB, CSRF_HEADER},
    {M_GET, "/admin/calendar", admin_calendar, CONTRIB, TFA},
    {M_POST, "/admin/articles/:/restore", admin_revision_restore, CONTRIB, TFA},
    /* the editor's form every few seconds while someone types (editor.js): fetch with X-Form-Token */
    {M_POST, "/admin/articles/:/autosave", admin_autosave_save, CONTRIB, TFA, 256, CSRF_HEADER},
    {M_POST, "/admin/articles/:/autosave/discard", admin_autosave_discard, CONTRIB, TFA, SMALL_FORM_KB},
    {M_POST, "/admin/resume", admin_resume, ANY, 0, 0, CSRF_TOKEN_NO_SESSION},
    {M_GET, "/admin/audit", admin_audit, EDITOR, TFA, .deny = AUDIT},
    {M_GET, "/admin/analytics", admin_analytics, EDITOR, TFA, .deny = ANALYTICS},
    {M_GET, "/admin/analytics/article/:", admin_analytics_article, EDITOR, TFA, .deny = ANALYTICS},
    {M_GET, "/admin/congresses", admin_congresses, CONTRIB, TFA},
    {M_POST, "/admin/congresses", admin_congress_save, EDITOR, TFA, .deny = NEW_CONGRESS},
    {M_GET, "/admin/congresses/new", admin_congress_new, EDITOR, TFA, .deny = NEW_CONGRESS},
    {M_GET, "/admin/congresses/:", admin_congress_edit, CONTRIB, TFA},
    {M_POST, "/admin/congresses/:", admin_congress_save, CONTRIB, TFA},
    {M_GET, "/admin/trials", admin_trials, CONTRIB, TFA},
    {M_POST, "/admin/trials", admin_trial_save, CONTRIB, TFA},
    {M_GET, "/admin/trials/new", admin_trial_new, CONTRIB, TFA},
    {M_GET, "/admin/trials/:", admin_trial_edit, CONTRIB, TFA},
    {M_POST, "/admin/trials/:", admin_trial_save, CONTRIB, TFA},
    {M_GET, "/admin/sponsors", admin_sponsors, CONTRIB, TFA},
    {M_POST, "/admin/sponsors", admin_sponsor_save, CONTRIB, TFA},
    {M_GET, "/admin/sponsors/new", admin_sponsor_new, CONTRIB, TFA},
    {M_GET, "/admin/sponsors/:/report", admin_sponsor_report, EDITOR, TFA, .deny = ANALYTICS},
    {M_GET, "/admin/sponsors/:/report.csv", admin_sponsor_report_csv, EDITOR, TFA, .deny = ANALYTICS},
    {M_GET, "/admin/sponsors/:/report.pdf", admin_sponsor_report_pdf, EDITOR, TFA, .deny = ANALYTICS},
    {M_GET, "/admin/sponsors/:", admin_sponsor_edit, CONTRIB, TFA},
    {M_POST, "/admin/sponsors/:", admin_sponsor_save, CONTRIB, TFA},
    {M_GET, "/admin/media", admin_media, CONTRIB, TFA},
    {M_GET, "/admin/videos", admin_videos, CONTRIB, TFA},
    {M_POST, "/admin/videos", admin_videos_post, CONTRIB, TFA | ROUTE_MULTIPART},
    {M_GET, "/admin/videos/:", admin_video, CONTRIB, TFA},
    {M_POST, "/admin/videos/:", admin_video_save, CONTRIB, TFA, SMALL_FORM_KB},
    {M_POST, "/admin/media", admin_media_upload, CONTRIB, TFA | ROUTE_MULTIPART},
    {M_GET, "/admin/media/:", admin_media_edit, CONTRIB, TFA},
    {M_POST, "/admin/media/:", admin_media_save, CONTRIB, TFA},
    {M_POST, "/admin/uploads", admin_upload_start, CONTRIB, TFA, 0, CSRF_HEADER},
    {M_GET, "/admin/uploads/:", admin_upload_status, CONTRIB, TFA},
    {M_POST, "/admin/uploads/:", admin_upload_chunk, CONTRIB, TFA, 0, CSRF_HEADER},
    {M_POST, "/admin/uploads/:/cancel", admin_upload_cancel, CONTRIB, TFA, 0, CSRF_HEADER},
    {M_GET, "/admin/sections", admin_sections, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/sections", admin_section_save, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/sections/new", admin_section_new, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/sections/:", admin_section_edit, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/sections/:", admin_section_save, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/tags", admin_tags, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/tags", admin_tag_save, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/tags/new", admin_tag_new, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/tags/:", admin_tag_edit, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/tags/:", admin_tag_save, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/tags/:/delete", admin_tag_delete_form, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/tags/:/delete", admin_tag_delete, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/synonyms", admin_synonyms, EDITOR, TFA, .deny = SYNONYMS},
    {M_POST, "/admin/synonyms", admin_synonym_save, EDITOR, TFA, .deny = SYNONYMS},
    {M_GET, "/admin/synonyms/new", admin_synonym_new, EDITOR, TFA, .deny = SYNONYMS},
    {M_GET, "/admin/synonyms/:", admin_synonym_edit, EDITOR, TFA, .deny = SYNONYMS},
    {M_POST, "/admin/synonyms/:", admin_synonym_save, EDITOR, TFA, .deny = SYNONYMS},
    {M_GET, "/admin/synonyms/:/delete", admin_synonym_delete_form, EDITOR, TFA, .deny = SYNONYMS},
    {M_POST, "/admin/synonyms/:/delete", admin_synonym_delete, EDITOR, TFA, .deny = SYNONYMS},
    {M_GET, "/admin/newsletters", admin_newsletters, EDITOR, TFA, .deny = NEWSLETTERS},
    {M_POST, "/admin/newsletters", admin_newsletter_save, EDITOR, TFA, .deny = NEWSLETTERS},
    {M_GET, "/admin/newsletters/new", admin_newsletter_new, EDITOR, TFA, .deny = NEWSLETTERS},
    {M_GET, "/admin/newsletters/:", admin_newsletter_edit, EDITOR, TFA, .deny = NEWSLETTERS},
    {M_POST, "/admin/newsletters/:", admin_newsletter_save, EDITOR, TFA, .deny = NEWSLETTERS},
    {M_POST, "/admin/newsletters/:/test", admin_newsletter_test, EDITOR, TFA, .deny = NEWSLETTERS},
    {M_POST, "/admin/newsletters/:/schedule", admin_newsletter_schedule, EDITOR, TFA, .deny = NEWSLETTERS},
    {M_POST, "/admin/newsletters/:/cancel", admin_newsletter_cancel, EDITOR, TFA, .deny = NEWSLETTERS},
    {M_POST, "/admin/newsletters/:/delete", admin_newsletter_delete, EDITOR, TFA, .deny = NEWSLETTERS},
    {M_GET, "/admin/redirects", admin_redirects, EDITOR, TFA, .deny = REDIRECTS},
    {M_POST, "/admin/redirects", admin_redirect_save, EDITOR, TFA, .deny = REDIRECTS},
    {M_GET, "/admin/redirects/new", admin_redirect_new, EDITOR, TFA, .deny = REDIRECTS},
    {M_GET, "/admin/redirects/:", admin_redirect_edit, EDITOR, TFA, .deny = REDIRECTS},
    {M_POST, "/admin/redirects/:", admin_redirect_save, EDITOR, TFA, .deny = REDIRECTS},
    {M_GET, "/admin/redirects/:/delete", admin_redirect_delete_form, EDITOR, TFA, .deny = REDIRECTS},
    {M_POST, "/admin/redirects/:/delete", admin_redirect_delete, EDITOR, TFA, .deny = REDIRECTS},
    {M_GET, "/admin/pages", admin_pages, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/pages", admin_page_save, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/pages/new", admin_page_new, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/pages/:", admin_page_edit, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/pages/:", admin_page_save, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/menu", admin_menu, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/menu", admin_menu_save, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/menu/new", admin_menu_new, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/menu/:", admin_menu_edit, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/menu/:", admin_menu_save, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/menu/:/move", admin_menu_move, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/menu/:/delete", admin_menu_delete_form, EDITOR, TFA, .deny = STRUCTURE},
    {M_POST, "/admin/menu/:/delete", admin_menu_delete, EDITOR, TFA, .deny = STRUCTURE},
    {M_GET, "/admin/front", admin_front, EDITOR, TFA, .deny = FRONT},
    {M_POST, "/admin/front/highlight", admin_front_highlight, EDITOR, TFA, .deny = FRONT},
    {M_POST, "/admin/front/articles", admin_front_add, EDITOR, TFA, .deny = FRONT},
    {M_POST, "/admin/front/articles/:/move", admin_front_move, EDITOR, TFA, .deny = FRONT},
    {M_POST, "/admin/front/articles/:/remove", admin_front_remove, EDITOR, TFA, .deny = FRONT},
    {M_GET, "/admin/sites", admin_sites, ADMIN, TFA, .deny = SITES},
    {M_POST, "/admin/sites", admin_site_save, ADMIN, TFA, .deny = SITES},
    {M_GET, "/admin/sites/new", admin_site_new, ADMIN, TFA, .deny = SITES},
    {M_GET, "/admin/sites/:", admin_site_edit, ADMIN, TFA, .deny = SITES},
    {M_POST, "/admin/sites/:", admin_site_save, ADMIN, TFA, .deny = SITES},
    {M_GET, "/admin/users", admin_users, ADMIN, TFA, .deny = ACCOUNTS},
    {M_POST, "/admin/users", admin_user_role, ADMIN, TFA, .deny = ACCOUNTS},
    {M_GET, "/admin/mail", admin_mail, ADMIN, TFA, .deny = MAILQ},
    {M_POST, "/admin/mail/suppress", admin_mail_suppress, ADMIN, TFA, SMALL_FORM_KB, .deny = MAILQ},
    {M_POST, "/admin/mail/lift", admin_mail_lift, ADMIN, TFA, SMALL_FORM_KB, .deny = MAILQ},
    {M_GET, "/admin/messages", admin_messages, EDITOR, TFA, .deny = INBOX},
    {M_GET, "/admin/people", admin_people, CONTRIB, TFA},
    {M_POST, "/admin/people", admin_person_save, CONTRIB, TFA},
    {M_GET, "/admin/people/new", admin_person_new, CONTRIB, TFA},
    {M_GET, "/admin/people/:", admin_person_edit, CONTRIB, TFA},
    {M_POST, "/admin/people/:", admin_person_save, CONTRIB, TFA},
    {M_GET, "/admin/verifications", verification_queue, EDITOR, TFA, .deny = VERIFY},
    {M_POST, "/admin/verifications", verification_decide, EDITOR, TFA, .deny = VERIFY},
    {M_GET, "/healthz", health_check, ANY, THREAD},
    {M_GET, "*", page_by_path, ANY, THREAD}, /* static pages by their path: /privacy, /about, ... */
};
#pragma GCC diagnostic pop
const size_t nroutes = sizeof routes / sizeof routes[0];
const struct route_hooks route_hooks = {.resolve_session = session_resolve,
					.form_refused = form_refused,
					.page_view = layout_view,
					.before_cache = sister_bounce,
					.worker_gone = session_memo_free};

void routes_install(void)
{
	router_install(routes, nroutes, &route_hooks);
}
