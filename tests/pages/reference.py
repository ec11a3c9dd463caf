"""Writes a reference body for a saved page: the text of the element that postlight/parser's
hand-written extractor for the site names as the article content, read with Python's standard
HTML parser (scripts, styles and the extractor's `clean` selectors dropped, block elements as
line breaks). The result was then checked by hand against the page.

usage: python3 reference.py PAGE.html TAG CLASS_OR_ATTR=VALUE [SKIP_TAG...] > PAGE.body.txt
"""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
BLOCK = {"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
         "blockquote", "br", "tr", "table", "figure", "header", "footer", "aside", "pre", "dd", "dt"}


class Reference(HTMLParser):
    def __init__(self, tag, want, skip):
        super().__init__(convert_charrefs=True)
        self.tag, self.want, self.skip = tag, want, set(skip) | {"script", "style", "noscript"}
        self.depth = 0  # open elements inside the content element (0: outside)
        self.skipping = 0
        self.out = []

    def matches(self, tag, attrs):
        if tag != self.tag:
            return False
        key, _, value = self.want.partition("=")
        if value:
            return dict(attrs).get(key) == value
        return key in (dict(attrs).get("class") or "").split()

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            if self.matches(tag, attrs) and not self.out:
                self.depth = 1
            return
        if tag in BLOCK:
            self.out.append("\n")
        if tag in VOID:
            return
        self.depth += 1
        if self.skipping or tag in self.skip:
            self.skipping += 1

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in VOID:
            return
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.out.append(data)


def main():
    path, tag, want, *skip = sys.argv[1:]
    parser = Reference(tag, want, skip)
    parser.feed(open(path, encoding="utf-8").read())
    lines = (" ".join(line.split()) for line in "".join(parser.out).split("\n"))
    print("\n".join(line for line in lines if line))


main()
