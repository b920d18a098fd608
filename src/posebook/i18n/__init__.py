"""posebook in the teacher's language: every word posebook writes comes from a message catalog
(gettext, through Babel), with the plural rules and the number and list formats of the language.

A language is one file: `locales/<code>/LC_MESSAGES/posebook.po`. It is read as it is (no compile
step is needed to use it); `pybabel compile` checks it. English is the language of the messages'
ids, so it needs no catalog. The error messages posebook gives teachers stay in English."""

from __future__ import annotations

import functools
import gettext
import io
from dataclasses import dataclass, field
from pathlib import Path

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "posebook"
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Language:
    """A language's catalog and formats."""

    code: str  # as the site sets it, e.g. "es" or "pt-BR"
    catalog: str  # the catalog used: "en" (the source), or the folder under locales/
    translations: gettext.NullTranslations = field(repr=False, compare=False)

    @property
    def locale(self):
        from babel import Locale

        return Locale.parse(self.catalog)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: float) -> str:
        return self.translations.ngettext(singular, plural, _plural_count(n))

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: float) -> str:
        return self.translations.npgettext(context, singular, plural, _plural_count(n))

    def number(self, value: float) -> str:
        """A number as the language writes it: 1.5, 1,5."""
        from babel.numbers import format_decimal

        return format_decimal(value, format="#,##0.##", locale=self.catalog)

    def range(self, low: float, high: float) -> str:
        """'15–34', with the language's digits and an en dash."""
        return f"{self.number(low)}–{self.number(high)}"

    def about(self, seconds: float) -> str:
        """A typical time, as a teacher plans it: 'about 40 seconds', 'about 1½ minutes', 'about 23 minutes'."""
        if seconds < 55:
            n = max(5, round(seconds / 5) * 5)
            return self.ngettext("about %(n)s second", "about %(n)s seconds", n) % {"n": self.number(n)}
        if seconds < 10 * 60:
            halves = max(2, round(seconds / 30))
            whole, half = divmod(halves, 2)
            n = f"{self.number(whole)}½" if half else self.number(whole)
            return self.ngettext("about %(n)s minute", "about %(n)s minutes", 1 if halves == 2 else 2) % {"n": n}
        n = round(seconds / 60)
        return self.ngettext("about %(n)s minute", "about %(n)s minutes", n) % {"n": self.number(n)}

    def minutes(self, seconds: tuple[float, float]) -> str:
        """'about 15–34 minutes', rounded to whole minutes."""
        low = max(1, round(seconds[0] / 60))
        high = max(low, round(seconds[1] / 60))
        if low == high:
            return self.ngettext("about %(n)s minute", "about %(n)s minutes", low) % {"n": self.number(low)}
        return self.gettext("about %(range)s minutes") % {"range": self.range(low, high)}

    def minutes_span(self, seconds: tuple[float, float]) -> str:
        """'15–34 minutes', rounded to whole minutes."""
        low = max(1, round(seconds[0] / 60))
        high = max(low, round(seconds[1] / 60))
        if low == high:
            return self.ngettext("%(n)s minute", "%(n)s minutes", low) % {"n": self.number(low)}
        return self.gettext("%(range)s minutes") % {"range": self.range(low, high)}

    def file_size(self, size: int) -> str:
        if size < 1024 * 1024:
            return self.gettext("%(n)s KB") % {"n": self.number(round(size / 1024))}
        return self.gettext("%(n)s MB") % {"n": self.number(round(size / 1024 / 1024, 1))}

    def amount_words(self):
        """How the language writes an amount of time, so a teacher can write '3 respiraciones'."""
        from ..model.fields import ENGLISH_AMOUNTS, AmountWords

        if self.catalog == SOURCE_LANGUAGE:
            return ENGLISH_AMOUNTS

        def forms(message: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(f.strip().lower() for f in message.split("|") if f.strip()))

        units = [(form, "breath") for form in forms(self.pgettext("amount", "breath|breaths"))]
        units += [(form, "second") for form in forms(self.pgettext("amount", "second|seconds"))]
        units += [(form, "minute") for form in forms(self.pgettext("amount", "minute|minutes"))]
        vague = [(form, (2, 2)) for form in forms(self.pgettext("amount", "a couple of"))]
        vague += [(form, (3, 5)) for form in forms(self.pgettext("amount", "a few"))]
        vague += [(form, (3, 6)) for form in forms(self.pgettext("amount", "several"))]
        return AmountWords(
            language=self.catalog,
            units=tuple(units),
            words=tuple(vague),
            more=forms(self.pgettext("amount", "or more")),
            to=forms(self.pgettext("amount", "to")),
            decimal_comma=self.number(1.5) == "1,5",
        )

    def join(self, items: list[str], style: str = "standard") -> str:
        """'a, b and c' in the language."""
        from babel.lists import format_list

        return format_list(list(items), style=style, locale=self.catalog) if items else ""


def _plural_count(n: float) -> int:
    # gettext plural rules take whole numbers; 1.5 minutes reads as plural in every catalog here.
    return int(n) if float(n).is_integer() else 2


def available() -> list[str]:
    """The languages posebook writes: English, and every catalog under locales/."""
    return [SOURCE_LANGUAGE, *sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))]


def catalog_for(code: str) -> str | None:
    """The catalog a site language uses: the same code, or its language without the region
    ('pt-BR' -> 'pt'); None when posebook has none."""
    wanted = code.replace("-", "_")
    for candidate in (wanted, wanted.split("_")[0]):
        if candidate == SOURCE_LANGUAGE or (LOCALES / candidate / "LC_MESSAGES" / f"{DOMAIN}.po").is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=16)
def language(code: str = SOURCE_LANGUAGE) -> Language:
    """A language by its site code; English where posebook has no catalog for it."""
    catalog = catalog_for(code) or SOURCE_LANGUAGE
    if catalog == SOURCE_LANGUAGE:
        return Language(code, catalog, gettext.NullTranslations())
    return Language(code, catalog, _read_po(LOCALES / catalog / "LC_MESSAGES" / f"{DOMAIN}.po"))


def _read_po(path: Path) -> gettext.GNUTranslations:
    """A .po file as gettext translations, compiled in memory."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
