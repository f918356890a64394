"""The data of the review report: what to mark on which page, and what is missing or doubtful.

    from kenmerk.output.review import build_note_report, build_index
    report = build_note_report(note, label="nota.pdf", lang="en")
    report.items      # one ReviewItem per piece of evidence (kenmerk, date, each attachment, ...)
    report.issues     # missing required fields, OCR'd pages, far dates, close calls, reader warnings

    report = build_note_report(note, explained=explain_for_review(extraction))
    report.why        # per field: the winner's rule, score and why, and its runners-up

This module only builds data from a `Note`, its explanation (`kenmerk.output.review_explain`)
and, for text inputs, the text; it never re-extracts and never renders. `kenmerk.output.review_html` turns the data into
HTML, `kenmerk.output.commands.review` is the command line.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field

from kenmerk.extract import DocumentType, Evidence, Note
from kenmerk.output.corrections import CORRECTABLE, corrected_by
from kenmerk.output.review_explain import Explained
from kenmerk.output.review_i18n import Labels, labels

__all__ = [
    "CLOSE_SCORE",
    "DATE_FAR_DAYS",
    "EDIT_INPUT",
    "FIELD_ORDER",
    "FieldWhy",
    "IDENTIFIER_FIELDS",
    "IndexData",
    "IndexEntry",
    "Issue",
    "NoteReport",
    "Proposal",
    "ReviewItem",
    "TextView",
    "build_index",
    "build_note_report",
    "build_text_view",
    "field_whys",
    "note_slug",
    "unique_slugs",
]

#: fields in the order the report lists them; the colour of a box is the field's
FIELD_ORDER = (
    "document_type", "title", "kenmerk", "date", "organisation", "addressee",
    "recommended_decision", "attachments", "woo_grounds", "identifiers", "dates",
)
#: fields whose values are identifiers or dates: never broken over two lines ("IENW/BSK-2022/2486 39")
IDENTIFIER_FIELDS = frozenset({"kenmerk", "date", "identifiers", "dates", "woo_grounds"})
#: fields a note should have; absent ones are listed as missing (document_type: `other`)
REQUIRED = ("document_type", "title", "kenmerk", "date")
#: a date among `dates` further than this from the document's date is doubtful
DATE_FAR_DAYS = 60
#: a runner-up with another value scoring this close to the winner makes its field a close call
CLOSE_SCORE = 0.1
#: how a field is edited in the report (its correction control); any other field: its JSON
EDIT_INPUT = {"title": "text", "kenmerk": "text", "addressee": "text", "language": "text", "date": "date",
              "document_type": "choice"}


@dataclass
class ReviewItem:
    """One value with its evidence: a row in the field table and a box on the page (or a mark in the text)."""

    key: str                      # unique within the note: "kenmerk", "attachments-2"
    field: str                    # the Note field: "kenmerk", "attachments"
    index: int | None             # position in a list field (0-based), None for scalar fields
    label: str                    # "Kenmerk", "Bijlage 2"
    value: str                    # the value as shown
    evidence: Evidence | None
    search: list[str] = dataclasses.field(default_factory=list)  # (`field` is an attribute here) text to look for in a text input, best first
    derived: bool = False         # the value is not printed in its box: inferred from that line (PDF pages)

    @property
    def page(self) -> int | None:
        return self.evidence.page if self.evidence else None

    @property
    def identifier(self) -> bool:
        """An identifier or date: shown on one line, never broken inside."""
        return self.field in IDENTIFIER_FIELDS

    @property
    def has_box(self) -> bool:
        return self.evidence is not None and self.evidence.bbox is not None and self.evidence.page is not None

    @property
    def ocr(self) -> bool:
        return bool(self.evidence and self.evidence.ocr)

    @property
    def anchor(self) -> str:
        return f"box-{self.key}"

    @property
    def row(self) -> str:
        return f"row-{self.key}"


@dataclass
class Issue:
    """Something missing or doubtful; `message` is in the report's language."""

    kind: str        # missing, type_other, ocr, date_far, no_evidence, no_position, not_found, close, warning
    severity: str    # "missing" or "doubtful"
    message: str
    item: str | None = None   # key of the ReviewItem it concerns, when there is one
    why: str | None = None    # the field whose candidates it concerns (a close call)


