"""Source files are strict (an unknown or misspelt key is an error naming the file and the key), every
shipped file passes `chitieu sources lint`, and each of the 34 units has a paper that reads its family's
mini-web pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chitieu.cli import app
from chitieu.sources_check import lint_all
from scrapers.config import (
    PRESETS_DIR,
    SOURCES_DIR,
    SourceFileError,
    load_source_file,
    load_sources,
    source_from_dict,
)
from scrapers.parse import parse_page
from warehouse.provinces import reference

MINIWEB = Path(__file__).resolve().parents[2] / "chitieu" / "miniweb" / "site"
runner = CliRunner()

MINIMAL = ("name: baolaocai.vn\nprovince: lao-cai\nprovince_name: Lào Cai\nbase_url: https://baolaocai.vn\n"
           "domains: [baolaocai.vn]\nfamily: onecms\n")


def _write(tmp_path: Path, text: str, name: str = "baolaocai.vn.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("extra", "key"), [
    ("feedz: [/rss/home.rss]\n", "'feedz'"),
    ("discovery:\n  feedz: [/rss/home.rss]\n", "'discovery.feedz'"),
    ("discovery:\n  listings:\n    - url: /x/\n      max_page: 2\n", "'discovery.listings.0.max_page'"),
    ("party_building:\n  section: [xay-dung-dang]\n", "'party_building.section'"),
    ("layouts:\n  - preset: onecms\n    titel: [h1]\n", "'layouts.0.titel'"),
    ("provenance:\n  base_ur: somewhere\n", "provenance.base_ur"),
    ("fetch_base: http://127.0.0.1:1/\n", "'fetch_base'"),
])
def test_an_unknown_key_is_an_error_naming_file_and_key(tmp_path, extra, key):
    path = _write(tmp_path, MINIMAL + extra)
    with pytest.raises(SourceFileError) as raised:
        load_source_file(path)
    assert str(path) in str(raised.value) and key in str(raised.value)


def test_a_misspelt_preset_key_and_an_unknown_preset_name_the_file(tmp_path):
    presets = tmp_path / "presets"
    presets.mkdir()
    shutil.copy(PRESETS_DIR / "onecms.yaml", presets / "onecms.yaml")
    (presets / "broken.yaml").write_text("name: broken\nbody: ['.x']\nbodyy: ['.y']\n", encoding="utf-8")
    problems = lint_all(SOURCES_DIR, presets)
    assert any(str(presets / "broken.yaml") in p and "'bodyy'" in p for p in problems), problems
    path = _write(tmp_path, MINIMAL.replace("family: onecms", "family: onecmz"))
    with pytest.raises(SourceFileError, match=r"baolaocai\.vn\.yaml: unknown preset 'onecmz'"):
        load_source_file(path)


def test_a_paper_of_a_known_family_is_a_few_lines(tmp_path):
    source = load_source_file(_write(tmp_path, MINIMAL))
    assert [layout.name for layout in source.layouts] == ["onecms"]
    assert source.discovery.article_url_pattern == r"-post\d+\.html$"  # the family's, unless it says otherwise
    assert source.status == "active" and source.verified is False
    generic = source_from_dict({"name": "x.vn", "province": "ha-noi", "province_name": "Hà Nội",
                                "base_url": "https://x.vn"})
    assert generic.layouts == [] and generic.family is None  # the generic path reads it


def test_the_shipped_files_lint_clean_and_the_cli_says_so():
    assert lint_all() == []
    result = runner.invoke(app, ["sources", "lint"])
    assert result.exit_code == 0, result.output
    presets = len(list((Path(__file__).parents[2] / "scrapers" / "presets").glob("*.yaml")))
    assert f"64 source and {presets} preset files: no problems" in result.stdout


def test_lint_finds_what_loading_alone_cannot(tmp_path):
    for name in ("baogialai.com.vn", "baobinhdinh.vn", "baohatinh.vn"):
        shutil.copy(SOURCES_DIR / f"{name}.yaml", tmp_path / f"{name}.yaml")
    archival = (tmp_path / "baobinhdinh.vn.yaml").read_text(encoding="utf-8")
    (tmp_path / "baobinhdinh.vn.yaml").write_text(
        archival.replace("merged_into: baogialai.com.vn", "merged_into: baohatinh.vn")
        .replace("domains: [baobinhdinh.vn]", "domains: [baobinhdinh.vn, baohatinh.vn]"), encoding="utf-8")
    shutil.copy(SOURCES_DIR / "baohatinh.vn.yaml", tmp_path / "wrong-name.yaml")
    problems = "\n".join(lint_all(tmp_path))
    assert "binh-dinh joined gia-lai on 2025-07-01, but merged_into baohatinh.vn is the paper of ha-tinh" in problems
    assert "domain baohatinh.vn is also owned by" in problems
    assert "wrong-name.yaml: file name should be baohatinh.vn.yaml" in problems
    assert "the unit ha-noi has 0 active sources" in problems


def test_lint_wants_the_origin_of_every_fact_a_file_states(tmp_path):
    text_ = (SOURCES_DIR / "baohatinh.vn.yaml").read_text(encoding="utf-8")
    # drop provenance.feeds and provenance.family (quoted strings), keep discovery.feeds (a list)
    lines = [line for line in text_.splitlines() if not line.startswith(("  feeds: '", "  family: '"))]
    (tmp_path / "baohatinh.vn.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = lint_all(tmp_path)
    assert any("baohatinh.vn.yaml: provenance does not say where family, feeds came from" in p for p in problems), \
        problems


def test_loading_a_directory_with_a_broken_file_names_it(tmp_path):
    shutil.copy(SOURCES_DIR / "baohatinh.vn.yaml", tmp_path / "baohatinh.vn.yaml")
    text = (tmp_path / "baohatinh.vn.yaml").read_text(encoding="utf-8")
    (tmp_path / "baohatinh.vn.yaml").write_text(text.replace("sitemaps:", "sitemap:"), encoding="utf-8")
    with pytest.raises(SourceFileError, match=r"baohatinh\.vn\.yaml: unknown key 'discovery\.sitemap'"):
        load_sources(directory=tmp_path)


def test_every_unit_has_one_active_paper_and_archival_papers_are_not_crawled_nightly():
    sources = load_sources()
    ref = reference()
    provinces = ref.by_code()
    active = [s for s in sources.values() if s.status == "active"]
    assert sorted(s.province for s in active) == sorted(u.code for u in ref.units)
    archival = [s for s in sources.values() if s.status == "archival"]
    assert len(archival) >= 29  # the 29 provinces that joined another unit, plus Bắc Ninh's pre-merger paper
    assert {s.province for s in archival} >= {p.code for p in ref.provinces if not p.is_current_unit}
    for source in sources.values():
        assert source.verified is False  # nobody has checked a live site yet
        assert source.provenance.get("base_url"), source.name  # every file says where its facts came from
        if source.status == "archival":
            assert sources[source.merged_into].province == provinces[source.province].province_2025

    from flows.nightly import default_sources

    assert sorted(default_sources(sources, "nightly", {})) == sorted(s.name for s in active)
    assert sorted(default_sources(sources, "backfill", {})) == sorted(sources)
    assert default_sources(sources, "nightly", {"baohatinh.vn": "http://127.0.0.1:1/baohatinh.vn",
                                                 "baobinhdinh.vn": "http://127.0.0.1:1/x"}) == ["baohatinh.vn"]


def _family_pages() -> list[dict]:
    manifest = MINIWEB / "manifest.json"
    if not manifest.exists():
        return []
    return [a for a in json.loads(manifest.read_text(encoding="utf-8"))["articles"]
            if not a["bad"] and a["published_at"] and a["layout"] in ("onecms", "legacy_channel", "content_detail")]


def _family_cases() -> list[tuple[str, dict]]:
    pages = _family_pages()
    cases = []
    for source in load_sources().values():
        if source.status != "active" or not source.family:
            continue
        mine = [p for p in pages if p["layout"] == source.family]
        cases += [(source.name, page) for page in mine[:3]]
    return cases


@pytest.mark.skipif(not (MINIWEB / "manifest.json").exists(), reason="mini-web snapshot not built")
def test_every_preset_is_served_by_the_miniweb():
    used = {s.family for s in load_sources().values() if s.family}
    served = {p["layout"] for p in _family_pages()}
    assert used <= served and served <= {p.stem for p in PRESETS_DIR.glob("*.yaml")}


@pytest.mark.skipif(not (MINIWEB / "manifest.json").exists(), reason="mini-web snapshot not built")
@pytest.mark.parametrize(("name", "page"), _family_cases(), ids=lambda v: v if isinstance(v, str) else v["file"][-40:])
def test_each_active_paper_of_a_family_parses_its_familys_miniweb_pages(name, page):
    """The page of the family's mini-web paper, moved to this paper's host, parses with this paper's config."""
    source = load_sources()[name]
    host = source.base_url.split("://", 1)[1]
    home = page["url"].split("/")[2]
    html = (MINIWEB / page["file"]).read_text(encoding="utf-8").replace(home, host)
    article = parse_page(html, page["url"].replace(home, host), source)
    assert article.layout == source.family
    assert article.title == page["title"]
    assert article.published_at is not None and article.published_at.isoformat() == page["published_at"]
    assert len(article.body) > 200
