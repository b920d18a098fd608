"""The one error of the figure stage: data that cannot be drawn as written."""

from __future__ import annotations

from ..problems import ContentError, unplaced


class FigureError(ContentError):
    """Figure data that cannot be drawn as written: where (under the figure) and why."""

    def __init__(self, loc: tuple, message: str, suggestion: str | None = None):
        self.problem = unplaced(loc, message, suggestion)
        self.loc, self.message, self.suggestion = loc, message, suggestion
        super().__init__([self.problem])
