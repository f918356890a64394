#!/usr/bin/env python3
"""Rebuild `vocab/organisations.csv` from the TOOI register lists (JSON-LD).

    python scripts/build_vocab_tables.py ../shared/vocab/files

Reads the `rwc_*_compleet_*.jsonld` value lists and the DiWoo lijsten-XSD in the
given folder and writes one compact row per organisation: kind, code, label,
other names, abbreviations, begin and end date, and whether DiWoo 0.9.8 lists
the IRI (only those may appear as `@resource`). Ministries are not in these
files: their name history is kept by hand in `vocab/ministries.csv`.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ONT = "https://identifier.overheid.nl/tooi/def/ont/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ID = "https://identifier.overheid.nl/tooi/id/"
CLASSES = {"Gemeente", "Provincie", "Waterschap", "Zbo", "Overheidsorganisatie",
           "Samenwerkingsorganisatie", "CaribischOpenbaarLichaam"}
NAME_KEYS = ("officieleNaamInclSoort", "officieleNaamExclSoort", "voorkeursnaamInclSoort",
             "voorkeursnaamExclSoort", "alternatieveNaam")


def _values(node: dict, key: str) -> list[str]:
    return [str(v.get("@value", v.get("@id"))) for v in node.get(key, [])]


def main(folder: str) -> int:
    src = Path(folder)
    xsd = (src / "diwoo-metadata-lijsten-0.9.8.xsd").read_text(encoding="utf-8")
    diwoo = set(re.findall(r'<xs:enumeration value="(https://identifier\.overheid\.nl/tooi/id/[^"]+)"', xsd))
    rows = []
    for path in sorted(src.glob("rwc_*_compleet_*.jsonld")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for node in data if isinstance(data, list) else data.get("@graph", []):
            kinds = {t.rsplit("/", 1)[-1] for t in node.get("@type", [])}
            if not kinds & CLASSES or not node["@id"].startswith(ID):
                continue
            kind, code = node["@id"][len(ID):].split("/", 1)
            label = _values(node, RDFS_LABEL)[0]
            names: list[str] = []
            for key in NAME_KEYS:
                for name in _values(node, ONT + key):
                    if name != label and name not in names:
                        names.append(name)
            rows.append({
                "kind": kind,
                "code": code,
                "label": label,
                "names": "|".join(names),
                "abbr": "|".join(_values(node, ONT + "afkorting")),
                "begin": (_values(node, ONT + "begindatum") or [""])[0],
                "end": (_values(node, ONT + "einddatum") or [""])[0],
                "diwoo": "1" if node["@id"] in diwoo else "0",
            })
    rows.sort(key=lambda r: (r["kind"], r["code"]))
    out = Path(__file__).resolve().parent.parent / "vocab" / "organisations.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{out}: {len(rows)} organisations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/vocab/files"))
