"""Subscribers' signed links (src/site/subscribe_link.c) made from the server's form key, as the server makes
them, so a test can open a subscriber's pages without a mail: used by test_html.py and test_subscriptions.py."""
import base64
import hashlib
import hmac
import struct
import time

PURPOSES = ("confirm", "prefs", "unsubscribe")


def link_token(conn, purpose, subscriber_id, email):
    """The t= token for purpose on the subscriber; conn: a connection to the server's database."""
    form_key = bytes.fromhex(conn.execute("SELECT value FROM setting WHERE name = 'form_key'").fetchone()[0])
    # crypto_kdf_derive_from_key(32, 1, "subslink", form_key): BLAKE2b keyed, salted with the id, personal ctx
    key = hashlib.blake2b(b"", digest_size=32, key=form_key, salt=struct.pack("<Q", 1) + bytes(8),
                          person=b"subslink" + bytes(8)).digest()
    id8 = struct.pack(">q", subscriber_id)
    mac = hmac.new(key, purpose.encode() + b"\0" + id8 + email.encode(), hashlib.sha512).digest()[:32]
    return base64.urlsafe_b64encode(id8 + mac).decode().rstrip("=")


def make_subscriber(conn, site_id, email, target_kind="section"):
    """A confirmed subscriber of site with one weekly subscription to the first target of target_kind: its id."""
    table, column = {"section": ("section", "section_id"), "topic": ("tag", "tag_id")}[target_kind]
    now = int(time.time())
    with conn:
        conn.execute("INSERT INTO subscriber (site_id, email, confirmed_at, created_at) VALUES (?, ?, ?, ?)",
                     (site_id, email, now, now))
        sid = conn.execute("SELECT id FROM subscriber WHERE site_id = ? AND email = ?", (site_id, email)).fetchone()[0]
        target = conn.execute(f"SELECT min(id) FROM {table} WHERE site_id = ?", (site_id,)).fetchone()[0]
        conn.execute(f"INSERT INTO subscription (subscriber_id, kind, {column}, cadence, created_at) "
                     "VALUES (?, ?, ?, 'weekly', ?)", (sid, target_kind, target, now))
    return sid
