"""A Python-Markdown extension for posebook sites: the first use of each glossary term on a
page can take keyboard focus, so its tooltip shows on focus as well as on hover.

Add `posebook.site.markdown_ext` to `markdown_extensions` after `abbr`."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class FocusableTerms(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        seen: set[str] = set()
        for element in root.iter("abbr"):
            term = (element.text or "").lower()
            if term and term not in seen and element.get("title"):
                seen.add(term)
                element.set("tabindex", "0")


class PosebookExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the abbreviations treeprocessor (priority 7) has made the <abbr> elements.
        md.treeprocessors.register(FocusableTerms(md), "posebook_focusable_terms", 2)


def makeExtension(**kwargs) -> PosebookExtension:  # noqa: N802 - Python-Markdown's entry point name
    return PosebookExtension(**kwargs)
