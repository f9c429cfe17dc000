/* handlers: every page handler of the public site; routes.c maps URLs to them. */
#ifndef PLENARY_HANDLERS_H
#define PLENARY_HANDLERS_H

#include "http/request.h"
#include "render/view.h"

void home_page(struct request *r);
/** The congress the home page highlights when the editor leaves it automatic: the index in cs (newest
 * first, with their counts of visible articles), or n when none has articles (src/site/home.c). */
size_t home_auto_congress(const struct congress *cs, size_t n);
void congress_index(struct request *r);
void congress_year(struct request *r);
void congress_hub(struct request *r);
void section_page(struct request *r);
/* whatsnew.c: a section's "What's new" index, and its document per month and per congress */
void whatsnew_index(struct request *r);
void whatsnew_month(struct request *r);
void whatsnew_congress(struct request *r);
/* whatsnew_pdf.c: the same documents typeset as PDF: the newest month's, a month's, a congress's */
void whatsnew_pdf_latest(struct request *r);
void whatsnew_pdf_month(struct request *r);
void whatsnew_pdf_congress(struct request *r);
void article_page(struct request *r);
/** Renders an article page from a loaded article; a preview is not cached and shows a preview banner. */
struct article;
void article_show(struct request *r, struct article *a, int preview);
void tag_index(struct request *r);
void tag_page(struct request *r);
void contact_form(struct request *r);
void contact_submit(struct request *r);
void consent_page(struct request *r);
void consent_submit(struct request *r);
void static_file(struct request *r);
void page_by_path(struct request *r);
void health_check(struct request *r);
/* accounts: signup.c, account.c, verification.c */
void signup_form(struct request *r);
/* subscriptions.c */
void subscribe_form(struct request *r);
void subscribe_submit(struct request *r);
void subscribe_sent(struct request *r);
void subscribe_confirm(struct request *r);
void subscribe_confirm_submit(struct request *r);
void subscriptions_page(struct request *r);
void subscriptions_submit(struct request *r);
void unsubscribe_page(struct request *r);
void unsubscribe_submit(struct request *r);
void account_subscriptions(struct request *r);
void signup_submit(struct request *r);
void signup_sent(struct request *r);
void verify_email(struct request *r);
void reset_form(struct request *r);
void reset_submit(struct request *r);
void reset_sent(struct request *r);
void reset_confirm_form(struct request *r);
void reset_confirm_submit(struct request *r);
void signin_form(struct request *r);
void signin_submit(struct request *r);
void signout(struct request *r);
void account_page(struct request *r);
void account_profile(struct request *r);
/** POST /account/language: a contributor's, editor's or admin's own language (account_language.c). */
void account_language(struct request *r);
/** The account page's choice of that language, for staff: language_choice and own_languages in a. */
void account_language_view(struct request *r, view *a);
void account_email(struct request *r);
void account_password(struct request *r);
void account_resend(struct request *r);
void account_verification(struct request *r);
void account_data(struct request *r);
void account_delete(struct request *r);
void account_deleted(struct request *r);
void signin_code_form(struct request *r);
void signin_code_submit(struct request *r);
void twofactor_page(struct request *r);
void twofactor_enable(struct request *r);
void twofactor_disable(struct request *r);
void verification_queue(struct request *r);
void verification_decide(struct request *r);
/* back office: src/admin/articles.c */
void admin_home(struct request *r);
void admin_articles(struct request *r);
void admin_calendar(struct request *r);
void admin_articles_bulk(struct request *r);
void admin_article_presence(struct request *r);
void admin_article_new(struct request *r);
void admin_article_edit(struct request *r);
void admin_article_save(struct request *r);
void admin_revisions(struct request *r);
void admin_revision_restore(struct request *r);
/* the editor's autosave (src/admin/autosave.c) */
void admin_autosave_save(struct request *r);
void admin_autosave_discard(struct request *r);
void admin_audit(struct request *r);
/* back office: src/admin/resume.c (signing in again and saving, after a session ended mid-edit) */
void admin_resume(struct request *r);
/** The editor's save when nobody is signed in (the session ended mid-edit): a page that keeps the text and
 * signs in and saves in one step. The route table's signed_out answer of the article save routes. */
