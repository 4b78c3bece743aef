"""What is cut from every article body, whatever the layout says: ads, share bars, related news, forms.

The list is data tested on each element in one pass over the body, not a CSS list: as CSS
(~50 comma groups, each a cssselect XPath scan testing `contains(concat(' ', normalize-space(@class),
' '), ' x ')` on every element) it cost ~10× this pass, and the real pages of the page benchmark ran at
3.6–3.7× trafilatura instead of 4.3–4.4× (goal ≥ 4×). Site layouts add their own CSS (`remove`),
which `generic.prune` runs.
"""

from __future__ import annotations

from scrapers.clean import attached
from scrapers.page import drop_tree

TAGS = frozenset(
    "script style link iframe form button input select textarea ins object embed svg video audio".split()
)
CLASSES = frozenset(
    # ad slots
    "sda_middle rennab ads_middle ads adsbygoogle banner "
    # related and most-read news
    "related-news article-relate box-related related relates tinlienquan tin-lien-quan hot-news most-read "
    # share and follow bars, comments, print links
    "social social-share share sharing fb-like fb-share-button zalo-share-button gg-news article__tags "
    "wrap-comment comment print sendprint topics ggnewsfollow google-news btn-print "
    # topic ("Dòng sự kiện") and promotion boxes
    "related-topic box-topic topic-box notebox sponsor sponsored box-sponsor pr-box".split()
)
IDS = frozenset({"comment"})
ID_PREFIXES = ("sdaWeb_", "adsWeb_", "ads_")
CLASS_PARTS = ("tin-lien", "share-", "-share", "sharing")  # anywhere in the class attribute
PRINT_LINKS = ("/print/", "print=1")  # in a link's href
ATTRIBUTES = (("data-source", "mostread-news"),)


def is_boilerplate(element) -> bool:
    """Whether `element` is one of the blocks above, by its tag, id, classes and a few attributes."""
    tag = element.tag
    if tag in TAGS:
        return True
    element_id = element.get("id")
    if element_id is not None and (element_id in IDS or element_id.startswith(ID_PREFIXES)):
        return True
    classes = element.get("class")
    if classes is not None and (any(part in classes for part in CLASS_PARTS) or not CLASSES.isdisjoint(classes.split())):
        return True
    if tag == "a" and any(part in (element.get("href") or "") for part in PRINT_LINKS):
        return True
    return any(element.get(name) == value for name, value in ATTRIBUTES)


def remove_boilerplate(root) -> None:
    """Drop every boilerplate block inside `root` (not `root` itself), keeping the text after each."""
    found = [el for el in root.iter() if el is not root and isinstance(el.tag, str) and is_boilerplate(el)]
    for element in found:
        if attached(element, root):
            drop_tree(element)

