"""Broken and hostile inputs end in a result or a one-line error naming the file, within the limits.

The inputs come from `hostile.py` (made byte by byte). Single files go through the
library (`read_note`: a note or a `KenmerkError`, nothing else) and, for the heavy ones,
through `kenmerk extract FILE` in a subprocess: exit 0 with JSON or exit 1 with one
stderr line `path: reason`, never a traceback, within seconds. A batch with a failing
document leaves no temporary file in the output folder, and publishing to the store with
one bad file leaves the good notes complete.
"""
from __future__ import annotations

import json

import hostile
import pytest
from publish_helpers import CONFIG_TOML

from kenmerk.extract import KenmerkError, Note, ReadLimits, read_note
from kenmerk.extract.pdf_readers import PDF_READERS
from kenmerk.output.cli import main

#: what each single-file case must give: "note", "error", or either
EXPECT = {
    "empty.pdf": "error", "random-bytes.pdf": "error", "encrypted-user-password.pdf": "error",
    "encrypted-owner-only.pdf": "note", "deflate-bomb.pdf": "error", "nested-arrays.pdf": "either",
    "nested-dicts.pdf": "either", "nested-pages.pdf": "either", "pdf-named.txt": "note",
    "text-named.pdf": "error", "windows-1252.txt": "note", "utf-16.txt": "note", "utf-16-no-bom.txt": "error",
}


@pytest.fixture(scope="module")
def seed_pdf(make_fixtures_module) -> bytes:
    return make_fixtures_module.brief_pdf()


@pytest.fixture(scope="module")
def cases(seed_pdf, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    files = hostile.hostile_files(seed_pdf)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder, sorted(files)


def _one_line(exc: KenmerkError, path) -> str:
    text = str(exc)
    assert "\n" not in text and text.startswith(f"{path}: ") and len(text) < 300, text
    return text


@pytest.mark.parametrize("reader", PDF_READERS)
def test_every_single_file_case_is_a_note_or_a_one_line_error(cases, reader):
    folder, names = cases
    outcomes = {}
    for name in names:
        path = folder / name
        try:
            note = read_note(path, ReadLimits(ocr="never", pdf_reader=reader))
        except KenmerkError as exc:
            outcomes[name] = ("error", _one_line(exc, path))
        else:
            Note.model_validate_json(note.model_dump_json())
            outcomes[name] = ("note", note.document_type.value)
    for name, (kind, detail) in outcomes.items():
        expected = EXPECT.get(name, "either")  # a cut PDF may still give its first page(s)
        assert expected in ("either", kind), (name, kind, detail)
    assert "encrypted PDF" in outcomes["encrypted-user-password.pdf"][1]
    assert "inflates to more than" in outcomes["deflate-bomb.pdf"][1]
    assert "not a PDF" in outcomes["text-named.pdf"][1]
    assert sum(1 for n in names if n.startswith("truncated-")) >= 10


def test_five_thousand_pages_stop_at_the_page_limit_quickly(tmp_path, cli):
    path = tmp_path / "many.pdf"
    path.write_bytes(hostile.many_pages(5000))
    proc = cli("extract", path, "--ocr", "never", timeout=60)
    assert proc.returncode == 0, proc.stderr
    note = json.loads(proc.stdout)
    assert note["source"]["page_count"] == 1000
    assert "only the first 1000 pages were read (the page limit)" in note["warnings"]


@pytest.mark.parametrize("reader", PDF_READERS)
@pytest.mark.parametrize("name, data, reason", [
    ("bomb.pdf", lambda: hostile.deflate_bomb(2.0), "inflates to more than 256 MiB"),
    ("nested.pdf", lambda: hostile.nested_arrays(10_000), None),
    ("deep-tree.pdf", lambda: hostile.nested_pages(10_000), None),
])
def test_heavy_cases_through_the_command_line(tmp_path, cli, name, data, reason, reader):
    path = tmp_path / name
    path.write_bytes(data())
    proc = cli("extract", path, "--pdf-reader", reader, timeout=120)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    if proc.returncode == 0:
        json.loads(proc.stdout)
    else:
        assert proc.returncode == 1
        [line] = proc.stderr.splitlines()
        assert line.startswith(f"{path}: ")
        if reason:
            assert reason in line


def _endless_pdf() -> bytes:
    from documents import endless_pdf

    return endless_pdf()


def test_a_form_bomb_is_refused_before_pdfium_expands_it(tmp_path):
    """Forms drawing forms 2^40 times: pdfium would expand them all in C (no alarm stops that); refused first."""
    path = tmp_path / "endless.pdf"
    path.write_bytes(_endless_pdf())
    with pytest.raises(KenmerkError, match=r"endless.pdf: broken PDF \(FormBomb: page 1 draws form XObjects more "
                                           r"than 100000 times"):
        read_note(path, ReadLimits(ocr="never", pdf_reader="pdfium"))


def test_a_document_over_the_time_limit_in_this_process_is_stopped(tmp_path):
    """`kenmerk extract FILE` reads one file in its own process: an alarm stops it at the time limit
    (the pdfminer reader, in Python, is stopped there; pdfium refuses this file before it starts)."""
    from kenmerk.output.batch import BatchOptions, run_batch
    from kenmerk.output.inputs import gather

    path = tmp_path / "endless.pdf"
    path.write_bytes(_endless_pdf())
    [result] = list(run_batch(gather([path]), BatchOptions(jobs=0, timeout=2,
                                                          limits=ReadLimits(pdf_reader="pdfminer"))))
    assert result.status == "failed" and result.stage == "timeout"
    assert result.line == f"{path}: stopped after 2 s of CPU time (the time limit per document; raise it with --timeout)"


def test_symlink_loop_and_links_out_of_the_folder(tmp_path, cli):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(hostile.TEXT_NOTE, encoding="utf-8")
    folder = hostile.symlink_loop(tmp_path / "in", outside)
    proc = cli("extract", folder, "-j", "1", "-q", timeout=60)
    assert "Traceback" not in proc.stderr and proc.returncode == 1
    names = sorted(json.loads(line)["source"]["file_name"] for line in proc.stdout.splitlines())
    assert names == ["nota.txt", "nota2.md"], (names, proc.stderr)  # each once, through no loop
    assert sorted(proc.stderr.splitlines()) == [
        f"{folder / name}: a symbolic link out of the input folder (not followed)"
        for name in ("outside-dir", "outside-secret.txt")]


def test_zip_slip_and_zip_bomb(tmp_path, cli):
    (tmp_path / "slip.zip").write_bytes(hostile.zip_slip(hostile.TEXT_NOTE.encode()))
    (tmp_path / "bomb.zip").write_bytes(hostile.zip_bomb(1.0))
    (tmp_path / "liar.zip").write_bytes(hostile.zip_bomb(1.0, lie=True))
    proc = cli("extract", tmp_path / "slip.zip", tmp_path / "bomb.zip", tmp_path / "liar.zip", "-j", "1", "-q",
               "--max-memory", "1024", timeout=120)
    assert "Traceback" not in proc.stderr
    assert [json.loads(line)["source"]["file_name"] for line in proc.stdout.splitlines()] == ["nota.txt"]
    lines = proc.stderr.splitlines()
    for member in ("../../evil.txt", "/etc/evil.txt", "C:\\evil.txt", "sub/../../evil2.txt"):
        assert any(line.startswith(f"{tmp_path / 'slip.zip'}!{member}: zip member refused") for line in lines), member
    assert any("bomb.zip!bomb.txt: zip member refused: larger than the limit" in line for line in lines)
    assert any(line.startswith(f"{tmp_path / 'liar.zip'}!bomb.txt: ") for line in lines)
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_failing_batch_leaves_no_temporary_files(tmp_path, cli, seed_pdf):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(seed_pdf)
    (folder / "bad.pdf").write_bytes(hostile.random_bytes())
    (folder / "bomb.pdf").write_bytes(hostile.deflate_bomb(1.0))
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("jsonl", "turtle"):
        target = out / f"notes.{fmt}"
        proc = cli("extract", folder, "-j", "1", "-q", "--format", fmt, "-o", target, "--errors", out / "errors.jsonl",
                   timeout=120)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert target.exists()
    assert sorted(p.name for p in out.iterdir()) == ["errors.jsonl", "notes.jsonl", "notes.turtle"]
    # every input fails: no output file at all, and nothing half-written
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "bad.pdf").write_bytes(hostile.random_bytes())
    proc = cli("extract", only_bad, "-j", "1", "-q", "-o", out / "none.jsonl", timeout=60)
    assert proc.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["errors.jsonl", "notes.jsonl", "notes.turtle"]