void admin_article_signed_out(struct request *r);
/* back office: src/admin/people.c */
void admin_people(struct request *r);
void admin_person_new(struct request *r);
void admin_person_edit(struct request *r);
void admin_person_save(struct request *r);
/* back office: src/admin/congresses.c */
void admin_congresses(struct request *r);
void admin_congress_new(struct request *r);
void admin_congress_edit(struct request *r);
void admin_congress_save(struct request *r);
/* back office: src/admin/trials.c */
void admin_trials(struct request *r);
void admin_trial_new(struct request *r);
void admin_trial_edit(struct request *r);
void admin_trial_save(struct request *r);
/* back office: src/admin/sponsors.c */
void admin_sponsors(struct request *r);
void admin_sponsor_new(struct request *r);
void admin_sponsor_edit(struct request *r);
void admin_sponsor_save(struct request *r);
/* src/admin/analytics*.c: the dashboard, an article's audience, a sponsor's report (HTML, CSV, PDF) */
void admin_analytics(struct request *r);
void admin_analytics_article(struct request *r);
void admin_sponsor_report(struct request *r);
void admin_sponsor_report_csv(struct request *r);
void admin_sponsor_report_pdf(struct request *r);
/* trials: src/site/trial.c */
void trial_index(struct request *r);
void trial_page(struct request *r);
/* feeds, sitemaps, robots.txt: src/site/feed.c */
void feed_page(struct request *r);
void sitemap_index(struct request *r);
void sitemap_pages(struct request *r);
void sitemap_articles(struct request *r);
void robots_txt(struct request *r);
/* search: src/site/search.c */
void search_page(struct request *r);
/* back office: src/admin/media.c */
void admin_media(struct request *r);
void admin_media_upload(struct request *r);
void admin_media_edit(struct request *r);
void admin_media_save(struct request *r);
/* the uploader's chunks: src/admin/uploads.c */
void admin_upload_start(struct request *r);
void admin_upload_status(struct request *r);
void admin_upload_chunk(struct request *r);
void admin_upload_cancel(struct request *r);
/* the media library's files: src/site/assets.c */
void media_file(struct request *r);
/* back office: src/admin/users.c */
void admin_users(struct request *r);
/* the mail queue (src/admin/mailq.c) */
void admin_mail(struct request *r);
void admin_mail_suppress(struct request *r);
void admin_mail_lift(struct request *r);
void admin_user_role(struct request *r);
void admin_messages(struct request *r);
/* back office: the site's structure (src/admin/structure.c, menu.c, sites.c, on the editor of records.c) */
void admin_sections(struct request *r);
void admin_section_new(struct request *r);
void admin_section_edit(struct request *r);
void admin_section_save(struct request *r);
void admin_tags(struct request *r);
void admin_tag_new(struct request *r);
void admin_tag_edit(struct request *r);
void admin_tag_save(struct request *r);
void admin_tag_delete_form(struct request *r);
void admin_tag_delete(struct request *r);
/* back office: search synonyms (src/admin/synonyms.c) */
void admin_synonyms(struct request *r);
void admin_synonym_new(struct request *r);
void admin_synonym_edit(struct request *r);
void admin_synonym_save(struct request *r);
void admin_synonym_delete_form(struct request *r);
void admin_synonym_delete(struct request *r);
/* back office: redirects from old addresses (src/admin/redirects.c) */
void admin_redirects(struct request *r);
void admin_redirect_new(struct request *r);
void admin_redirect_edit(struct request *r);
void admin_redirect_save(struct request *r);
void admin_redirect_delete_form(struct request *r);
void admin_redirect_delete(struct request *r);
void admin_pages(struct request *r);
void admin_page_new(struct request *r);
void admin_page_edit(struct request *r);
void admin_page_save(struct request *r);
void admin_menu(struct request *r);
void admin_menu_new(struct request *r);
void admin_menu_edit(struct request *r);
void admin_menu_save(struct request *r);
void admin_menu_move(struct request *r);
void admin_menu_delete_form(struct request *r);
void admin_menu_delete(struct request *r);
void admin_front(struct request *r);
void admin_front_highlight(struct request *r);
void admin_front_add(struct request *r);
void admin_front_move(struct request *r);
void admin_front_remove(struct request *r);
void admin_sites(struct request *r);
void admin_site_new(struct request *r);
void admin_site_edit(struct request *r);
void admin_site_save(struct request *r);
void admin_newsletters(struct request *r);
void admin_newsletter_new(struct request *r);
void admin_newsletter_edit(struct request *r);
void admin_newsletter_save(struct request *r);
void admin_newsletter_test(struct request *r);
void admin_newsletter_schedule(struct request *r);
void admin_newsletter_cancel(struct request *r);
void admin_newsletter_delete(struct request *r);
/** The record id in the path (/admin/things/<id>), or -1 when there is none or it is not a positive number.
 */
/* src/admin/videos.c: the library's videos */
void admin_videos(struct request *r);
void admin_videos_post(struct request *r);
void admin_video(struct request *r);
void admin_video_save(struct request *r);
/* src/admin/article_video.c: an article's video, chapters, transcript and captions */
void admin_article_video(struct request *r);
void admin_article_video_save(struct request *r);
void admin_article_translate(struct request *r);
void admin_translation_current(struct request *r);
void admin_article_captions(struct request *r);
void admin_article_caption_delete(struct request *r);
int64_t admin_id(struct request *r);
/** The "direction" of a move form: -1 up, 1 down; 0 after answering (the form unreadable, or a 400 with the
 * message of key what, e.g. "An entry moves up or down."). */
int admin_direction(struct request *r, const char *what);
/** The words for a stored value of a back-office list (what "status", "audience", "kind" or "byline"): the
 * message admin.value.WHAT.VALUE, else the value itself (src/admin/articles.c). */
const char *admin_value_label(struct request *r, const char *what, const char *value);

#endif
