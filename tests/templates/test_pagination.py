import re

from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory

PAGINATION = Template('{% include "includes/pagination.html" with page_obj=page_obj %}')


def render(number: int, pages: int = 40) -> str:
    request = RequestFactory().get("/tiltak/", {"page": number, "q": "skole"})
    page_obj = Paginator(range(pages * 10), 10).get_page(number)
    return PAGINATION.render(Context({"page_obj": page_obj, "request": request}))


def test_gaps_are_empty_items_not_links():
    html = render(10)
    hrefs = re.findall(r'href="\?([^"]*)"', html)
    assert all(re.fullmatch(r"page=\d+&amp;q=skole", href) for href in hrefs), hrefs
    assert "…" not in html
    # Designsystemet draws the ellipsis in an empty <li> (li:empty::before).
    assert html.count("<li></li>") == 2
    assert 'href="?page=1&amp;q=skole"' in html and 'href="?page=40&amp;q=skole"' in html
    assert 'href="?page=10&amp;q=skole" aria-current="page"' in html


def test_first_and_last_page_have_no_stray_ellipsis():
    for number in (1, 40):
        html = render(number)
        assert html.count("<li></li>") == 1  # only the one gap
        assert html.count('<span aria-hidden="true"></span>') == 1  # the missing previous/next link


def test_no_pagination_for_a_single_page():
    assert "ds-pagination" not in render(1, pages=1)
