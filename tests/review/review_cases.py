"""Cases of the runner-up tests: explanations as `kenmerk review` makes them, a hand-made close call,
and a made-up e-mail to a person."""
from __future__ import annotations

from pathlib import Path

from kenmerk.extract import BBox, Evidence


def extract_for_review(path: Path, *, keep_personal_data: bool = False):
    """The note of `path` and its explanation with boxes, as `kenmerk review` reads them (bytes once)."""
    from kenmerk.extract import read_bytes
    from kenmerk.extract.note import extract_layout
    from kenmerk.output.review_explain import explain_for_review

    layout, source = read_bytes(path.read_bytes(), path.name)
    extraction = extract_layout(layout, source, keep_personal_data=keep_personal_data)
    return extraction.note, explain_for_review(extraction)


def close_call(winner: float = 0.9, runner_up: float = 0.8, same: bool = False):
    """A hand-made explanation of `hand_note`'s kenmerk: the winner and one runner-up, both boxed on page 1."""
    from kenmerk.extract.explain import CandidateView, Explanation, FieldExplanation
    from kenmerk.output.review_explain import Explained

    other = "ABC/123" if same else "XYZ/999"
    explanation = Explanation(file_name="nota.pdf", fields=[FieldExplanation(
        field="kenmerk", value="ABC/123", reason=f"highest score: colofon {winner:.2f} over header {runner_up:.2f}",
        candidates=[
            CandidateView(rule="colofon", score=winner, value="ABC/123", page=1, text="Ons kenmerk ABC/123",
                          why="label 'Ons kenmerk' in the colofon", chosen=True),
            CandidateView(rule="header", score=runner_up, value=other, page=1, text=f"Referentie {other}",
                          why="a reference in the header"),
        ])])
    boxes = (Evidence(page=1, bbox=BBox(x0=100, y0=720, x1=300, y1=730), text="Ons kenmerk ABC/123"),
             Evidence(page=1, bbox=BBox(x0=120, y0=200, x1=280, y1=212), text=f"Referentie {other}"))
    return Explained(explanation=explanation, evidence={"kenmerk": boxes})


#: a made-up e-mail to a person: every name, address and number in it is personal data
PERSONAL_MAIL = """\
From: Annemiek de Vries <a.devries@minvws.nl>
Sent: Tuesday, 4 March 2025 10:12
To: Pieter Jansen <p.jansen@minbzk.nl>
Cc: Tamara van Ark <t.vanark@minbzk.nl>
Subject: Overleg over de subsidieregeling

Dag Pieter,

Zoals besproken stuur ik je het concept van de subsidieregeling. Jansen heeft
gevraagd of Tamara de cijfers nog controleert voor vrijdag 7 maart.
Bel me gerust op 06 12 34 56 78.

Groet,
Annemiek
"""
PERSONAL_WORDS = ("Annemiek", "Vries", "Pieter", "Jansen", "Tamara", "van Ark", "devries", "p.jansen", "vanark",
                  "06 12 34")


def held_input(folder: Path, name: str = "held.txt") -> Path:
    """A named pipe: an input that holds the worker reading it until the test opens the other end."""
    import os

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    os.mkfifo(path)
    return path


def opened_by(fifo: Path, proc, timeout: float = 120) -> int:
    """Wait until the run `proc` opens `fifo` to read it (the inputs before it are then done); return the
    writing end. Fails when the run ends first."""
    import errno
    import os
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # no reader yet
                raise
        assert proc.poll() is None, f"the run ended (exit {proc.returncode}) before it read {fifo.name}"
        assert time.monotonic() < deadline, f"the run did not read {fifo.name} within {timeout:.0f} s"
        time.sleep(0.02)
