/* shortcodes: finds [caption], [embed], [video], [audio], [gallery] in a body, reads block comments and
 * recognises YouTube and Vimeo addresses. */
#include "import/shortcodes.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"

/* The names understood, with the kind each becomes; [wp_caption] is the older spelling of [caption]. */
static const struct {
	const char *name;
	enum wp_sc_kind kind;
	int enclosing; /* content up to [/name] belongs to it */
} known[] = {
    {"caption", WP_SC_CAPTION, 1}, {"wp_caption", WP_SC_CAPTION, 1}, {"embed", WP_SC_EMBED, 1},
    {"video", WP_SC_VIDEO, 0},	   {"audio", WP_SC_AUDIO, 0},	     {"gallery", WP_SC_GALLERY, 0},
};
#define NKNOWN (sizeof known / sizeof known[0])

/* One [name attrs] or [/name] as written: s[start..end) with the attributes at s[ab..ae). */
struct tag {
	size_t end, name, name_len, ab, ae;
	int closing;
};

struct scan {
	h2o_mem_pool_t *pool;
	const char *s;
	size_t n, copied; /* s[0..copied) is already in out */
	buf out;
	struct wp_shortcode *v;
	size_t nv, cap;
	void (*note)(void *, const char *);
	void *ctx;
	size_t memo_from[NKNOWN], memo_at[NKNOWN]; /* the next [/name] at or after memo_from, or n */
	size_t cap_end, cap_close_len;		   /* the open [caption]'s closing tag, cap_end 0 when none */
};

static int name_char(int c)
{
	return isalnum(c) || c == '_' || c == '-';
}

/* Reads the tag that starts at s[p] == '['. WordPress's rules: a name of letters, digits, _ and -, then
 * the end, a space or '/'; attributes run to the first ']' (here without '[', at most 4 KiB). */
static int parse_tag(const char *s, size_t n, size_t p, struct tag *t)
{
	size_t i = p + 1;
	t->closing = i < n && s[i] == '/';
	i += (size_t)t->closing;
	if (i >= n || !isalpha((unsigned char)s[i]))
		return 0;
	t->name = i;
	while (i < n && name_char((unsigned char)s[i]) && i - t->name < 64)
		i++;
	t->name_len = i - t->name;
	if (i >= n ||
	    (s[i] != ']' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '/'))
		return 0;
	t->ab = i;
	while (i < n && s[i] != ']') {
		if (s[i] == '[' || i - t->ab > 4096)
			return 0;
		i++;
	}
	if (i >= n || (t->closing && i != t->ab))
		return 0;
	t->ae = i;
	t->end = i + 1;
	return 1;
}

static int known_index(const char *s, const struct tag *t)
{
	for (size_t k = 0; k < NKNOWN; k++)
		if (strlen(known[k].name) == t->name_len &&
		    memcmp(known[k].name, s + t->name, t->name_len) == 0)
			return (int)k;
	return -1;
}

/* Where the next [/name] of known[k] starts at or after pos, or sc->n. Remembered, so that many openings
 * without a closing cost one search, not one each. */
static size_t find_close(struct scan *sc, size_t k, size_t pos)
{
	if (sc->memo_from[k] <= pos && sc->memo_at[k] >= pos && sc->memo_from[k] != (size_t)-1)
		return sc->memo_at[k];
	char want[80];
	int wl = snprintf(want, sizeof want, "[/%s]", known[k].name);
	const char *hit = memmem(sc->s + pos, sc->n - pos, want, (size_t)wl);
	sc->memo_from[k] = pos;
	sc->memo_at[k] = hit ? (size_t)(hit - sc->s) : sc->n;
	return sc->memo_at[k];
}

/* The value of attribute key in s[b..e) (key="v", key='v' or key=v), in pool; NULL when absent. */
static const char *attr(h2o_mem_pool_t *pool, const char *s, size_t b, size_t e, const char *key)
{
	size_t i = b, kl = strlen(key);
	while (i < e) {
		while (i < e && isspace((unsigned char)s[i]))
			i++;
		size_t kb = i;
		while (i < e && name_char((unsigned char)s[i]))
			i++;
		size_t ke = i;
		while (i < e && isspace((unsigned char)s[i]))
			i++;
		size_t vb = i, ve = i;
		if (i < e && s[i] == '=') {
			i++;
			while (i < e && isspace((unsigned char)s[i]))
				i++;
			if (i < e && (s[i] == '"' || s[i] == '\'')) {
				char q = s[i++];
				vb = i;
				while (i < e && s[i] != q)
					i++;
				ve = i;
				i += i < e;
			} else {
				vb = i;
				while (i < e && !isspace((unsigned char)s[i]))
					i++;
				ve = i;
			}
			if (ke - kb == kl && strncasecmp(s + kb, key, kl) == 0)
				return mem_strndup(pool, s + vb, ve - vb);
		} else if (ke == kb) {
			i++; /* a stray character ('/', a quote): step over it */
		}
	}
	return NULL;
}

