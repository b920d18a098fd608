"""Hostile pages: each replaces files of the base fixture library with something that must
never reach the site or a card, and lists the exact problems the build reports."""

PORT = 48765  # the listener in the tests; any request to it is a leak

HEAD = "---\nname: Rest\nsummary: Lie still.\n---\n"


def body(text: str) -> dict:
    return {"poses/rest.md": HEAD + text}


CASES = {
    "script tag": (
        body("Intro.\n\n<script>alert(1)</script>\n"),
        [
            "docs/poses/rest.md:7:1: error: the HTML tag <script> is not allowed in a page (it can run script or load "
            "another page); write Markdown instead",
        ],
    ),
    "script tag, upper case": (
        body("<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n"),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <script> is not allowed in a page (it can run script or load "
            "another page); write Markdown instead",
        ],
    ),
    "event handler attribute": (
        body('<div onclick="alert(1)">Tap</div>\n'),
        [
            "docs/poses/rest.md:5:1: error: the attribute 'onclick' on <div> runs script; remove it",
        ],
    ),
    "event handler on an image": (
        body('<img src="pose.png" alt="x" onerror="alert(1)">\n'),
        [
            "docs/poses/rest.md:5:1: error: the attribute 'onerror' on <img> runs script; remove it",
        ],
    ),
    "event handler through an attribute list": (
        body('A paragraph.\n{: onclick="alert(1)" }\n'),
        [
            "docs/poses/rest.md:6:4: error: the attribute 'onclick' in an attribute list runs script; remove it",
        ],
    ),
    "style through an attribute list": (
        body('## Title {: style="background:url(http://127.0.0.1:48765/)" }\n'),
        [
            "docs/poses/rest.md:5:13: error: the attribute 'style' in an attribute list is not allowed; use a class "
            "from the site's CSS",
        ],
    ),
    "javascript link": (
        body("[Tap here](javascript:alert(1))\n"),
        [
            "docs/poses/rest.md:5:12: error: a 'javascript:' address runs script in the reader's browser; link to a "
            "page instead",
        ],
    ),
    "javascript link with spaces and case": (
        body("[Tap](  JaVaScRiPt:alert(1))\n"),
        [
            "docs/poses/rest.md:5:9: error: a 'javascript:' address runs script in the reader's browser; link to a "
            "page instead",
        ],
    ),
    "javascript link hidden behind an entity": (
        body("[Tap](javascript&#58;alert(1))\n"),
        [
            "docs/poses/rest.md:5:7: error: a 'javascript:' address runs script in the reader's browser; link to a "
            "page instead",
        ],
    ),
    "javascript link hidden behind a named entity": (
        body("[Tap](javascript&colon;alert(1))\n"),
        [
            "docs/poses/rest.md:5:7: error: a 'javascript:' address runs script in the reader's browser; link to a "
            "page instead",
        ],
    ),
    "javascript reference link": (
        body("[Tap][x]\n\n[x]: javascript:alert(1)\n"),
        [
            "docs/poses/rest.md:7:6: error: a 'javascript:' address runs script in the reader's browser; link to a "
            "page instead",
        ],
    ),
    "javascript autolink": (
        body("<javascript:alert(1)>\n"),
        [
            "docs/poses/rest.md:5:2: error: a 'javascript:' address runs script in the reader's browser; link to a "
            "page instead",
        ],
    ),
    "data:text/html link": (
        body("[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n"),
        [
            "docs/poses/rest.md:5:8: error: a 'data:' address can hide a page or a script; put the file in docs/ and "
            "link to it",
        ],
    ),
    "html link with javascript": (
        body('<a href="javascript:alert(1)">x</a>\n'),
        [
            "docs/poses/rest.md:5:1: error: <a href=\"javascript:alert(1)\">: a 'javascript:' address runs script in "
            "the reader's browser; link to a page instead",
        ],
    ),
    "iframe": (
        body('<iframe src="https://evil.example/"></iframe>\n'),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <iframe> is not allowed in a page (it can run script or load "
            "another page); write Markdown instead",
        ],
    ),
    "object": (
        body('<object data="evil.swf"></object>\n'),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <object> is not allowed in a page (it can run script or load "
            "another page); write Markdown instead",
        ],
    ),
    "embed": (
        body('<embed src="evil.swf">\n'),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <embed> is not allowed in a page (it can run script or load "
            "another page); write Markdown instead",
        ],
    ),
    "link rel attachment": (
        body('<link rel="attachment" href="file:///etc/passwd">\n'),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <link> is not allowed in a page (it can load files or change "
            "every link on the page); write Markdown instead",
        ],
    ),
    "image from a local listener": (
        body(f"![x](http://127.0.0.1:{PORT}/pixel.png)\n"),
        [
            "docs/poses/rest.md:5:6: error: an image from another host makes every reader's browser contact that "
            "host; put the image in docs/ and link to it",
        ],
    ),
    "html image from a local listener": (
        body(f'<img src="http://127.0.0.1:{PORT}/pixel.png" alt="x">\n'),
        [
            'docs/poses/rest.md:5:1: error: <img src="http://127.0.0.1:48765/pixel.png">: an image from another host '
            "makes every reader's browser contact that host; put the image in docs/ and link to it",
        ],
    ),
    "protocol-relative image": (
        body("![x](//evil.example/pixel.png)\n"),
        [
            "docs/poses/rest.md:5:6: error: an image from another host makes every reader's browser contact that "
            "host; put the image in docs/ and link to it",
        ],
    ),
    "file: image": (
        body("![x](file:///etc/passwd)\n"),
        [
            "docs/poses/rest.md:5:6: error: a 'file:' address points at the computer that builds the site; put the "
            "file in docs/ and link to it",
        ],
    ),
    "style tag with a css import": (
        body('<style>@import url("file:///etc/passwd");</style>\n'),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <style> is not allowed in a page (it can load files or "
            "change every link on the page); write Markdown instead",
        ],
    ),
    "style attribute": (
        body('<p style="background:url(http://127.0.0.1:48765/)">x</p>\n'),
        [
            "docs/poses/rest.md:5:1: error: the attribute 'style' on <p> is not allowed; use a class from the site's "
            "CSS",
        ],
    ),
    "inline svg with script": (
        body("<svg><script>alert(1)</script></svg>\n"),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <svg> is not allowed in a page (it can run script or load "
            "another page); write Markdown instead",
            "docs/poses/rest.md:5:6: error: the HTML tag <script> is not allowed in a page (it can run script or load "
            "another page); write Markdown instead",
        ],
    ),
    "meta refresh": (
        body('<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <meta> is not allowed in a page (it can load files or change "
            "every link on the page); write Markdown instead",
        ],
    ),
    "base tag": (
        body('<base href="https://evil.example/">\n'),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <base> is not allowed in a page (it can load files or change "
            "every link on the page); write Markdown instead",
        ],
    ),
    "form": (
        body('<form action="https://evil.example/"><input name="q"></form>\n'),
        [
            "docs/poses/rest.md:5:1: error: the HTML tag <form> is not allowed in a page (a page here takes no "
            "input); write Markdown instead",
            "docs/poses/rest.md:5:38: error: the HTML tag <input> is not allowed in a page (a page here takes no "
            "input); write Markdown instead",
        ],
    ),
    "svg file with script": (
        {"images/evil.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'},
        [
            "docs/images/evil.svg:1:42: error: an SVG file may not hold script, event handlers or links to other files",
        ],
    ),
    "svg file with an event handler": (
        {"images/evil.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'},
        [
            "docs/images/evil.svg:1:41: error: an SVG file may not hold script, event handlers or links to other files",
        ],
    ),
    "css file importing a local file": (
        {"assets/evil.css": '@import url("file:///etc/passwd");\n'},
        [
            "docs/assets/evil.css:1:1: error: a stylesheet may not import or load files from anywhere else",
        ],
    ),
    "css file loading from a listener": (
        {"assets/evil.css": f"body {{ background: url(http://127.0.0.1:{PORT}/); }}\n"},
        [
            "docs/assets/evil.css:1:20: error: a stylesheet may not import or load files from anywhere else",
        ],
    ),
    "html file": (
        {"evil.html": "<script>alert(1)</script>"},
        [
            "docs/evil.html:1:1: error: files of type '.html' are not published; docs/ may hold Markdown pages and "
            ".css, .gif, .ico, .jpeg, .jpg, .pdf, .png, .svg, .txt, .webp files",
        ],
    ),
    "javascript file": (
        {"evil.js": "alert(1)"},
        [
            "docs/evil.js:1:1: error: files of type '.js' are not published; docs/ may hold Markdown pages and .css, "
            ".gif, .ico, .jpeg, .jpg, .pdf, .png, .svg, .txt, .webp files",
        ],
    ),
    "markup in a name": (
        {"poses/rest.md": '---\nname: "</title><script>alert(1)</script>"\nsummary: Lie still.\n---\n'},
        [
            "docs/poses/rest.md:2:7: error: name: '<' and '>' are not allowed in a name or title",
        ],
    ),
    "markup in a sequence title": (
        {
            "sequences/short.md": '---\ntitle: "</title><script>alert(1)</script>"\nsummary: S.\nsteps:\n'
            "  - pose: rest\n    phases:\n      - rest: 1 minute\n---\n"
        },
        [
            "docs/sequences/short.md:2:8: error: title: '<' and '>' are not allowed in a name or title",
        ],
    ),
    "an entity-encoded heading": (body("# &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n"), None),
    "hostile text in a summary is only text": (
        {
            "poses/rest.md": (
                '---\nname: Rest\nsummary: "<img src=x onerror=alert(1)> & <script>alert(1)</script>"\n---\n'
            )
        },
        None,
    ),
    "code blocks may show html": (body("```html\n<script>alert(1)</script>\n```\n\nUse `<iframe>` never.\n"), None),
}

# Found by review: each slipped past the source scan before the rendered page was checked too.
REVIEWED = {
    "srcset through an attribute list": body('![x](a.png){: srcset="https://evil.example/x.png 1x" }\n'),
    "closing brace inside a quoted attribute": body('para\n{: title="}" onclick="alert(1)" }\n'),
    "ping through an attribute list": body('[x](rest.md){: ping="https://evil.example/" }\n'),
    "javascript link with nested brackets": body("[[[x]]](javascript:alert(1))\n"),
    "remote image inside a link": body("[![x](https://evil.example/p.png)](rest.md)\n"),
    "remote image through a reference": body("![x][a]\n\n[a]: https://evil.example/p.png\n"),
    "javascript reference in a quote": body("> [x][a]\n>\n> [a]: javascript:alert(1)\n"),
    "javascript reference in a list": body("- [x][a]\n\n- [a]: javascript:alert(1)\n"),
    "javascript reference with an empty label": body("[][]{: .md-button }\n\n[]: javascript:alert(1)\n"),
    "backslash image address": body("![x](/\\evil.example/p.png)\n"),
    "backslash html image address": body('<img src="\\\\evil.example/p.png" alt="x">\n'),
    "tag name with a colon": body('Hover <x:y onmouseover="alert(1)">here</x:y>.\n'),
    "autofocus on a tag with a colon": body('<x:y tabindex="0" autofocus onfocus="alert(1)">x</x:y>\n'),
    "code span across a blank line": body("`x\n\n<script>alert(1)</script>\n\n`\n"),
    "escaped backtick": body("\\`<img src=x onerror=alert(1)>`\n"),
    "backticks inside an html block": body("<p>`</p><img src=x onerror=alert(1)><p>`</p>\n"),
    "inline triple backticks taken for a fence": body("```x```\n\n<script>alert(1)</script>\n\n```\n"),
    "indented fence": body("para\n\n    ```\n\n<script>alert(1)</script>\n\n    ```\n"),
    "empty comment": body("<!--> <img src=x onerror=alert(1)> -->\n"),
    "comment closed with --!>": body("<!-- a --!> <img src=x onerror=alert(1)> -->\n"),
    "cdata section": body("<![CDATA[ x > <img src=x onerror=alert(1)> ]]>\n"),
    "svg with a prefixed script": {
        "images/a.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>'
    },
    "svg with an xhtml script": {
        "images/a.svg": '<svg xmlns="http://www.w3.org/2000/svg"><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>'
    },
    "svg with an entity in a link": {
        "images/a.svg": (
            '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript&#58;alert(1)"><rect width="9" '
            'height="9"/></a></svg>'
        )
    },
    "svg with a remote image": {
        "images/a.svg": '<svg xmlns="http://www.w3.org/2000/svg"><image width="9" height="9" href="&#104;ttps://evil.example/p.png"/></svg>'
    },
    "svg with a style": {
        "images/a.svg": '<svg xmlns="http://www.w3.org/2000/svg"><style>svg{background:url(https://evil.example/p.png)}</style></svg>'
    },
    "css image-set": {"assets/a.css": 'body { background-image: image-set("https://evil.example/p.png" 1x); }\n'},
    "css escaped url": {"assets/a.css": "body { background: url(\\68 ttps://evil.example/p.png); }\n"},
    "css escaped slashes": {"assets/a.css": "body { background: url(\\/\\/evil.example/p.png); }\n"},
    "css escaped import": {"assets/a.css": '@\\69mport "https://evil.example/x.css";\n'},
}
REVIEWED_PROBLEMS = {
    "srcset through an attribute list": [
        "docs/poses/rest.md:5:1: error: the attribute 'srcset' on <img> is not allowed"
    ],
    "closing brace inside a quoted attribute": [
        "docs/poses/rest.md:6:1: error: the attribute 'onclick' on <p> is not allowed"
    ],
    "ping through an attribute list": ["docs/poses/rest.md:5:1: error: the attribute 'ping' on <a> is not allowed"],
    "javascript link with nested brackets": [
        "docs/poses/rest.md:5:9: error: a 'javascript:' address runs script in the reader's browser; link to a page "
        "instead"
    ],
    "remote image inside a link": [
        "docs/poses/rest.md:5:7: error: an image from another host makes every reader's browser contact that host; "
        "put the image in docs/ and link to it"
    ],
    "remote image through a reference": [
        'docs/poses/rest.md:7:1: error: <img src="https://evil.example/p.png">: an image from another host makes '
        "every reader's browser contact that host; put the image in docs/ and link to it"
    ],
    "javascript reference in a quote": [
        "docs/poses/rest.md:7:1: error: <a href=\"javascript:alert(1)\">: a 'javascript:' address runs script in the "
        "reader's browser; link to a page instead"
    ],
    "javascript reference in a list": [
        "docs/poses/rest.md:7:1: error: <a href=\"javascript:alert(1)\">: a 'javascript:' address runs script in the "
        "reader's browser; link to a page instead"
    ],
    "javascript reference with an empty label": [
        "docs/poses/rest.md:7:5: error: a 'javascript:' address runs script in the reader's browser; link to a page "
        "instead"
    ],
    "backslash image address": [
        "docs/poses/rest.md:5:6: error: an image from another host makes every reader's browser contact that host; "
        "put the image in docs/ and link to it"
    ],
    "backslash html image address": [
        'docs/poses/rest.md:5:1: error: <img src="\\\\evil.example/p.png">: an image from another host makes every '
        "reader's browser contact that host; put the image in docs/ and link to it"
    ],
    "tag name with a colon": [
        "docs/poses/rest.md:5:1: error: the HTML tag <x:y> is not allowed in a page (it is not on the list of tags a "
        "page may use); write Markdown instead"
    ],
    "autofocus on a tag with a colon": [
        "docs/poses/rest.md:5:1: error: the HTML tag <x:y> is not allowed in a page (it is not on the list of tags a "
        "page may use); write Markdown instead"
    ],
    "code span across a blank line": [
        "docs/poses/rest.md:7:1: error: the HTML tag <script> is not allowed in a page (it can run script or load "
        "another page); write Markdown instead"
    ],
    "escaped backtick": ["docs/poses/rest.md:5:1: error: the attribute 'onerror' on <img> is not allowed"],
    "backticks inside an html block": [
        "docs/poses/rest.md:5:1: error: the attribute 'onerror' on <img> is not allowed"
    ],
    "inline triple backticks taken for a fence": [
        "docs/poses/rest.md:7:1: error: the HTML tag <script> is not allowed in a page (it can run script or load "
        "another page); write Markdown instead"
    ],
    "indented fence": [
        "docs/poses/rest.md:9:1: error: the HTML tag <script> is not allowed in a page (it can run script or load "
        "another page); write Markdown instead"
    ],
    "empty comment": ["docs/poses/rest.md:5:1: error: the attribute 'onerror' on <img> is not allowed"],
    "comment closed with --!>": ["docs/poses/rest.md:5:1: error: the attribute 'onerror' on <img> is not allowed"],
    "cdata section": ["docs/poses/rest.md:5:1: error: the attribute 'onerror' on <img> is not allowed"],
    "svg with a prefixed script": [
        "docs/images/a.svg:1:81: error: an SVG file may not hold script, event handlers or links to other files"
    ],
    "svg with an xhtml script": [
        "docs/images/a.svg:1:44: error: an SVG file may not hold script, event handlers or links to other files"
    ],
    "svg with an entity in a link": [
        "docs/images/a.svg:1:44: error: an SVG file may not hold script, event handlers or links to other files"
    ],
    "svg with a remote image": [
        "docs/images/a.svg:1:69: error: an SVG file may not hold script, event handlers or links to other files"
    ],
    "svg with a style": [
        "docs/images/a.svg:1:42: error: an SVG file may not hold script, event handlers or links to other files"
    ],
    "css image-set": ["docs/assets/a.css:1:26: error: a stylesheet may not import or load files from anywhere else"],
    "css escaped url": ["docs/assets/a.css:1:24: error: a stylesheet may not import or load files from anywhere else"],
    "css escaped slashes": [
        "docs/assets/a.css:1:24: error: a stylesheet may not import or load files from anywhere else"
    ],
    "css escaped import": [
        "docs/assets/a.css:1:2: error: a stylesheet may not import or load files from anywhere else"
    ],
}
CASES.update({name: (files, REVIEWED_PROBLEMS[name]) for name, files in REVIEWED.items()})
CASES["front matter only MkDocs cannot read"] = (
    {"about.md": "---\ntitle: About\ndescription: 2001-02-30\n# <img src=x onerror=alert(1)>\n---\nPlain body.\n"},
    None,
)

# --- round two (issue 13): each family closed as a class; every example of the issue is here ---------------

GLOSSARY_HEAD = "---\nterms:\n  - term: iliopsoas\n    definition: "
QUADRICEPS = "  - term: quadriceps\n    definition: The muscles at the front of the thigh.\n    aliases: [quads]\n"
SEQUENCE_STEPS = "steps:\n  - pose: rest\n    phases:\n      - rest: 1 minute\n"


def figure_pose(name: str, figures: str) -> str:
    return f"---\nname: {name}\nsummary: Lie still.\nfigures:\n{figures}---\n"


def utf16(text: str, bom: bool = True) -> bytes:
    return text.encode("utf-16" if bom else "utf-16-le")


ROUND_TWO = {
    # 1. Titles become HTML: the theme shows every title as HTML, so no title may hold a tag.
    "glossary definition with an image": {
        "glossary.md": GLOSSARY_HEAD + '"The deep hip flexor <img src=x onerror=alert(1)>"\n' + QUADRICEPS + "---\n"
    },
    "link title with markup": body('[Lunge](low-lunge.md "&lt;img src=x onerror=alert(1)&gt;")\n'),
    "reference link title with markup": body('[Lunge][l]\n\n[l]: low-lunge.md "&lt;img src=x onerror=alert(1)&gt;"\n'),
    "image title with markup": {
        **body('![x](../assets/a.png "&#60;img src=x onerror=alert(1)&#62;")\n'),
        "assets/a.png": b"\x89PNG\r\n\x1a\n",
    },
    "abbreviation meaning with markup": body("Lie still.\n\n*[still]: &lt;img src=x onerror=alert(1)&gt;\n"),
    "abbreviation meaning in a quote": body("Lie still.\n\n> *[still]: &lt;img src=x onerror=alert(1)&gt;\n"),
    "abbreviation for a word only posebook writes": body("Lie down.\n\n*[Rest]: &lt;img src=x onerror=alert(1)&gt;\n"),
    "title attribute with markup": body('<span title="&lt;img src=x onerror=alert(1)&gt;">Rest</span>\n'),
    "title through an attribute list": body('Lie still.\n{: title="&lt;img src=x onerror=alert(1)&gt;" }\n'),
    # 4. Text added to pages: nothing is added to a page's text, and a page must end closed.
    "page ending inside an open div": body("Lie still.\n\n<div>\n"),
    "page ending inside an open markdown div": body("Lie still.\n\n<div markdown>\n\nMore.\n"),
    # 5. Encodings: SVG and CSS are UTF-8, declared as UTF-8 or not at all.
    "utf-16 svg with onload": {"images/a.svg": utf16('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')},
    "utf-16 svg without a byte order mark": {
        "images/a.svg": utf16('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', bom=False)
    },
    "utf-16 stylesheet loading from a listener": {
        "assets/a.css": utf16(f"body {{ background: url(http://127.0.0.1:{PORT}/); }}\n")
    },
    "svg declaring another encoding": {
        "images/a.svg": b'<?xml version="1.0" encoding="ISO-2022-JP"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'
    },
    "stylesheet declaring another encoding": {"assets/a.css": b'@charset "UTF-16";\nbody { color: red; }\n'},
    "stylesheet in latin-1": {"assets/a.css": b'body::after { content: "caf\xe9"; }\n'},
    # 6. One page stops everything: depth, size and look-ahead are limited before anything parses.
    "30,000 nested brackets in front matter": {"poses/rest.md": "---\nname: Rest\nsummary: " + "[" * 30000 + "\n---\n"},
    "3,000 nested brackets in front matter": {"poses/rest.md": "---\nname: Rest\nsummary: " + "[" * 3000 + "\n---\n"},
    "deeply nested mappings in front matter": {
        "poses/rest.md": "---\nname: Rest\nsummary: " + "{a: " * 500 + "\n---\n"
    },
    "deeply nested block lists in front matter": {
        "poses/rest.md": "---\nname: Rest\nsummary: Lie still.\nsee_also:\n"
        + "".join("  " * i + "- \n" for i in range(60))
        + "---\n"
    },
    "10 KB of backtick runs": body(" ".join("`" * k for k in range(1, 140)) + "\n"),
    "80 KB of <a:": body("<a:" * 27000 + "\n"),
    "<a: over many paragraphs": body("<a:\n\n" * 20000),
    "unclosed brackets": body("[" * 10000 + "\n"),
    "deeply nested lists": body("".join("    " * i + "- x\n" for i in range(40))),
    "deeply nested quotes": body(">" * 40 + " x\n"),
    "deeply nested emphasis": body("*a " * 1000 + "b" + " c*" * 1000 + "\n"),
    "thousands of headings": body("#\n" * 3000),
    # 7. Check and build agree: what fails the build is found by check.
    "401-digit repetitions": {
        "sequences/short.md": "---\ntitle: Short\nsummary: S.\nsteps:\n  - pose: rest\n    repetitions: "
        + "9" * 401
        + "\n    phases:\n      - rest: 1 minute\n---\n"
    },
    "4,300-digit integer": {"poses/rest.md": "---\nname: Rest\nsummary: Lie still.\nsided: " + "9" * 4301 + "\n---\n"},
    "401-digit hold": {
        "sequences/short.md": "---\ntitle: Short\nsummary: S.\nsteps:\n  - pose: rest\n    phases:\n      - hold: "
        + "9" * 401
        + " breaths\n---\n"
    },
    "broken link": body("See [the lunge](low-lunge-pose.md).\n"),
    "missing anchor": body("See [the cautions](low-lunge.md#nowhere).\n"),
    "link to a folder": body("See [the props](../props/).\n"),
    "absolute link": body("See [the lunge](/poses/low-lunge.md).\n"),
    "address MkDocs cannot read": body("See [this](http://[evil/).\n"),
    "246-character slug": {
        "sequences/" + "s" * 246 + ".md": "---\ntitle: Long\nsummary: S.\n" + SEQUENCE_STEPS + "---\n"
    },
    # 8. Silent replacement: two sources on one path are an error naming both.
    "a page in the place of a pose page": {"poses/low-lunge/index.md": "# Low Lunge\n\nSomething else.\n"},
    "two figures on one path": {
        "poses/rest.md": figure_pose("Rest", "  - position: a\n    base: supine\n  - position: b\n    base: supine\n"),
        "poses/rest-a.md": figure_pose("Rest A", "  - base: supine\n"),
    },
    "a card committed to docs": {"cards/short-a4.pdf": b"%PDF-1.7\n%posebook? no\n"},
    "two pages differing in letter case": {"About.md": "# About\n", "about.md": "# About\n"},
    "readme beside an index": {"guide/README.md": "# Guide\n", "guide/index.md": "# Guide\n"},
    # 10. Loose ends: characters the card fonts lack are found where they are written.
    "hebrew in a pose name": {"poses/rest.md": "---\nname: Rest שלום\nsummary: Lie still.\n---\n"},
    "arabic-indic digits in a cue": {
        "sequences/short.md": "---\ntitle: Short\nsummary: S.\nsteps:\n  - pose: rest\n    cue: Breathe ٣ times.\n"
        "    phases:\n      - rest: 1 minute\n---\n"
    },
    "emoji in a caution": {
        "poses/rest.md": "---\nname: Rest\nsummary: Lie still.\ncautions:\n  - condition: Dizzy 😵\n    action: stop\n"
        "    advice: Sit up slowly.\n---\n"
    },
    "chinese in a summary": {"poses/rest.md": "---\nname: Rest\nsummary: 躺下休息。\n---\n"},
    "newline in a value": {
        "poses/rest.md": '---\nname: Rest\nsummary: Lie still.\nsided: "no\\n::error::injected"\n---\n'
    },
    "newline in a file name": {"poses/re\nst.md": "---\nname: Rest\nsummary: Lie still.\n---\n"},
}
# Allowed: text that only looks like it breaks a rule.
ROUND_TWO_ALLOWED = {
    "a title with an ampersand": body('[Lunge](low-lunge.md "Lunge & hold")\n'),
    "a glossary definition with an ampersand and entities": {
        "glossary.md": GLOSSARY_HEAD + '"Hip & thigh: the &lt;deep&gt; flexor"\n' + QUADRICEPS + "---\n"
    },
    "a glossary definition with entities that spell a tag": {
        "glossary.md": GLOSSARY_HEAD
        + '"Hip flexor &lt;img src=x onerror=alert(1)&gt; &amp; more"\n'
        + QUADRICEPS
        + "---\n"
    },
    "a glossary alias that would have escaped the appended block": {
        "glossary.md": GLOSSARY_HEAD
        + 'The deep hip flexor.\n    aliases:\n      - "psoas]: x\\n\\n[tap](javascript:alert(1))"\n'
        + QUADRICEPS
        + "---\n"
    },
    "links to pages, generated pages, files and anchors": body(
        "See [the lunge](low-lunge.md), [its cautions](low-lunge.md#cautions), [all poses](index.md), "
        "[the cautions](../cautions.md#modify), [step 1](../sequences/short.md#step-1-low-lunge), "
        "[the card](../cards/short-a4.pdf), [this page](#rest) and [mail](mailto:a@example.org).\n"
    ),
    "mkdocs-style metadata without front matter": {
        "about.md": "title: &lt;img src=x onerror=alert(1)&gt;\nstatus: new\nsubtitle: &lt;b&gt;\n"
        "template: missing.html\nicon: ../../../etc/passwd\n\n# About\n"
    },
    "a second front matter block after an empty one": {
        "about.md": "---\n---\ntitle: &lt;img src=x onerror=alert(1)&gt;\nsubtitle: x\ntemplate: missing.html\n"
        "---\n# About\n"
    },
    "a generated page written by hand with front matter MkDocs cannot read": {
        "cautions.md": "---\ntitle: Cautions\ndescription: 2001-02-30\n# <img src=x onerror=alert(1)>\n---\n"
        "Every caution.\n"
    },
}


ROUND_TWO_PROBLEMS = {
    "glossary definition with an image": [
        "docs/glossary.md:4:17: error: terms[0].definition: '<' and '>' are not allowed in a "
        "definition: the site shows it as HTML in a tooltip",
    ],
    "link title with markup": [
        "docs/poses/rest.md:5:1: error: the title '<img src=x onerror=alert(1)>' may not "
        "contain '<' or '>' (nor &lt; or &gt;): the site shows titles as HTML in its tooltips; "
        "write them out in words",
    ],
    "reference link title with markup": [
        "docs/poses/rest.md:7:1: error: the title '<img src=x onerror=alert(1)>' may not "
        "contain '<' or '>' (nor &lt; or &gt;): the site shows titles as HTML in its tooltips; "
        "write them out in words",
    ],
    "image title with markup": [
        "docs/poses/rest.md:5:1: error: the title '<img src=x onerror=alert(1)>' may not "
        "contain '<' or '>' (nor &lt; or &gt;): the site shows titles as HTML in its tooltips; "
        "write them out in words",
    ],
    "abbreviation meaning with markup": [
        "docs/poses/rest.md:7:1: error: the meaning of the abbreviation 'still' may not "
        "contain '<' or '>' (nor &lt; or &gt;): the site shows titles as HTML in its tooltips; "
        "write them out in words",
    ],
    "abbreviation meaning in a quote": [
        "docs/poses/rest.md:7:1: error: the meaning of the abbreviation 'still' may not "
        "contain '<' or '>' (nor &lt; or &gt;): the site shows titles as HTML in its tooltips; "
        "write them out in words",
    ],
    "abbreviation for a word only posebook writes": [
        "docs/poses/rest.md:7:1: error: the meaning of the abbreviation 'Rest' may not contain "
        "'<' or '>' (nor &lt; or &gt;): the site shows titles as HTML in its tooltips; write "
        "them out in words",
    ],
    "title attribute with markup": [
        "docs/poses/rest.md:5:1: error: the title '<img src=x onerror=alert(1)>' may not "
        "contain '<' or '>' (nor &lt; or &gt;): the site shows titles as HTML in its tooltips; "
        "write them out in words",
    ],
    "title through an attribute list": [
        "docs/poses/rest.md:6:1: error: the title '<img src=x onerror=alert(1)>' may not "
        "contain '<' or '>' (nor &lt; or &gt;): the site shows titles as HTML in its tooltips; "
        "write them out in words",
    ],
    "page ending inside an open div": [
        "docs/poses/rest.md:7:1: error: the page ends inside an open HTML tag, code block or "
        "comment, which would swallow what the site adds after it; close it (e.g. with </div> or ```)",
    ],
    "page ending inside an open markdown div": [
        "docs/poses/rest.md:9:1: error: the page ends inside an open HTML tag, code block or "
        "comment, which would swallow what the site adds after it; close it (e.g. with </div> or ```)",
    ],
    "utf-16 svg with onload": [
        "docs/images/a.svg:1:1: error: the file is not UTF-8 text (byte 0xff cannot be read); save it as UTF-8",
    ],
    "utf-16 svg without a byte order mark": [
        "docs/images/a.svg:1:2: error: the file holds the control character U+0000; save it as plain UTF-8 text",
    ],
    "utf-16 stylesheet loading from a listener": [
        "docs/assets/a.css:1:1: error: the file is not UTF-8 text (byte 0xff cannot be read); save it as UTF-8",
    ],
    "svg declaring another encoding": [
        "docs/images/a.svg:1:21: error: the file declares an encoding other than UTF-8; save "
        "it as UTF-8 and declare UTF-8 or nothing",
    ],
    "stylesheet declaring another encoding": [
        "docs/assets/a.css:1:1: error: the file declares an encoding other than UTF-8; save it "
        "as UTF-8 and declare UTF-8 or nothing",
    ],
    "stylesheet in latin-1": [
        "docs/assets/a.css:1:28: error: the file is not UTF-8 text (byte 0xe9 cannot be read); save it as UTF-8",
    ],
    "30,000 nested brackets in front matter": [
        "docs/poses/rest.md:3:29: error: the front matter is nested more than 20 levels deep",
    ],
    "3,000 nested brackets in front matter": [
        "docs/poses/rest.md:3:29: error: the front matter is nested more than 20 levels deep",
    ],
    "deeply nested mappings in front matter": [
        "docs/poses/rest.md:3:86: error: the front matter is nested more than 20 levels deep",
    ],
    "deeply nested block lists in front matter": [
        "docs/poses/rest.md:24:39: error: the front matter is nested more than 20 levels deep",
    ],
    "10 KB of backtick runs": [
        "docs/poses/rest.md:5:1: error: this page has too many backticks that start code and "
        "never end it for the site to be built in reasonable time; write \\` for a backtick "
        "that is only text",
    ],
    "80 KB of <a:": [
        "docs/poses/rest.md:5:1: error: this page has 27,000 marks of Markdown or HTML "
        "(emphasis, code, links, tags, entities, table cells); a page may have at most 5,000: "
        "split it into several pages",
        "docs/poses/rest.md:5:1: error: this paragraph, list or table is 81,000 characters "
        "long; split it with blank lines into parts of at most 16,384",
    ],
    "<a: over many paragraphs": [
        "docs/poses/rest.md:5:1: error: this page has 20,000 marks of Markdown or HTML "
        "(emphasis, code, links, tags, entities, table cells); a page may have at most 5,000: "
        "split it into several pages",
    ],
    "unclosed brackets": [
        "docs/poses/rest.md:5:1: error: this page has 10,000 marks of Markdown or HTML "
        "(emphasis, code, links, tags, entities, table cells); a page may have at most 5,000: "
        "split it into several pages",
    ],
    "deeply nested lists": [
        "docs/poses/rest.md:13:1: error: quotes, lists and indented blocks are nested 9 levels "
        "deep here; at most 8 levels are allowed",
    ],
    "deeply nested quotes": [
        "docs/poses/rest.md:5:1: error: quotes, lists and indented blocks are nested 40 levels "
        "deep here; at most 8 levels are allowed",
    ],
    "deeply nested emphasis": [
        "docs/poses/rest.md:5:97: error: emphasis ('*' or '_') is nested more than 32 deep here",
    ],
    "thousands of headings": [
        "docs/poses/rest.md:5:1: error: this page has too many headings, definitions or rules "
        "inside paragraphs and lists for the site to be built in reasonable time; put a blank "
        "line before each",
        "docs/poses/rest.md:5:1: error: this paragraph, list or table has 3,000 lines; split "
        "it with blank lines into parts of at most 256",
        "docs/poses/rest.md:505:1: error: a page may have at most 500 headings",
    ],
    "401-digit repetitions": [
        "docs/sequences/short.md:6:18: error: steps[0].repetitions: '99999999999999999999…' is "
        "not a usable number; numbers here are between -1,000,000,000 and 1,000,000,000",
    ],
    "4,300-digit integer": [
        "docs/poses/rest.md:4:8: error: sided: '99999999999999999999…' is not a usable number; "
        "numbers here are between -1,000,000,000 and 1,000,000,000",
    ],
    "401-digit hold": [
        "docs/sequences/short.md:7:15: error: steps[0].phases[0].hold: '99999999999999999999…' "
        "is more than posebook can time; an amount is at most 1000 breaths",
    ],
    "broken link": [
        "docs/poses/rest.md:5:17: error: the link 'low-lunge-pose.md' leads to no page or file of the site",
    ],
    "missing anchor": [
        "docs/poses/rest.md:5:20: error: the link 'low-lunge.md#nowhere' points at '#nowhere', "
        "which docs/poses/low-lunge.md does not have",
    ],
    "link to a folder": [
        "docs/poses/rest.md:5:17: error: the link '../props/' leads to no page or file of the "
        "site; a link to a page names its .md file (did you mean '../props/index.md'?)",
    ],
    "absolute link": [
        "docs/poses/rest.md:5:17: error: the link '/poses/low-lunge.md' starts with '/': it "
        "would leave the site when it is published under a folder; write the path from this "
        "page, e.g. '../poses/low-lunge.md'",
    ],
    "address MkDocs cannot read": [
        "docs/poses/rest.md:5:12: error: the address 'http://[evil/' cannot be read (Invalid "
        "IPv6 URL); write a full address or a path to a file",
    ],
    "246-character slug": [
        "docs/sequences/sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
        "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
        "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
        "sss.md:1:1: error: the Letter take-home sheet of 'sssssssssssssssssssssssssssssssssssss…' "
        "would be published under the name 'ssssssssssssssssssssssssssssssssssssssss…', 265 bytes "
        "long (2 more files made from it too); a file system takes names of at most 255 bytes, so "
        "shorten the name it comes from",
    ],
    "a page in the place of a pose page": [
        "docs/poses/low-lunge/index.md:1:1: error: docs/poses/low-lunge/index.md would be "
        "published as site/poses/low-lunge/index.html, where docs/poses/low-lunge.md is "
        "published (site/poses/low-lunge/index.html); rename one of them",
    ],
    "two figures on one path": [
        "docs/poses/rest-a.md:5:5: error: figures[0]: the figure of 'rest-a' would be "
        "published as site/figures/rest-a.svg, where the figure of 'rest' in the position 'a' "
        "is published (site/figures/rest-a.svg); rename one of them",
    ],
    "a card committed to docs": [
        "docs/cards/short-a4.pdf:1:1: error: docs/cards/short-a4.pdf would be published as "
        "site/cards/short-a4.pdf, where the A4 class card of 'short' is published "
        "(site/cards/short-a4.pdf); rename one of them",
    ],
    "two pages differing in letter case": [
        "docs/about.md:1:1: error: docs/about.md would be published as site/about/index.html, "
        "where docs/About.md is published (site/About/index.html); rename one of them",
    ],
    "readme beside an index": [
        "docs/guide/index.md:1:1: error: docs/guide/index.md would be published as "
        "site/guide/index.html, where docs/guide/README.md is published "
        "(site/guide/index.html); rename one of them",
    ],
    "hebrew in a pose name": [
        "docs/poses/rest.md:2:7: error: name: 'ש' (U+05E9 HEBREW LETTER SHIN), 'ל' (U+05DC "
        "HEBREW LETTER LAMED), 'ו' (U+05D5 HEBREW LETTER VAV), 'ם' (U+05DD HEBREW LETTER FINAL "
        "MEM) cannot be printed: the cards' fonts have no such character; write it another way "
        "or leave it out",
    ],
    "arabic-indic digits in a cue": [
        "docs/sequences/short.md:6:10: error: steps[0].cue: '٣' (U+0663 ARABIC-INDIC DIGIT "
        "THREE) cannot be printed: the cards' fonts have no such character; write it another "
        "way or leave it out",
    ],
    "emoji in a caution": [
        "docs/poses/rest.md:5:16: error: cautions[0].condition: '😵' (U+1F635 DIZZY FACE) "
        "cannot be printed: the cards' fonts have no such character; write it another way or "
        "leave it out",
    ],
    "chinese in a summary": [
        "docs/poses/rest.md:3:10: error: summary: '躺' (U+8EBA CJK UNIFIED IDEOGRAPH-8EBA), '下' "
        "(U+4E0B CJK UNIFIED IDEOGRAPH-4E0B), '休' (U+4F11 CJK UNIFIED IDEOGRAPH-4F11), '息' "
        "(U+606F CJK UNIFIED IDEOGRAPH-606F) and 1 more cannot be printed: the cards' fonts "
        "have no such character; write it another way or leave it out",
    ],
    "newline in a value": [
        "docs/poses/rest.md:4:8: error: sided: expected true or false, got the text 'no\\n::error::injected'",
    ],
    "newline in a file name": [
        "docs/poses/re\\nst.md:1:1: error: the file name 're\\nst.md' is not a slug: use "
        "lowercase letters, digits and single hyphens (did you mean 're-st.md'?)",
    ],
}
CASES.update({name: (files, ROUND_TWO_PROBLEMS[name]) for name, files in ROUND_TWO.items()})
CASES.update({name: (files, None) for name, files in ROUND_TWO_ALLOWED.items()})
