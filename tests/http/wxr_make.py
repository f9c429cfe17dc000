"""WordPress exports (WXR 1.2) written from Python data, as WordPress's own Tools → Export writes them.

The layout follows wp-admin/includes/export.php (WordPress 6.x): the rss root with the excerpt, content, wfw, dc
and wp namespaces, the channel's authors, then every term twice (wp:category / wp:tag, and the generic wp:term),
then one <item> per post, page, attachment or other post type, with its postmeta and comments. Text goes in CDATA
as wxr_cdata() writes it: a literal "]]>" is split across two sections ("]]]]><![CDATA[>"). Drafts carry the
post_date_gmt WordPress gives them ("0000-00-00 00:00:00") and a ?p= link.

    doc = Export(site="https://old.example.org")
    doc.author("jdoe", "jane@old.example.org", "Jane Doe")
    doc.category("breast-cancer", "Breast Cancer")
    doc.tag("sabcs-2023", "SABCS 2023")
    doc.attachment(201, "2023/12/hall.jpg", alt="A lecture hall")
    doc.post(101, "Title", "<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->", categories=["breast-cancer"])
    doc.write(path)

Also here: truncated copies, a copy with a DOCTYPE, and a folder of real uploads (JPEG/PNG through Pillow).
"""
import datetime as _dt
import os
from email.utils import format_datetime

UTC = _dt.timezone.utc
ZERO_DATE = "0000-00-00 00:00:00"


