"""The page `mkdocs serve` shows at every address while the library has problems: each problem on its
line, as `posebook check` prints it, so the browser's reload after a save lands on what to fix."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..problems import Problem, format_problems


def problems_markdown(problems: Sequence[Problem]) -> str:
    """The page's Markdown. The problems are HTML-escaped inside <pre>: they quote the teacher's text."""
    count = len(problems)
    lines = html.escape(format_problems(problems), quote=False)
    return (
        f"# {count} problem{'s' if count != 1 else ''} in the library\n\n"
        "The preview shows the last edit's problems until they are fixed; save the file again and this page "
        "reloads with the site.\n\n"
        f'<pre class="pb-problems"><code>{lines}\n</code></pre>\n'
    )
