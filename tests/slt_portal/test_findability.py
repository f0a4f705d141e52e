"""sitemap.xml, robots.txt, the head's canonical/hreflang/Open Graph tags and the feeds."""

import html
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone, translation

from tests.helpers import assert_page

pytestmark = pytest.mark.django_db

SITE_DESCRIPTION = (
    "SLT-portalen samler SLT-koordinatorer, tiltak, håndbøker og arrangementer for rus- og "
    "kriminalitetsforebyggende arbeid blant barn og unge."
)

SITE = "https://slt.example.no"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]
    return SITE


def _sitemap(client):
    response = client.get("/sitemap.xml", HTTP_HOST="evil.example")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            "lastmod": getattr(url.find("s:lastmod", NS), "text", None),
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)},
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_public_page_in_three_languages_with_alternates(client, site_url, site_content):
    urls = _sitemap(client)
    assert all(loc.startswith(SITE + "/") for loc in urls), "absolute from SITE_URL, never the Host header"
    measure = site_content["measure"]
    for path in [
        "/",
        "/finn-koordinator/",
        "/fylker/",
        "/om-slt/",
        "/tilgjengelighet/",
        "/kontakt/",
        "/kommune/3107/",
        "/slt-enhet/slt-fredrikstad/",
        "/tiltak/",
        measure.get_absolute_url(),
        "/dokumenter/slt-handboken/",
        "/aktuelt/ny-handbok/",
        "/arrangementer/slt-konferansen-2027/",
        "/arrangementer/slt-konferansen-2025/",
    ]:
        expected = {"nb": SITE + path, "nn": f"{SITE}/nn{path}", "en": f"{SITE}/en{path}", "x-default": SITE + path}
        for code in ("nb", "nn", "en"):
            assert expected[code] in urls, expected[code]
            assert urls[expected[code]]["alternates"] == expected, path
    measure.refresh_from_db()
    assert (
        urls[SITE + measure.get_absolute_url()]["lastmod"] == timezone.localtime(measure.updated_at).date().isoformat()
    )
    assert len([loc for loc in urls if "/kommune/" in loc]) == 357 * 3


def test_sitemap_leaves_out_drafts_restricted_and_scheduled_content(client, site_url, site_content):
    locs = " ".join(_sitemap(client))
    for path in [
        f"/tiltak/{site_content['draft_measure'].pk}-",
        "/dokumenter/intern-handbok/",
        "/aktuelt/handbok-kommer/",
        "/arrangementer/utkast-2027/",
        "/konto/",
        "/sfk/",
    ]:
        assert path not in locs, path


def test_robots_txt_names_the_sitemap_and_still_blocks_everything_with_demo_data(client, site_url):
    body = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in body and "Disallow: /konto/" in body
    from accounts import demo

    demo.load(log=lambda *_: None)
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /\n" in body and f"Sitemap: {SITE}/sitemap.xml" in body


def _head(html):
    return html.split("</head>", 1)[0]


def _links(head, rel):
    return re.findall(rf'<link rel="{rel}"([^>]*)>', head)


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_pages_have_title_description_canonical_and_hreflang_alternates(client, site_url, site_content, prefix):
    measure = site_content["measure"]
    pages = {
        "/": None,
        "/finn-koordinator/": None,
        "/om-slt/": None,
        "/slt-enhet/slt-fredrikstad/": "SLT Fredrikstad",
        measure.get_absolute_url(): measure.title,
        "/dokumenter/slt-handboken/": "SLT-håndboken",
        "/aktuelt/ny-handbok/": "Ny utgave av SLT-håndboken",
        "/arrangementer/slt-konferansen-2027/": "SLT-konferansen 2027",
    }
    for path, title in pages.items():
        url = prefix + path
        html = assert_page(client, url, max_queries=20, lang=prefix.strip("/") or "nb").content.decode()
        head = _head(html)
        page_title = re.search(r"<title>(.*?)</title>", head, re.S).group(1)
        assert page_title.strip() and "SLT-portalen" in page_title
        if title:
            assert page_title.startswith(title), (url, page_title)
        assert f'<link rel="canonical" href="{SITE}{url}">' in head, url
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))
        assert alternates == {
            "nb": SITE + path,
            "nn": f"{SITE}/nn{path}",
            "en": f"{SITE}/en{path}",
            "x-default": SITE + path,
        }, url


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_measures_publications_news_and_events_have_open_graph_tags(client, site_url, site_content, prefix):
    measure = site_content["measure"]
    pages = {
        measure.get_absolute_url(): (measure.title, measure.summary, "website"),
        "/dokumenter/slt-handboken/": ("SLT-håndboken", "En håndbok for SLT-koordinatorer", "website"),
        "/aktuelt/ny-handbok/": ("Ny utgave av SLT-håndboken", "Håndboken er oppdatert", "article"),
        "/arrangementer/slt-konferansen-2027/": ("SLT-konferansen 2027", "Den nasjonale SLT-konferansen", "website"),
    }
    language = {"": "nb", "/nn": "nn", "/en": "en"}[prefix]
    with translation.override(language):
        # Bokmål text on an nn/en page: the site's own description in the page language stands in
        # (og tags cannot carry lang; issue 10 item 24).
        site_description = translation.gettext(SITE_DESCRIPTION)
    for path, (title, description, kind) in pages.items():
        head = _head(client.get(prefix + path).content.decode())
        og = dict(re.findall(r'<meta property="(og:[a-z_:]+)" content="([^"]*)">', head))
        expected = description if language == "nb" else site_description
        assert og["og:title"] == title and html.unescape(og["og:description"]).startswith(expected), path
        assert og["og:type"] == kind and og["og:url"] == SITE + prefix + path
        assert og["og:site_name"] == "SLT-portalen"
        assert og["og:locale"] == {"": "nb_NO", "/nn": "nn_NO", "/en": "en_GB"}[prefix]


def test_every_page_advertises_the_news_and_event_feeds(client, site_url, site_content):
    for url in ["/", "/nn/tiltak/", "/en/dokumenter/", "/finn-koordinator/", "/sok/?q=slt", "/finnes-ikke/"]:
        head = _head(client.get(url).content.decode())
        feeds = re.findall(r'<link rel="alternate" type="application/rss\+xml" title="[^"]+" href="([^"]+)">', head)
        prefix = url[:4] if url[:4] in ("/nn/", "/en/") else "/"
        assert feeds == [f"{prefix}aktuelt/rss/", f"{prefix}arrangementer/rss.xml"], url


def test_error_and_search_result_pages_are_not_indexed(client, site_url, site_content):
    for url in ["/finnes-ikke/", "/sok/?q=slt"]:
        head = _head(client.get(url).content.decode())
        assert '<meta name="robots" content="noindex">' in head and 'rel="canonical"' not in head


def test_event_feed_lists_upcoming_public_events_with_absolute_links(client, site_url, site_content):
    response = client.get("/arrangementer/rss.xml", HTTP_HOST="evil.example")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    items = root.findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["SLT-konferansen 2027"]  # not past, not draft
    assert items[0].findtext("link") == f"{SITE}/arrangementer/slt-konferansen-2027/"
    assert root.findtext("./channel/link") == f"{SITE}/arrangementer/"
    assert "evil.example" not in response.content.decode()


def test_news_feed_links_come_from_site_url(client, site_url, site_content):
    body = client.get("/aktuelt/rss/", HTTP_HOST="evil.example").content.decode()
    assert f"<link>{SITE}/aktuelt/ny-handbok/</link>" in body
    assert "evil.example" not in body and "Håndbok kommer" not in body
