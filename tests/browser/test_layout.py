"""Layout at phone and desktop widths (issue 10 #19, #20): the main menu lines up with the logo and
the content and marks the current section; nothing overflows the page at 390 px; the programme
table's last column is reachable by keyboard; no word of the home heading is broken mid-word;
footer links share one size."""

import pytest

from tests.events.factories import EventFactory, SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [390, 1280]

# For each word of an element's text: how many lines its glyphs sit on.
WORD_LINES = """el => {
  const out = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      out.push([m[0], tops.size]);
    }
  }
  return out;
}"""


def page_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("width", [*WIDTHS, 1920])
def test_main_menu_lines_up_with_logo_and_content(live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/")
    logo = page.locator(".site-header__logo").bounding_box()["x"]
    menu = page.get_by_role("navigation", name="Hovedmeny").get_by_role("link").first.bounding_box()["x"]
    heading = page.locator("main h1").bounding_box()["x"]
    expected = {390: 16, 1280: 80, 1920: 400}[width]
    assert round(logo) == round(heading) == expected
    assert round(menu) == expected, f"menu starts at x={menu}, logo and content at x={expected}"


@pytest.mark.parametrize("width", WIDTHS)
def test_main_menu_marks_the_current_section(live_server, page, width):
    event = EventFactory(title="Nettverkssamling", slug="nettverkssamling")
    page.set_viewport_size({"width": width, "height": 900})
    menu = page.locator("nav.site-nav")
    page.goto(f"{live_server.url}/")
    assert menu.locator("[aria-current]").count() == 0
    page.goto(f"{live_server.url}/arrangementer/")
    assert menu.locator("[aria-current]").count() == 1
    assert menu.get_by_role("link", name="Arrangementer").get_attribute("aria-current") == "page"
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    assert menu.get_by_role("link", name="Arrangementer").get_attribute("aria-current") == "true"
    page.goto(f"{live_server.url}/en/tiltak/")
    assert menu.locator("[aria-current]").count() == 1
    assert menu.get_by_role("link", name="Measures").get_attribute("aria-current") == "page"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_home_heading_breaks_no_word_and_page_does_not_overflow(live_server, page, width, prefix):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}{prefix}/")
    assert page_overflow(page) <= 0
    words = page.locator("main h1").evaluate(WORD_LINES)
    broken = [word for word, lines in words if lines > 1]
    assert not broken, f"split across lines without a hyphen: {broken}"


@pytest.mark.parametrize("width", WIDTHS)
def test_footer_links_have_one_size(live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/")
    sizes = page.locator(".site-footer a").evaluate_all("links => links.map(a => getComputedStyle(a).fontSize)")
    assert len(sizes) >= 4 and len(set(sizes)) == 1, sizes


@pytest.mark.parametrize("width", WIDTHS)
def test_programme_table_last_column_is_reachable_by_keyboard(live_server, page, axe, width):
    event = EventFactory(title="Programtest", slug="programtest")
    for title, speaker in [
        ("Kartlegging og problemanalyse i kommunen", "Forebyggingskoordinator Kari Eksempelsen"),
        ("Fra handlingsplan til tiltak", "Erfaren koordinator (demo)"),
    ]:
        SessionFactory(event=event, title=title, speaker=speaker)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/arrangementer/programtest/")
    assert page_overflow(page) <= 0
    region = page.get_by_role("region", name="Program for Programtest")
    assert region.count() == 1
    # Keyboard users reach the scroll box with Tab and scroll it with the arrow keys.
    for _ in range(60):
        page.keyboard.press("Tab")
        if region.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("the programme's scroll box never took focus")
    for _ in range(30):
        page.keyboard.press("ArrowRight")
    # Keyboard scrolling may be smooth: wait until the box has come to rest at its right end.
    region.evaluate(
        "el => new Promise(done => { let last = -1; const tick = () => { if (el.scrollLeft === last) done();"
        " else { last = el.scrollLeft; setTimeout(tick, 100); } }; setTimeout(tick, 100); })"
    )
    box = region.bounding_box()
    last = page.locator(".programme-table th").last.bounding_box()
    assert box["x"] + box["width"] <= width
    assert last["x"] + last["width"] <= box["x"] + box["width"] + 1, "last column cut off"
    assert last["x"] >= box["x"] - 1
    axe(page)
