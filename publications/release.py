"""`scr release --version V`: an immutable, self-describing bundle of a published warehouse that
a paper can cite, and `scr release --verify DIR` to check one.

A release is one folder, `RELEASES/scr-warehouse-V/`:

- `scr.duckdb`: the published warehouse as it was (keep the name: its views name the database);
- `tables/<table>.parquet`: every reporting and audit table, for tools without DuckDB;
- `briefing.html`: the study's tables and charts, rendered from this warehouse;
- `codebook/*.csv`: the codebook seeds the codes follow (and the manual codes, if any);
- `manifest.json`: the version, the date, the inbox's documents with their SHA-256, the
  extractor's and the coder's versions (the learned coder's training-data hash), the coder's
  accuracy table (`reporting.coder_performance`), the last run, and the SHA-256 and size of every
  other file;
- `manifest.json.sha256`: the manifest's own SHA-256, so a change to the manifest shows too.

It is written to a temporary folder beside its place and renamed into it, its files made
read-only, and an existing version is never overwritten. Verifying recomputes every hash: a file
changed by one byte, missing or added fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

import duckdb

from ingestion.errors import ReleaseExists, UsageError
from publications.briefing import BRIEFING_NAME, write_briefing
from publications.export import export_reporting
from publications.source import open_published, published_file

MANIFEST = "manifest.json"
MANIFEST_HASH = "manifest.json.sha256"
FORMAT = "scr-warehouse-release/1"
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$")
SEEDS = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds"


def release_dir(root: Path, version: str) -> Path:
    return Path(root) / f"scr-warehouse-{version}"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    try:
        cursor = con.execute(sql)
    except duckdb.CatalogException:
        return []
    names = [d[0] for d in cursor.description]
    return [
        {
            k: (v.isoformat() if isinstance(v, dt.date | dt.datetime) else v)
            for k, v in zip(names, r, strict=True)
        }
        for r in cursor.fetchall()
    ]


def _describe(published: Path) -> dict:
    """What the warehouse says about itself: documents, coder accuracy, the last run."""
    with open_published(published) as con:
        return {
            "documents": _rows(
                con,
                "select document_id as sha256, path, status, document_kind, extractor_version "
                "from raw.documents order by path, document_id",
            ),
            "coder_performance": _rows(
                con, "select * from reporting.coder_performance order by all"
            ),
            "last_run": next(
                iter(_rows(con, "select * from audit.runs order by finished_at desc limit 1")),
                None,
            ),
            "counts": _rows(
                con,
                "select (select count(*) from reporting.reviews) as reviews, "
                "(select count(*) from reporting.recommendations) as recommendations",
            )[0],
        }


def make_release(
    published: Path,
    root: Path,
    version: str,
    provenance: dict,
    today: dt.date | None = None,
) -> Path:
    """Write release `version` of the published warehouse under `root`; return its folder.

    `provenance` is what the caller knows of the software (extractor version, coder hashes...).
    """
    if not _VERSION.match(version or ""):
        raise UsageError(
            f"bad release version {version!r}: use letters, digits, '.', '-', '_' or '+' "
            "(e.g. 2026.1 or 1.0.0)"
        )
    published, root = published_file(published), Path(root)
    target = release_dir(root, version)
    if target.exists():
        raise ReleaseExists(
            f"release {version} already exists at {target}: releases are never overwritten; "
            "choose a new version"
        )
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=root))
    try:
        shutil.copyfile(published, work / "scr.duckdb")
        export_reporting(work / "scr.duckdb", work / "tables", "parquet")
        write_briefing(work / "scr.duckdb", work / BRIEFING_NAME)
        (work / "codebook").mkdir()
        for seed in sorted(SEEDS.glob("*.csv")):
            if seed.name.startswith(
                ("codebook_", "manual_codes", "dfe_rr157_", "coder_performance")
            ):
                shutil.copyfile(seed, work / "codebook" / seed.name)
        files = {
            p.relative_to(work).as_posix(): {"sha256": sha256_file(p), "bytes": p.stat().st_size}
            for p in sorted(work.rglob("*"))
            if p.is_file()
        }
        manifest = {
            "format": FORMAT,
            "name": "scr-warehouse",
            "version": version,
            "date": (today or dt.datetime.now(dt.UTC).date()).isoformat(),
            "software": provenance,
            **_describe(published),
            "files": files,
        }
        text = (
            json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
        )
        (work / MANIFEST).write_text(text, encoding="utf-8")
        (work / MANIFEST_HASH).write_text(
            f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}  {MANIFEST}\n", encoding="utf-8"
        )
        for p in work.rglob("*"):
            if p.is_file():
                p.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        if target.exists():  # another release of the same version finished first
            raise ReleaseExists(f"release {version} already exists at {target}")
        os.rename(work, target)
        os.chmod(target, 0o555)
    except BaseException:
        _remove(work)
        raise
    return target


def _remove(folder: Path) -> None:
    if not folder.exists():
        return
    for p in folder.rglob("*"):
        with_write = p.stat().st_mode | stat.S_IWUSR
        p.chmod(with_write)
    folder.chmod(folder.stat().st_mode | stat.S_IWUSR)
    shutil.rmtree(folder, ignore_errors=True)


def verify_release(folder: Path) -> list[str]:
    """Problems with the release in `folder` ([] when every byte is as released)."""
    folder = Path(folder)
    manifest_path, hash_path = folder / MANIFEST, folder / MANIFEST_HASH
    if not folder.is_dir() or not manifest_path.is_file():
        return [f"{folder} is not a release (no {MANIFEST})"]
    problems = []
    data = manifest_path.read_bytes()
    recorded = hash_path.read_text(encoding="utf-8").split()[0] if hash_path.is_file() else None
    if recorded != hashlib.sha256(data).hexdigest():
        problems.append(f"{MANIFEST} does not match {MANIFEST_HASH}")
    try:
        manifest = json.loads(data)
        files = manifest["files"]
    except (ValueError, KeyError, TypeError):
        return problems + [f"{MANIFEST} is not a release manifest"]
    present = {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file()
        and p.name not in (MANIFEST, MANIFEST_HASH)
        or p.parent != folder
        and p.is_file()
    }
    for name, entry in sorted(files.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} is missing")
        elif sha256_file(path) != entry.get("sha256"):
            problems.append(f"{name} has changed (SHA-256 differs from the manifest)")
    for name in sorted(present - set(files)):
        problems.append(f"{name} is not part of the release")
    return problems