@dataclass
class Proposal:
    """One candidate of a field as the report shows it: the explanation's view and where it was read."""

    key: str                      # unique within the note: "kenmerk-c2" (rank 2 of kenmerk)
    field: str
    rank: int                     # 1 for the best candidate
    label: str                    # "Kenmerk, kandidaat 2"
    rule: str
    score: float
    value: str
    why: str
    evidence: Evidence | None     # page and box (PDF), page only (text), None when read from no line
    chosen: bool = False
    same_value: bool = False      # a runner-up proposing the winner's value (another place, another rule)
    close: bool = False           # a runner-up with another value within CLOSE_SCORE of the winner

    @property
    def page(self) -> int | None:
        return self.evidence.page if self.evidence else None

    @property
    def has_box(self) -> bool:
        return self.evidence is not None and self.evidence.bbox is not None and self.evidence.page is not None

    @property
    def anchor(self) -> str:
        return f"box-{self.key}"


@dataclass
class FieldWhy:
    """Why a field has its value: the winner (None when nothing won or the value combines candidates), the rest."""

    field: str
    label: str
    value: str | None             # the explanation's value (scrubbed as the note)
    reason: str
    winner: Proposal | None
    runners_up: list[Proposal]

    @property
    def anchor(self) -> str:
        return f"why-{self.field}"

    @property
    def combined(self) -> bool:
        """The value is made of several candidates (every Woo ground kept), not one winner."""
        return self.winner is None and self.value is not None

    @property
    def close(self) -> list[Proposal]:
        return [p for p in self.runners_up if p.close]


@dataclass
class TextView:
    """A text input cut into segments; each segment lists the items whose evidence covers it."""

    segments: list[tuple[str, tuple[str, ...]]]
    located: dict[str, tuple[int, int]]          # item key -> (start, end) in the text
    starts: dict[int, list[str]]                 # segment index -> keys whose evidence starts there


@dataclass
class NoteReport:
    """Everything the report shows of one note."""

    note: Note
    label: str                    # the input's name as the report shows it: no folders of the machine
    slug: str                     # file name of the note's page, without .html
    items: list[ReviewItem]
    issues: list[Issue]
    lang: str = "nl"
    text: TextView | None = None  # text inputs only
    why: list[FieldWhy] = field(default_factory=list)   # empty without an explanation

    @property
    def is_pdf(self) -> bool:
        """Its pages are drawn: a PDF, or an image (`kenmerk.extract.reader.pages_pdf`)."""
        from kenmerk.extract.reader import PAGED_MEDIA_TYPES

        return self.note.source.media_type in PAGED_MEDIA_TYPES

    @property
    def display_title(self) -> str:
        return self.note.title or self.note.source.file_name

    @property
    def fields_found(self) -> list[str]:
        return fields_found(self.note)

    @property
    def warning_count(self) -> int:
        return len(self.issues)

    @property
    def close_count(self) -> int:
        """Fields with a close runner-up: where a reviewer looks first."""
        return sum(1 for w in self.why if w.close)

    def entry(self) -> IndexEntry:
        """The note's row in the index (what the index needs, without the note)."""
        n = self.note
        return IndexEntry(slug=self.slug, name=self.label, document_type=n.document_type.value, date=n.date,
                          kenmerk=n.kenmerk, title=n.title, language=n.language,
                          fields_found=tuple(self.fields_found), warnings=self.warning_count,
                          close_calls=self.close_count if self.why else None)

    def field_json(self, name: str) -> str:
        """The field's value in the `Note`'s JSON shape, as a corrections file holds it."""
        return json.dumps(self.note.model_dump(mode="json").get(name), ensure_ascii=False)

    def corrected(self, name: str) -> str | None:
        """Who corrected the field and when (`kenmerk.output.corrections`); None for an extracted value."""
        return corrected_by(self.note.evidence.get(name))

    def editable(self, name: str) -> bool:
        return name in CORRECTABLE

    def evidence_pages(self) -> list[int]:
        return sorted({page for it in self.items if (page := it.page) is not None}
                      | {p.page for w in self.why for p in w.runners_up if p.has_box and p.page is not None})

    def groups(self) -> list[tuple[str, list[ReviewItem], FieldWhy | None]]:
        """Per field in the report's order: its items and why it has its value (fields with either)."""
        why = {w.field: w for w in self.why}
        items: dict[str, list[ReviewItem]] = {}
        for it in self.items:
            items.setdefault(it.field, []).append(it)
        names = [*(n for n in FIELD_ORDER if n in items or n in why), *(n for n in items if n not in FIELD_ORDER)]
        return [(n, items.get(n, []), why.get(n)) for n in names]