/* Brackets in prose ([sic], [NCT01234567], [Ref]) are no shortcode; plugins' names ([contact-form-7],
 * [wpforms id="1"]) have a '-' or '_', attributes, or are WordPress's own [playlist]: only those are
 * reported as left as text. */
static int looks_like_shortcode(const char *s, const struct tag *t)
{
	if (!islower((unsigned char)s[t->name]))
		return 0;
	if (memchr(s + t->ab, '=', t->ae - t->ab) || memchr(s + t->name, '_', t->name_len) ||
	    memchr(s + t->name, '-', t->name_len))
		return 1;
	return t->name_len == 8 && memcmp(s + t->name, "playlist", 8) == 0;
}

static void flush(struct scan *sc, size_t upto)
{
	if (upto > sc->copied)
		buf_add(&sc->out, sc->s + sc->copied, upto - sc->copied);
	sc->copied = upto;
}

static struct wp_shortcode *add(struct scan *sc, enum wp_sc_kind kind, size_t at, const struct tag *t)
{
	if (sc->nv == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 8;
		struct wp_shortcode *v = h2o_mem_alloc_pool(sc->pool, sizeof *v * cap);
		if (sc->nv)
			memcpy(v, sc->v, sc->nv * sizeof *v);
		sc->v = v;
		sc->cap = cap;
	}
	struct wp_shortcode *x = &sc->v[sc->nv++];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	x->open = mem_strndup(sc->pool, sc->s + at, t->end - at);
	x->close = "";
	flush(sc, at);
	buf_printf(&sc->out, "<plenary-sc n=\"%zu\">", sc->nv - 1);
	return x;
}

static void note_name(struct scan *sc, const struct tag *t, const char *what)
{
	char line[160];
	snprintf(line, sizeof line, "[%.*s] %s", (int)t->name_len, sc->s + t->name, what);
	if (sc->note)
		sc->note(sc->ctx, line);
}

