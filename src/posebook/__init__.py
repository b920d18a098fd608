"""posebook: a library of yoga poses, props and sequences as Markdown pages, published as a
cross-linked website and printable class cards."""

__version__ = "0.1.0"
