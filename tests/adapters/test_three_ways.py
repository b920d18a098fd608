"""The seed library built the three ways the Makefile offers, read back as a reader gets it: MkDocs
1.6 with the hook (`make site`), ProperDocs with the same hook (`make site-properdocs`) and Zensical
from `posebook generate` output (`make site-zensical`). The same pages, and on each page the same
article: text, step anchors, cautions, figures, card links, JSON-LD and glossary tooltips. What the
tools do differently is listed in DIFFERENCES with the reason; the theme around the article
(navigation, header, footer, scripts) is not compared. And a site built without posebook says so."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import build, build_with_zensical, build_without_posebook

from conftest import ROOT, write_library
from posebook.build import build as posebook_build

WAYS = ("mkdocs", "properdocs", "zensical")

# Every difference between the three sites that the comparison leaves out, and why. Each one is
# checked to be real below, so the list cannot outlive the difference.
DIFFERENCES = {
    "theme assets": "each tool ships its own build of Material's CSS and JavaScript under assets/ (Zensical: "
    "classic/ and modern/ stylesheets, no lunr language files), with other file names",
    "search index": "MkDocs and ProperDocs write Material's lunr index, search/search_index.json; Zensical writes "
    "search.json for its own search engine: the same pages and sections are indexed, in another format",
    "sitemap": "Zensical writes no sitemap.xml.gz and no <lastmod> dates, and lists the pages in another order: the "
    "sitemaps are compared as sets of addresses",
    "generator": "<meta name=generator> names the tool that built the page",
    "skip anchor": "the skip link of Material's template jumps to the page's first heading; Zensical's jumps to an "
    'anchor, <a id="__skip">, that its template puts at the top of the article',
}
SEARCH_INDEXES = {
    "mkdocs": "search/search_index.json",
    "properdocs": "search/search_index.json",
    "zensical": "search.json",
}
OWN_ASSETS = ("assets/stylesheets/posebook.css",)  # copied from docs/: compared byte for byte


def is_theme_asset(rel: str) -> bool:
    return rel.startswith("assets/") and rel not in OWN_ASSETS


def is_left_out(rel: str) -> bool:
    return is_theme_asset(rel) or rel in SEARCH_INDEXES.values() or rel.startswith("sitemap.xml")


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    # One project folder, so the three builds share the card cache: each card is rendered once.
    project = tmp_path_factory.mktemp("three-ways")
    built = {
        "mkdocs": build(project, ROOT / "docs", project / "mkdocs"),
        "properdocs": build(project, ROOT / "docs", project / "properdocs", tool="properdocs"),
        "zensical": build_with_zensical(project, ROOT / "docs", project / "zensical"),
    }
    for way, result in built.items():
        assert result.returncode == 0, (way, result.stdout, result.stderr)
        assert "WARNING" not in result.stderr, (way, result.stderr)
    return {"mkdocs": project / "mkdocs", "properdocs": project / "properdocs", "zensical": project / "zensical/site"}


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def html_pages(site: Path) -> list[str]:
    return sorted(rel for rel in files(site) if rel.endswith(".html") and rel != "404.html")


def soup_of(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def article_of(soup: BeautifulSoup):
    """The page's article, less the listed difference the theme makes inside it."""
    article = soup.find("article")
    for anchor in article.find_all("a", id="__skip", recursive=False):
        if isinstance(anchor.next_sibling, str) and not anchor.next_sibling.strip():
            anchor.next_sibling.extract()  # the line break after it
        anchor.decompose()
    return article


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def reader_facts(site: Path, rel: str) -> dict:
    """What a reader gets from one page, each fact on its own so that a difference names itself."""
    soup = soup_of(site, rel)
    article = article_of(soup)
    meta = soup.find("meta", attrs={"name": "description"})
    canonical = soup.find("link", rel="canonical")
    return {
        "lang": soup.html.get("lang"),
        "title": soup.title.get_text() if soup.title else None,
        "description": meta["content"] if meta else None,
        "canonical": canonical["href"] if canonical else None,
        "text": words(article),
        "headings": [(h.name, h.get("id"), words(h)) for h in article.find_all(re.compile(r"^h[1-6]$"))],
        "step anchors": [h["id"] for h in article.find_all(id=re.compile(r"^step-"))],
        "cautions": [(box.get("class"), words(box)) for box in article.select(".admonition")],
        "figures": [
            (
                img.get("src"),
                img.get("alt") or img.get("aria-label"),
                img.get("width") or img.get("viewbox"),
                img.get("height") or img.get("style"),
                words(img.find_parent("figure")) if img.find_parent("figure") else None,
            )
            for img in article.select("img, svg.pb-drawing")
        ],
        "card links": [(a.get("href"), a.get("type"), words(a)) for a in article.select("a[type='application/pdf']")],
        "json-ld": [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")],
        "tooltips": [(words(abbr), abbr.get("title"), abbr.get("tabindex")) for abbr in article.find_all("abbr")],
        "links": [a.get("href") for a in article.find_all("a")],
        "built without posebook notice": len(soup.select(".pb-unbuilt")),
        "article markup": str(article),
    }


def page_file(rel: str) -> str:
    """The HTML file of a page: poses/rest.md -> poses/rest/index.html, poses/index.md -> poses/index.html."""
    folder = rel.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{folder}/index.html" if folder else "index.html"


def test_the_same_pages_and_files(sites):
    expected = {page_file(rel) for rel in posebook_build(ROOT / "mkdocs.yml", cards=None).pages}
    kept = {way: {rel for rel in files(site) if not is_left_out(rel)} for way, site in sites.items()}
    assert set(html_pages(sites["mkdocs"])) == expected
    assert kept["properdocs"] == kept["mkdocs"]
    assert kept["zensical"] == kept["mkdocs"]
    for rel in sorted(kept["mkdocs"]):
        if not rel.endswith(".html"):  # figures, cards, posebook's stylesheet: the very same bytes
            content = (sites["mkdocs"] / rel).read_bytes()
            assert (sites["properdocs"] / rel).read_bytes() == content, rel
            assert (sites["zensical"] / rel).read_bytes() == content, rel
    assert any(rel.startswith("cards/") for rel in kept["mkdocs"])
    assert any(rel.startswith("figures/") for rel in kept["mkdocs"])


def test_each_page_gives_a_reader_the_same_article(sites):
    differences = {}
    for rel in html_pages(sites["mkdocs"]):
        expected = reader_facts(sites["mkdocs"], rel)
        for way in ("properdocs", "zensical"):
            got = reader_facts(sites[way], rel)
            for fact, value in expected.items():
                if got[fact] != value:
                    differences[way, rel, fact] = (value, got[fact])
    assert differences == {}, next(iter(differences.items()))


def test_the_compared_facts_are_there_to_compare(sites):
    """The comparison above means something only if the pages carry what it compares."""
    site = sites["mkdocs"]
    sequence = reader_facts(site, "sequences/iliopsoas-release/index.html")
    assert len(sequence["step anchors"]) == 8
    assert len(sequence["card links"]) == 4  # the class card and the take-home sheet, A4 and Letter
    assert [data["@type"] for data in sequence["json-ld"]] == ["HowTo"]
    assert sequence["tooltips"] and all(title for _, title, _ in sequence["tooltips"])
    assert sequence["figures"] and all(alt for _, alt, *_ in sequence["figures"])
    assert len(reader_facts(site, "poses/iliopsoas-self-massage/index.html")["cautions"]) == 11
    assert all(reader_facts(site, rel)["built without posebook notice"] == 0 for rel in html_pages(site))


def test_the_sitemaps_and_search_indexes_list_the_same_pages(sites):
    def addresses(site: Path) -> set[str]:
        tree = ET.parse(site / "sitemap.xml")
        return {e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}

    def indexed(way: str) -> set[str]:
        index = json.loads((sites[way] / SEARCH_INDEXES[way]).read_text(encoding="utf-8"))
        return {entry["location"] for entry in index.get("docs", index.get("items", []))}

    assert len(addresses(sites["mkdocs"])) == len(html_pages(sites["mkdocs"]))
    assert addresses(sites["properdocs"]) == addresses(sites["zensical"]) == addresses(sites["mkdocs"])
    assert "sequences/iliopsoas-release/#step-7-iliopsoas-self-massage" in indexed("mkdocs")
    assert indexed("properdocs") == indexed("zensical") == indexed("mkdocs")


def test_the_listed_differences_are_real(sites):
    mkdocs, properdocs, zensical = (sites[way] for way in WAYS)
    found = set()
    if {rel for rel in files(mkdocs) if is_theme_asset(rel)} != {rel for rel in files(zensical) if is_theme_asset(rel)}:
        found.add("theme assets")
    if not (zensical / "search/search_index.json").exists() and (mkdocs / "search/search_index.json").exists():
        found.add("search index")
    if (mkdocs / "sitemap.xml.gz").exists() and not (zensical / "sitemap.xml.gz").exists():
        found.add("sitemap")

    def generator(site: Path) -> str:
        return soup_of(site, "index.html").find("meta", attrs={"name": "generator"})["content"]

    if len({generator(mkdocs), generator(properdocs), generator(zensical)}) == 3:
        found.add("generator")
    if soup_of(zensical, "index.html").find("article").find("a", id="__skip"):
        found.add("skip anchor")
    assert found == set(DIFFERENCES)


def test_a_heading_that_looks_like_markup_stays_text_in_the_title_all_three_ways(tmp_path):
    """The title block of overrides/main.html, rendered by Jinja (MkDocs, ProperDocs) and MiniJinja (Zensical)."""
    docs = write_library(tmp_path, {"notes.md": "# &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n\nNotes.\n"})
    results = {
        "mkdocs": (build(tmp_path, docs, tmp_path / "mkdocs"), tmp_path / "mkdocs"),
        "properdocs": (build(tmp_path, docs, tmp_path / "properdocs", tool="properdocs"), tmp_path / "properdocs"),
        "zensical": (build_with_zensical(tmp_path, docs, tmp_path / "zensical"), tmp_path / "zensical/site"),
    }
    titles = {}
    for way, (result, site) in results.items():
        assert result.returncode == 0, (way, result.stderr)
        html = (site / "notes/index.html").read_text(encoding="utf-8")
        assert "</title><script>" not in html, way
        titles[way] = BeautifulSoup(html, "html.parser").title.get_text()
    assert titles["mkdocs"].startswith("</title><script>alert(1)</script>")
    assert titles["properdocs"] == titles["zensical"] == titles["mkdocs"]


# --- a site built without posebook --------------------------------------------------------


@pytest.mark.parametrize("tool", ["mkdocs", "zensical"])
def test_every_page_built_without_posebook_says_so(tool, tmp_path):
    result, site = build_without_posebook(tmp_path, ROOT / "docs", tool)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = html_pages(site)
    assert len(pages) == len(list((ROOT / "docs").rglob("*.md")))
    for rel in pages:
        soup = soup_of(site, rel)
        notice = soup.select_one("article > section.pb-unbuilt")
        assert notice is not None, rel
        # A region landmark named by its own title, first in the article, before the page's heading.
        title = notice.find(id=notice["aria-labelledby"])
        assert words(title) == "Built without posebook: this page is incomplete", rel
        assert notice.find_next("h1") is not None and notice.find_previous("h1") is None, rel
        text = words(notice)
        assert "cautions" in text and "posebook generate OUT/" in text and "make site" in text, rel
