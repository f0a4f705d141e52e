"""Accessibility and language sweep of a running SLT-portalen (a script, not a test).

Crawls the site in bokmål, nynorsk and English as an anonymous visitor, as the demo coordinator
and as the demo Sfk admin, and on every HTML page:

- runs axe (axe-playwright-python, bundled axe-core; WCAG 2.1 A/AA rules),
- checks exactly one <h1> and <html lang> = the language of the URL,
- checks that nothing scrolls horizontally at a 320 px wide viewport (WCAG 1.4.10 reflow),
- lists requests to other hosts (the portal must load nothing from elsewhere),
- on /nn/ and /en/ pages, lists text in the page's own language that contains typical bokmål
  words (text inside an element with another `lang`, e.g. user content marked lang="nb", is skipped).

Usage (with the demo data loaded, see `make demo`):

    DEBUG=1 python manage.py runserver 127.0.0.1:8044 &
    python bench/a11y_crawl.py --base http://127.0.0.1:8044 --out /tmp/a11y.json

Pages are grouped by URL pattern (numbers and the last slug replaced by *) and at most
--per-pattern pages of each pattern are visited, so the 168 demo measures do not all get crawled.
Exit status 1 when any problem was found.
"""

import argparse
import json
import re
import sys
from collections import defaultdict
from urllib.parse import urldefrag, urljoin, urlparse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

DEMO_PASSWORD = "demo-slt-2026"
ROLES = {
    "anonymous": None,
    "coordinator": "koordinator@example.no",
    "admin": "sfk-admin@example.no",
}
LANGS = {"nb": "/", "nn": "/nn/", "en": "/en/"}
SKIP = re.compile(
    r"/(admin|static|media)/|logg-ut|/last-ned|/download|\.(ics|xml|csv|xlsx|pdf)(\?|$)|/ical|/rss|/feed"
    r"|/omslag|/cover|/eksport|/export|/healthz|[?&]format="
)
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}

# Words that are bokmål (not nynorsk resp. not English). Whole-word, case-insensitive.
BOKMAL_NOT_NN = {
    "ikke",
    "hva",
    "hvor",
    "hvordan",
    "hvilke",
    "hvilken",
    "hvem",
    "fra",
    "mer",
    "noen",
    "jeg",
    "ble",
    "en",
    "et",
    "kommuner",
    "tjenester",
    "koordinatorer",
    "opplysninger",
    "dager",
    "siden",
    "bruker",
    "endringer",
    "arrangementer",
    "påmeldinger",
    "dokumenter",
    "nyheter",
    "sider",
    "skjemaet",
    "eller?",
    "søkeord",
    "oppføringer",
    "enheter",
    "innlegg",
    "tilbakemelding",
    "melding",
    "tiltakene",
}
BOKMAL_NOT_EN = {
    "ikke",
    "og",
    "eller",
    "med",
    "fra",
    "på",
    "av",
    "er",
    "det",
    "som",
    "har",
    "skal",
    "kan",
    "ingen",
    "alle",
    "søk",
    "lagre",
    "tilbake",
    "side",
    "sider",
    "ny",
    "nytt",
    "endre",
    "slett",
    "vis",
    "mer",
    "hva",
    "hvor",
    "til",
    "januar",
    "februar",
    "mars",
    "mai",
    "juni",
    "juli",
    "oktober",
    "desember",
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "kl",
    "aktiv",
    "avsluttet",
    "publisert",
    "utkast",
    "påmeldt",
    "venteliste",
    "avlyst",
    "ja",
    "nei",
    "velg",
    "dato",
    "tittel",
    "beskrivelse",
    "felt",
    "obligatorisk",
}
BOKMAL_NOT_NN.discard("eller?")
# Proper names that contain such words.
NAMES = re.compile(r"Møre og Romsdal|Troms og Finnmark|Sogn og Fjordane|Sekretariatet for konfliktrådene|example\.no")

