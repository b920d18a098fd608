"""A Python-Markdown extension for posebook sites.

- A glossary term shows its tooltip on its first use on a page only (outside the headings), and that first use takes
  keyboard focus, so the tooltip shows on focus as well as on hover. Later uses are plain text:
  a page of dotted words is hard to read.
- Code blocks take keyboard focus, so a block that scrolls sideways can be scrolled without a mouse.

Add `posebook.site.markdown_ext` to `markdown_extensions` after `abbr`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor


class FirstUseTerms(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        for element in list(root.iter("abbr")):
            # One glossary entry has one definition, whichever of its names the page uses.
            definition = element.get("title")
            if not definition:
                continue
            if definition in seen or _in_heading(element, parents):
                _unwrap(element, parents[element])
            else:
                seen.add(definition)
                element.set("tabindex", "0")


def _in_heading(element: ET.Element, parents: dict) -> bool:
    # A heading is read at a glance and is a link target: its first use of a term is not the place
    # for a tooltip; the next one in the text is.
    while element in parents:
        element = parents[element]
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return True
    return False


def _unwrap(element: ET.Element, parent: ET.Element) -> None:
    """Put the element's text where the element was."""
    text = "".join(element.itertext()) + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(element)


class FocusableCode(Postprocessor):
    _PRE = re.compile(r"<pre(?![^>]*\btabindex=)(?=[\s>])")

    def run(self, text: str) -> str:
        return self._PRE.sub('<pre tabindex="0"', text)


class PosebookExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the abbreviations treeprocessor (priority 7) has made the <abbr> elements.
        md.treeprocessors.register(FirstUseTerms(md), "posebook_first_use_terms", 2)
        # After the raw HTML and code blocks are put back (priority 30).
        md.postprocessors.register(FocusableCode(md), "posebook_focusable_code", 5)


def makeExtension(**kwargs) -> PosebookExtension:  # noqa: N802 - Python-Markdown's entry point name
    return PosebookExtension(**kwargs)