def cdata(text):
    """wxr_cdata(): the text in one CDATA section, a literal ]]> split across two."""
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def esc(text):
    """esc_html/esc_url as the exporter uses them for <link> and <guid>."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def mysql(when):
    return when.strftime("%Y-%m-%d %H:%M:%S")


def epoch(when):
    """Unix seconds of an aware datetime (what Plenary stores)."""
    return int(when.timestamp())


def utc(*args):
    return _dt.datetime(*args, tzinfo=UTC)


class Item:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class Export:
    """One site's export: call author/category/tag/post/page/attachment/item in any order, then text() or write()."""

    def __init__(self, site="https://old.example.org", title="Oncology Congress News", offset_hours=1, version="1.2"):
        self.site = site.rstrip("/")
        self.version = version  # "1.1": the namespaces and wxr_version of WordPress 3.x exports
        self.title = title
        self.offset = _dt.timedelta(hours=offset_hours)  # the blog's time zone: post_date = post_date_gmt + offset
        self.authors, self.categories, self.tags, self.items = [], [], [], []
        self._term_id = 1

    # ---- the channel --------------------------------------------------------------------------------------
    def author(self, login, email, display_name, first="", last="", id=None):
        self.authors.append(Item(id=id or len(self.authors) + 1, login=login, email=email, display_name=display_name,
                                 first=first, last=last))
        return login

    def category(self, slug, name, parent="", description=""):
        self.categories.append(Item(id=self._next_term(), slug=slug, name=name, parent=parent,
                                    description=description))
        return slug

    def tag(self, slug, name, description=""):
        self.tags.append(Item(id=self._next_term(), slug=slug, name=name, description=description))
        return slug

    def _next_term(self):
        self._term_id += 1
        return self._term_id

    def term_name(self, domain, slug):
        pool = self.categories if domain == "category" else self.tags
        for t in pool:
            if t.slug == slug:
                return t.name
        raise KeyError(f"no {domain} {slug} declared")

    # ---- items ----------------------------------------------------------------------------------------------
    def permalink(self, id, slug, when, type="post", status="publish", parent_path=""):
        """The <link> WordPress writes: /YYYY/MM/DD/slug/ for a published post (the "day and name" permalinks),
        /parent/slug/ for a page, ?p=ID (?page_id=ID) for drafts, pending and scheduled ones."""
        if status in ("draft", "pending", "future", "auto-draft", "private") and type != "page":
            return f"{self.site}/?p={id}"
        if type == "page":
            if status != "publish":
                return f"{self.site}/?page_id={id}"
            return f"{self.site}{parent_path}/{slug}/"
        return f"{self.site}/{when:%Y/%m/%d}/{slug}/"

    def item(self, id, title, content="", *, type="post", slug=None, status="publish", date=None, author="admin",
             excerpt="", categories=(), tags=(), meta=None, comments=0, password="", parent=0, link=None,
             guid=None, menu_order=0, sticky=0, attachment_url=None, modified=None, parent_path=""):
        """Any item. date: an aware UTC datetime (post_date_gmt); drafts and pending ones get WordPress's zero
        date as their post_date_gmt. categories/tags: slugs declared with category()/tag()."""
        date = date or utc(2023, 12, 7, 14, 30, 0)
        slug = slug if slug is not None else _slugify(title)
        it = Item(id=id, title=title, content=content, type=type, slug=slug, status=status, date=date, author=author,
                  excerpt=excerpt, categories=list(categories), tags=list(tags), meta=dict(meta or {}),
                  comments=comments, password=password, parent=parent, menu_order=menu_order, sticky=sticky,
                  attachment_url=attachment_url, modified=modified or date)
        it.link = link or self.permalink(id, slug, date, type, status, parent_path)
        it.guid = guid or (attachment_url if type == "attachment" else f"{self.site}/?p={id}")
        self.items.append(it)
        return it

    def post(self, id, title, content, **kw):
        return self.item(id, title, content, type="post", **kw)

    def page(self, id, title, content, parent_path="", **kw):
        return self.item(id, title, content, type="page", parent_path=parent_path, **kw)

    def attachment(self, id, file, alt="", title=None, parent=0, date=None, mime="image/jpeg"):
        """An image in the media library: file is the path under wp-content/uploads (_wp_attached_file)."""
        url = f"{self.site}/wp-content/uploads/{file}"
        base = os.path.splitext(os.path.basename(file))[0]
        meta = {"_wp_attached_file": file,
                "_wp_attachment_metadata": _php_meta(file)}
        if alt:
            meta["_wp_attachment_image_alt"] = alt
        date = date or utc(2023, 12, 7, 9, 0, 0)
        return self.item(id, title or base.replace("-", " ").title(), "", type="attachment", slug=base,
                         status="inherit", date=date, parent=parent, meta=meta, attachment_url=url,
                         link=f"{self.site}/{date:%Y/%m/%d}/{base}/", guid=url, excerpt="")

    def upload_url(self, file):
        return f"{self.site}/wp-content/uploads/{file}"

    # ---- the text -------------------------------------------------------------------------------------------
    TAIL = "\t</channel>\n</rss>\n"

    def text(self):
        return self.head() + "".join(self.item_text(it) for it in self.items) + self.TAIL

    def head(self):
        """Everything before the first <item>."""
        out = ['<?xml version="1.0" encoding="UTF-8" ?>\n',
               "<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->\n",
               "<!-- It contains information about your site's posts, pages, comments, categories, and other content. -->\n",
               "<!-- You may use this file to transfer that content from one site to another. -->\n",
               "<!-- This file is not intended to serve as a complete backup of your site. -->\n\n",
               "<!-- To import this information into a WordPress site follow these steps: -->\n",
               "<!-- 1. Log in to that site as an administrator. -->\n",
               "<!-- 2. Go to Tools: Import in the WordPress admin panel. -->\n",
               '<!-- generator="WordPress/6.1.1" created="2023-12-07 15:00" -->\n',
               '<rss version="2.0"\n',
               f'\txmlns:excerpt="http://wordpress.org/export/{self.version}/excerpt/"\n',
               '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n',
               '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n',
               '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n',
               f'\txmlns:wp="http://wordpress.org/export/{self.version}/"\n>\n\n<channel>\n',
               f"\t<title>{esc(self.title)}</title>\n",
               f"\t<link>{esc(self.site)}</link>\n",
               "\t<description>Expert interviews from the congresses</description>\n",
               "\t<pubDate>Thu, 07 Dec 2023 15:00:00 +0000</pubDate>\n",
               "\t<language>en-US</language>\n",
               f"\t<wp:wxr_version>{self.version}</wp:wxr_version>\n",
               f"\t<wp:base_site_url>{esc(self.site)}</wp:base_site_url>\n",
               f"\t<wp:base_blog_url>{esc(self.site)}</wp:base_blog_url>\n\n"]
        out += [self._author(a) for a in self.authors]
        out += [self._category(c) for c in self.categories]
        out += [self._tag(t) for t in self.tags]
        if self.version != "1.1":  # WordPress 3.x wrote generic terms for custom taxonomies only
            out += [self._term("category", c.id, c.slug, c.parent, c.name, c.description) for c in self.categories]
            out += [self._term("post_tag", t.id, t.slug, "", t.name, t.description) for t in self.tags]
        out.append("\n\t<generator>https://wordpress.org/?v=6.1.1</generator>\n\n")
        return "".join(out)

    def write(self, path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.text())
        return path

    @staticmethod
    def _author(a):
        return ("\t<wp:author>"
                f"<wp:author_id>{a.id}</wp:author_id>"
                f"<wp:author_login>{cdata(a.login)}</wp:author_login>"
                f"<wp:author_email>{cdata(a.email)}</wp:author_email>"
                f"<wp:author_display_name>{cdata(a.display_name)}</wp:author_display_name>"
                f"<wp:author_first_name>{cdata(a.first)}</wp:author_first_name>"
                f"<wp:author_last_name>{cdata(a.last)}</wp:author_last_name>"
                "</wp:author>\n")

    @staticmethod
    def _category(c):
        desc = f"\n\t\t<wp:category_description>{cdata(c.description)}</wp:category_description>" \
            if c.description else ""
        return ("\t<wp:category>\n"
                f"\t\t<wp:term_id>{c.id}</wp:term_id>\n"
                f"\t\t<wp:category_nicename>{cdata(c.slug)}</wp:category_nicename>\n"
                f"\t\t<wp:category_parent>{cdata(c.parent)}</wp:category_parent>\n"
                f"\t\t<wp:cat_name>{cdata(c.name)}</wp:cat_name>{desc}\n"
                "\t</wp:category>\n")

    @staticmethod
    def _tag(t):
        return ("\t<wp:tag>\n"
                f"\t\t<wp:term_id>{t.id}</wp:term_id>\n"
                f"\t\t<wp:tag_slug>{cdata(t.slug)}</wp:tag_slug>\n"
                f"\t\t<wp:tag_name>{cdata(t.name)}</wp:tag_name>\n"
                "\t</wp:tag>\n")

    @staticmethod
    def _term(taxonomy, id, slug, parent, name, description):
        desc = f"\n\t\t<wp:term_description>{cdata(description)}</wp:term_description>" if description else ""
        return ("\t<wp:term>\n"
                f"\t\t<wp:term_id>{cdata(id)}</wp:term_id>\n"
                f"\t\t<wp:term_taxonomy>{cdata(taxonomy)}</wp:term_taxonomy>\n"
                f"\t\t<wp:term_slug>{cdata(slug)}</wp:term_slug>\n"
                f"\t\t<wp:term_parent>{cdata(parent)}</wp:term_parent>\n"
                f"\t\t<wp:term_name>{cdata(name)}</wp:term_name>{desc}\n"
                "\t</wp:term>\n")

    def item_text(self, it):
        zero = it.status in ("draft", "pending", "auto-draft")
        local = it.date + self.offset
        date_gmt = ZERO_DATE if zero else mysql(it.date)
        modified_gmt = mysql(it.modified)
        out = ["\t<item>\n",
               f"\t\t<title>{esc(it.title) if self.version == '1.1' else cdata(it.title)}</title>\n",
               f"\t\t<link>{esc(it.link)}</link>\n",
               f"\t\t<pubDate>{format_datetime(it.date).replace('-0000', '+0000')}</pubDate>\n",
               f"\t\t<dc:creator>{cdata(it.author)}</dc:creator>\n",
               f'\t\t<guid isPermaLink="false">{esc(it.guid)}</guid>\n',
               "\t\t<description></description>\n",
               f"\t\t<content:encoded>{cdata(it.content)}</content:encoded>\n",
               f"\t\t<excerpt:encoded>{cdata(it.excerpt)}</excerpt:encoded>\n",
               f"\t\t<wp:post_id>{it.id}</wp:post_id>\n",
               f"\t\t<wp:post_date>{cdata(mysql(local))}</wp:post_date>\n",
               f"\t\t<wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt>\n",
               f"\t\t<wp:post_modified>{cdata(mysql(it.modified + self.offset))}</wp:post_modified>\n",
               f"\t\t<wp:post_modified_gmt>{cdata(modified_gmt)}</wp:post_modified_gmt>\n",
               f"\t\t<wp:comment_status>{cdata('open' if it.type == 'post' else 'closed')}</wp:comment_status>\n",
               f"\t\t<wp:ping_status>{cdata('open' if it.type == 'post' else 'closed')}</wp:ping_status>\n",
               f"\t\t<wp:post_name>{cdata(it.slug)}</wp:post_name>\n",
               f"\t\t<wp:status>{cdata(it.status)}</wp:status>\n",
               f"\t\t<wp:post_parent>{it.parent}</wp:post_parent>\n",
               f"\t\t<wp:menu_order>{it.menu_order}</wp:menu_order>\n",
               f"\t\t<wp:post_type>{cdata(it.type)}</wp:post_type>\n",
               f"\t\t<wp:post_password>{cdata(it.password)}</wp:post_password>\n",
               f"\t\t<wp:is_sticky>{it.sticky}</wp:is_sticky>\n"]
        if it.attachment_url:
            out.append(f"\t\t<wp:attachment_url>{cdata(it.attachment_url)}</wp:attachment_url>\n")
        for slug in it.categories:
            out.append(f'\t\t<category domain="category" nicename="{esc(slug)}">'
                       f"{cdata(self.term_name('category', slug))}</category>\n")
        for slug in it.tags:
            out.append(f'\t\t<category domain="post_tag" nicename="{esc(slug)}">'
                       f"{cdata(self.term_name('post_tag', slug))}</category>\n")
        meta = dict(it.meta)
        if it.type in ("post", "page"):
            meta = {"_edit_last": "1", **meta}
        for k, v in meta.items():
            out.append("\t\t<wp:postmeta>\n"
                       f"\t\t\t<wp:meta_key>{cdata(k)}</wp:meta_key>\n"
                       f"\t\t\t<wp:meta_value>{cdata(v)}</wp:meta_value>\n"
                       "\t\t</wp:postmeta>\n")
        for n in range(it.comments):
            cid = it.id * 100 + n + 1
            out.append("\t\t<wp:comment>\n"
                       f"\t\t\t<wp:comment_id>{cid}</wp:comment_id>\n"
                       f"\t\t\t<wp:comment_author>{cdata(f'Dr Reader {n + 1}')}</wp:comment_author>\n"
                       f"\t\t\t<wp:comment_author_email>{cdata(f'reader{n + 1}@example.org')}</wp:comment_author_email>\n"
                       "\t\t\t<wp:comment_author_url>https://example.org/</wp:comment_author_url>\n"
                       f"\t\t\t<wp:comment_author_IP>{cdata('192.0.2.1')}</wp:comment_author_IP>\n"
                       f"\t\t\t<wp:comment_date>{cdata(mysql(local))}</wp:comment_date>\n"
                       f"\t\t\t<wp:comment_date_gmt>{cdata(mysql(it.date))}</wp:comment_date_gmt>\n"
                       f"\t\t\t<wp:comment_content>{cdata('Thank you for this interview.')}</wp:comment_content>\n"
                       f"\t\t\t<wp:comment_approved>{cdata('1')}</wp:comment_approved>\n"
                       f"\t\t\t<wp:comment_type>{cdata('comment')}</wp:comment_type>\n"
                       "\t\t\t<wp:comment_parent>0</wp:comment_parent>\n"
                       "\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n"
                       "\t\t</wp:comment>\n")
        out.append("\t</item>\n")
        return "".join(out)


