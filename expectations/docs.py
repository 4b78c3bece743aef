"""Great Expectations Data Docs for the gate, built into `data/docs/`.

Data Docs are for engineers: they load Bootstrap, jQuery, vega and font-awesome from CDNs
(jsdelivr, cdnjs, unpkg, ...) and a logo from S3, a long-standing won't-fix in GX
(great-expectations#994, #8734). Offline they show unstyled text; the self-contained monthly
report is what analysts read.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SITE_NAME = "chitieu_docs"
CDN_WARNING = (
    "GX Data Docs load their styling and scripts from CDNs (jsdelivr, cdnjs, unpkg) and are unstyled "
    "offline; analysts should read the self-contained monthly report instead"
)


def drop_default_sites(context: Any) -> None:
    """An ephemeral context makes a `local_site` in a fresh temp directory every time: remove it
    (and the directory, if still empty) so nightly runs do not litter /tmp."""
    for name, config in list(context.list_data_docs_sites().items()):
        if name == SITE_NAME:
            continue
        context.delete_data_docs_site(name)
        base = (config.get("store_backend") or {}).get("base_directory")
        if base and Path(base).is_dir() and not any(Path(base).iterdir()):
            Path(base).rmdir()


def add_docs_site(context: Any, docs_dir: Path) -> str:
    """Register a filesystem Data Docs site rooted at `docs_dir` on `context`; returns its name."""
    docs_dir = Path(docs_dir).resolve()  # GX refuses a relative base_directory
    docs_dir.mkdir(parents=True, exist_ok=True)
    context.add_data_docs_site(
        site_name=SITE_NAME,
        site_config={
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    return SITE_NAME


def docs_action() -> Any:
    """The checkpoint action that renders each validation result into the site."""
    from great_expectations.checkpoint import UpdateDataDocsAction

    return UpdateDataDocsAction(name="update_data_docs", site_names=[SITE_NAME])


def index_path(docs_dir: Path) -> Path | None:
    """The site's entry page, once built; warns (once per call) that it needs the internet."""
    index = docs_dir / "index.html"
    if not index.exists():
        return None
    log.warning("%s: %s", index, CDN_WARNING)
    return index
