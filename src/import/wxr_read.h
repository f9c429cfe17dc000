/* wxr_read: what the WXR reader's two files share: its state, records and the steps its expat handlers
 * take (wxr.c gathers records, wxr_expat.c drives expat). Not for outside src/import/wxr*.c; include
 * import/wxr.h first (its types are used here; this header does not include it, or wxr.c and this would
 * include each other). */
#ifndef PLENARY_WXR_READ_H
#define PLENARY_WXR_READ_H

#include <expat.h>
#include <stddef.h>
#include <stdint.h>

#define MIB ((size_t)1 << 20)
#define BLOCK (64 * 1024)
#define UNSET ((size_t)-1)

/* Expanded names come as "URI\nlocal": expat refuses a namespace URI holding the separator. */
extern const XML_Char NSSEP[];

enum ns { NS_NONE, NS_WP, NS_EXCERPT, NS_CONTENT, NS_DC, NS_OTHER };
/* what an open element is: the reader keeps one byte per level */
enum kind { K_RSS = 1, K_CHANNEL, K_SKIP, K_RECORD, K_FIELD, K_POSTMETA };
enum rec { R_CHANNEL, R_AUTHOR, R_CATEGORY, R_TAG, R_TERM, R_ITEM, R_NONE };
/* where the text of the open field goes */
enum target { TG_SLOT, TG_TERMNAME, TG_METAKEY, TG_METAVALUE };

enum { C_TITLE, C_LINK, C_LANGUAGE, C_VERSION, C_SITE, C_BLOG };
enum { A_ID, A_LOGIN, A_EMAIL, A_DISPLAY, A_FIRST, A_LAST };
enum { T_ID, T_TAXONOMY, T_SLUG, T_NAME, T_PARENT, T_DESCRIPTION };
enum {
	I_TITLE,
	I_LINK,
	I_GUID,
	I_CREATOR,
	I_CONTENT,
	I_EXCERPT,
	I_DATE,
	I_DATE_GMT,
	I_NAME,
	I_STATUS,
	I_TYPE,
	I_PASSWORD,
	I_ATTACHMENT,
	I_ID,
	I_PARENT,
	I_ORDER,
	I_STICKY,
	NSLOT
};

/* An element a record keeps: its record, namespace, slot, and whether it holds an integer. */
struct field {
	unsigned char rec, ns, slot, integer;
	const char *local;
};

struct tref {
	size_t domain, nicename, name;
};
struct mref {
	size_t key, value;
};

/* One reading: the open elements, the record being gathered (its strings in one arena, by offset) and
 * what expat may allocate. */
struct rd {
	XML_Parser p;
	const struct wxr_handler *h;
	struct wxr_limits lim;
	char *err;
	size_t errlen;
	int rc;		  /* non-zero: stopped (-1 by the reader, else a callback's value) */
	int saw_root;	  /* an element was opened */
	int saw_channel;  /* a <channel> was opened */
	int channel_sent; /* the channel callback ran */
	unsigned char *kind;
	size_t depth;

	enum rec rec;		     /* the record open, R_NONE between records */
	unsigned long rec_line;	     /* where it starts */
	unsigned long count[R_NONE]; /* records of each kind so far */
	size_t off[NSLOT];
	int64_t num[NSLOT];
	char *a;
	size_t len, cap;
	struct tref *terms;
	struct wxr_item_term *tv;
	size_t nterms, tcap;
	struct mref *meta;
	struct wxr_meta *mv;
	size_t nmeta, mcap;
	size_t ncomments;

	enum target tg; /* the open field */
	int slot, integer;
	size_t start;
	unsigned long fline, fcol; /* where it starts: a message about it does not hang on how reads fell */
	char fname[80];

	char odd_version[96]; /* a wxr_version seen in a namespace that is not WordPress's */
	char encoding[64];    /* an encoding expat does not know */
	size_t mem_used, mem_cap;
	int mem_refused;
};

/* The reading whose expat allocates now (its allocations count against its cap). */
extern _Thread_local struct rd *mem_owner;

/** A message "line L, column C: ..." into the reading's err, and the reading stopped. */
__attribute__((format(printf, 4, 5))) void wxr_say(struct rd *r, unsigned long line, unsigned long col,
						   const char *fmt, ...);
/** The same at expat's current place. */
__attribute__((format(printf, 2, 3))) void wxr_fail(struct rd *r, const char *fmt, ...);
void *mm_malloc(size_t n);
void mm_free(void *p);
void *mm_realloc(void *p, size_t n);
const char *wxr_quoted(char *out, size_t n, const char *s, size_t len);
const char *qname(char *out, size_t n, enum ns ns, const char *local);
const char *size_words(char *out, size_t n, size_t bytes);
const char *rec_label(struct rd *r, char *out, size_t n);
const char *wxr_split(const char *name, enum ns *ns);
const struct field *field_of(enum rec rec, enum ns ns, const char *local);
enum rec rec_of(enum ns ns, const char *local);
void begin_record(struct rd *r, enum rec rec);
void send_channel(struct rd *r, const char *before);
void end_record(struct rd *r);
void begin_field(struct rd *r, enum target tg, int slot, int integer, enum ns ns, const char *local);
void field_text(struct rd *r, const char *s, size_t n);
void end_field(struct rd *r);
int begin_item_term(struct rd *r, const XML_Char **atts);
int begin_meta(struct rd *r);

#endif
