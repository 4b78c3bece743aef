"""Ads, share bars, related news and forms leave every article body, whatever the layout says."""

from __future__ import annotations

import lxml.html

from scrapers.boilerplate import remove_boilerplate


def test_boilerplate_blocks_go_and_their_following_text_stays():
    root = lxml.html.fragment_fromstring(
        """<div><p class="lead">x</p><div id="sdaWeb_3">ad</div><div class="box tin-lien-quan">r</div>
        <section data-source="mostread-news"><a class="share">s</a></section><script>1</script>
        <div class="ads_middle other"><span>y</span></div><p>keep <a href="/a?print=1">In</a>tail</p>
        <div class="box-sharing-top">f</div><div id="comment">c</div><p class="adsense">kept</p></div>""")
    remove_boilerplate(root)
    assert [e.tag for e in root.iter()] == ["div", "p", "p", "p"]
    assert root.text_content().split() == ["x", "keep", "tail", "kept"]


def test_the_element_asked_is_never_removed():
    root = lxml.html.fragment_fromstring('<div class="related"><p>text</p></div>')
    remove_boilerplate(root)
    assert root.text_content() == "text"
