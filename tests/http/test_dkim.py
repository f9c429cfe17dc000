"""DKIM (issue 18, helper "compose"): messages from src/jobs/mail_compose.c signed by src/jobs/dkim.c
(libopendkim) are checked by an independent verifier, python3-dkim, with the test key's DNS record served by
a dnsfunc; a changed body, subject or an added List-Unsubscribe fails. tests/unit/tool_mail_compose.c (built
by make unit) composes one message as `plenary serve` would, reading the key through the same settings."""
import base64
import os
import smtplib
import subprocess

import dkim
import pytest

from conftest import REPO, _binary, _free_port, make_demo_database, run_plenary, start_plenary, start_smtp

SELECTOR = "mail2026"


def tool():
    path = os.path.join(os.path.dirname(os.path.abspath(_binary())), "tests", "tool_mail_compose")
    if not os.path.exists(path):
        path = os.path.join(REPO, "build", "tests", "tool_mail_compose")
    assert os.access(path, os.X_OK), f"{path} is missing: run make unit"
    return path


@pytest.fixture(scope="module")
def key(tmp_path_factory):
    """A fresh 2048-bit RSA key (mode 0600) and the TXT record to publish for it."""
    d = tmp_path_factory.mktemp("dkim")
    pem = str(d / "dkim.pem")
    subprocess.run(["openssl", "genrsa", "-out", pem, "2048"], check=True, capture_output=True)
    os.chmod(pem, 0o600)
    der = subprocess.run(["openssl", "rsa", "-in", pem, "-pubout", "-outform", "DER"], check=True,
                         capture_output=True).stdout
    record = b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)
    return pem, record


def compose(*args, key_file=None, check=True):
    cmd = [tool(), "--from", "Oncology News <news@congress.example.org>", "--to", "reader@example.net",
           "--subject", "ASCO 2025: 12 new interviews in lung cancer — «Überblick»",
           "--text", "Hello,\n\nTwelve new interviews.\n.\nA line starting with a dot.\n",
           "--html", "<p>Hello,</p>\n<p>Twelve <b>new</b> interviews.</p>\n",
           "--unsubscribe", "https://congress.example.org/unsubscribe?t=abc_-123",
           "--list-id", "lung.congress.example.org", "--list-name", "Lung cancer"]
    if key_file:
        cmd += ["--key", key_file, "--selector", SELECTOR]
    p = subprocess.run(cmd + list(args), capture_output=True, timeout=30)
    if check:
        assert p.returncode == 0, p.stderr.decode()
    return p


def dns_for(record, seen=None):
    def dnsfunc(name, timeout=5):
        if seen is not None:
            seen.append(name)
        return record if name in (f"{SELECTOR}._domainkey.congress.example.org.".encode(),
                                  f"{SELECTOR}._domainkey.congress.example.org".encode()) else None
    return dnsfunc


def signature_tags(msg):
    head = msg.split(b"\r\n\r\n", 1)[0].decode()
    assert head.startswith("DKIM-Signature: ")
    value = head[len("DKIM-Signature: "):].split("\r\n")
    sig = value[0]
    for line in value[1:]:
        if not line.startswith((" ", "\t")):
            break
        sig += line
    return {k.strip(): v.strip() for k, _, v in (t.partition("=") for t in sig.split(";") if "=" in t)}


def test_a_signed_message_verifies_with_an_independent_checker(key):
    pem, record = key
    msg = compose(key_file=pem).stdout
    seen = []
    assert dkim.verify(msg, dnsfunc=dns_for(record, seen)) is True
    assert seen and seen[0].rstrip(b".") == f"{SELECTOR}._domainkey.congress.example.org".encode()
    tags = signature_tags(msg)
    assert tags["a"] == "rsa-sha256" and tags["c"] == "relaxed/relaxed"
    assert tags["d"] == "congress.example.org" and tags["s"] == SELECTOR  # d= from mail_from by default
    signed = [h.strip().lower() for h in tags["h"].replace(" ", "").split(":")]
    for h in ("from", "to", "subject", "date", "message-id", "mime-version", "content-type", "list-unsubscribe",
              "list-unsubscribe-post", "list-id"):
        assert h in signed, (h, signed)
    # oversigned: one more entry than the message has, so a second one cannot be added
    for h in ("from", "subject", "list-unsubscribe", "list-unsubscribe-post"):
        assert signed.count(h) == 2, (h, signed)
    # 7-bit, CRLF lines: nothing a relay would re-encode
    assert all(b < 0x80 for b in msg) and b"\n" not in msg.replace(b"\r\n", b"")


