"""`kenmerk review` at batch scale: each note's page written by the worker process that extracted it.

    from kenmerk.output.review_batch import NotePages, ReportFolder, plan_pages
    items = list(gather(["notes/"]))
    plan = plan_pages(items, roots=["notes/"])            # a page per input, named before any is read
    folder = ReportFolder("report/")                      # pages go to a staging folder first
    options = BatchOptions(explain=True, finish=NotePages(folder.notes, RenderSettings(), plan, generated))
    for result in run_batch(items, options):
        ...                                               # result.extra: the note's row in the index
    folder.commit(index_html)                             # report/notes/ and report/index.html, all at once

The batch engine (`kenmerk.output.batch`) extracts each document in a worker process with every
field's candidates (`explain=True`, kept in `--cache` beside the note, so a second run extracts
nothing again) and then runs `NotePages` there: the page images are rendered and the note's
page written by the worker, and only its small index row (`IndexEntry`) comes back. The pages'
names and their previous/next links come from the list of inputs (`PagePlan`), so a worker
needs nothing from the others.

Nothing half-written is left behind: the pages go to `OUT/.kenmerk-review-PID/` and are moved
into place when the run is done (`OUT/notes/` replaced as a whole, then `OUT/index.html`); a run
that is stopped removes that folder, and one killed outright leaves it to the next run, which
removes it (its process is gone).
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kenmerk.extract import Note
from kenmerk.extract.explain import Explanation
from kenmerk.output.atomic import output_error, process_alive
from kenmerk.output.inputs import DocumentSpec, Refused
from kenmerk.output.review import IndexEntry, unique_slugs
from kenmerk.output.review_explain import explained_from
from kenmerk.output.review_html import Nav, RenderSettings, note_report, render_failed_page, render_note_page
from kenmerk.output.review_share import shareable_name
from kenmerk.output.worker import Result

__all__ = ["NotePages", "PagePlan", "ReportFolder", "plan_pages"]

STAGING = ".kenmerk-review-"


@dataclass(frozen=True)
class PagePlan:
    """Per input of a batch (by its index in the list of items): the name the report shows and the
    name of its page (both "" for an item that gets no page, such as a JSON file)."""

    names: tuple[str, ...]
    slugs: tuple[str, ...]

    def nav(self, index: int) -> Nav:
        """The pages before and after input `index`'s."""
        before = next((i for i in range(index - 1, -1, -1) if self.slugs[i]), None)
        after = next((i for i in range(index + 1, len(self.slugs)) if self.slugs[i]), None)
        return Nav(prev=(self.slugs[before], self.names[before]) if before is not None else None,
                   next=(self.slugs[after], self.names[after]) if after is not None else None)


def plan_pages(items: Sequence[object], roots: Sequence[str] = ()) -> PagePlan:
    """The page of every document (and refused input) among `items`, named after the input as the report
    shows it (`shareable_name`: its path inside one of `roots`, else its file name)."""
    names = [shareable_name(item.label, roots) if isinstance(item, (DocumentSpec, Refused)) else ""
             for item in items]
    slugs = iter(unique_slugs([n for n in names if n]))
    return PagePlan(names=tuple(names), slugs=tuple(next(slugs) if n else "" for n in names))


def _write(path: Path, text: str) -> None:
    """Write a page into the staging folder (not seen by anyone until the folder is moved into place)."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise output_error(path, exc) from None


@dataclass(frozen=True)
class NotePages:
    """The per-document step of `kenmerk review`, run in the worker process (`WorkOptions.finish`): the
    note's report from its JSON and candidates, its pages rendered from the bytes, its page written
    into `folder`; returns its row in the index."""

    folder: str
    settings: RenderSettings
    plan: PagePlan
    generated: str

    def __call__(self, data: bytes, result: Result) -> IndexEntry:
        note = Note.model_validate_json(result.note_text)
        explained = (explained_from(Explanation.model_validate_json(result.explanation_json))
                     if result.explanation_json else None)
        slug = self.plan.slugs[result.index]
        report, pages, omitted = note_report(note, self.plan.names[result.index], slug, data, explained,
                                             self.settings)
        html = render_note_page(report, pages, omitted=omitted, nav=self.plan.nav(result.index),
                                generated=self.generated)
        _write(Path(self.folder) / f"{slug}.html", html)
        return report.entry()


class ReportFolder:
    """The report folder `out`, written through a staging folder inside it and moved into place at once."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        self.out = Path(out)
        self.staging = self.out / f"{STAGING}{os.getpid()}"
        self.notes = self.staging / "notes"
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            self._clean_stale()
            self.notes.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise output_error(self.out, exc) from None

    def _clean_stale(self) -> None:
        """Remove the staging folders of runs whose process is gone (killed outright)."""
        with os.scandir(self.out) as entries:
            for entry in entries:
                pid = entry.name[len(STAGING):]
                if entry.name.startswith(STAGING) and pid.isdigit() and int(pid) != os.getpid() \
                        and not process_alive(int(pid)):
                    shutil.rmtree(entry.path, ignore_errors=True)

    def write_failed(self, slug: str, name: str, reason: str, *, lang: str, nav: Nav, generated: str) -> None:
        """The page of an input that could not be read."""
        _write(self.notes / f"{slug}.html", render_failed_page(name, reason, lang=lang, nav=nav, generated=generated))

    def commit(self, index_html: str) -> Path:
        """Move the pages into place (`notes/` replaced as a whole), then the index; returns the index's path."""
        index = self.out / "index.html"
        try:
            _write(self.staging / "index.html", index_html)
            notes = self.out / "notes"
            if notes.is_dir() and not notes.is_symlink():
                os.replace(notes, self.staging / "earlier-notes")
            os.replace(self.notes, notes)
            os.replace(self.staging / "index.html", index)
        except OSError as exc:
            raise output_error(self.out, exc) from None
        self.discard()
        return index

    def discard(self) -> None:
        """Remove the staging folder and what is in it."""
        shutil.rmtree(self.staging, ignore_errors=True)
