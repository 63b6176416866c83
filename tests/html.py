"""Reading rendered pages in tests: elements by id, with their attributes and text (the standard library's parser)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Ends of these elements separate words, as a browser's rendering does.
BLOK = {"br", "dd", "div", "dt", "h1", "h2", "h3", "h4", "li", "p", "section", "td", "th", "tr"}
LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    tekst: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text) of the <a> inside

    @property
    def text(self) -> str:
        return " ".join("".join(self.tekst).split())


class _Lezer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stapel: list[Element] = []
        self.alle: list[Element] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOK:
            self.handle_data(" ")
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.alle.append(element)
        if tag not in LEEG:
            self.stapel.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self.stapel) - 1, -1, -1):
            if self.stapel[i].tag == tag:
                if tag in BLOK:
                    self.handle_data(" ")
                element = self.stapel[i]
                del self.stapel[i:]
                if tag == "a":
                    for ouder in self.stapel:
                        ouder.links.append((element.attrs.get("href", ""), element.text))
                return

    def handle_data(self, data):
        for element in self.stapel:
            element.tekst.append(data)


def elementen(html: str) -> list[Element]:
    lezer = _Lezer()
    lezer.feed(html)
    lezer.close()
    return lezer.alle


def per_id(html: str) -> dict[str, Element]:
    """Every element with an id; a duplicate id fails the test (ids must be unique for links and labels)."""
    uit: dict[str, Element] = {}
    for element in elementen(html):
        sleutel = element.attrs.get("id")
        if sleutel:
            assert sleutel not in uit, f"id {sleutel!r} occurs twice"
            uit[sleutel] = element
    return uit