def test_any_change_breaks_the_signature(key):
    pem, record = key
    msg = compose(key_file=pem).stdout
    dns = dns_for(record)
    head, body = msg.split(b"\r\n\r\n", 1)
    assert dkim.verify(msg, dnsfunc=dns)
    # a changed body
    changed = head + b"\r\n\r\n" + body.replace(b"Content-Transfer-Encoding", b"Content-Transfer-Encoding", 1) \
        .replace(b"\r\n\r\n", b"\r\n\r\nX", 1)
    assert changed != msg and not dkim.verify(changed, dnsfunc=dns)
    # a changed subject
    assert b"\r\nSubject: " in head
    subj = head.replace(b"\r\nSubject: ", b"\r\nSubject: Re: ", 1) + b"\r\n\r\n" + body
    assert not dkim.verify(subj, dnsfunc=dns)
    # an added List-Unsubscribe (someone else's unsubscribe address) or a second From
    for extra in (b"List-Unsubscribe: <https://evil.example.com/u>\r\n", b"From: ceo@congress.example.org\r\n"):
        assert not dkim.verify(head + b"\r\n" + extra.rstrip(b"\r\n") + b"\r\n\r\n" + body, dnsfunc=dns)
    # a header the signature does not cover may be added (relays add Received:), and relaxed canonicalisation
    # survives re-spaced header values
    assert dkim.verify(b"Received: from relay by mx; Mon, 1 Jan 2025 00:00:00 +0000\r\n" + msg, dnsfunc=dns)
    assert dkim.verify(msg.replace(b"\r\nMIME-Version: 1.0\r\n", b"\r\nMIME-Version:   1.0 \r\n", 1), dnsfunc=dns)
    # another key's record: fails
    other = subprocess.run(["openssl", "genrsa", "2048"], check=True, capture_output=True).stdout
    der = subprocess.run(["openssl", "rsa", "-pubout", "-outform", "DER"], input=other, check=True,
                         capture_output=True).stdout
    assert not dkim.verify(msg, dnsfunc=dns_for(b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)))


def test_the_signature_survives_smtp_to_aiosmtpd(key, tmp_path):
    """Dot-stuffing and line handling on the way through a real SMTP server keep the signature valid."""
    pem, record = key
    msg = compose(key_file=pem).stdout
    smtp = start_smtp(str(tmp_path))
    try:
        with smtplib.SMTP("127.0.0.1", smtp.port, timeout=10) as s:
            s.sendmail("news@congress.example.org", ["reader@example.net"], msg)
        new = os.path.join(smtp.mailbox.path, "new")
        files = os.listdir(new)
        assert len(files) == 1
        with open(os.path.join(new, files[0]), "rb") as f:
            received = f.read()
    finally:
        smtp.stop()
    if b"\r\n" not in received:  # the maildir stores LF line ends; the wire form is CRLF
        received = received.replace(b"\n", b"\r\n")
    # the lone "." line went through dot-stuffing both ways
    assert b"\r\n.\r\nA line starting with a dot." in msg and b"\r\n.\r\nA line starting with a dot." in received
    assert dkim.verify(received, dnsfunc=dns_for(record))


def test_unsigned_without_a_key_and_a_domain_setting_wins(key):
    pem, record = key
    assert b"DKIM-Signature" not in compose().stdout
    msg = compose("--domain", "mail.example.com", key_file=pem).stdout
    assert signature_tags(msg)["d"] == "mail.example.com"


def test_bad_keys_are_refused_with_a_clear_message(key, tmp_path):
    pem, _ = key
    missing = compose(key_file=str(tmp_path / "nope.pem"), check=False)
    assert missing.returncode == 1 and b"nope.pem cannot be read: No such file or directory" in missing.stderr
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n")
    os.chmod(garbage, 0o600)
    p = compose(key_file=str(garbage), check=False)
    assert p.returncode == 1 and b"not a PEM RSA private key" in p.stderr
    ec = str(tmp_path / "ec.pem")
    subprocess.run(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", ec],
                   check=True, capture_output=True)
    os.chmod(ec, 0o600)
    p = compose(key_file=ec, check=False)
    assert p.returncode == 1 and b"not a PEM RSA private key" in p.stderr
    p = compose("--selector", "bad selector", key_file=pem, check=False)
    assert p.returncode == 1 and b"is not a DNS name" in p.stderr
    p = compose("--from", "Plenary", key_file=pem, check=False)
    assert p.returncode == 1 and b"has no domain" in p.stderr
    # a key others can read still signs, with a warning
    shared = tmp_path / "shared.pem"
    shared.write_bytes(open(pem, "rb").read())
    os.chmod(shared, 0o644)
    p = compose(key_file=str(shared))
    assert b"can be read by other users" in p.stderr and p.stdout.startswith(b"DKIM-Signature: ")


