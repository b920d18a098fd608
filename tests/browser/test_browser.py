"""The built site in a real browser: axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules on
every page in light and dark palettes, keyboard use, search, tooltips, print links, print media,
a phone-width viewport, and no request to any host but the site's own."""

import xml.etree.ElementTree as ET

import pytest
from axe_playwright_python.sync_playwright import Axe
from sitebuild import build

from browser import chromium, guard, served
from conftest import ROOT

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SITE_URL = "https://posebook.example.org/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("browser")
    result = build(project, ROOT / "docs", project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def base(site):
    yield from served(site)


@pytest.fixture(scope="module")
def browser():
    with chromium() as opened:
        yield opened


@pytest.fixture(scope="module")
def urls(site, base):
    tree = ET.parse(site / "sitemap.xml")
    locations = [e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locations) > 30
    return [base + loc.removeprefix(SITE_URL) for loc in locations]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page_and_nothing_leaves_localhost(browser, base, urls, scheme):
    context = browser.new_context(color_scheme=scheme)
    outside: list[str] = []
    guard(context, base, outside)
    page = context.new_page()
    axe = Axe()
    violations = {}
    for url in urls:
        page.goto(url, wait_until="load")
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]
        if found:
            violations[url.removeprefix(base)] = found
        # Structure every page needs, as the browser sees it.
        assert page.locator("html").get_attribute("lang") == "en", url
        assert page.locator("article h1").count() == 1, url
        assert page.title().strip(), url
        assert page.locator('meta[name="description"]').get_attribute("content").strip(), url
    context.close()
    assert violations == {}
    assert outside == []


def test_no_page_scrolls_sideways_on_a_phone(browser, base, urls):
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, device_scale_factor=1, is_mobile=True, has_touch=True
    )
    outside: list[str] = []
    guard(context, base, outside)
    page = context.new_page()
    wide = {}
    for url in urls:
        page.goto(url, wait_until="load")
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide[url.removeprefix(base)] = (scroll, client)
    context.close()
    assert wide == {}
    assert outside == []


def test_keyboard_skip_link_visible_focus_and_search(browser, base):
    page = browser.new_page()
    page.goto(base + "poses/low-lunge-side-bend/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({cls: document.activeElement.className, text: document.activeElement.textContent.trim(),"
        " outline: getComputedStyle(document.activeElement).outlineStyle,"
        " visible: document.activeElement.getBoundingClientRect().height > 0})"
    )
    assert "md-skip" in focused["cls"] and focused["text"] == "Skip to content"
    assert focused["visible"] and focused["outline"] != "none"
    page.keyboard.press("Enter")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Search"
    page.close()


@pytest.mark.parametrize("query,expected", [("lunge", "Low Lunge"), ("strap", "Strap")])
def test_search_finds(browser, base, query, expected):
    page = browser.new_page()
    page.goto(base)
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    titles = page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()
    assert any(expected in title for title in titles), titles
    page.close()


def test_print_links_fetch_pdfs(browser, base):
    page = browser.new_page()
    page.goto(base + "sequences/iliopsoas-release/")
    links = page.locator(".pb-facts-line a[type='application/pdf']")
    assert links.count() == 4  # the class card and the take-home sheet, each in A4 and Letter
    for i in range(4):
        href = links.nth(i).get_attribute("href")
        response = page.request.get(page.url + href if not href.startswith("http") else href)
        assert response.status == 200
        assert response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF-")
    page.close()


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_glossary_tooltip(browser, base, how):
    page = browser.new_page()
    page.goto(base + "sequences/iliopsoas-release/")
    term = page.locator("article abbr[tabindex]").first
    definition = term.get_attribute("title") or ""
    term.hover() if how == "hover" else term.focus()
    tooltip = page.locator(".md-tooltip2, [role=tooltip]").first
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text().strip()[:40] in definition or definition == ""
    page.close()


def test_printing_a_pose_page_hides_navigation_and_keeps_steps_and_cautions(browser, base):
    page = browser.new_page()
    page.goto(base + "poses/iliopsoas-self-massage/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
        '.md-search'].map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert hidden and all(display == "none" for display in hidden)
    assert page.locator("article ol li").first.is_visible()
    cautions = page.locator("article .admonition")
    assert cautions.count() == 11 and all(cautions.nth(i).is_visible() for i in range(cautions.count()))
    border = page.evaluate("getComputedStyle(document.querySelector('article .admonition')).borderTopStyle")
    assert border == "solid"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    page.close()


