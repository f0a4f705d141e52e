"""The API documentation pages in a browser: one h1, axe, no horizontal scroll on a phone; and the
JSON API answers a cross-origin fetch from another page (CORS)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_api_docs_pass_axe_in_each_language(live_server, page, axe, prefix):
    page.goto(f"{live_server.url}{prefix}/api/")
    assert page.locator("h1").count() == 1
    axe(page)


def test_api_docs_fit_a_narrow_screen(live_server, page):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/api/")
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 321"
        " && !e.closest('.table-wrap')).map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, wide


def test_json_api_is_readable_from_another_origin(live_server, page):
    # A page with an opaque origin ("null"): the fetch succeeds only with CORS headers, and the
    # conditional request header makes the browser send a preflight first.
    page.set_content("<!doctype html><title>Andre nettsted</title><p>x</p>")
    assert page.evaluate("window.origin") == "null"
    result = page.evaluate(
        """async (url) => {
            const r = await fetch(url, {headers: {"If-None-Match": '"x"'}});
            return {status: r.status, etag: r.headers.get("ETag"), count: (await r.json()).count};
        }""",
        f"{live_server.url}/api/v1/counties",
    )
    assert result["status"] == 200 and result["etag"] and result["count"] == 0
