"""The website built by MkDocs with the posebook hook, read back as HTML."""

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from sitebuild import build

from conftest import ROOT, SUBPROCESS_ENV, views_of, write_library
from posebook.read import load_library
from posebook.views import step_anchor


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("real")
    result = build(project, ROOT / "docs", project / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def article(site: Path, page: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.find("article")


def test_sequence_page_lists_the_steps_in_order_with_anchors(site):
    page = article(site, "sequences/iliopsoas-release")
    steps = page.select("h2[id^=step-]")
    assert [h["id"] for h in steps] == [
        "step-1-diaphragmatic-breathing",
        "step-2-supine-knee-to-chest",
        "step-3-supported-bridge-variations",
        "step-4-side-lying-iliopsoas-stretch",
        "step-5-low-lunge-side-bend",
        "step-6-warrior-one-side-bend",
        "step-7-iliopsoas-self-massage",
        "step-8-pelvic-tilts-prone-savasana",
    ]
    assert steps[7].find(attrs={"lang": "sa-Latn"}).get_text() == "Śavāsana"
    text = page.get_text(" ", strip=True)
    assert "not a substitute for personal advice" in text
    assert "Adapted from “8 Poses for Iliopsoas Release” by Amber Burke and Bill Reif (Yoga International)." in text


def test_pose_page_shows_cautions_before_the_instructions(site):
    page = article(site, "poses/iliopsoas-self-massage")
    admonitions = page.select(".admonition")
    assert len(admonitions) == 11
    assert admonitions[-1].find_next("h2").get_text(strip=True).startswith("Set up")
    # Stop signs first, each with its icon's class and its word.
    looks = [next(c for c in a["class"] if c.startswith("pb-")) for a in admonitions]
    assert looks == sorted(looks, key=["pb-stop", "pb-professional", "pb-skip", "pb-modify", "pb-care"].index)
    stop = [a for a in admonitions if "pb-stop" in a["class"] and "pulse" in a.get_text()]
    assert stop and stop[0].select_one(".admonition-title").get_text().startswith("Stop:")
    used_in = next(h for h in page.find_all("h2") if h.get_text().startswith("Used in"))
    link = used_in.find_next("li").find("a")
    assert link["href"] == "../../sequences/iliopsoas-release/#step-7-iliopsoas-self-massage"


def test_glossary_terms_become_tooltips_on_their_first_use_only(site):
    page = article(site, "sequences/iliopsoas-release")
    terms = page.find_all("abbr")
    first = page.find("abbr", string="iliopsoas")
    assert first is not None and "hip flexor" in first["title"] and first["tabindex"] == "0"
    # One tooltip per glossary entry on a page, whatever name of it the page uses.
    assert len(terms) == len({abbr["title"] for abbr in terms})
    assert page.get_text().count("iliopsoas") > 20


def test_a_broken_library_stops_the_build_and_leaves_the_last_site(tmp_path):
    docs = write_library(tmp_path, {})
    site = tmp_path / "site"
    assert build(tmp_path, docs, site).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    (docs / "poses" / "rest.md").write_text("---\nname: Rest\nsumary: Lie still.\n---\n")
    result = build(tmp_path, docs, site)
    assert result.returncode == 1
    assert "docs/poses/rest.md:3:1: error: sumary: unknown field 'sumary' (did you mean 'summary'?)" in result.stderr
    assert "Traceback" not in result.stderr
    after = {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert after == before


# --- every generated section and link ----------------------------------------------------


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "docs", display_root=ROOT)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def page_of(site: Path, src_rel: str) -> str:
    """The site folder of a docs/ page: poses/rest.md -> poses/rest, index.md -> ''."""
    stem = src_rel.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index")


def test_every_page_has_one_h1_a_title_a_description_and_lang(site):
    for path in html_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.html.get("lang") == "en", path
        assert len(soup.find("article").find_all("h1")) == 1, path
        assert soup.title.get_text(strip=True), path
        description = soup.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), path


def test_pose_and_sequence_descriptions_come_from_their_summaries(site, library):
    for item in [*library.poses.values(), *library.sequences.values(), *library.props.values()]:
        soup = BeautifulSoup(
            (site / page_of(site, item.src_path) / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        assert soup.find("meta", attrs={"name": "description"})["content"] == " ".join(item.summary.split())


def test_pose_page_header_block(site, library):
    page = article(site, "poses/side-lying-iliopsoas-stretch")
    facts = page.select_one(".pb-facts")
    links = {a.get_text(): a["href"] for a in facts.find_all("a")}
    assert links["Strap"] == "../../props/strap/"
    assert links["Block"] == "../../props/block/"
    assert links["Bolster"] == "../../props/bolster/"
    assert links["iliopsoas"] == "../../muscles/#iliopsoas"
    assert links["quadriceps"] == "../../muscles/#quadriceps"
    text = facts.get_text(" ", strip=True)
    assert "Strap (optional)" in text and "one side, then the other" in text
    sanskrit = article(site, "poses/bridge-pose").select_one(".pb-facts [lang]")
    assert (sanskrit["lang"], sanskrit.get_text()) == ("sa-Latn", "Setu Bandha Sarvāṅgāsana")


def test_pose_page_cautions_are_at_the_top_by_weight(site, library):
    for slug, pose in library.poses.items():
        page = article(site, page_of(site, pose.src_path))
        headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.find_all("h2")]
        admonitions = page.select(".admonition")
        assert len(admonitions) == len(pose.cautions), slug
        if pose.cautions:
            assert headings[0] == "Cautions", slug
            titles = [box.select_one(".admonition-title").get_text(" ", strip=True) for box in admonitions]
            for caution in pose.cautions:
                assert any(" ".join(caution.condition.split()) in title for title in titles), caution.condition


def test_pose_page_used_in_with_previous_and_next(site):
    page = article(site, "poses/supported-bridge-variations")
    used = next(h for h in page.find_all("h2") if h.get_text().startswith("Used in")).find_next("ul")
    item = used.find("li")
    links = [(a.get_text(), a["href"]) for a in item.find_all("a")]
    assert links == [
        ("Iliopsoas Release, step 3 of 8", "../../sequences/iliopsoas-release/#step-3-supported-bridge-variations"),
        ("Supine Knee to Chest", "../supine-knee-to-chest/"),
        ("Side-Lying Iliopsoas Stretch", "../side-lying-iliopsoas-stretch/"),
    ]
    assert "after Supine Knee to Chest, before Side-Lying" in item.get_text()


def test_sequence_page_puts_the_practice_first(site, library):
    sequence = library.sequences["iliopsoas-release"]
    page = article(site, "sequences/iliopsoas-release")
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.find_all("h2")]
    assert headings[0] == "Before you start"
    assert headings[1].startswith("1. Diaphragmatic Breathing")
    assert headings[9:12] == ["Who should skip or modify", "Props by step", "Time"]
    assert headings[-1] == "Source"
    facts = page.select_one(".pb-facts-line").get_text(" ", strip=True)
    assert facts.startswith("About 23 minutes · 8 poses · 3 props")
    before = page.find(id="before-you-start").find_next("h2")
    # Only the cautions of the whole practice come before it; each step carries its own.
    start = page.find(id="before-you-start")
    boxes = []
    for element in start.find_all_next():
        if element is before:
            break
        if element.name == "div" and "admonition" in element.get("class", []):
            boxes.append(element)
    assert len(boxes) == 2  # the overstretched iliopsoas, and the health note
    assert "overstretched" in boxes[0].get_text() and "A health note from posebook" in boxes[1].get_text()
    full = page.find(id="who-should-skip-or-modify")
    groups = [h["id"] for h in full.find_all_next("h3") if h.get("id", "").startswith("caution-")]
    assert groups == [
        "caution-stop",
        "caution-see-a-professional",
        "caution-skip",
        "caution-modify",
        "caution-take-care",
    ]
    lines = [
        li
        for h in full.find_all_next("h3")
        if h.get("id", "").startswith("caution-")
        for li in h.find_next("ul").find_all("li", recursive=False)
    ]
    conditions = [li.strong.get_text() for li in lines]
    assert len(conditions) == len(set(conditions)), "a caution is listed once"
    everything = {(e.caution.condition.rstrip(".") + ".") for e in views_of(library).sequences[sequence.slug].panel}
    assert {" ".join(c.split()) for c in conditions} == {" ".join(c.split()) for c in everything}
    block = next(li for li in lines if "reach the top of your back thigh" in li.get_text())
    assert [a["href"] for a in block.find_all("a")] == ["#step-5-low-lunge-side-bend", "#step-6-warrior-one-side-bend"]
    props = page.find(id="props-by-step").find_next("ul")
    rows = [li.get_text(" ", strip=True) for li in props.find_all("li", recursive=False)]
    assert rows[0].startswith("Yoga mat — whole class")
    assert "or instead: Bolster" in next(row for row in rows if row.startswith("Blanket"))


def test_each_step_carries_its_time_phases_cue_cautions_and_instructions(site):
    page = article(site, "sequences/iliopsoas-release")
    step = page.find(id="step-2-supine-knee-to-chest")
    assert step.find_next("p", class_="pb-step-time").get_text(" ", strip=True) == (
        "About 1½ minutes · right side first, then left"
    )
    phases = [li.get_text(" ", strip=True) for li in step.find_next("ul").find_all("li")]
    assert phases[:2] == [
        "Contract · 3 breaths (about 15 seconds) — knee in, hand pushes it away",
        "Relax · 3 breaths (about 15 seconds) — leg long, arm by your side",
    ]
    assert phases[2].startswith("Then, both legs, both sides at once:")
    cues = [em.get_text() for em in step.find_all_next("em", limit=4)]
    assert "Thigh and hand press into each other; the leg hardly moves." in cues
    how = step.find_next("details", class_="pb-howto")
    assert how.summary.get_text(strip=True) == "How to do Supine Knee to Chest"
    assert "Set up" in how.get_text() and how.find("a", string="The page of Supine Knee to Chest")["href"] == (
        "../../poses/supine-knee-to-chest/"
    )
    lunge = page.find(id="step-5-low-lunge-side-bend")
    lines = [li.get_text(" ", strip=True) for li in lunge.find_next("ul").find_all("li")]
    assert lines[2].startswith("or instead: Stretch · 3 breaths")
    last = page.find(id="step-8-pelvic-tilts-prone-savasana").find_next("p", class_="pb-step-time")
    assert last.get_text(" ", strip=True).endswith("5–10 times")
    # A step's cautions are inside the step: between its heading and the next step's.
    massage = page.find(id="step-7-iliopsoas-self-massage")
    following = page.find(id="step-8-pelvic-tilts-prone-savasana")
    inside = []
    for element in massage.find_all_next():
        if element is following:
            break
        if element.name in ("div", "details") and {
            "pb-stop",
            "pb-professional",
            "pb-skip",
            "pb-modify",
            "pb-care",
        } & set(element.get("class", [])):
            inside.append(element)
    assert len(inside) == 11


def test_sequence_json_ld_is_a_howto_with_a_step_per_pose(site, library):
    sequence = library.sequences["iliopsoas-release"]
    page = BeautifulSoup((site / "sequences/iliopsoas-release/index.html").read_text(encoding="utf-8"), "html.parser")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "HowTo" and data["name"] == "Iliopsoas Release"
    assert [s["@type"] for s in data["step"]] == ["HowToStep"] * 8
    assert [s["position"] for s in data["step"]] == list(range(1, 9))
    for number, step in enumerate(data["step"], start=1):
        assert step["url"] == "https://posebook.example.org/sequences/iliopsoas-release/#" + step_anchor(
            sequence, number
        )
        assert page.find(id=step["url"].split("#")[1]) is not None
        # Each step's picture is its figure on the site, with the figure's description.
        image = step["image"]["url"].removeprefix("https://posebook.example.org/")
        assert (site / image).is_file() and image.startswith("figures/")
        figure = page.find(id=step["url"].split("#")[1]).find_next_sibling()
        assert step["image"]["description"] == figure.find("svg")["aria-label"]
    tools = {t["name"] for t in data["tool"]}
    assert tools == {i.prop.name for i in views_of(library).sequences[sequence.slug].checklist}
    assert all(t["@type"] == "HowToTool" for t in data["tool"])


def test_index_pages(site, library):
    poses = article(site, "poses")
    cards = poses.select(".grid .card")
    assert len(cards) == len(library.poses)
    boat = next(card for card in cards if card.find("h3").a.get_text(strip=True) == "Boat Pose")
    assert boat.find(attrs={"lang": "sa-Latn"}).get_text() == "Nāvāsana"
    # The figure beside each pose: its own file (the index lists every pose), decorative beside the name.
    figure = boat.select_one(".pb-strip img.pb-drawing")
    assert figure["alt"] == "" and figure["loading"] == "lazy"
    assert (site / "poses" / figure["src"]).resolve().is_file()
    assert figure["src"].startswith("../figures/") and figure["src"].endswith(".svg")

    props = article(site, "props")
    for prop in library.props.values():
        heading = props.find(id=prop.slug)
        assert heading is not None and heading.get_text().startswith(prop.name)
    block = props.find(id="block").find_next("p").find_next("p").get_text(" ", strip=True)
    assert block.startswith("Poses:") and "Supported Bridge Variations" in block

    # typography turns ' into ’; glossary terms are elements of their own: compare without spaces
    cautions = "".join(article(site, "cautions").get_text().replace("\u2019", "'").split())
    for pose in library.poses.values():
        for caution in pose.cautions:
            # the index gives each caution as the card says it (its short wording)
            assert "".join(caution.card_text.split()) in cautions
    assert [h["id"] for h in article(site, "cautions").find_all("h2")] == [
        "stop",
        "see-a-professional",
        "skip",
        "modify",
        "take-care",
    ]

    muscles = article(site, "muscles")
    iliopsoas = muscles.find(id="iliopsoas")
    stretched = iliopsoas.find_next(string=re.compile("Stretched by")).parent
    assert "Bridge Pose" in stretched.get_text() and "Boat Pose" not in stretched.get_text()
    worked = iliopsoas.find_next(string=re.compile("Worked by")).parent
    assert "Boat Pose" in worked.get_text()

    glossary = article(site, "glossary")
    assert glossary.find("dt", id="term-asis").get_text() == "ASIS"

    home = article(site, "")
    sequence_cards = home.select(".pb-sequence-card")
    assert [card.find("h3").a.get_text(strip=True) for card in sequence_cards] == ["Iliopsoas Release"]
    assert len(sequence_cards[0].select("img.pb-drawing")) == 8


def test_front_matter_reference_lists_every_field_of_the_model(site):
    from posebook.model import Caution, Phase, Pose, Sequence, Step

    page = article(site, "guide/front-matter")
    text = page.get_text(" ", strip=True)
    for model in (Pose, Sequence, Step, Phase, Caution):
        for name in model.model_fields:
            if name not in ("slug", "src_path", "body", "body_line"):
                assert name in text, (model.__name__, name)


def test_every_link_and_anchor_resolves(site):
    for path in html_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find("article").find_all("a", href=True):
            href = a["href"]
            if href.startswith(("http://", "https://", "mailto:")):
                assert href.startswith("https://posebook.example.org/"), (path, href)
                continue
            target = urlparse(urljoin(path.relative_to(site).as_posix(), href))
            file = site / target.path
            if target.path == "" or href.startswith("#"):
                file = path
            elif file.is_dir() or target.path.endswith("/"):
                file = file / "index.html"
            assert file.exists(), (path, href)
            if target.fragment and file.suffix == ".html":
                other = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
                assert other.find(id=target.fragment) is not None, (path, href)


EXTERNAL = re.compile(
    r"""(?:src|href|srcset|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//(?!posebook\.example\.org)""", re.I
)
CSS_EXTERNAL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*(?:https?:)?//""", re.I)


def test_no_page_references_another_host(site):
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        assert not EXTERNAL.search(text), (path, EXTERNAL.search(text).group(0))
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    for css in site.rglob("*.css"):
        assert not CSS_EXTERNAL.search(css.read_text(encoding="utf-8")), css


def test_generate_builds_the_same_site_without_hooks(site, tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "posebook", "generate", str(out), "-f", str(ROOT / "mkdocs.yml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "plain")],
        cwd=out,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )
    assert built.returncode == 0, built.stderr
    plain = tmp_path / "plain"
    ours = [p.relative_to(site) for p in html_pages(site)]
    assert ours == [p.relative_to(plain) for p in html_pages(plain)]
    for rel in ours:
        a = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        b = BeautifulSoup((plain / rel).read_text(encoding="utf-8"), "html.parser")
        assert str(a.find("article")) == str(b.find("article")), rel
        assert a.title == b.title, rel
        assert a.find("meta", attrs={"name": "description"}) == b.find("meta", attrs={"name": "description"}), rel


def test_sequence_page_links_to_both_cards_and_both_sheets_with_their_sizes(site):
    page = article(site, "sequences/iliopsoas-release")
    facts = page.select_one(".pb-facts-line")
    text = facts.get_text(" ", strip=True)
    assert text.index("Class card:") < text.index("Take-home sheet:")
    links = [a for a in facts.find_all("a") if a.get("type") == "application/pdf"]
    assert [a.get_text() for a in links] == ["A4", "Letter", "A4", "Letter"]
    assert [a["href"].rsplit("/", 1)[-1] for a in links] == [
        "iliopsoas-release-a4.pdf",
        "iliopsoas-release-letter.pdf",
        "iliopsoas-release-student-a4.pdf",
        "iliopsoas-release-student-letter.pdf",
    ]
    for a in links:
        pdf = (site / "sequences/iliopsoas-release" / a["href"]).resolve()
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-")
        size = re.search(r"PDF, (\d+) KB", a["title"])
        assert size and int(size.group(1)) == round(pdf.stat().st_size / 1024)


def test_pose_pages_show_every_figure_side_by_side_in_tabs(site, library):
    from posebook.figure import drawings

    for pose in library.poses.values():
        html = article(site, page_of(site, pose.src_path))
        figures = html.select(".pb-figures svg.pb-drawing")
        found = drawings(pose, library.props)
        if pose.sided:
            found = [d for side in ("right", "left") for d in found if d.side == side]
        assert [svg["aria-label"] for svg in figures] == [d.alt for d in found], pose.slug
        if pose.sided and found:
            tabs = [label.get_text(strip=True) for label in html.select(".tabbed-labels label")]
            assert tabs == ["Right side", "Left side"], pose.slug
        # The figures come before the cautions and the instructions.
        text = str(html)
        if pose.cautions and found:
            assert text.index("pb-figures") < text.index("Cautions")


def test_each_sequence_step_shows_its_figures_on_the_side_it_starts_with(site, library):
    from posebook.figure import figures_for
    from posebook.views import first_side

    sequence = library.sequences["iliopsoas-release"]
    html = article(site, "sequences/iliopsoas-release")
    for number, step in enumerate(sequence.steps, start=1):
        heading = html.find(id=step_anchor(sequence, number))
        block = heading.find_next_sibling()
        assert "pb-step-figures" in block["class"], number
        expected = figures_for(library.poses[step.pose], library.props, first_side(step.sides), step.figures)
        assert [svg["aria-label"] for svg in block.select("svg")] == [d.alt for d in expected]
    step2 = html.find(id=step_anchor(sequence, 2)).find_next_sibling()
    assert [f.get_text() for f in step2.select("figcaption")] == ["Contract", "Relax", "Both legs"]
    assert step2.select("svg")[0]["aria-label"].startswith("Lying on the back, right knee drawn toward the chest")


def test_a_sequence_added_as_one_file_appears_everywhere(tmp_path):
    """No other edit: the home page's cards, the Sequences tab and index, and the props it uses."""
    docs = write_library(
        tmp_path,
        {
            "sequences/evening.md": "---\ntitle: Evening Wind-Down\nsummary: Rest and breathe.\nsteps:\n"
            "  - pose: rest\n    phases:\n      - rest: 5 minutes\n---\n",
        },
    )
    site = tmp_path / "site"
    result = build(tmp_path, docs, site)
    assert result.returncode == 0, result.stderr
    home = article(site, "")
    assert "Evening Wind-Down" in [card.find("h3").a.get_text(strip=True) for card in home.select(".pb-sequence-card")]
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    tab = next(a for a in page.select(".md-tabs__link") if a.get_text(strip=True) == "Sequences")
    section = BeautifulSoup(
        (site / tab["href"].removeprefix("./") / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    listed = [a.get_text(strip=True) for a in section.select(".md-nav--primary a.md-nav__link")]
    assert "Evening Wind-Down" in listed
    assert "Evening Wind-Down" in article(site, "sequences").get_text()
    assert (site / "cards/evening-a4.pdf").is_file()
