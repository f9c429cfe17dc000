/* routes: every URL the server answers, in one table (first match wins; HEAD follows GET). */
#include "http/router.h"
#include "site/handlers.h"

const struct route routes[] = {
    {M_GET, "/", home_page},
    {M_GET, "/congresses", congress_index},
    {M_GET, "/congresses/:", congress_year},
    {M_GET, "/congress/:", congress_hub},
    {M_GET, "/section/:", section_page},
    {M_GET, "/article/:", article_page},
    {M_GET, "/tags", tag_index},
    {M_GET, "/tag/:", tag_page},
    {M_GET, "/contact", contact_form},
    {M_POST, "/contact", contact_submit},
    {M_GET, "/cookies", consent_page},
    {M_POST, "/consent", consent_submit},
    {M_GET, "/static/:", static_file},
    {M_GET, "/signup", account_soon},
    {M_GET, "/signin", account_soon},
    {M_GET, "/healthz", health_check},
    {M_GET, "*", page_by_path}, /* static pages by their path: /privacy, /about, ... */
};
const size_t nroutes = sizeof routes / sizeof routes[0];
