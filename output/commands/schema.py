"""`kenmerk schema`: print the JSON Schema of `Note`, generated from the pydantic model."""
from __future__ import annotations

import json

from kenmerk.extract import note_json_schema


def register(sub) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the extracted note",
                       description="Print the JSON Schema of the note `kenmerk extract` writes, generated from "
                                   "its pydantic model: for validating the JSON in other tools.",
                       epilog="examples:\n  kenmerk schema > note.schema.json")
    p.set_defaults(func=run)


def run(args) -> int:
    print(json.dumps(note_json_schema(), indent=2, ensure_ascii=False))
    return 0