/* A '[' at s[i]: a shortcode, an escaped one, or text. Returns where scanning goes on. */
static size_t bracket(struct scan *sc, size_t i)
{
	const char *s = sc->s;
	struct tag t;
	if (sc->cap_end && i == sc->cap_end) {
		flush(sc, i);
		buf_adds(&sc->out, "</plenary-sc>");
		sc->cap_end = 0;
		sc->copied = i + sc->cap_close_len;
		return sc->copied;
	}
	if (i + 1 < sc->n && s[i + 1] == '[') { /* [[name]] and [[name]...[/name]] stand for themselves */
		if (!parse_tag(s, sc->n, i + 1, &t) || t.closing)
			return i + 1;
		if (t.end < sc->n && s[t.end] == ']') {
			flush(sc, i);
			sc->copied = i + 1;
			flush(sc, t.end);
			sc->copied = t.end + 1;
			return sc->copied;
		}
		int k = known_index(s, &t);
		if (k >= 0 && known[k].enclosing) {
			size_t c = find_close(sc, (size_t)k, t.end), cl = strlen(known[k].name) + 3;
			if (c < sc->n && c + cl < sc->n && s[c + cl] == ']' &&
			    (!sc->cap_end || c + cl < sc->cap_end)) {
				flush(sc, i);
				sc->copied = i + 1;
				flush(sc, c + cl);
				sc->copied = c + cl + 1;
				return sc->copied;
			}
		}
		return i + 1;
	}
	if (!parse_tag(s, sc->n, i, &t))
		return i + 1;
	int k = known_index(s, &t);
	if (t.closing) { /* a closing tag of a known name left over: WordPress shows nothing for it */
		if (k >= 0) {
			flush(sc, i);
			sc->copied = t.end;
		}
		return t.end;
	}
	if (k < 0) {
		if (looks_like_shortcode(s, &t))
			note_name(sc, &t, "shortcode left as text");
		return t.end;
	}
	if (sc->nv >= WP_SC_MAX) {
		note_name(sc, &t, "shortcode left as text: over 10000 shortcodes in the body");
		return t.end;
	}
	size_t cl = strlen(known[k].name) + 3;
	struct wp_shortcode *x;
	switch (known[k].kind) {
	case WP_SC_CAPTION: {
		size_t c = find_close(sc, (size_t)k, t.end);
		if (sc->cap_end || c >= sc->n) {
			note_name(sc, &t,
				  sc->cap_end ? "shortcode inside a [caption] left as text"
					      : "shortcode without its closing tag left as text");
			return t.end;
		}
		x = add(sc, WP_SC_CAPTION, i, &t);
		x->caption = attr(sc->pool, s, t.ab, t.ae, "caption");
		x->close = mem_strndup(sc->pool, s + c, cl);
		sc->cap_end = c;
		sc->cap_close_len = cl;
		sc->copied = t.end;
		return t.end;
	}
	case WP_SC_EMBED: {
		size_t c = find_close(sc, (size_t)k, t.end);
		if (c >= sc->n || (sc->cap_end && c > sc->cap_end)) {
			note_name(sc, &t, "shortcode without its closing tag left as text");
			return t.end;
		}
		x = add(sc, WP_SC_EMBED, i, &t);
		x->src = mem_strndup(sc->pool, s + t.end, c - t.end);
		x->close = mem_strndup(sc->pool, s + c, cl);
		buf_adds(&sc->out, "</plenary-sc>");
		sc->copied = c + cl;
		return sc->copied;
	}
	case WP_SC_VIDEO:
	case WP_SC_AUDIO: {
		static const char *const video[] = {"src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", NULL};
		static const char *const audio[] = {"src", "mp3", "m4a", "ogg", "wav", "wma", NULL};
		const char *const *keys = known[k].kind == WP_SC_VIDEO ? video : audio;
		x = add(sc, known[k].kind, i, &t);
		for (size_t j = 0; keys[j] && !x->src; j++)
			x->src = attr(sc->pool, s, t.ab, t.ae, keys[j]);
		break;
	}
	case WP_SC_GALLERY:
		x = add(sc, WP_SC_GALLERY, i, &t);
		x->ids = attr(sc->pool, s, t.ab, t.ae, "ids");
		if (!x->ids)
			x->ids = attr(sc->pool, s, t.ab, t.ae, "include");
		break;
	}
	buf_adds(&sc->out, "</plenary-sc>");
	sc->copied = t.end;
	return t.end;
}

/* Steps over a tag or a comment starting at s[i] == '<': shortcodes inside attributes stay as written. */
static size_t skip_markup(struct scan *sc, size_t i)
{
	const char *s = sc->s;
	size_t n = sc->n, end;
	if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
		const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
		end = e ? (size_t)(e - s) + 3 : n;
	} else if (i + 1 < n && (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!' ||
				 s[i + 1] == '?')) {
		const char *e = memchr(s + i + 1, '>', n - i - 1);
		end = e ? (size_t)(e - s) + 1 : n;
	} else {
		return i + 1;
	}
	if (sc->cap_end && sc->cap_end < end) { /* the caption's closing was inside: close it after */
		flush(sc, end);
		buf_adds(&sc->out, "</plenary-sc>");
		sc->cap_end = 0;
	}
	return end;
}

void wp_shortcodes_scan(h2o_mem_pool_t *pool, const char *html, size_t n, struct wp_shortcodes *out,
			void (*note)(void *ctx, const char *what), void *ctx)
{
	struct scan sc = {.pool = pool, .s = html, .n = n, .note = note, .ctx = ctx};
	buf_init(&sc.out, NULL);
	for (size_t k = 0; k < NKNOWN; k++)
		sc.memo_from[k] = (size_t)-1;
	size_t i = 0;
	while (i < n) {
		char c = html[i];
		if (c == '<')
			i = skip_markup(&sc, i);
		else if (c == '[')
			i = bracket(&sc, i);
		else
			i++;
	}
	flush(&sc, n);
	if (sc.cap_end)
		buf_adds(&sc.out, "</plenary-sc>");
	buf_reserve(&sc.out, 1);
	sc.out.p[sc.out.len] = '\0';
	out->html = sc.out.p;
	out->len = sc.out.len;
	out->v = sc.v;
	out->n = sc.nv;
}

