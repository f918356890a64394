#!/usr/bin/env python3
"""Benchmark: publishing N generated notes into the embedded store vs pyoxigraph's own bulk load.

    .venv/bin/python scripts/bench_publish.py            # 10,000 notes
    .venv/bin/python scripts/bench_publish.py --notes 2000

Measures, on fresh store folders in a temporary directory:

1. `kenmerk publish` end to end (`Publisher` with the default batch size): note →
   triples (`kenmerk.output.graph.note_triples`) → pyoxigraph quads → `EmbeddedStore.replace_graphs`
   per batch (new graphs: `Store.bulk_extend`) → catalog (statistics by SPARQL);
2. the store part of it alone: the same quads, written the way `Publisher` writes them
   (`EmbeddedStore.replace_graphs` per batch of 1,000 notes);
3. pyoxigraph's own `Store.bulk_load` of the same quads as one N-Quads document;
4. pyoxigraph's own `Store.bulk_extend` of the same quad objects in one call.

Prints the machine, the versions and the ratios (1)/(3) and (2)/(3); the target for the
store path is at most 2x the bulk load.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib
from benchinfo import cpu_model  # scripts/benchinfo.py

from kenmerk.extract import (
    Attachment,
    DocumentType,
    Note,
    Organisation,
    RecommendedDecision,
    Source,
    WooGround,
    __version__,
)
from kenmerk.output.config import PublishConfig
from kenmerk.output.dump import nquads_bytes
from kenmerk.output.publish import Publisher, note_to_triples
from kenmerk.output.store import EmbeddedStore, TermConverter

BASE = "https://data.example.nl/id/"
ORGS = ["Ministerie van Financiën", "Ministerie van Volksgezondheid, Welzijn en Sport",
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "Gemeente Amsterdam"]
TYPES = [DocumentType.beslisnota, DocumentType.nota, DocumentType.kamerbrief, DocumentType.woo_besluit]
GROUNDS = ["5.1.2e", "5.1.2i", "5.2", "5.1.1c"]


def generate(n: int) -> list[Note]:
    """`n` distinct, valid notes with the usual fields filled in."""
    notes = []
    start = dt.date(2020, 1, 1)
    for i in range(n):
        sha = hashlib.sha256(f"bench-{i}".encode()).hexdigest()
        notes.append(Note(
            extractor="bench",
            document_type=TYPES[i % len(TYPES)],
            title=f"Nota over onderwerp {i}: voortgang en besluitvorming",
            kenmerk=f"{2020 + i % 5}-{i:010d}",
            date=start + dt.timedelta(days=i % 1500),
            organisation=Organisation(name=ORGS[i % len(ORGS)], units=["Directoraat-generaal X", "Directie Y"]),
            recommended_decision=RecommendedDecision(text=f"Instemmen met voorstel {i}.", heading="Geadviseerd besluit"),
            attachments=[Attachment(title=f"Bijlage {j} bij nota {i}", number=j) for j in range(1, 1 + i % 4)],
            woo_grounds=[WooGround(code=GROUNDS[i % len(GROUNDS)], law="Woo", pages=[1, 2])] if i % 3 == 0 else [],
            source=Source(file_name=f"nota-{i}.pdf", sha256=sha, media_type="application/pdf", size=20_000 + i,
                          page_count=3),
        ))
    return notes


def machine() -> str:
    cpu = cpu_model()
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args(argv)

    print(f"machine : {machine()}")
    print(f"versions: Python {platform.python_version()}, kenmerk {__version__}, pyoxigraph {ox.__version__}, "
          f"rdflib {rdflib.__version__}")
    t = time.perf_counter()
    notes = generate(args.notes)
    print(f"generated {len(notes)} notes in {time.perf_counter() - t:.1f} s")

    config = PublishConfig(base=BASE, publisher="mnre1090", licence="cc0", contact_email="open-data@example.nl")
    with tempfile.TemporaryDirectory(prefix="kenmerk-bench-") as tmp:
        root = Path(tmp)

        # (1) kenmerk publish, end to end
        t = time.perf_counter()
        with Publisher(config, store=root / "publish", batch_size=args.batch_size) as pub:
            for i, note in enumerate(notes):
                pub.add(f"n{i}", note)
        t_publish = time.perf_counter() - t
        assert pub.report.ok and len(pub.report.published) == len(notes)

        # the same quads, built once for (2) and (3)
        t = time.perf_counter()
        conv = TermConverter()
        graphs: dict[str, list[ox.Quad]] = {}
        for note in notes:
            iri, triples = note_to_triples(note, BASE)
            graphs[iri] = conv.quads(triples, iri)
        t_map = time.perf_counter() - t
        quads = [q for qs in graphs.values() for q in qs]
        data = nquads_bytes(quads)

        # (2) the store path alone: batches of replace_graphs (new graphs: bulk_extend)
        t = time.perf_counter()
        with EmbeddedStore(root / "store-path") as store:
            names = list(graphs)
            for start in range(0, len(names), args.batch_size):
                store.replace_graphs({iri: graphs[iri] for iri in names[start:start + args.batch_size]})
            n_store = store.count()
        t_store = time.perf_counter() - t

        # (3) pyoxigraph's own bulk load of the same quads
        t = time.perf_counter()
        raw = ox.Store(str(root / "bulk"))
        raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        raw.flush()
        n_raw = len(raw)
        t_bulk = time.perf_counter() - t
        del raw

        # (4) pyoxigraph's Store.bulk_extend of the same quads objects, in one call
        t = time.perf_counter()
        raw = ox.Store(str(root / "extend"))
        raw.bulk_extend(quads)
        raw.flush()
        t_extend = time.perf_counter() - t
        del raw

    assert n_store == n_raw, (n_store, n_raw)
    print(f"quads   : {n_raw} in {len(graphs)} named graphs ({n_raw / len(graphs):.0f} per note), "
          f"{len(data) / 1e6:.1f} MB of N-Quads")
    print(f"(1) kenmerk publish, end to end         : {t_publish:7.2f} s  ({len(notes) / t_publish:,.0f} notes/s)")
    print(f"    of which note → graph → quads       : {t_map:7.2f} s  (mapping, measured separately)")
    print(f"(2) store path (replace_graphs)         : {t_store:7.2f} s")
    print(f"(3) pyoxigraph Store.bulk_load (N-Quads): {t_bulk:7.2f} s")
    print(f"(4) pyoxigraph Store.bulk_extend, 1 call: {t_extend:7.2f} s  (same quad objects as (2))")
    print(f"ratio store path / bulk load   (2)/(3)  : {t_store / t_bulk:5.2f}x  (target <= 2x)")
    print(f"ratio end to end / bulk load   (1)/(3)  : {t_publish / t_bulk:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