def test_serve_reads_the_key_at_start_and_refuses_a_bad_one(key, tmp_path):
    pem, _ = key
    db = make_demo_database(str(tmp_path))
    cfg = tmp_path / "bad.ini"
    cfg.write_text(f"[plenary]\ndkim_key_file = {tmp_path}/missing.pem\nmail_from = N <n@congress.example.org>\n"
                   f"outbox = {tmp_path}/outbox\n")
    p = run_plenary(["serve", "--config", str(cfg), "--db", db, "--listen", f"127.0.0.1:{_free_port()}"], timeout=20)
    assert p.returncode == 1
    assert f"plenary: dkim_key_file {tmp_path}/missing.pem cannot be read" in p.stderr
    srv = start_plenary(str(tmp_path), db, {"dkim_key_file": pem, "dkim_selector": SELECTOR,
                                            "mail_from": "N <n@congress.example.org>",
                                            "outbox": str(tmp_path / "outbox")}, name="dkim-server")
    try:
        assert f"dkim: mail is signed with selector {SELECTOR} for congress.example.org" in srv.log()
    finally:
        assert srv.stop() == 0


def test_mail_the_server_sends_arrives_signed_and_verifies(key, tmp_path):
    """The whole way: plenary serve with a key, a sign-up and a subscription by email, aiosmtpd receives
    them; python3-dkim verifies each as received, and a changed copy fails."""
    from conftest import Reader, parse_html
    pem, record = key
    db = make_demo_database(str(tmp_path))
    smtp = start_smtp(str(tmp_path))
    try:
        srv = start_plenary(str(tmp_path), db, {
            "smtp_url": f"smtp://127.0.0.1:{smtp.port}", "outbox": str(tmp_path / "outbox"),
            "dkim_key_file": pem, "dkim_selector": SELECTOR,
            "mail_from": "Plenary Oncology <news@congress.example.org>"}, name="dkim-smtp")
        srv.mail = smtp.mailbox
        reader = Reader(srv)
        assert reader.signup().status_code == 303
        reader.confirmation_mail()
        address = f"dkim-{os.urandom(4).hex()}@example.org"
        b = Reader(srv, email=address)
        target = next(iter(parse_html(b.get("/subscribe").text).find("select", name="target")
                           .find_all("option"))).get("value")
        assert b.submit("/subscribe", "/subscribe",
                        {"email": address, "target": target, "cadence": "weekly"}).status_code == 303
        srv.mail.wait(address, "Confirm your subscription")
        assert srv.stop() == 0
    finally:
        smtp.stop()
    new = os.path.join(smtp.mailbox.path, "new")
    raws = []
    for name in sorted(os.listdir(new)):
        with open(os.path.join(new, name), "rb") as f:
            raw = f.read()
        raws.append(raw if b"\r\n" in raw else raw.replace(b"\n", b"\r\n"))
    assert len(raws) == 2
    dns = dns_for(record)
    for raw in raws:
        assert raw.count(b"DKIM-Signature:") == 1 and dkim.verify(raw, dnsfunc=dns), raw[:1500]
        assert b"multipart/alternative" in raw
        tags = signature_tags(raw[raw.index(b"DKIM-Signature:"):])
        assert tags["d"] == "congress.example.org" and tags["s"] == SELECTOR
        assert not dkim.verify(raw.replace(b"Subject: ", b"Subject: Fwd: ", 1), dnsfunc=dns)
    confirm = [r for r in raws if b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in r]
    assert len(confirm) == 1
    signed = signature_tags(confirm[0][confirm[0].index(b"DKIM-Signature:"):])["h"].lower().replace(" ", "")
    assert "list-unsubscribe:" in signed and "list-unsubscribe-post" in signed