TEXT_JS = """
(lang) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest('script,style,noscript,[hidden],[aria-hidden=true]')) continue;
    const langEl = el.closest('[lang]');
    if (langEl && langEl.getAttribute('lang') !== lang) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text.length < 2) continue;
    let path = el.tagName.toLowerCase();
    if (el.id) path += '#' + el.id;
    else if (el.className && typeof el.className === 'string') path += '.' + el.className.split(' ')[0];
    out.push([path, text]);
  }
  // Attributes a screen reader reads out.
  for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],img[alt],input[value][type=submit]')) {
    const langEl = el.closest('[lang]');
    if (langEl && langEl.getAttribute('lang') !== lang) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
      const v = el.getAttribute(a);
      if (v && v.trim().length > 1) out.push([el.tagName.toLowerCase() + '@' + a, v.trim()]);
    }
  }
  return out;
}
"""

OVERFLOW_JS = """
() => {
  const doc = document.documentElement;
  if (doc.scrollWidth <= doc.clientWidth + 1) return null;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > doc.clientWidth + 1 && r.width > 0 && !el.closest('.table-wrap, pre')) {
      const cls = el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '';
      wide.push(el.tagName.toLowerCase() + cls);
      if (wide.length > 5) break;
    }
  }
  return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, elements: wide};
}
"""


# Second path segments that are pages of their own, not the slug of an object.
LITERALS = {
    "ny",
    "mine",
    "tidligere",
    "opptak",
    "administrer",
    "meldinger",
    "passord",
    "mine-data",
    "slt-enheter",
    "ikke-bekreftet",
    "logg-inn",
}


def pattern_of(path: str) -> str:
    """/tiltak/12-foo/ -> /tiltak/*, /arrangementer/x/opptak/ -> /arrangementer/*/opptak."""
    parts = [p for p in path.split("/") if p]
    if parts and parts[0] in ("nn", "en"):
        parts = parts[1:]
    out = []
    for index, part in enumerate(parts):
        variable = any(c.isdigit() for c in part) or (index == 1 and part not in LITERALS)
        out.append("*" if variable else part)
    return "/" + "/".join(out)


def in_language(path: str, lang: str) -> bool:
    if lang == "nb":
        return not (path.startswith("/nn/") or path.startswith("/en/"))
    return path.startswith(LANGS[lang])


def bokmal_hits(texts, lang):
    words = BOKMAL_NOT_NN if lang == "nn" else BOKMAL_NOT_EN
    hits = []
    for where, text in texts:
        text = NAMES.sub("", text)
        found = sorted({w for w in re.findall(r"[\wæøåÆØÅ]+", text.lower()) if w in words})
        # One Norwegian word inside an English sentence can be a name; flag text where
        # Norwegian words dominate or a short label that is entirely Norwegian.
        tokens = re.findall(r"[\wæøåÆØÅ]+", text.lower())
        if not found or not tokens:
            continue
        if lang == "en" and len(found) < 2 and len(tokens) > 3:
            continue
        hits.append({"where": where, "text": text[:160], "words": found})
    return hits


def login(page, base, email):
    page.goto(base + "/konto/logg-inn/")
    page.fill("input[name=username], input[type=email]", email)
    page.fill("input[type=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit], main form button").first.click()
    page.wait_for_load_state()
    if "/logg-inn/" in page.url:
        raise SystemExit(f"Login failed for {email}")


