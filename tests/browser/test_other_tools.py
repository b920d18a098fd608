"""The sites the other tools build, in a real browser: Zensical's build of `posebook generate`
output (`make site-zensical`) passes axe-core's WCAG 2.2 AA rules and shows the glossary tooltips,
and the notice on a site built without posebook passes them too. Its articles are the MkDocs
site's (tests/adapters/test_three_ways.py), which test_browser.py checks page by page; here a page
of each kind checks Zensical's theme around them."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from sitebuild import build_with_zensical, build_without_posebook

from browser import chromium, guard, served
from conftest import ROOT

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# One page of each kind: home, a generated index, a pose, a prop, the sequence, glossary, cautions.
PAGES = ["", "poses/", "poses/iliopsoas-self-massage/", "props/strap/", "sequences/iliopsoas-release/", "glossary/"]
PAGES += ["cautions/"]


@pytest.fixture(scope="module")
def browser():
    with chromium() as opened:
        yield opened


@pytest.fixture(scope="module")
def zensical(tmp_path_factory):
    project = tmp_path_factory.mktemp("zensical")
    result = build_with_zensical(project, ROOT / "docs", project / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    yield from served(project / "out/site")


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def unbuilt(request, tmp_path_factory):
    result, site = build_without_posebook(tmp_path_factory.mktemp("unbuilt"), ROOT / "docs", request.param)
    assert result.returncode == 0, result.stdout + result.stderr
    yield from served(site)


def axe_violations(browser, base: str, pages: list[str], scheme: str) -> tuple[dict, list[str]]:
    context = browser.new_context(color_scheme=scheme)
    outside: list[str] = []
    guard(context, base, outside)
    page = context.new_page()
    axe = Axe()
    violations = {}
    for path in pages:
        page.goto(base + path, wait_until="load")
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]
        if found:
            violations[path] = found
        assert page.locator("article h1").count() == 1, path
    context.close()
    return violations, outside


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_zensical_site(browser, zensical, scheme):
    assert axe_violations(browser, zensical, PAGES, scheme) == ({}, [])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_built_without_posebook_notice_passes_axe(browser, unbuilt, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(unbuilt + "poses/low-lunge/", wait_until="load")
    notice = page.get_by_role("region", name="Built without posebook: this page is incomplete")
    assert notice.is_visible()
    context.close()
    assert axe_violations(browser, unbuilt, ["poses/low-lunge/"], scheme) == ({}, [])


def test_glossary_tooltip_on_the_zensical_site(browser, zensical):
    page = browser.new_page()
    page.goto(zensical + "sequences/iliopsoas-release/")
    term = page.locator("article abbr[tabindex]").first
    definition = term.get_attribute("title")
    term.focus()
    tooltip = page.locator(".md-tooltip2, [role=tooltip]").first
    tooltip.wait_for(state="visible", timeout=5_000)
    assert definition and tooltip.inner_text().strip()[:40] in definition
    page.close()