def _slugify(title):
    out = []
    for ch in title.lower():
        out.append(ch if ch.isascii() and ch.isalnum() else "-")
    return "-".join(p for p in "".join(out).split("-") if p) or "untitled"


def _php_meta(file):
    """_wp_attachment_metadata as WordPress stores it (a PHP-serialized array), small and fixed."""
    return ('a:5:{s:5:"width";i:800;s:6:"height";i:600;s:4:"file";s:%d:"%s";s:8:"filesize";i:1234;'
            's:5:"sizes";a:0:{}}' % (len(file.encode()), file))


# ---- bodies as the two editors write them ----------------------------------------------------------------

def block_paragraph(html):
    return f"<!-- wp:paragraph -->\n<p>{html}</p>\n<!-- /wp:paragraph -->\n\n"


def block_heading(text, level=2):
    attrs = "" if level == 2 else f' {{"level":{level}}}'
    return f"<!-- wp:heading{attrs} -->\n<h{level} class=\"wp-block-heading\">{text}</h{level}>\n<!-- /wp:heading -->\n\n"


def block_list(items):
    lis = "".join(f"<!-- wp:list-item -->\n<li>{i}</li>\n<!-- /wp:list-item -->\n" for i in items)
    return f"<!-- wp:list -->\n<ul>{lis}</ul>\n<!-- /wp:list -->\n\n"


