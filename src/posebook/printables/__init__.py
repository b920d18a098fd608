"""Printables: the class card of each sequence, rendered by WeasyPrint from its own template,
print CSS and fonts, all shipped in this package."""