# ---------------------------------------------------------------------------------------------
# items


def _pages(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages)


def note_items(note: Note, t: Labels | None = None) -> list[ReviewItem]:
    """One item per piece of evidence (and per value without evidence), in `FIELD_ORDER`."""
    t = t or labels()
    items: list[ReviewItem] = []
    ev = note.evidence

    def add(field_name: str, value: str | None, evidence: Evidence | None, index: int | None = None,
            extra_search: tuple[str, ...] = ()) -> None:
        if value is None and evidence is None:
            return
        key = field_name if index is None else f"{field_name}-{index + 1}"
        label = t.field(field_name) + ("" if index is None else f" {index + 1}")
        search = [s for s in ((evidence.text if evidence else None), value, *extra_search) if s]
        items.append(ReviewItem(key=key, field=field_name, index=index, label=label, value=value or "",
                                evidence=evidence, search=search))

    add("document_type", note.document_type.value, ev.get("document_type"))
    add("title", note.title, ev.get("title"))
    add("kenmerk", note.kenmerk, ev.get("kenmerk"))
    add("date", note.date.isoformat() if note.date else None, ev.get("date"))
    if note.organisation is not None:
        org = note.organisation
        value = " · ".join(x for x in [org.name, *org.units] if x) or None
        add("organisation", value, org.evidence or ev.get("organisation"),
            extra_search=tuple(x for x in [org.name, *org.units] if x))
    add("addressee", note.addressee, ev.get("addressee"))
    if note.recommended_decision is not None:
        add("recommended_decision", note.recommended_decision.text,
            note.recommended_decision.evidence or ev.get("recommended_decision"))
    for i, att in enumerate(note.attachments):
        if att.title:
            value = f"{att.number}. {att.title}" if att.number is not None else att.title
        elif att.number is not None:
            value = t("attachment_counted", number=att.number)
        else:
            value = t("attachments_counted")
        add("attachments", value, att.evidence, i, extra_search=tuple(x for x in [att.title] if x))
    for i, g in enumerate(note.woo_grounds):
        value = f"{g.law} {g.code}"
        if g.count > 1:
            value += f" ×{g.count}"
        if g.pages:
            value += f" ({t('pages_short', pages=_pages(g.pages))})"
        add("woo_grounds", value, g.evidence, i, extra_search=(g.code,))
    for i, ident in enumerate(note.identifiers):
        add("identifiers", f"{ident.label}: {ident.value}", ident.evidence, i, extra_search=(ident.value,))
    for i, d in enumerate(note.dates):
        what = d.label or t.role(d.role.value)
        value = f"{what}: {d.date.isoformat() if d.date else d.text}"
        add("dates", value, d.evidence, i, extra_search=(d.text,))
    # evidence for any other scalar field (future fields get a box too)
    for name, evidence in ev.items():
        if name in FIELD_ORDER:
            continue
        raw = getattr(note, name, None)
        add(name, str(raw.value if hasattr(raw, "value") else raw) if raw is not None else None, evidence)
    return items


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def field_whys(explained: Explained, t: Labels | None = None, shown: set[str] | None = None) -> list[FieldWhy]:
    """Per field of `FIELD_ORDER`, its winner and runners-up, marked close or of the same value.

    A field is listed when `shown` (the fields the report has rows for) holds it or it has a runner-up.
    """
    t = t or labels()
    out: list[FieldWhy] = []
    by_field = {f.field: f for f in explained.explanation.fields}
    for name in FIELD_ORDER:
        f = by_field.get(name)
        if f is None:
            continue
        proposals = [
            Proposal(key=f"{name}-c{rank}", field=name, rank=rank,
                     label=t("candidate_label", field=t.field(name), rank=rank), rule=c.rule, score=c.score,
                     value=c.value, why=c.why, chosen=c.chosen, evidence=explained.candidate_evidence(name, rank - 1))
            for rank, c in enumerate(f.candidates, start=1)]
        winner = next((p for p in proposals if p.chosen), None)
        runners_up = [p for p in proposals if p is not winner]
        if winner is not None:
            for p in runners_up:
                p.same_value = _same(p.value, winner.value)
                p.close = not p.same_value and round(winner.score - p.score, 6) <= CLOSE_SCORE
        if runners_up or (shown is not None and name in shown):
            out.append(FieldWhy(field=name, label=t.field(name), value=f.value, reason=f.reason,
                                winner=winner, runners_up=runners_up))
    return out


