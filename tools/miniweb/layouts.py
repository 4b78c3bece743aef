"""HTML, RSS, sitemap and robots.txt renderers for the three page families of the mini-web.

The markup follows what is known of each family (../shared/sites.md): ONECMS as in the real
baolaocai.vn page, the legacy `/<cat>/<yyyymm>/<slug>-<id>/` + `#content` family (baodaklak and old
baogialai), and the `h1.name` + `#content-detail` family (baoquangninh). Output is a pure function
of the articles, so re-running the generator gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from email.utils import format_datetime
from html import escape

from tools.miniweb.papers import Article, Paper
from tools.miniweb.stories import Figure
from tools.miniweb.text import slugify

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
ACTIVE = ' class="active"'
GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="


def e(text: str) -> str:
    return escape(text, quote=True)


def iso_compact(dt: datetime) -> str:
    """ONECMS writes offsets without a colon: 2025-06-17T13:43:02+0700."""
    return dt.strftime("%Y-%m-%dT%H:%M:%S%z")


def visible(dt: datetime) -> str:
    return dt.strftime("%d/%m/%Y %H:%M")


def legacy_date(dt: datetime) -> str:
    return f"{WEEKDAYS[dt.weekday()]}, {dt.strftime('%d/%m/%Y, %H:%M')} [GMT+7]"


def rfc822(dt: datetime) -> str:
    return format_datetime(dt)


def _hash(*parts: str, size: int = 128) -> str:
    return hashlib.sha512("/".join(parts).encode()).hexdigest()[:size]


def image_url(a: Article, file: str) -> str:
    if a.layout == "onecms":
        return f"https://cdn.{a.paper.host}/images/{_hash(a.paper.host, a.ident, file)}/{file}"
    month = (a.published or a.sort_time).strftime("%Y%m")
    if a.layout in ("legacy_channel", "legacy_gialai"):
        number = int(_hash(a.ident, file, size=8), 16) % 9_000_000 + 1_000_000
        return f"https://{a.paper.host}/dataimages/{month}/original/images{number}_{file}"
    return f"https://{a.paper.host}/upload/image/{month}/original/{_hash(a.ident, file, size=16)}-{file}"


def lead_image(a: Article) -> str:
    figs = [b for b in a.story.blocks if isinstance(b, Figure)]
    return image_url(a, figs[0].image if figs else "logo-share.jpg")


def byline(a: Article) -> str:
    return f"Theo {a.syndicated_from}" if a.syndicated_from else a.story.author


# ---------------------------------------------------------------- ONECMS


def _onecms_menu(p: Paper) -> str:
    items = [(p.party_category[0], p.party_category[1])] + sorted(set(p.categories.values()))
    links = "".join(f'<li><a class="" href="{p.base}/{slug}/" title="{e(name)}">{e(name)}</a></li> '
                    for slug, name in items)
    return (f'<header class="site-header "> <div class="container"> <div class="content-header"> '
            f'<a class="logo" href="{p.base}" title="{e(p.name)}">{e(p.name)}</a> <div class="search"> '
            '<input type="text" class="input-search txtsearch" placeholder="Nhập từ khóa cần tìm"> </div> '
            f'</div> </div> <div class="navigation sticky"> <ul class="menu"> <li> <a href="/" class="ic-home" '
            f'title="Trang chủ">Trang chủ</a> </li> {links}</ul> </div> </header>')


def _story_card(a: Article, *, thumb: bool, summary: bool = False) -> str:
    title = e(a.story.title)
    parts = [f'<article class="story" data-id="{a.ident}">']
    if thumb:
        src = lead_image(a) + ".webp"
        parts.append(f'<figure class="story__thumb"> <a class="cms-link" href="{a.url}" title="{title}"> '
                     f'<img class="lazyload" src="{GIF}" data-src="{src}" data-srcset="{src} 1x, {src} 2x" '
                     f'alt="{title}"> <noscript><img src="{src}" alt="{title}" class="image-fallback"></noscript> '
                     '</a> </figure>')
    parts.append(f'<h2 class="story__heading" data-tracking="{a.ident}"> <a class="cms-link" href="{a.url}" '
                 f'title="{title}"> {title} </a> </h2>')
    if summary:
        if a.published:
            parts.append(f'<div class="story__meta"> <time class="time" datetime="{iso_compact(a.published)}">'
                         f'{visible(a.published)}</time> </div>')
        parts.append(f'<div class="story__summary story__shorten">{e(a.story.sapo)}</div>')
    parts.append("</article>")
    return " ".join(parts)


def _onecms_footer(p: Paper) -> str:
    return (f'<footer class="site-footer container"> <div class="row"> <a href="/" class="logo" title="{e(p.name)}">'
            f'{e(p.name)}</a> <div class="info"> <p><span class="bold">Cơ quan chủ quản</span>: Tỉnh ủy {p.province}'
            '</p> <p>Giấy phép xuất bản số: <span class="bold">'
            f'{int(_hash(p.host, size=4), 16) % 400 + 100}/GP-BTTTT</span></p> </div> </div> <div class="row"> '
            '<p class="text"> Cấm sao chép dưới mọi hình thức nếu không có sự chấp thuận bằng văn bản. </p> '
            '</div> </footer> <div class="back-to-top"></div> <script src="https://common.mcms.one/assets/js/web/'
            'common.min-0.0.28.js"></script> <div id="sdaWeb_SdaBalloon" class="rennab " data-platform="1" '
            'data-position="Web_SdaBalloon" style="display:none"> </div>')


def _ad(slot: str) -> str:
    return (f'<div class="sda_middle"> <div id="sdaWeb_{slot}" class="rennab fyi" data-platform="1" '
            f'data-position="Web_{slot}"> </div>\n</div>')


def _onecms_body(a: Article) -> str:
    out = ['<div class="article__body zce-content-body cms-body" itemprop="articleBody">']
    paragraphs = 0
    ads = iter(["SdaArticleMiddle", "SdaArticleMiddle1", "SdaArticleMiddle2"])
    for block in a.story.blocks:
        if isinstance(block, Figure):
            src = image_url(a, block.image)
            out.append(f'<figure class="image align-center" contenteditable="false"> <img class="lazyload" '
                       f'src="{GIF}" data-src="{src}" alt="{e(block.caption)}" width="1000" height="667"> '
                       f'<noscript><img src="{src}" alt="{e(block.caption)}"></noscript> '
                       f'<figcaption class="PhotoCMS_Caption"><p>{e(block.caption)}</p></figcaption> </figure>')
            continue
        out.append(f"<p>{e(block)}</p>")
        paragraphs += 1
        if paragraphs in (2, 5):
            out.append(_ad(next(ads)))
        if paragraphs == 3 and a.related:
            links = " ".join(_story_card(r, thumb=False) for r in a.related)
            out.append(f'<div class="related-news"> <h3 class="box-heading"><span class="title">Tin liên quan</span>'
                       f'</h3> <div class="box-content">{links}</div> </div>')
    out.append(f'<div class="t1"> <span class="t2">{e(byline(a))}</span>\n</div>')
    out.append('<div id="sdaWeb_SdaArticleAfterBody" class="rennab " data-platform="1" '
               'data-position="Web_SdaArticleAfterBody" style="display:none"> </div> </div>')
    return "\n".join(out)


def _jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False, indent=1)}</script>'


def render_onecms(a: Article) -> str:
    p = a.paper
    s = a.story
    cat_slug, cat_name = a.category
    title, sapo = e(s.title), e(a.sapo_text)
    tags = "".join(t + "," for t in s.tags)
    og_image = lead_image(a) + ".webp"
    head = [
        '<!DOCTYPE html> <html lang="vi"> <head>',
        f"<title>{title} | {e(p.name)}</title>",
        f'<meta name="description" content="{sapo}"/>',
        f'<meta name="keywords" content="{e(tags)}"/> <meta name="news_keywords" content="{e(tags)}"/>',
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
        '<meta http-equiv="refresh" content="1800" /> <meta name="revisit-after" content="1 days" />',
        '<meta content="width=device-width, initial-scale=1, maximum-scale=5, user-scalable=yes" name="viewport"/>',
        f'<meta name="author" content="{e(p.name)}" /> <meta name="copyright" content="Copyright © 2025 by {e(p.name)}" />',
        '<meta name="robots" content="noarchive, max-image-preview:large, index, follow" />',
        '<meta name="GOOGLEBOT" content="noarchive, max-image-preview:large, index, follow" />',
        f'<link rel="canonical" href="{a.url}" />',
        f'<meta property="og:site_name" content="{e(p.name)}"/> <meta property="og:type" content="article"/>',
        f'<meta property="og:url" content="{a.url}"/>',
        f'<meta property="og:image" content="{og_image}"/>',
        '<meta property="og:image:width" content="1200"/> <meta property="og:image:height" content="630"/>',
        f'<meta property="og:title" content="{title}"/> <meta property="og:description" content="{sapo}"/>',
        f'<meta property="article:tag" content="{e(tags)}"/>',
        f'<meta property="article:section" content="{e(cat_name)}" />',
    ]
    if a.published:
        head.append(f'<meta property="article:published_time" content="{iso_compact(a.published)}"/>')
        head.append(f'<meta property="article:modified_time" content="{iso_compact(a.modified or a.published)}"/>')
    head.append(_jsonld({"@context": "http://schema.org", "@type": "Organization", "name": p.name,
                         "url": p.base, "logo": f"https://cdn.{p.host}/assets/web/styles/img/logo.png"}))
    head.append(_jsonld({"@context": "https://schema.org", "@type": "WebSite", "name": p.name, "url": p.base,
                         "potentialAction": {"@type": "SearchAction", "target": {
                             "@type": "EntryPoint", "urlTemplate": f"{p.base}/search/?q={{search_term_string}}"},
                             "query-input": "required name=search_term_string"}}))
    head.append(_jsonld({"@context": "http://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "item": {"@id": f"{p.base}/{cat_slug}/", "name": cat_name}}]}))
    article_ld = {"@context": "http://schema.org", "@type": "NewsArticle",
                  "mainEntityOfPage": {"@type": "WebPage", "@id": a.url}, "headline": s.title,
                  "description": a.sapo_text,
                  "image": {"@type": "ImageObject", "url": og_image, "width": 1200, "height": 675}}
    if a.published:
        article_ld["datePublished"] = iso_compact(a.published)
        article_ld["dateModified"] = iso_compact(a.modified or a.published)
    article_ld["author"] = {"@type": "Person", "name": ""}
    article_ld["publisher"] = {"@type": "Organization", "name": p.name, "logo": {
        "@type": "ImageObject", "url": f"https://cdn.{p.host}/assets/web/styles/img/logo.png"}}
    head.append(_jsonld(article_ld))
    head.append(f'<link rel="stylesheet" href="https://common.mcms.one/assets/styles/css/{p.host.split(".")[0]}.css">')
    head.append("</head>")

    gg = (f'<a class="gg-news" href="https://news.google.com/publications/{_hash(p.host, size=24)}?hl=vi&amp;gl=VN" '
          f'target="_blank"> <span>Theo dõi {e(p.short)} trên</span> <img src="https://cdn.{p.host}/assets/web/styles/'
          'img/gg-news.png" alt="Google News">\n</a>')
    share = ('<div class="social social-share"> <a href="javascript:void(0);" class="tw" data-rel="twitter" '
             f'data-href="{a.url}" title="Chia sẻ qua Twitter">Chia sẻ qua Twitter</a> <a href="javascript:void(0);" '
             'class="print sendprint" title="In bài viết">In bài viết</a> </div>')
    meta_row = ""
    if a.published:
        meta_row = (f'<div class="row"> <time class="time" datetime="{iso_compact(a.published)}"><i class="ic-calendar">'
                    f'</i><span data-time="{int(a.published.timestamp())}" data-format="long" data-friendly="true">'
                    f'{visible(a.published)}</span></time> <meta class="cms-date" itemprop="datePublished" '
                    f'content="{iso_compact(a.published)}"> </div>')
    tag_links = " ".join(f'<a href="{p.base}/tu-khoa/{slugify(t)}-tag{int(_hash(t, size=5), 16) % 90000 + 10000}.html" '
                         f'title="{e(t)}">#{e(t)}</a>' for t in s.tags)
    most_read = " ".join(_story_card(r, thumb=i == 0) for i, r in enumerate(a.most_read))
    suggest = " ".join(_story_card(r, thumb=True) for r in a.most_read[::-1][:4])
    body = [
        '<body class="">', _onecms_menu(p),
        '<div class="site-body"> <div class="container detail"> <div class="rennab-wrap"> <div id="sdaWeb_SdaTop" '
        'class="rennab " data-platform="1" data-position="Web_SdaTop" style="display:none"> </div> </div>',
        f'<div class="breadcrumbs"> <h2 class="main"> <a href="{p.base}/{cat_slug}/" title="{e(cat_name)}" '
        f'class="active">{e(cat_name)}</a> </h2> </div>',
        '<div class="col"> <div class="main-col content-col"> <div class="article">',
        f'<h1 class="article__title cms-title "> {title} </h1>',
        f'<div class="article__meta"> {meta_row} <div class="row"> {share} {gg} </div> </div>',
        f'<div class="article__sapo cms-desc"> {sapo} </div>',
        '<div id="sdaWeb_SdaArticleAfterSapo" class="rennab " data-platform="1" '
        'data-position="Web_SdaArticleAfterSapo" style="display:none"> </div>',
        _onecms_body(a),
        f'<div class="article__tags"> <h3 class="box-heading"> <span class="title">Từ khóa:</span> </h3> '
        f'<div class="box-content"> {tag_links} </div> </div>',
        f'<div class="wrap-comment" id="comment{a.ident}" data-id="{a.ident}" data-type="20"></div>',
        '</div> </div>',
        '<div class="sub-col sidebar-right"> <div id="sidebar-top-1"> <div id="sdaWeb_SdaRight1" class="rennab " '
        'data-platform="1" data-position="Web_SdaRight1" style="display:none"> </div> <section class="hot-news '
        'fyi-position"> <h3 class="box-heading"> <span class="title">Đọc nhiều</span> </h3> <div class="box-content" '
        f'data-source="mostread-news"> {most_read} </div> </section> </div> </div> </div>',
        f'<section class="suggest"> <h3 class="box-heading"> <a href="{p.base}/{cat_slug}/" title="{e(cat_name)}" '
        f'class="title"> Có thể bạn quan tâm </a> </h3> <div class="box-content" data-source="recommendation">'
        f' {suggest} </div> </section>',
        '</div> </div>', _onecms_footer(p), "</body> </html>",
    ]
    return "\n".join(head + body) + "\n"


def render_onecms_listing(p: Paper, path: str, name: str, items: list[Article], page: int, pages: int) -> str:
    cards = "\n".join(_story_card(a, thumb=True, summary=True) for a in items)
    nav = []
    if page > 1:
        prev = f"{p.base}{path}" + (f"?page={page - 1}" if page > 2 else "")
        nav.append(f'<a class="prev" href="{prev}">Trang trước</a>')
    for n in range(1, pages + 1):
        href = f"{p.base}{path}" + (f"?page={n}" if n > 1 else "")
        nav.append(f'<a href="{href}"{ACTIVE if n == page else ""}>{n}</a>')
    if page < pages:
        nav.append(f'<a class="next" href="{p.base}{path}?page={page + 1}">Trang sau</a>')
    title = f"{name} | {p.name}" + (f" - Trang {page}" if page > 1 else "")
    canonical = f"{p.base}{path}" + (f"?page={page}" if page > 1 else "")
    return "\n".join([
        '<!DOCTYPE html> <html lang="vi"> <head>', f"<title>{e(title)}</title>",
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
        f'<link rel="canonical" href="{canonical}" />', f'<meta property="og:url" content="{canonical}"/>',
        "</head>", '<body class="">', _onecms_menu(p),
        '<div class="site-body"> <div class="container category">',
        f'<div class="breadcrumbs"> <h1 class="main"> <a href="{p.base}{path}" class="active">{e(name)}</a> </h1> </div>',
        '<div class="col"> <div class="main-col content-col"> <div class="timeline"> '
        f'<div class="box-content content-list" data-source="zone-timeline">\n{cards}\n</div> </div>',
        f'<div class="pagination">{" ".join(nav)}</div>', "</div> </div> </div> </div>",
        _onecms_footer(p), "</body> </html>",
    ]) + "\n"


# ---------------------------------------------------------------- legacy (/<cat>/<yyyymm>/<slug>-<id>/, #content)


def _legacy_table(a: Article, fig: Figure) -> str:
    return (f'<table class="image center" align="center"><tbody><tr><td><img src="{image_url(a, fig.image)}" '
            f'alt="{e(fig.caption)}" /></td></tr><tr><td class="image_desc">{e(fig.caption)}</td></tr></tbody></table>')


def _legacy_head(a: Article) -> str:
    p = a.paper
    return "\n".join([
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="vi"> <head>',
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
        f"<title>{e(a.story.title)} - {e(p.name)}</title>",
        f'<meta name="description" content="{e(a.story.sapo)}" />',
        f'<meta name="keywords" content="{e(", ".join(a.story.tags))}" />',
        f'<link rel="canonical" href="{a.url}" />',
        f'<meta property="og:title" content="{e(a.story.title)}" />', f'<meta property="og:url" content="{a.url}" />',
        f'<meta property="og:image" content="{lead_image(a)}" />', '<meta property="og:type" content="article" />',
        f'<link rel="stylesheet" type="text/css" href="https://{p.host}/Styles/style.css" />', "</head>",
    ])


def _legacy_menu(p: Paper) -> str:
    slug, name = p.party_category
    items = [(slug, name)] + sorted(set(p.categories.values()))
    links = " ".join(f'<li><a class="title1" href="{p.base}/{s}/">{e(n)}</a></li>' for s, n in items)
    return (f'<div id="header"> <a id="logo" href="{p.base}/"><img src="{p.base}/Images/logo.png" alt="{e(p.name)}" />'
            f'</a> <ul id="menu"> <li><a class="title1" href="{p.base}/">Trang chủ</a></li> {links} </ul> </div>')


def _legacy_footer(p: Paper) -> str:
    return (f'<div id="footer"> <p>{e(p.name.upper())} - CƠ QUAN CỦA ĐẢNG BỘ ĐẢNG CỘNG SẢN VIỆT NAM TỈNH '
            f'{e(p.province.upper())}</p> <p>Ghi rõ nguồn "{e(p.name)}" khi phát hành lại thông tin từ website này.'
            '</p> </div>')


def render_daklak(a: Article) -> str:
    """baodaklak: sapo is the bold first paragraph of `#content`; date in `div.date`."""
    p = a.paper
    slug, name = a.category
    body = [f"<p><strong>{e(a.story.sapo)}</strong></p>"]
    for i, block in enumerate(a.story.blocks):
        body.append(_legacy_table(a, block) if isinstance(block, Figure) else f"<p>{e(block)}</p>")
        if i == 2:
            body.append('<div class="bannerAds" id="adsWeb_AdsArticleMiddle"><a href="https://' + p.host +
                        '/lien-he-quang-cao/"><img src="https://' + p.host + '/Images/banner/qc-giua-bai.jpg" '
                        'alt="Quảng cáo" /></a></div>')
    body.append(f'<p style="text-align: right;"><strong>{e(byline(a))}</strong></p>')
    date = f'<div class="date">{legacy_date(a.published)}</div>' if a.published else ""
    related = " ".join(f'<li><a class="title5" href="{r.url}">{e(r.story.title)}</a></li>' for r in a.related)
    most = " ".join(f'<li><a class="title3" href="{r.url}">{e(r.story.title)}</a></li>' for r in a.most_read)
    tags = " ".join(f'<a href="{p.base}/tag/{slugify(t)}/">{e(t)}</a>' for t in a.story.tags)
    return "\n".join([
        _legacy_head(a), "<body>", _legacy_menu(p), '<div class="container"> <div class="row"> <div class="col-main">',
        f'<div class="breadcrumb"><a class="maincatetitle" href="{p.base}/{slug}/">{e(name)}</a></div>',
        '<div class="article_content">', f'<h1 class="media-heading title5">{e(a.story.title)}</h1>', date,
        '<ul class="social"><li><a class="fb" href="javascript:void(0)">Chia sẻ</a></li><li><a class="print" '
        'href="javascript:window.print()">In bài</a></li></ul>',
        '<div class="content" id="content">', *body, "</div>",
        f'<div class="tag_list"><span>Từ khóa: </span>{tags}</div>',
        f'<div class="bd02"><div class="title">Tin cùng chuyên mục</div><ul>{related}</ul></div>',
        "</div> </div>",
        f'<div class="col-right"> <div class="box-docnhieu"><div class="title">Đọc nhiều</div><ul>{most}</ul></div> </div>',
        "</div> </div>", _legacy_footer(p), "</body> </html>",
    ]) + "\n"


def render_gialai_legacy(a: Article) -> str:
    """Old baogialai (about 2010-2022): `#content > div` children; lead `(GLO)- `; captions in tables."""
    p = a.paper
    body = []
    for block in a.story.blocks:
        body.append(f"<div>{_legacy_table(a, block)}</div>" if isinstance(block, Figure) else f"<div>{e(block)}</div>")
    others = " ".join(f'<li><a href="{r.url.removeprefix(p.base)}">{e(r.story.title)}</a></li>' for r in a.related)
    return "\n".join([
        _legacy_head(a), "<body>", _legacy_menu(p), '<div id="wrapper"> <div id="left">',
        '<div id="content">',
        f'<div class="title-detail"><h1>{e(a.story.title)}</h1></div>',
        f'<div class="date">{legacy_date(a.published)}</div>' if a.published else "",
        f'<div class="lead"><strong>{e(a.sapo_text)}</strong></div>',
        '<div class="tools"><a href="javascript:window.print()">In bài viết</a> | '
        '<a href="javascript:void(0)">Gửi cho bạn bè</a></div>',
        *body,
        f'<div style="text-align: right;"><strong>{e(byline(a))}</strong></div>',
        "</div>",
        f'<div class="other-news"><h3>Các tin khác</h3><ul>{others}</ul></div>',
        "</div> </div>", _legacy_footer(p), "</body> </html>",
    ]) + "\n"


def render_legacy_listing(p: Paper, path: str, name: str, items: list[Article], page: int, pages: int,
                          *, gialai: bool) -> str:
    rows = []
    for a in items:
        if gialai:
            rows.append(f'<li><div class="avatar"><img src="{lead_image(a)}" alt="" /></div>'
                        f'<a class="title-2" href="{a.url.removeprefix(p.base)}">{e(a.story.title)}</a>'
                        f'<div class="lead">{e(a.sapo_text)}</div></li>')
        else:
            date = f'<span class="date">{visible(a.published)}</span>' if a.published else ""
            rows.append(f'<div class="item"><a class="avatar" href="{a.url}"><img src="{lead_image(a)}" alt="" /></a>'
                        f'<a class="title5" href="{a.url}">{e(a.story.title)}</a>{date}'
                        f'<div class="sapo">{e(a.story.sapo)}</div></div>')
    nav = " ".join(
        f'<a href="{path if gialai else p.base + path}{"?page=" + str(n) if n > 1 else ""}"'
        f'{ACTIVE if n == page else ""}>{n}</a>' for n in range(1, pages + 1))
    listing = (f'<ul id="cate-content">{"".join(rows)}</ul>' if gialai
               else f'<div class="list-news">{"".join(rows)}</div>')
    return "\n".join([
        '<!DOCTYPE html> <html lang="vi"> <head> <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
        f"<title>{e(name)} - {e(p.name)}</title> </head> <body>", _legacy_menu(p),
        f'<div class="container"> <h1 class="cate_title">{e(name)}</h1>', listing,
        f'<div class="paging">{nav}</div>', "</div>", _legacy_footer(p), "</body> </html>",
    ]) + "\n"


# ---------------------------------------------------------------- content_detail (baoquangninh)


def _qn_header(p: Paper) -> str:
    items = [p.party_category] + sorted(set(p.categories.values()))
    links = " ".join(f'<li class="nav-item"><a class="nav-link" href="{p.base}/{s}">{e(n)}</a></li>' for s, n in items)
    return (f'<header class="header"> <div class="container"> <a class="logo" href="{p.base}/"><img '
            f'src="{p.base}/assets/images/logo.svg" alt="{e(p.name)}"></a> <ul class="navbar-nav">{links}</ul> '
            '</div> </header>')


def _qn_footer(p: Paper) -> str:
    return (f'<footer class="footer"> <div class="container"> <p>Cơ quan chủ quản: Tỉnh ủy {e(p.province)}</p> '
            f'<p>© {e(p.name)}. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p> </div> </footer>')


def render_quangninh(a: Article, *, with_sapo_div: bool) -> str:
    p = a.paper
    slug, name = a.category
    body = [] if with_sapo_div else [f"<p><strong>{e(a.story.sapo)}</strong></p>"]
    for i, block in enumerate(a.story.blocks):
        if isinstance(block, Figure):
            body.append(f'<figure class="image"><img src="{image_url(a, block.image)}" alt="{e(block.caption)}">'
                        f'<figcaption>{e(block.caption)}</figcaption></figure>')
        else:
            body.append(f"<p>{e(block)}</p>")
        if i == 1 and a.related:
            links = "".join(f'<li><a href="{r.url}">{e(r.story.title)}</a></li>' for r in a.related)
            body.append(f'<div class="relates"><h3 class="title">Tin liên quan</h3><ul>{links}</ul></div>')
    body.append(f'<p class="pseudonym" style="text-align: right;"><strong>{e(byline(a))}</strong></p>')
    head = [
        '<!DOCTYPE html> <html lang="vi"> <head> <meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(a.story.title)} - {e(p.name)}</title>",
        f'<meta name="description" content="{e(a.story.sapo)}">', f'<link rel="canonical" href="{a.url}">',
        f'<meta property="og:type" content="article"> <meta property="og:title" content="{e(a.story.title)}">',
        f'<meta property="og:url" content="{a.url}"> <meta property="og:image" content="{lead_image(a)}">',
        f'<meta property="og:description" content="{e(a.story.sapo)}">',
    ]
    if a.published:
        head.append(f'<meta property="article:published_time" content="{a.published.isoformat()}">')
    head.append("</head>")
    date = f'<span class="post-date">{visible(a.published)}</span>' if a.published else ""
    more = " ".join(f'<article class="card"><div class="card-content"><h3 class="title"><a href="{r.url}">'
                    f'{e(r.story.title)}</a></h3></div></article>' for r in a.most_read)
    return "\n".join(head + [
        "<body>", _qn_header(p), '<main class="main"> <div class="container">',
        f'<div class="breadcrumbs"><ol class="breadcrumb"><li><a href="{p.base}/">Trang chủ</a></li>'
        f'<li><a href="{p.base}/{slug}">{e(name)}</a></li></ol></div>',
        '<div class="content-article">', f'<h1 class="name">{e(a.story.title)}</h1>',
        f'<div class="meta"> {date} <span class="author">{e(byline(a))}</span> </div>',
        f'<div class="sapo">{e(a.story.sapo)}</div>' if with_sapo_div else "",
        '<div id="content-detail" class="detail">', *body, "</div>",
        '<div class="tags">' + " ".join(f'<a href="{p.base}/tag/{slugify(t)}">{e(t)}</a>' for t in a.story.tags)
        + "</div>",
        "</div>",
        f'<section class="box-cung-chuyen-muc"><h2 class="box-title">Cùng chuyên mục</h2>{more}</section>',
        "</div> </main>", _qn_footer(p), "</body> </html>",
    ]) + "\n"


def render_quangninh_listing(p: Paper, path: str, name: str, items: list[Article], page: int, pages: int) -> str:
    cards = "\n".join(
        f'<article class="card"><div class="card-image"><a href="{a.url}"><img src="{lead_image(a)}" alt=""></a></div>'
        f'<div class="card-content"><h3 class="title"><a href="{a.url}">{e(a.story.title)}</a></h3>'
        + (f'<span class="post-date">{visible(a.published)}</span>' if a.published else "")
        + f'<p class="sapo">{e(a.story.sapo)}</p></div></article>' for a in items)
    nav = " ".join(f'<li class="page-item{" active" if n == page else ""}"><a class="page-link" '
                   f'href="{p.base}{path}{"?page=" + str(n) if n > 1 else ""}">{n}</a></li>'
                   for n in range(1, pages + 1))
    return "\n".join([
        '<!DOCTYPE html> <html lang="vi"> <head> <meta charset="utf-8">',
        f"<title>{e(name)} - {e(p.name)}</title> </head> <body>", _qn_header(p),
        f'<main class="main"> <div class="container"> <h1 class="cate-title">{e(name)}</h1>',
        f'<div class="list-news">\n{cards}\n</div>', f'<ul class="pagination">{nav}</ul>', "</div> </main>",
        _qn_footer(p), "</body> </html>",
    ]) + "\n"


def render_quangninh_rss_index(p: Paper, feeds: list[tuple[str, str]]) -> str:
    rows = "".join(f'<li><a href="{p.base}{path}">{e(name)}</a> <span class="rss-url">{p.base}{path}</span></li>'
                   for path, name in feeds)
    return "\n".join([
        '<!DOCTYPE html> <html lang="vi"> <head> <meta charset="utf-8">', f"<title>RSS - {e(p.name)}</title>",
        "</head> <body>", _qn_header(p), '<main class="main"> <div class="container"> <h1>RSS</h1>',
        f'<ul class="rss-list">{rows}</ul>', "</div> </main>", _qn_footer(p), "</body> </html>",
    ]) + "\n"


# ---------------------------------------------------------------- feeds, sitemaps, robots


def render_rss(p: Paper, feed_path: str, title: str, items: list[Article]) -> str:
    newest = max((a.modified or a.published for a in items if a.published), default=None)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">', "<channel>",
           f"<title>{e(title)}</title>", f"<link>{p.base}</link>",
           f"<description>{e(p.name)} - {e(title)}</description>", "<language>vi</language>",
           f'<atom:link href="{p.base}{feed_path}" rel="self" type="application/rss+xml"/>']
    if newest:
        out.append(f"<lastBuildDate>{rfc822(newest)}</lastBuildDate>")
    for a in items:
        desc = f'<a href="{a.url}"><img src="{lead_image(a)}" /></a>{e(a.sapo_text)}'
        out += ["<item>", f"<title><![CDATA[{a.story.title}]]></title>", f"<link>{a.url}</link>",
                f'<guid isPermaLink="true">{a.url}</guid>', f"<description><![CDATA[{desc}]]></description>"]
        if a.published:
            out.append(f"<pubDate>{rfc822(a.published)}</pubDate>")
        out.append("</item>")
    out += ["</channel>", "</rss>"]
    return "\n".join(out) + "\n"


def render_sitemap_index(p: Paper, months: list[tuple[int, int, datetime]]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for year, month, lastmod in months:
        out += ["<sitemap>", f"<loc>{p.base}/sitemaps/news-{year}-{month}.xml</loc>",
                f"<lastmod>{lastmod.isoformat()}</lastmod>", "</sitemap>"]
    out.append("</sitemapindex>")
    return "\n".join(out) + "\n"


def render_news_sitemap(p: Paper, items: list[Article]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
           'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">']
    for a in items:
        out += ["<url>", f"<loc>{a.url}</loc>", f"<lastmod>{(a.modified or a.published).isoformat()}</lastmod>",
                "<news:news>", f"<news:publication><news:name>{e(p.short)}</news:name>"
                "<news:language>vi</news:language></news:publication>",
                f"<news:publication_date>{a.published.isoformat()}</news:publication_date>",
                f"<news:title>{e(a.story.title)}</news:title>", "</news:news>",
                f"<image:image><image:loc>{lead_image(a)}</image:loc></image:image>", "</url>"]
    out.append("</urlset>")
    return "\n".join(out) + "\n"