int wp_block_comment(h2o_mem_pool_t *pool, const char *text, size_t n, struct wp_block *b)
{
	memset(b, 0, sizeof *b);
	size_t i = 0;
	while (i < n && isspace((unsigned char)text[i]))
		i++;
	if (i < n && text[i] == '/') {
		b->closing = 1;
		i++;
	}
	if (n - i < 3 || memcmp(text + i, "wp:", 3) != 0)
		return 0;
	i += 3;
	size_t nb = i;
	while (i < n &&
	       (isalnum((unsigned char)text[i]) || text[i] == '-' || text[i] == '_' || text[i] == '/') &&
	       i - nb < sizeof b->name - 1)
		i++;
	if (i == nb)
		return 0;
	memcpy(b->name, text + nb, i - nb);
	b->name[i - nb] = '\0';
	while (i < n && isspace((unsigned char)text[i]))
		i++;
	if (i >= n || text[i] != '{' || n - i > 65536)
		return 1;
	json_error_t err;
	json_t *j = json_loadb(text + i, n - i, JSON_DISABLE_EOF_CHECK, &err);
	if (!j)
		return 1;
	json_t *url = json_object_get(j, "url"), *id = json_object_get(j, "id");
	if (json_is_string(url))
		b->url = mem_strndup(pool, json_string_value(url), json_string_length(url));
	if (json_is_integer(id) && json_integer_value(id) > 0)
		b->id = (int64_t)json_integer_value(id);
	json_decref(j);
	return 1;
}

/* 1 when s[0..n) is a video id: YouTube's letters, digits, - and _; Vimeo's digits. */
static int id_ok(const char *s, size_t n, int digits_only)
{
	if (n == 0 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(isdigit((unsigned char)s[i]) ||
		      (!digits_only && (isalpha((unsigned char)s[i]) || s[i] == '-' || s[i] == '_'))))
			return 0;
	return 1;
}

/* The length of the id at s: up to '/', '?', '#', '&' or the end. */
static size_t id_len(const char *s)
{
	return strcspn(s, "/?#&");
}

static int host_is(const char *host, size_t hl, const char *name)
{
	size_t nl = strlen(name);
	return hl == nl && strncasecmp(host, name, nl) == 0;
}

const char *wp_video_url(h2o_mem_pool_t *pool, const char *url)
{
	const char *p = url;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (strncasecmp(p, "https://", 8) == 0)
		p += 8;
	else if (strncasecmp(p, "http://", 7) == 0)
		p += 7;
	else if (strncmp(p, "//", 2) == 0)
		p += 2;
	else
		return NULL;
	size_t hl = strcspn(p, "/?#");
	const char *host = p, *path = p + hl;
	if (hl > 4 && strncasecmp(host, "www.", 4) == 0)
		host += 4, hl -= 4;
	else if (hl > 2 && strncasecmp(host, "m.", 2) == 0)
		host += 2, hl -= 2;
	size_t trail = strlen(path);
	while (trail && (path[trail - 1] == ' ' || path[trail - 1] == '\n' || path[trail - 1] == '\r' ||
			 path[trail - 1] == '\t'))
		trail--;
	if (memchr(path, ' ', trail) || memchr(path, '"', trail) || memchr(path, '<', trail))
		return NULL;
	const char *id = NULL;
	size_t il = 0;
	int vimeo = 0;
	if (host_is(host, hl, "youtube.com")) {
		if (strncmp(path, "/watch?", 7) == 0) {
			for (const char *q = path + 6; q && *q; q = strchr(q + 1, '&'))
				if (strncmp(q + 1, "v=", 2) == 0) {
					id = q + 3;
					break;
				}
		} else if (strncmp(path, "/embed/", 7) == 0) {
			id = path + 7;
		}
	} else if (host_is(host, hl, "youtu.be")) {
		id = *path == '/' ? path + 1 : NULL;
	} else if (host_is(host, hl, "youtube-nocookie.com")) {
		id = strncmp(path, "/embed/", 7) == 0 ? path + 7 : NULL;
	} else if (host_is(host, hl, "vimeo.com")) {
		id = *path == '/' ? path + 1 : NULL;
		vimeo = 1;
	} else if (host_is(host, hl, "player.vimeo.com")) {
		id = strncmp(path, "/video/", 7) == 0 ? path + 7 : NULL;
		vimeo = 1;
	}
	if (!id)
		return NULL;
	il = id_len(id);
	if (id + il > path + trail)
		il = (size_t)(path + trail - id);
	if (!id_ok(id, il, vimeo))
		return NULL;
	buf b;
	buf_init(&b, pool);
	buf_printf(&b, "%s%.*s", vimeo ? "https://vimeo.com/" : "https://www.youtube.com/watch?v=", (int)il,
		   id);
	return buf_cstr(&b);
}