def fields_found(note: Note) -> list[str]:
    """The fields of `FIELD_ORDER` that have a value (document_type only when recognised)."""
    found = []
    for name in FIELD_ORDER:
        value = getattr(note, name)
        if name == "document_type":
            if value != DocumentType.other:
                found.append(name)
        elif isinstance(value, list):
            if value:
                found.append(name)
        elif value is not None:
            found.append(name)
    return found


# ---------------------------------------------------------------------------------------------
# issues


def note_issues(note: Note, items: list[ReviewItem], t: Labels | None = None) -> list[Issue]:
    """What is missing or doubtful about a note."""
    t = t or labels()
    issues: list[Issue] = []
    for name in REQUIRED:
        if name == "document_type":
            if note.document_type == DocumentType.other:
                issues.append(Issue("type_other", "missing", t("issue_type_other"), "document_type"))
        elif getattr(note, name) is None:
            issues.append(Issue("missing", "missing", t("issue_missing", field=t.field(name))))
    # OCR'd pages: one line per set of pages, naming the fields read there
    ocr_pages: dict[int, list[str]] = {}
    for it in items:
        if it.ocr and it.page is not None:
            ocr_pages.setdefault(it.page, []).append(it.label)
    if ocr_pages:
        pages = sorted(ocr_pages)
        fields = list(dict.fromkeys(lbl for p in pages for lbl in ocr_pages[p]))
        first = next(it for it in items if it.ocr)
        key = "issue_ocr" if len(pages) == 1 else "issue_ocr_many"
        issues.append(Issue("ocr", "doubtful", t(key, pages=_pages(pages), fields=", ".join(fields)), first.key))
    # dates far from the document's (colofon) date
    if note.date is not None:
        date_items = {it.index: it for it in items if it.field == "dates"}
        for i, d in enumerate(note.dates):
            if d.date is None:
                continue
            days = abs((d.date - note.date).days)
            if days > DATE_FAR_DAYS:
                dated = date_items.get(i)
                issues.append(Issue("date_far", "doubtful",
                                    t("issue_date_far", label=d.label or t.role(d.role.value),
                                      date=d.date.isoformat(), days=days, doc_date=note.date.isoformat()),
                                    dated.key if dated else None))
    pdf = note.source.media_type == "application/pdf"
    for it in items:
        if corrected_by(note.evidence.get(it.field)):
            continue  # set by a reviewer: nothing to find on the page
        if it.evidence is None:
            if it.field != "document_type":  # a type may be judged from the whole text
                issues.append(Issue("no_evidence", "doubtful", t("issue_no_evidence", field=it.label), it.key))
        elif pdf and not it.has_box:
            issues.append(Issue("no_position", "doubtful", t("issue_no_position", field=it.label), it.key))
    for w in note.warnings:
        issues.append(Issue("warning", "doubtful", t("issue_warning", text=w)))
    return issues


