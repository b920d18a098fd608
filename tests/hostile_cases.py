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