# --- a sequence a student can follow -------------------------------------------------------------


@pytest.mark.parametrize("width,height,screens", [(390, 844, 1.5), (1280, 900, 1.0)])
def test_step_one_starts_within_reach(browser, base, width, height, screens):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(base + "sequences/iliopsoas-release/")
    top = page.evaluate("document.getElementById('step-1-diaphragmatic-breathing').getBoundingClientRect().top")
    assert top + 40 <= screens * height, f"step 1's heading ends {top + 40:.0f} px down; {screens * height:.0f} allowed"
    context.close()


def figure_widths(page) -> list[dict]:
    return page.evaluate("""[...document.querySelectorAll('.pb-step-figures svg.pb-drawing')].map(svg => ({
        label: svg.getAttribute('aria-label'), width: svg.getBoundingClientRect().width,
        cm: parseFloat(svg.style.getPropertyValue('--w')),
        column: svg.closest('.md-content__inner').getBoundingClientRect().width}))""")


def test_step_figures_share_one_scale_and_a_lying_figure_is_large(browser, base):
    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(base + "sequences/iliopsoas-release/")
        figures = figure_widths(page)
        assert len(figures) >= 8
        scales = {round(f["width"] / f["cm"], 2) for f in figures if f["width"] < f["column"] - 1}
        assert len(scales) == 1, scales  # one centimetre of body is drawn the same length everywhere
        lying = [f for f in figures if f["label"].startswith("Lying") and f["cm"] > 150]
        assert lying
        if width == 1280:
            assert min(f["width"] for f in lying) >= 280
        else:
            assert min(f["width"] / (f["column"] - 32) for f in lying) >= 0.9  # the width of the phone
        context.close()


def test_figures_follow_the_dark_palette(browser, base):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(base + "sequences/iliopsoas-release/")
        colours[scheme] = page.evaluate("""(() => {
            const svg = document.querySelector('.pb-step-figures svg');
            const ink = svg.querySelector('.pb-ink[fill]');
            return {ink: getComputedStyle(ink).fill, back: getComputedStyle(svg).backgroundColor,
                    page: getComputedStyle(document.body).backgroundColor};
        })()""")
        context.close()
    assert colours["light"]["ink"] != colours["dark"]["ink"]
    # Ink as dark as the text in light, as light as the text in dark: readable on the page either way.
    assert colours["light"]["ink"] != "rgb(255, 255, 255)" and colours["dark"]["ink"] != "rgb(0, 0, 0)"
    for scheme in ("light", "dark"):
        assert colours[scheme]["back"] in ("rgba(0, 0, 0, 0)", "transparent"), colours[scheme]


def test_a_pose_page_shows_one_side_and_switches_to_the_other(browser, base):
    page = browser.new_page()
    page.goto(base + "poses/supported-bridge-variations/")

    def visible() -> list[str]:
        return page.locator(".tabbed-block svg.pb-drawing").evaluate_all(
            "svgs => svgs.filter(s => s.getBoundingClientRect().width > 0).map(s => s.getAttribute('aria-label'))"
        )

    right = visible()
    assert right and all("right" in label for label in right if "right" in label or "left" in label)
    page.get_by_text("Left side", exact=True).click()
    left = visible()
    assert left and left != right
    page.close()


def test_the_footer_of_a_sequences_poses_follows_class_order(browser, base):
    page = browser.new_page()
    page.goto(base + "poses/supported-bridge-variations/")
    nxt = page.locator(".md-footer__link--next").get_attribute("href")
    previous = page.locator(".md-footer__link--prev").get_attribute("href")
    assert nxt.rstrip("/").endswith("side-lying-iliopsoas-stretch")
    assert previous.rstrip("/").endswith("supine-knee-to-chest")
    bar = page.locator(".pb-step-nav").inner_text()
    assert "step 3 of 8" in bar
    page.goto(base + "sequences/iliopsoas-release/")
    assert page.locator(".md-footer__link--next").get_attribute("href").rstrip("/").endswith("diaphragmatic-breathing")
    page.close()
