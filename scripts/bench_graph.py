#!/usr/bin/env python3
"""Benchmark the linked-data mapping: ms per note to build the graph and write Turtle.

    .venv/bin/python scripts/bench_graph.py [--notes 1000] [--evidence]

Generates N varied notes (document types, organisations, dates, attachments,
grounds), then times per note:
  1. `serialize_notes([note], "turtle")`: note → triples → pyoxigraph terms →
     pyoxigraph's Turtle serialiser, the path of `kenmerk extract --format turtle`
     (target ≤ 2 ms per note);
  2. `note_graph(note)` + rdflib's Turtle serialiser, for API users who want an
     `rdflib.Graph`.
Prints the machine and the versions used.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import random
import statistics
import sys
import time
from importlib.metadata import version

from kenmerk.extract import (
    Attachment,
    DatedEvent,
    DateRole,
    DocumentType,
    Evidence,
    Identifier,
    IdentifierScheme,
    Note,
    Organisation,
    RecommendedDecision,
    Source,
    WooGround,
)
from kenmerk.extract.woo_codes import WOO_GROUND_CODES
from kenmerk.output.graph import note_graph
from kenmerk.output.serialize import serialize_notes

ORGS = ["Ministerie van Asiel en Migratie", "Minister van Volksgezondheid, Welzijn en Sport", "IenW", "MinBZK",
        "Gedeputeerde Staten van Noord-Holland", "Gemeente Utrecht", "RIVM", "Stichting Onbekend", None]


def make_notes(n: int, seed: int = 7) -> list[Note]:
    rng = random.Random(seed)
    types = list(DocumentType)
    codes = list(WOO_GROUND_CODES)
    notes = []
    for i in range(n):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2500))
        org = rng.choice(ORGS)
        ev = Evidence(page=1, text=f"Ons kenmerk {i}")
        picked = rng.sample(codes, rng.randrange(4))
        notes.append(Note(
            extractor="0.1.0",
            document_type=rng.choice(types),
            title=f"Nota over onderwerp {i}",
            kenmerk=f"2024-{i:07d}" if rng.random() < 0.9 else None,
            identifiers=[Identifier(scheme=IdentifierScheme.uw_kenmerk, label="Uw kenmerk", value=f"U{i}")],
            date=day,
            dates=[DatedEvent(role=DateRole.deadline, date=day + dt.timedelta(days=14), text="Beslistermijn")],
            organisation=Organisation(name=org, units=["Directoraat-Generaal X", "Directie Y"]) if org else None,
            addressee="Minister",
            recommended_decision=RecommendedDecision(text="Akkoord gaan met de brief.") if rng.random() < 0.5 else None,
            attachments=[Attachment(title=f"Bijlage {k}", number=k) for k in range(1, rng.randrange(1, 4))],
            woo_grounds=[WooGround(code=c, law=WOO_GROUND_CODES[c], count=2, pages=[1, 2]) for c in picked],
            source=Source(file_name=f"nota-{i}.pdf", sha256=hashlib.sha256(str(i).encode()).hexdigest(),
                          media_type="application/pdf", size=1000 + i, page_count=3),
            evidence={"kenmerk": ev, "title": Evidence(page=1, text=f"Nota over onderwerp {i}")},
        ))
    return notes


def timed(label: str, fn, notes: list[Note], evidence: bool) -> float:
    for note in notes[:20]:  # warm caches (organisation look-ups, prefixes)
        fn(note, evidence)
    per_note = []
    start = time.perf_counter()
    for note in notes:
        t0 = time.perf_counter()
        fn(note, evidence)
        per_note.append((time.perf_counter() - t0) * 1000)
    total = (time.perf_counter() - start) * 1000 / len(notes)
    p95 = statistics.quantiles(per_note, n=20)[-1]
    print(f"{label:58s} {total:6.3f} ms/note  (median {statistics.median(per_note):.3f}, p95 {p95:.3f})")
    return total


def fast_turtle(note: Note, evidence: bool) -> bytes:
    return serialize_notes([note], "turtle", base=None, evidence=evidence)


def rdflib_turtle(note: Note, evidence: bool) -> str:
    return note_graph(note, evidence=evidence).serialize(format="turtle")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--evidence", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} cpus, {platform.system()} "
          f"{platform.release()}")
    print(f"python {platform.python_version()}, rdflib {version('rdflib')}, pyoxigraph {version('pyoxigraph')}, "
          f"pydantic {version('pydantic')}, kenmerk {version('kenmerk')}")
    notes = make_notes(args.notes)
    triples = len(note_graph(notes[0], evidence=args.evidence))
    print(f"{len(notes)} generated notes, evidence={args.evidence}, ~{triples} triples in the first")
    fast = timed("build + Turtle (serialize_notes, kenmerk extract path)", fast_turtle, notes, args.evidence)
    timed("note_graph (rdflib.Graph) + rdflib Turtle serialiser", rdflib_turtle, notes, args.evidence)
    target = 2.0
    print(f"target ≤ {target} ms/note: {'met' if fast <= target else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
