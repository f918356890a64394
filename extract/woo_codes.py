"""The refusal grounds of the Woo (Wet open overheid, 2022) and the Wob (its predecessor).

Woo art. 5.1 lid 1 a–e (absolute grounds), lid 2 a–i (relative grounds), lid 5,
art. 5.2 (personal policy views) and 5.4; Wob art. 10 lid 1 a–d, lid 2 a–g and
art. 11 lid 1. Codes are written as in inventory lists: `5.1.2e`, `10.2e`, `11.1`.
"""
from __future__ import annotations

import re

#: canonical code → law
WOO_GROUND_CODES: dict[str, str] = {
    **{f"5.1.1{letter}": "Woo" for letter in "abcde"},
    **{f"5.1.2{letter}": "Woo" for letter in "abcdefghi"},
    "5.1.5": "Woo",
    "5.2": "Woo",
    "5.4": "Woo",
    **{f"10.1{letter}": "Wob" for letter in "abcd"},
    **{f"10.2{letter}": "Wob" for letter in "abcdefg"},
    "11.1": "Wob",
}


def canonical_ground(code: str) -> str:
    """Normalise a written ground code: '5.1.2 e', '5.1.2.e', '5.2.1' → '5.1.2e', '5.2'."""
    raw = code.strip().lower().replace(" ", "")
    m = re.fullmatch(r"(\d+)\.?(\d)?\.?(\d)?\.?([a-i])?", raw)
    if not m:
        return raw
    parts = [p for p in m.group(1, 2, 3) if p]
    letter = m.group(4) or ""
    if parts[:2] == ["5", "2"]:
        return "5.2"
    if parts[:2] == ["11", "1"]:
        return "11.1"
    return ".".join(parts) + letter
