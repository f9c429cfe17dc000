"""Mail in the reader's language (issue 20): an account's language (user.language), else an email-only
subscriber's (subscriber.language), else the site's default writes the mail's words, plural forms and dates;
'' is the site's default (English in the demo). Mails are read where the tests' SMTP server delivers them
(accounts_server) or from the durable queue (alerts)."""
import datetime
import time

import pytest

from conftest import Reader, mail_body, make_reader
from test_alerts import add_subscriber, mails, new_section, run_alerts, take_articles
from test_subscriptions import targets

FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
NL_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


@pytest.fixture(scope="module")
def srv(accounts_server):
    return accounts_server


@pytest.fixture(autouse=True)
def fresh_allowances(srv):
    """Each test starts with the mail allowances whole (its mails count against the tests' address)."""
    srv.execute("DELETE FROM attempt")


def set_language(srv, email, lang):
    srv.execute('UPDATE "user" SET language = ? WHERE email = ?', (lang, email))


def reset_mail(srv, lang, subject):
    reader = make_reader(srv, "member")
    set_language(srv, reader.email, lang)
    r = Reader(srv).submit("/reset", "/reset", {"email": reader.email})
    assert r.status_code == 303 and r.headers["location"] == "/reset/sent"
    return srv.mail.wait(reader.email, subject)


def html_of(msg):
    return msg.get_body(preferencelist=("html",)).get_content()


def test_a_password_reset_in_french(srv):
    msg = reset_mail(srv, "fr", "Réinitialisez votre mot de passe")
    body = mail_body(msg)
    assert body.startswith("Bonjour,\n"), body[:200]
    assert "pendant 1 heure. Si vous n'avez rien demandé, ignorez ce message\u00a0: votre mot de passe" in body
    assert "Reset your" not in body and "Hello" not in body
    html = html_of(msg)
    assert '<html lang="fr">' in html and "Choisir un nouveau mot de passe" in html


def test_a_password_reset_in_dutch(srv):
    msg = reset_mail(srv, "nl", "Stel uw wachtwoord voor")
    body = mail_body(msg)
    assert body.startswith("Goedendag,\n") and "blijft 1 uur geldig" in body, body[:300]
    assert '<html lang="nl">' in html_of(msg)


def test_a_password_reset_in_the_site_language_when_unset_or_not_offered(srv):
    for lang in ("", "de"):
        msg = reset_mail(srv, lang, "Reset your")
        body = mail_body(msg)
        assert body.startswith("Hello,\n") and "The link works once and for 1 hour. If" in body, body[:300]
        assert '<html lang="en">' in html_of(msg)


def written(t, months):
    d = datetime.datetime.fromtimestamp(t)
    return f"{d.day} {months[d.month - 1]} {d.year}"


def test_an_alert_in_each_reader_language_with_its_dates(srv):
    section, name = new_section(srv)
    arts = take_articles(srv, 1, section)
    srv.execute("UPDATE article SET kind = 'interview' WHERE id = ?", (arts[0][0],))
    published = srv.query("SELECT published_at FROM article WHERE id = ?", (arts[0][0],))[0]["published_at"]
    fr, _ = add_subscriber(srv, section, "member")
    nl, _ = add_subscriber(srv, section, "hcp")
    en, _ = add_subscriber(srv, section, "member")
    alone, alone_id = add_subscriber(srv, section)  # an address alone, whose subscription says Dutch
    set_language(srv, fr, "fr")
    set_language(srv, nl, "nl")
    srv.execute("UPDATE subscriber SET language = 'nl' WHERE id = ?", (alone_id,))
    run_alerts(srv, "--now")
    m = mails(srv, fr)
    assert len(m) == 1, m
    assert m[0]["subject"] == f"1 nouvelle interview en {name}", m[0]["subject"]
    text, html = m[0]["text_body"], m[0]["html_body"]
    assert text.startswith("Nouveau sur ") and "En ligne\u00a0: " in text, text[:300]
    assert f"Interview | {name} | {written(published, FR_MONTHS)}" in text, text[:500]
    assert "Choisissez ce que vous recevez\u00a0: " in text
    assert '<html lang="fr">' in html and written(published, FR_MONTHS) in html
    for to in (nl, alone):
        m = mails(srv, to)
        assert len(m) == 1 and m[0]["subject"] == f"1 nieuw interview in {name}", m
        assert f"Interview | {name} | {written(published, NL_MONTHS)}" in m[0]["text_body"]
        assert m[0]["text_body"].startswith("Nieuw op ") and "Kies wat u ontvangt: " in m[0]["text_body"]
    m = mails(srv, en)
    assert len(m) == 1 and m[0]["subject"] == f"1 new interview in {name}", m
    assert f"Interview | {name} | {written(published, EN_MONTHS)}" in m[0]["text_body"]
    assert m[0]["text_body"].startswith("New on ") and "Online: " in m[0]["text_body"]


def test_a_subscription_by_email_keeps_the_language_of_its_page(srv):
    address = f"lang-{time.time_ns()}@example.org"
    b = Reader(srv, email=address)
    target = targets(srv)[1]
    r = b.submit("/subscribe", "/subscribe", {"email": address, "target": target, "cadence": "weekly"})
    assert r.status_code == 303, r.text[:300]
    row = srv.query("SELECT id, language FROM subscriber WHERE email = ?", (address,))[0]
    assert row["language"] == "en"  # the page's: the site's default until /fr/ pages route
    assert srv.mail.wait(address, "Confirm your subscription")
    # a subscriber who set Dutch and subscribes again unconfirmed is mailed in the page's language again;
    # a confirmed one keeps theirs, and is told in it
    srv.execute("UPDATE subscriber SET language = 'nl', confirmed_at = ? WHERE id = ?", (int(time.time()), row["id"]))
    r = b.submit("/subscribe", "/subscribe", {"email": address, "target": target, "cadence": "weekly"})
    assert r.status_code == 303, r.text[:300]
    assert srv.query("SELECT language FROM subscriber WHERE id = ?", (row["id"],))[0]["language"] == "nl"
    msg = srv.mail.wait(address, "Uw abonnementen")
    assert mail_body(msg).startswith("Goedendag,\n")


def test_an_account_made_under_fr_gets_its_mail_in_french(srv):
    """Signing up from /fr/signup keeps French as the account's language: the confirmation is French."""
    reader = Reader(srv, name="Dr Élise Martin")
    r = reader.submit("/fr/signup", "/fr/signup", reader.signup_fields())
    assert r.status_code == 303 and r.headers["location"].startswith("/fr/"), (r.status_code, r.headers)
    assert reader.user_row()["language"] == "fr"
    msg = srv.mail.wait(reader.email, "Confirmez votre adresse e-mail")
    assert "48 heures" in mail_body(msg) and "/verify" in mail_body(msg)
    other = Reader(srv, name="Dr Jan Peeters")
    assert other.signup().status_code == 303
    assert other.user_row()["language"] == ""  # the site's default, whatever it becomes
    other.confirmation_mail()
