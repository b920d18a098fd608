"""Reading a library: bytes to front matter with positions and a body, safety verdicts, each page
validated against the model, the whole library cross-checked. Every problem is a `Problem`."""

from .load import Reading, load_library, read_library, try_load_library

__all__ = ["Reading", "load_library", "read_library", "try_load_library"]
