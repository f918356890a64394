"""--dask: the same per-document work on a real Dask cluster (distributed.LocalCluster on 127.0.0.1)."""
from __future__ import annotations

import os

import pytest
from batch_helpers import jsonl, kenmerk, write

pytest.importorskip("distributed")


def test_dask_batch_extracts_reports_and_stops_the_endless_parse(tmp_path, cluster, good_documents, hostile):
    good = {k: good_documents[k] for k in ("brief-adresblok.pdf", "windows-1252.txt")}
    folder = write(tmp_path / "in", {**good, **hostile})
    errors = tmp_path / "errors.jsonl"
    cache = tmp_path / "cache"
    proc = kenmerk("extract", folder, "--dask", cluster.scheduler_address, "--timeout", "2", "--errors", errors,
                   "--ordered", "--cache", cache, "--pdf-reader", "pdfminer")  # pdfium refuses the endless PDF
    assert proc.returncode == 1, proc.stderr
    assert "on the Dask cluster at tcp://127.0.0.1:" in proc.stderr
    names = sorted(good)
    assert [n["source"]["file_name"] for n in jsonl(proc.stdout)] == names
    records = {os.path.basename(r["path"]): r["stage"] for r in jsonl(errors.read_text(encoding="utf-8"))}
    assert records == {"endless.pdf": "timeout", "not-a-pdf.pdf": "read", "encrypted.pdf": "read"}
    assert f"done {len(names)}, failed 3, skipped 0;" in proc.stderr
    # the same result as a local run, and the Dask workers filled the cache
    local = kenmerk("extract", folder, "--timeout", "2", "--ordered", "--cache", cache, "--jobs", "2",
                    "--pdf-reader", "pdfminer")
    assert local.stdout == proc.stdout
    assert f"done 0, failed 3, skipped {len(names)}" in local.stderr


def test_dask_publish_streams_notes_back_into_the_store(tmp_path, cluster, good_documents):
    write(tmp_path / "in", {k: v for k, v in good_documents.items() if k.endswith(".pdf")})
    (tmp_path / "kenmerk.toml").write_text(
        '[publish]\nbase = "https://data.example.nl/id/"\npublisher = "mnre1090"\nlicence = "cc0"\n'
        'contact_email = "open-data@example.nl"\n', encoding="utf-8")
    proc = kenmerk("publish", "in", "--store", "s", "--dask", cluster.scheduler_address, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "published 2 notes to store s" in proc.stdout


def test_without_distributed_installed_dask_is_a_clear_usage_error(tmp_path, good_documents):
    import subprocess
    import sys

    shadow = tmp_path / "site"
    (shadow / "distributed").mkdir(parents=True)
    (shadow / "distributed" / "__init__.py").write_text("raise ImportError('not installed here')\n")
    folder = write(tmp_path / "in", {"brief.pdf": good_documents["brief-adresblok.pdf"]})
    env = dict(os.environ, PYTHONPATH=str(shadow))
    proc = subprocess.run([sys.executable, "-m", "kenmerk.output.cli", "extract", str(folder), "--dask",
                           "tcp://127.0.0.1:1"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2
    assert "--dask needs the Dask distributed scheduler: pip install 'kenmerk[dask]'" in proc.stderr
    assert "Traceback" not in proc.stderr