def close_issues(whys: list[FieldWhy], t: Labels | None = None) -> list[Issue]:
    """One doubt per field whose runner-up, with another value, scores within `CLOSE_SCORE` of the winner."""
    t = t or labels()
    issues = []
    for w in whys:
        if w.close and w.winner is not None:
            best = w.close[0]
            issues.append(Issue("close", "doubtful", t("issue_close", field=w.label, value=best.value, rule=best.rule,
                                                      score=f"{best.score:.2f}", winner=f"{w.winner.score:.2f}"),
                                why=w.field))
    return issues


# ---------------------------------------------------------------------------------------------
# text inputs: find the evidence in the text

#: Markdown markup that text conversions strip; matched like white space
_SEPARATORS = set(" \t\r\n\f\v\u00a0*_#|`>")


def _normalise(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with markup and white space runs as one space, and each char's offset."""
    out: list[str] = []
    pos: list[int] = []
    space = True
    for i, ch in enumerate(text):
        if ch in _SEPARATORS or ch.isspace():
            if not space:
                out.append(" ")
                pos.append(i)
                space = True
            continue
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
        pos.append(i)
        space = False
    return "".join(out), pos


def _candidates(search: list[str]) -> list[str]:
    """What to look for, best first: the evidence text, the value, the text without its label, parts."""
    seen: list[str] = []

    def push(s: str) -> None:
        s = _normalise(s)[0].strip()
        if len(s) >= 2 and s not in seen:
            seen.append(s)

    for s in search:
        push(s)
    for s in search[:1]:
        words = s.split()
        for n in (1, 2, 3):
            if len(words) > n + 0:
                push(" ".join(words[n:]))
    for s in search[1:2]:  # the value cut at " en ", commas, semicolons ("MBZK en SBZK")
        for part in re.split(r"\s+(?:en|and)\s+|[,;·]", s):
            if len(part.strip()) >= 3:
                push(part)
    return seen


def build_text_view(text: str, items: list[ReviewItem]) -> TextView:
    """Locate each item's evidence in `text` and cut the text into marked segments."""
    norm, pos = _normalise(text)
    located: dict[str, tuple[int, int]] = {}
    for it in items:
        if it.evidence is None and it.field != "document_type":  # a type may be judged from the whole text
            continue
        for cand in _candidates(it.search):
            at = _find_word(norm, cand)
            if at >= 0:
                end = at + len(cand) - 1
                located[it.key] = (pos[at], pos[end] + 1)
                break
    cuts = sorted({0, len(text), *(s for s, _ in located.values()), *(e for _, e in located.values())})
    segments: list[tuple[str, tuple[str, ...]]] = []
    starts: dict[int, list[str]] = {}
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        keys = tuple(k for k, (s, e) in located.items() if s <= a and b <= e)
        idx = len(segments)
        for k, (s, _) in located.items():
            if s == a:
                starts.setdefault(idx, []).append(k)
        segments.append((text[a:b], keys))
    return TextView(segments=segments, located=located, starts=starts)


def _find_word(haystack: str, needle: str) -> int:
    """First occurrence of `needle` that does not start or end inside a word; else any occurrence."""
    start = 0
    first = -1
    while True:
        at = haystack.find(needle, start)
        if at < 0:
            return first
        if first < 0:
            first = at
        before = haystack[at - 1] if at > 0 else " "
        after = haystack[at + len(needle)] if at + len(needle) < len(haystack) else " "
        if not (before.isalnum() and needle[0].isalnum()) and not (after.isalnum() and needle[-1].isalnum()):
            return at
        start = at + 1


# ---------------------------------------------------------------------------------------------
# one note, and the index


_SLUG = re.compile(r"[^a-z0-9]+")
_SUFFIX = re.compile(r"\.(?:pdf|txt|text|md|markdown)$", re.IGNORECASE)


def note_slug(name: str) -> str:
    """A file-name-safe name for the page of the input `name` (as the report shows it: "2024/nota.pdf")."""
    stem = _SUFFIX.sub("", name).lower()
    return _SLUG.sub("-", stem).strip("-")[-80:].strip("-") or "note"


def unique_slugs(names: list[str]) -> list[str]:
    """`note_slug` of each name, made unique in order by a number ("nota", "nota-2")."""
    seen: set[str] = set()
    out = []
    for name in names:
        base = slug = note_slug(name)
        n = 2
        while slug in seen:
            slug = f"{base}-{n}"
            n += 1
        seen.add(slug)
        out.append(slug)
    return out


def build_note_report(note: Note, label: str | None = None, *, lang: str = "nl", text: str | None = None,
                      slug: str | None = None, explained: Explained | None = None) -> NoteReport:
    """The report data of one note; `text` (the decoded input) for text inputs; `explained` adds the candidates."""
    t = labels(lang)
    items = note_items(note, t)
    issues = note_issues(note, items, t)
    whys = field_whys(explained, t, shown={it.field for it in items}) if explained is not None else []
    issues += close_issues(whys, t)
    view = None
    if text is not None and note.source.media_type != "application/pdf":
        view = build_text_view(text, items)
        for it in items:
            if it.evidence is not None and it.key not in view.located and not corrected_by(it.evidence):
                issues.append(Issue("not_found", "doubtful", t("issue_not_found", field=it.label), it.key))
    label = label or note.source.file_name
    return NoteReport(note=note, label=label, slug=slug or note_slug(label),
                      items=items, issues=issues, lang=lang, text=view, why=whys)


@dataclass(frozen=True)
class IndexEntry:
    """One note's row in the index: small, so a batch of thousands is held in memory."""

    slug: str
    name: str
    document_type: str
    date: dt.date | None
    kenmerk: str | None
    title: str | None
    language: str
    fields_found: tuple[str, ...]
    warnings: int
    close_calls: int | None       # None: the note was reported without its candidates


@dataclass
class IndexData:
    """Summary of a batch: counts per field, per document type and per month."""

    entries: list[IndexEntry]
    failed: list[tuple[str, str]]                   # (input, reason)
    field_counts: list[tuple[str, int]]             # FIELD_ORDER with the number of notes having it
    type_counts: list[tuple[str, int]]              # most frequent first
    month_counts: list[tuple[tuple[int, int], int]]  # every month from the first to the last, gaps as 0
    undated: int

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def with_warnings(self) -> int:
        return sum(1 for e in self.entries if e.warnings)

    @property
    def with_close_calls(self) -> int:
        return sum(1 for e in self.entries if e.close_calls)


def build_index(entries: list[IndexEntry], failed: list[tuple[str, str]] | None = None) -> IndexData:
    """The index of a batch from its notes' rows (`NoteReport.entry()`) and its failures (name, reason)."""
    field_counter: Counter[str] = Counter()
    types: Counter[str] = Counter()
    months: Counter[tuple[int, int]] = Counter()
    undated = 0
    for e in entries:
        field_counter.update(e.fields_found)
        types[e.document_type] += 1
        if e.date is None:
            undated += 1
        else:
            months[(e.date.year, e.date.month)] += 1
    month_counts: list[tuple[tuple[int, int], int]] = []
    if months:
        (y, m), last = min(months), max(months)
        while (y, m) <= last:
            month_counts.append(((y, m), months.get((y, m), 0)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return IndexData(
        entries=list(entries),
        failed=list(failed or []),
        field_counts=[(name, field_counter.get(name, 0)) for name in FIELD_ORDER],
        type_counts=sorted(types.items(), key=lambda kv: (-kv[1], kv[0])),
        month_counts=month_counts,
        undated=undated,
    )