def test_publish_with_one_bad_file_leaves_the_good_notes_complete(tmp_path, monkeypatch, capsys, seed_pdf,
                                                                 make_fixtures_module):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kenmerk.toml").write_text(CONFIG_TOML, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.pdf").write_bytes(seed_pdf)
    (folder / "nota.pdf").write_bytes(make_fixtures_module.beslisnota_pdf())
    (folder / "truncated.pdf").write_bytes(seed_pdf[: len(seed_pdf) // 3])
    (folder / "bomb.pdf").write_bytes(hostile.deflate_bomb(1.0))
    assert main(["publish", str(folder), "--store", "store", "--out", "site", "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert {line.split(":")[0] for line in err.splitlines()} == {str(folder / "truncated.pdf"), str(folder / "bomb.pdf")}
    assert not [p for p in (tmp_path / "site").rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
    # the two good notes are there whole: the same triples as publishing them alone
    alone = tmp_path / "alone"
    alone.mkdir()
    for name in ("brief.pdf", "nota.pdf"):
        (alone / name).write_bytes((folder / name).read_bytes())
    assert main(["publish", str(alone), "--store", "store2", "-q"]) == 0
    capsys.readouterr()
    counts = []
    for store in ("store", "store2"):
        assert main(["query", "--store", store, "--format", "csv",
                     "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '/note/')) } "
                     "GROUP BY ?g ORDER BY ?g"]) == 0
        counts.append(capsys.readouterr().out)
    assert counts[0] == counts[1] and len(counts[0].splitlines()) == 3
