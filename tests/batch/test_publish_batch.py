"""`kenmerk publish` gathers its inputs like `extract`: folders, zip archives, lists; worker processes, time limit."""
from __future__ import annotations

import zipfile

from batch_helpers import jsonl, kenmerk, write

CONFIG = ('[publish]\nbase = "https://data.example.nl/id/"\npublisher = "mnre1090"\nlicence = "cc0"\n'
          'contact_email = "open-data@example.nl"\n')


def test_publish_from_a_zip_and_a_folder_with_an_endless_pdf(tmp_path, good_documents, hostile):
    (tmp_path / "kenmerk.toml").write_text(CONFIG, encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "woo.zip", "w") as zf:
        zf.writestr("notes/brief.pdf", good_documents["brief-adresblok.pdf"])
        zf.writestr("../evil.pdf", good_documents["brief-adresblok.pdf"])
    write(tmp_path / "in", {"nota.pdf": good_documents["beslisnota-twee-paginas.pdf"],
                            "endless.pdf": hostile["endless.pdf"]})
    proc = kenmerk("publish", "woo.zip", "in", "--store", "s", "--doc-timeout", "2", "--errors", "errors.jsonl",
                   "--jobs", "2", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "published 2 notes to store s, 2 failed" in proc.stdout
    records = {r["path"]: r for r in jsonl((tmp_path / "errors.jsonl").read_text(encoding="utf-8"))}
    assert records["woo.zip!../evil.pdf"]["stage"] == "archive"
    # publish reads with the default reader, pdfium, which refuses the endless PDF as a form bomb at once
    assert records["in/endless.pdf"]["stage"] == "read"
    assert "woo.zip!../evil.pdf: zip member refused" in proc.stderr
    assert "in/endless.pdf: broken PDF (FormBomb: " in proc.stderr
    assert "kenmerk: done 2, failed 2, skipped 0;" in proc.stderr
    # the per-request --timeout of publish is still the endpoint's
    assert "--doc-timeout" in kenmerk("publish", "--help").stdout


def test_publish_json_only_folder_prints_no_batch_lines(tmp_path, good_documents):
    (tmp_path / "kenmerk.toml").write_text(CONFIG, encoding="utf-8")
    extracted = kenmerk("extract", *(write(tmp_path / "docs", good_documents) / n for n in sorted(good_documents)))
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "notes.jsonl").write_text(extracted.stdout, encoding="utf-8")
    proc = kenmerk("publish", "notes", "--store", "s", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert f"published {len(good_documents)} notes" in proc.stdout
