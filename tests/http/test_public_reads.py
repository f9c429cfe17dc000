"""The public reads answer alike on both engines, also for names no record can have."""
import pytest

from conftest import get

# Bytes that are not UTF-8 name no section, congress, topic, article, trial or page: SQLite found none (404), while
# PostgreSQL refused them as a parameter and the reader got a 500 (and the log an error).
NOT_UTF8 = [
    "/section/%C3%28",
    "/section/%FF/feed.rss",
    "/congress/%FF",
    "/congress/%ED%A0%80",  # a UTF-16 surrogate written as UTF-8
    "/tag/%FF",
    "/tag/%C0%AF/feed.atom",  # an overlong '/'
    "/article/%FF",
    "/article/%F4%90%80%80",  # above U+10FFFF
    "/about%FF",
    "/trial/%FF",
]


@pytest.mark.parametrize("path", NOT_UTF8)
def test_a_name_that_is_not_utf8_is_not_found(path):
    r = get(path)
    assert r.status_code == 404, f"{path}: {r.status_code}"


def test_a_utf8_name_that_is_not_there_is_not_found():
    assert get("/section/%C3%A9t%C3%A9").status_code == 404