def block_image(attachment_id, src, alt=""):
    return (f'<!-- wp:image {{"id":{attachment_id},"sizeSlug":"large","linkDestination":"none"}} -->\n'
            f'<figure class="wp-block-image size-large"><img src="{esc(src)}" alt="{esc(alt)}" '
            f'class="wp-image-{attachment_id}"/></figure>\n<!-- /wp:image -->\n\n')


def block_embed_youtube(video_id):
    url = f"https://www.youtube.com/watch?v={video_id}"
    return (f'<!-- wp:embed {{"url":"{url}","type":"video","providerNameSlug":"youtube","responsive":true,'
            '"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->\n'
            '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube '
            'wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
            f"{url}\n</div></figure>\n<!-- /wp:embed -->\n\n")


def block_quote(text):
    return (f'<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>{text}</p>\n'
            "<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->\n\n")


def classic(*paragraphs):
    """A classic-editor body: paragraphs separated by blank lines (wpautop makes them <p> on display)."""
    return "\n\n".join(paragraphs)


# ---- broken copies ---------------------------------------------------------------------------------------

def truncated(text, marker, offset=0):
    """The text cut just after the first occurrence of marker (plus offset characters)."""
    i = text.index(marker)
    return text[:i + len(marker) + offset]


def with_doctype(text, internal_subset):
    """The export with <!DOCTYPE rss [ internal_subset ]> after the XML declaration."""
    decl_end = text.index("?>") + 2
    return text[:decl_end] + f"\n<!DOCTYPE rss [\n{internal_subset}\n]>" + text[decl_end:]