def crawl(page, base, lang, per_pattern, max_pages, axe, role, extra_starts=()):
    host = urlparse(base).netloc
    start = [LANGS[lang]] + [(LANGS[lang].rstrip("/") + s) for s in extra_starts]
    queue, seen, per = list(start), set(), defaultdict(int)
    priority = set(start)  # header/footer/account-page links: always visited
    results = []
    foreign = set()

    def on_request(request):
        netloc = urlparse(request.url).netloc
        if netloc and netloc != host and not request.url.startswith("data:"):
            foreign.add(request.url)

    page.on("request", on_request)
    while queue and len(results) < max_pages:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        pattern = pattern_of(urlparse(path).path)
        if per[pattern] >= per_pattern:
            continue
        if path not in priority:
            per[pattern] += 1
        try:
            response = page.goto(base + path)
        except Exception as exc:  # downloads etc.
            results.append({"path": path, "role": role, "lang": lang, "error": str(exc)[:200]})
            continue
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        final = urlparse(page.url)
        record = {"path": path, "status": response.status, "role": role, "lang": lang}
        if final.path != urlparse(path).path:
            record["redirected_to"] = final.path
        if final.netloc != host or not in_language(final.path, lang):
            results.append(record)
            continue
        record["h1"] = page.locator("h1").count()
        record["html_lang"] = page.locator("html").get_attribute("lang")
        axe_result = axe.run(page, options=AXE_OPTIONS)
        record["axe"] = [
            {
                "id": v["id"],
                "impact": v.get("impact"),
                "nodes": [n["target"] for n in v["nodes"][:5]],
                "help": v["help"],
            }
            for v in axe_result.response["violations"]
        ]
        if lang != "nb":
            record["bokmal"] = bokmal_hits(page.evaluate(TEXT_JS, lang), lang)
        page.set_viewport_size({"width": 320, "height": 800})
        page.wait_for_timeout(50)
        record["overflow_320"] = page.evaluate(OVERFLOW_JS)
        page.set_viewport_size({"width": 1280, "height": 900})
        results.append(record)
        problems = problems_of(record)
        if problems:
            print(f"\n[{role}/{lang}] {path}\n" + "\n".join(f"  - {p}" for p in problems), flush=True)
        links = page.eval_on_selector_all(
            "a[href]",
            "els => els.map(e => [e.getAttribute('href'), !!e.closest('header, footer, nav:not(.ds-pagination)')])",
        )
        from_account = urlparse(path).path.rstrip("/").endswith("/konto")
        for href, in_chrome in links:
            url = urldefrag(urljoin(page.url, href))[0]
            parsed = urlparse(url)
            if parsed.netloc != host or not parsed.path or SKIP.search(f"{parsed.path}?{parsed.query}"):
                continue
            if not in_language(parsed.path, lang):
                continue
            # Keep one query variant per pattern (filters, pagination).
            target = parsed.path + (("?" + parsed.query) if parsed.query and per[pattern] < 2 else "")
            if target not in seen:
                if in_chrome or from_account:
                    priority.add(target)
                queue.append(target)
    page.remove_listener("request", on_request)
    return results, sorted(foreign)


def problems_of(record):
    problems = []
    if "error" in record:
        return [f"error: {record['error']}"]
    if record.get("status", 200) >= 400:
        problems.append(f"status {record['status']}")
    if "h1" in record and record["h1"] != 1:
        problems.append(f"{record['h1']} h1")
    if "html_lang" in record and record["html_lang"] != record["lang"]:
        problems.append(f"html lang={record['html_lang']}")
    for v in record.get("axe", []):
        problems.append(f"axe {v['id']} ({v['impact']}): {v['nodes']}")
    if record.get("overflow_320"):
        problems.append(f"horizontal scroll at 320px: {record['overflow_320']}")
    for hit in record.get("bokmal", []):
        problems.append(f"bokmål? {hit['where']}: {hit['text']!r} {hit['words']}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8044")
    parser.add_argument("--roles", default=",".join(ROLES))
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--per-pattern", type=int, default=2)
    parser.add_argument("--max-pages", type=int, default=150, help="per role and language")
    parser.add_argument("--out", default="/tmp/a11y_crawl.json")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    axe = Axe()
    report = {"pages": [], "foreign_requests": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        for role in args.roles.split(","):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            if ROLES[role]:
                login(page, args.base, ROLES[role])
            extra = ("/konto/",) if ROLES[role] else ()
            for lang in args.langs.split(","):
                results, foreign = crawl(page, args.base, lang, args.per_pattern, args.max_pages, axe, role, extra)
                report["pages"].extend(results)
                report["foreign_requests"].extend(foreign)
                bad = [r for r in results if problems_of(r)]
                print(f"{role:12} {lang}: {len(results)} pages, {len(bad)} with problems", flush=True)
            context.close()
        browser.close()

    total = sum(1 for record in report["pages"] if problems_of(record))
    if report["foreign_requests"]:
        print("\nRequests to other hosts:")
        for url in sorted(set(report["foreign_requests"])):
            print(f"  - {url}")
    with open(args.out, "w") as fh:
        json.dump(report, fh, ensure_ascii=False, indent=1)
    print(f"\n{len(report['pages'])} pages, {total} with problems; details in {args.out}")
    sys.exit(1 if total or report["foreign_requests"] else 0)


if __name__ == "__main__":
    main()
