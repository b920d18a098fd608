"""The website's pages, from the views: Markdown templates in an escaping environment, the
structured data of sequences, and the Python-Markdown extension the site renders with."""
