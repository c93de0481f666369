"""Uploads and outcomes of the Ingest page: saved upload files, and one line per item."""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import date
from pathlib import Path

from graph.model import GivenMetadata
from graph.pipeline.batch import ItemResult
from graph.sources.urls import is_url
from graph.ui.context import Ctx

ALLOW_PRIVATE_ENV = "CLAIMGRAPH_ALLOW_PRIVATE"


def allow_private() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")


def write_uploads(files: list, folder: Path) -> dict[str, str]:
    """Save uploads under ``folder`` at a path named by their content, so uploading the same
    page again is recognised as the same article; returns saved path -> the uploaded name."""
    names: dict[str, str] = {}
    for number, upload in enumerate(files):
        data = upload.getvalue()
        safe = Path(upload.name).name or f"upload-{number}.html"
        path = folder / hashlib.sha256(data).hexdigest()[:20] / safe
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        names[str(path)] = upload.name
    return names


def upload_folder(ctx: Ctx) -> Path:
    """Kept uploads: beside the store when it is on disk, else in the temporary directory."""
    side = ctx.store.side_dir
    return (side if side is not None else Path(tempfile.gettempdir())) / "claimgraph-uploads"


def item_outcome(item: ItemResult) -> str:
    """The "result" column of one ingested item."""
    if not item.ok:
        return item.error
    outcome = "unchanged, skipped" if item.skipped else f"ok: {item.url}"
    if item.unanalysed_language:
        outcome += f" (language {item.unanalysed_language} not supported: not analysed)"
    return outcome


def given_metadata(url: str, title: str, outlet: str, author: str, published: date | None,
                   file_name: str | None) -> GivenMetadata | None:
    """What the Ingest page's optional fields say of the one article (None: nothing said).

    Raises ValueError for a URL that is not http(s)."""
    url = url.strip()
    if url and not is_url(url):
        raise ValueError(f"{url}: not an http(s) URL")
    given = GivenMetadata(url=url or None, title=title.strip() or None,
                          outlet=outlet.strip() or None, author=author.strip() or None,
                          published=published, source_file=file_name)
    return None if given == GivenMetadata() else given
