"""A library: every page, validated and cross-checked, by slug."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .pages import Glossary, OtherPage, Pose, Prop, Sequence


@dataclass(frozen=True)
class Library:
    """Every page of the library, validated and cross-checked. Dicts are in slug order."""

    docs_dir: Path
    poses: dict[str, Pose]
    props: dict[str, Prop]
    sequences: dict[str, Sequence]
    glossary: Glossary | None
    pages: dict[str, OtherPage] = field(default_factory=dict)
    by_path: dict[str, Pose | Prop | Sequence | Glossary | OtherPage] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        pages = [*self.poses.values(), *self.props.values(), *self.sequences.values(), *self.pages.values()]
        if self.glossary is not None:
            pages.append(self.glossary)
        object.__setattr__(self, "by_path", {page.src_path: page for page in pages})

    def page_at(self, rel: str) -> Pose | Prop | Sequence | Glossary | OtherPage | None:
        """The pose, prop, sequence, glossary or other page at a path under docs/, or None."""
        return self.by_path.get(rel)

    def summary(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return (
            f"{n(len(self.poses), 'pose')}, {n(len(self.props), 'prop')}, "
            f"{n(len(self.sequences), 'sequence')}, 0 problems"
        )