BILLION_LAUGHS = "\n".join(['<!ENTITY lol "lol">'] + [
    f'<!ENTITY lol{i} "' + ("&lol%s;" % ("" if i == 1 else i - 1)) * 10 + '">' for i in range(1, 10)])


# ---- uploads ---------------------------------------------------------------------------------------------

def image_bytes(kind="jpeg", size=(640, 480), color=(30, 90, 160), label=0):
    """A real image (Pillow): a gradient with a band whose place depends on label, so each label gives
    different bytes."""
    import io
    from PIL import Image, ImageDraw
    im = Image.new("RGB", size, color)
    d = ImageDraw.Draw(im)
    w, h = size
    for x in range(0, w, 8):
        d.line([(x, 0), (x, h)], fill=(color[0], (x * 255) // max(w, 1), color[2]))
    band = (label * 37) % max(h - 20, 1)
    d.rectangle([0, band, w, band + 20], fill=(250, 250, 250 - (label % 200)))
    out = io.BytesIO()
    im.save(out, "JPEG" if kind == "jpeg" else "PNG", quality=85)
    return out.getvalue()


def write_uploads(folder, files):
    """Writes files ({relative path: bytes, or "jpeg"/"png" for a new image}) under folder (a copy of
    wp-content/uploads); returns {relative path: bytes written}."""
    written = {}
    for i, (rel, content) in enumerate(files.items()):
        if isinstance(content, str):
            content = image_bytes(content, label=i + 1)
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content)
        written[rel] = content
    return written
