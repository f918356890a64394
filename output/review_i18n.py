"""Labels of the review report in Dutch and English (`kenmerk review --lang nl|en`).

One table per language with the same keys (a test checks that); messages with
`{placeholders}` are filled with `str.format` by the renderer, which escapes the
result like any other value. Document types keep their Dutch names in both
languages: they are the real names (see the README).
"""
from __future__ import annotations

LANGUAGES = ("nl", "en")
DEFAULT_LANG = "nl"

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        # pages and landmarks
        "report_title": "Controlerapport",
        "index_heading": "Controlerapport: {count} documenten",
        "index_heading_one": "Controlerapport: 1 document",
        "generated": "Gemaakt met kenmerk {version} op {when}",
        "skip_to_content": "Naar de inhoud",
        "skip_to_pages": "Naar de pagina's",
        "nav_label": "Navigatie",
        "on_this_page": "Op deze pagina",
        "back_to_index": "Overzicht van alle documenten",
        "previous": "Vorige: {name}",
        "next": "Volgende: {name}",
        # index
        "notes_caption": "Documenten, één rij per document",
        "col_file": "Bestand",
        "col_type": "Soort",
        "col_date": "Datum",
        "col_kenmerk": "Kenmerk",
        "col_title": "Titel",
        "col_fields": "Velden gevonden",
        "col_warnings": "Waarschuwingen",
        "col_close": "Nipte keuzes",
        "sort_by": "Sorteer op {column}",
        "sorted_ascending": "oplopend gesorteerd",
        "sorted_descending": "aflopend gesorteerd",
        "filter_warnings": "Alleen documenten met waarschuwingen",
        "shown_count": "{shown} van {total} documenten getoond",
        "summary_heading": "Samenvatting",
        "summary_notes": "Documenten",
        "summary_with_warnings": "Met waarschuwingen",
        "summary_close": "Met een nipte keuze",
        "summary_failed": "Niet gelezen",
        "fields_caption": "Hoe vaak elk veld is gevonden",
        "col_field": "Veld",
        "col_found": "Gevonden",
        "col_share": "Aandeel",
        "types_caption": "Documenten per soort",
        "col_doctype": "Documentsoort",
        "col_count": "Aantal",
        "chart_heading": "Documenten per maand",
        "chart_desc": "Staafdiagram van het aantal documenten per maand van de documentdatum, van {first} tot {last}.",
        "chart_table": "Tabel bij het diagram",
        "chart_none": "Geen document heeft een datum: er is geen diagram.",
        "no_date": "zonder datum",
        "col_month": "Maand",
        "failed_heading": "Niet gelezen",
        "failed_intro": "Deze invoer kon niet worden gelezen; de rest van het rapport gaat door.",
        "open_note": "Open het rapport van {name}",
        # note page
        "fields_heading": "Velden",
        "fields_table_caption": "Gevonden velden met waarde en pagina, en onder elk veld de regel die de waarde koos en de "
                                "andere kandidaten; kies een veld om naar de markering te gaan",
        "col_value": "Waarde",
        "col_page": "Pagina",
        "issues_heading": "Ontbreekt of twijfelachtig",
        "no_issues": "Niets ontbreekt en er is niets twijfelachtigs gevonden.",
        "severity_missing": "Ontbreekt",
        "severity_doubtful": "Twijfel",
        "pages_heading": "Pagina's",
        "text_heading": "Tekst",
        "text_intro": "De tekst van het bestand; gemarkeerd is waar elk veld is gelezen.",
        "page_caption": "Pagina {page} van {pages}",
        "page_alt": "Pagina {page} van {pages} van {name}. Gemarkeerd: {fields}.",
        "page_alt_none": "Pagina {page} van {pages} van {name}. Geen markeringen op deze pagina.",
        "pages_omitted": "{count} pagina's zonder gevonden velden zijn weggelaten.",
        "box_label": "{field}: {value} (pagina {page}); naar de rij in de tabel",
        "no_page": "–",
        "source_heading": "Bron",
        "source_file": "Bestand",
        "source_type": "Soort bestand",
        "source_size": "Grootte",
        "source_pages": "Pagina's",
        "source_sha": "SHA-256",
        "bytes": "{n} bytes",
        "ocr_badge": "OCR",
        # candidates: the winner and the runners-up of each field
        "candidate_label": "{field}, kandidaat {rank}",
        "chosen_by": "Gekozen door regel",
        "score": "score",
        "runners_up_one": "ook overwogen: 1",
        "runners_up": "ook overwogen: {count}",
        "candidates_one": "1 kandidaat",
        "candidates": "{count} kandidaten",
        "no_winner": "Geen waarde gekozen",
        "combined": "Samengesteld uit de kandidaten",
        "not_found": "niet gevonden",
        "same_value": "zelfde waarde",
        "close_badge": "nipt",
        "close_title": "Een andere waarde scoort binnen {margin} van de gekozen waarde",
        "show_on_page": "toon op pagina {page}",
        "no_box": "geen plaats op de pagina",
        "runner_up_tag": "{field} {ranks}",
        "runner_up_box_label": "{label}: {value} (score {score}, pagina {page}); naar de kandidaten van het veld",
        "corrections_intro": "Klopt een waarde niet? Corrigeer het veld hieronder. Correcties blijven in deze "
                             "browser bewaard (ook over pagina's heen) tot u ze downloadt; geef het bestand aan "
                             "kenmerk extract, publish of review met --corrections.",
        "reviewer_name": "Uw naam (wie corrigeert)",
        "corrections_count_one": "1 correctie bewaard in deze browser.",
        "corrections_count": "{count} correcties bewaard in deze browser.",
        "download_corrections": "Download correcties (corrections.jsonl)",
        "clear_corrections": "Correcties wissen",
        "correct_field": "Corrigeer {field}",
        "correct_value": "Juiste waarde",
        "correct_note": "Toelichting (optioneel)",
        "correct_save": "Bewaar correctie",
        "correct_saved": "Bewaard in deze browser.",
        "correct_need_name": "Vul eerst uw naam in.",
        "correct_bad_json": "Geen geldige JSON: ",
        "corrected_by": "Gecorrigeerd door {who}",
        "derived_tag": "{label} (afgeleid)",
        "derived_note": "Niet letterlijk zo gedrukt op de gemarkeerde plek: afgeleid uit die regel (zie de regel "
                        "die de waarde koos), of de markering staat verkeerd.",
        "legend": "Labels bij de nummers op pagina {page}",
        "redacted_note": "Persoonsgegevens in de tekstlaag zijn grijs afgedekt.",
        "failed_page_heading": "Niet gelezen: {name}",
        "chart_axis": "Aantal documenten",
        # values
        "attachment_counted": "bijlage {number} (titel niet genoemd)",
        "attachments_counted": "aantal bijlagen genoemd",
        "pages_short": "p. {pages}",
        # issues
        "issue_missing": "{field} ontbreekt.",
        "issue_type_other": "De documentsoort is niet herkend.",
        "issue_ocr": "Pagina {pages} is met OCR gelezen: controleer {fields}.",
        "issue_ocr_many": "Pagina's {pages} zijn met OCR gelezen: controleer {fields}.",
        "issue_date_far": "{label} {date} ligt {days} dagen van de documentdatum {doc_date}.",
        "issue_no_evidence": "{field}: er is geen bewijs vastgelegd (herkomst onbekend).",
        "issue_no_position": "{field}: bewijs zonder positie op de pagina; niet gemarkeerd.",
        "issue_not_found": "{field}: de bewijstekst is niet teruggevonden in de tekst; niet gemarkeerd.",
        "issue_warning": "Melding bij het lezen: {text}",
        "issue_close": "{field}: de andere kandidaat ‘{value}’ ({rule}, score {score}) scoort bijna even hoog als de "
                       "gekozen waarde ({winner}).",
        # CLI
        "written": "rapport geschreven: {path} ({count} documenten, {failed} niet gelezen)",
        "written_one": "rapport geschreven: {path} (1 document, {failed} niet gelezen)",
    },
    "en": {
        "report_title": "Review report",
        "index_heading": "Review report: {count} documents",
        "index_heading_one": "Review report: 1 document",
        "generated": "Made with kenmerk {version} on {when}",
        "skip_to_content": "Skip to content",
        "skip_to_pages": "Skip to the pages",
        "nav_label": "Navigation",
        "on_this_page": "On this page",
        "back_to_index": "Overview of all documents",
        "previous": "Previous: {name}",
        "next": "Next: {name}",
        "notes_caption": "Documents, one row per document",
        "col_file": "File",
        "col_type": "Type",
        "col_date": "Date",
        "col_kenmerk": "Reference",
        "col_title": "Title",
        "col_fields": "Fields found",
        "col_warnings": "Warnings",
        "col_close": "Close calls",
        "sort_by": "Sort by {column}",
        "sorted_ascending": "sorted ascending",
        "sorted_descending": "sorted descending",
        "filter_warnings": "Only documents with warnings",
        "shown_count": "{shown} of {total} documents shown",
        "summary_heading": "Summary",
        "summary_notes": "Documents",
        "summary_with_warnings": "With warnings",
        "summary_close": "With a close call",
        "summary_failed": "Not read",
        "fields_caption": "How often each field was found",
        "col_field": "Field",
        "col_found": "Found",
        "col_share": "Share",
        "types_caption": "Documents per type",
        "col_doctype": "Document type",
        "col_count": "Count",
        "chart_heading": "Documents per month",
        "chart_desc": "Bar chart of the number of documents per month of the document date, from {first} to {last}.",
        "chart_table": "Table for the chart",
        "chart_none": "No document has a date: there is no chart.",
        "no_date": "no date",
        "col_month": "Month",
        "failed_heading": "Not read",
        "failed_intro": "These inputs could not be read; the rest of the report goes on.",
        "open_note": "Open the report of {name}",
        "fields_heading": "Fields",
        "fields_table_caption": "Fields found with value and page, and under each field the rule that chose the value "
                                "and the runners-up; choose a field to go to its mark",
        "col_value": "Value",
        "col_page": "Page",
        "issues_heading": "Missing or doubtful",
        "no_issues": "Nothing is missing and nothing doubtful was found.",
        "severity_missing": "Missing",
        "severity_doubtful": "Doubtful",
        "pages_heading": "Pages",
        "text_heading": "Text",
        "text_intro": "The text of the file; marked is where each field was read.",
        "page_caption": "Page {page} of {pages}",
        "page_alt": "Page {page} of {pages} of {name}. Marked: {fields}.",
        "page_alt_none": "Page {page} of {pages} of {name}. No marks on this page.",
        "pages_omitted": "{count} pages without fields found are left out.",
        "box_label": "{field}: {value} (page {page}); go to its row in the table",
        "no_page": "–",
        "source_heading": "Source",
        "source_file": "File",
        "source_type": "Media type",
        "source_size": "Size",
        "source_pages": "Pages",
        "source_sha": "SHA-256",
        "bytes": "{n} bytes",
        "ocr_badge": "OCR",
        "candidate_label": "{field}, candidate {rank}",
        "chosen_by": "Chosen by rule",
        "score": "score",
        "runners_up_one": "also considered: 1",
        "runners_up": "also considered: {count}",
        "candidates_one": "1 candidate",
        "candidates": "{count} candidates",
        "no_winner": "No value chosen",
        "combined": "Made up of the candidates",
        "not_found": "not found",
        "same_value": "same value",
        "close_badge": "close",
        "close_title": "Another value scores within {margin} of the chosen one",
        "show_on_page": "show on page {page}",
        "no_box": "no place on the page",
        "runner_up_tag": "{field} {ranks}",
        "runner_up_box_label": "{label}: {value} (score {score}, page {page}); go to the field's candidates",
        "corrections_intro": "A value is wrong? Correct its field below. Corrections are kept in this browser "
                             "(across pages) until you download them; give the file to kenmerk extract, publish "
                             "or review with --corrections.",
        "reviewer_name": "Your name (who corrects)",
        "corrections_count_one": "1 correction kept in this browser.",
        "corrections_count": "{count} corrections kept in this browser.",
        "download_corrections": "Download corrections (corrections.jsonl)",
        "clear_corrections": "Clear corrections",
        "correct_field": "Correct {field}",
        "correct_value": "Right value",
        "correct_note": "Reason (optional)",
        "correct_save": "Save correction",
        "correct_saved": "Saved in this browser.",
        "correct_need_name": "Fill in your name first.",
        "correct_bad_json": "Not valid JSON: ",
        "corrected_by": "Corrected by {who}",
        "derived_tag": "{label} (inferred)",
        "derived_note": "Not printed as such where it is marked: inferred from that line (see the rule that chose "
                        "the value), or marked in the wrong place.",
        "legend": "Labels of the numbers on page {page}",
        "redacted_note": "Personal data in the text layer is covered in grey.",
        "failed_page_heading": "Not read: {name}",
        "chart_axis": "Number of documents",
        "attachment_counted": "attachment {number} (title not given)",
        "attachments_counted": "number of attachments given",
        "pages_short": "p. {pages}",
        "issue_missing": "{field} is missing.",
        "issue_type_other": "The document type was not recognised.",
        "issue_ocr": "Page {pages} was read by OCR: check {fields}.",
        "issue_ocr_many": "Pages {pages} were read by OCR: check {fields}.",
        "issue_date_far": "{label} {date} is {days} days from the document date {doc_date}.",
        "issue_no_evidence": "{field}: no evidence was recorded (origin unknown).",
        "issue_no_position": "{field}: evidence without a position on the page; not marked.",
        "issue_not_found": "{field}: the evidence text was not found in the text; not marked.",
        "issue_warning": "Reading remark: {text}",
        "issue_close": "{field}: the runner-up ‘{value}’ ({rule}, score {score}) scores almost as high as the chosen "
                       "value ({winner}).",
        "written": "report written: {path} ({count} documents, {failed} not read)",
        "written_one": "report written: {path} (1 document, {failed} not read)",
    },
}

#: field labels, singular (a list item gets its number appended)
FIELD_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "document_type": "Documentsoort",
        "title": "Titel",
        "kenmerk": "Kenmerk",
        "date": "Datum",
        "organisation": "Organisatie",
        "addressee": "Geadresseerde",
        "recommended_decision": "Geadviseerd besluit",
        "attachments": "Bijlage",
        "woo_grounds": "Woo-grond",
        "identifiers": "Referentie",
        "dates": "Datum (overig)",
        "language": "Taal",
        "sections": "Paragraaf",
    },
    "en": {
        "document_type": "Document type",
        "title": "Title",
        "kenmerk": "Reference (kenmerk)",
        "date": "Date",
        "organisation": "Organisation",
        "addressee": "Addressee",
        "recommended_decision": "Recommended decision",
        "attachments": "Attachment",
        "woo_grounds": "Woo ground",
        "identifiers": "Identifier",
        "dates": "Date (other)",
        "language": "Language",
        "sections": "Section",
    },
}

#: field labels for the summary (plural where the field is a list)
FIELD_LABELS_PLURAL: dict[str, dict[str, str]] = {
    "nl": {**FIELD_LABELS["nl"], "attachments": "Bijlagen", "woo_grounds": "Woo-gronden",
           "identifiers": "Referenties", "dates": "Overige datums"},
    "en": {**FIELD_LABELS["en"], "attachments": "Attachments", "woo_grounds": "Woo grounds",
           "identifiers": "Identifiers", "dates": "Other dates"},
}

#: roles of `DatedEvent`
DATE_ROLES: dict[str, dict[str, str]] = {
    "nl": {"document": "Documentdatum", "deadline": "Beslistermijn", "meeting": "Vergadering",
           "received": "Ontvangen", "sent": "Verzonden", "publication": "Publicatie",
           "decision": "Besluit", "other": "Overig"},
    "en": {"document": "Document date", "deadline": "Deadline", "meeting": "Meeting",
           "received": "Received", "sent": "Sent", "publication": "Publication",
           "decision": "Decision", "other": "Other"},
}

MONTHS: dict[str, list[str]] = {
    "nl": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


class Labels:
    """The labels of one language: `t("key", **params)`, `t.field(name)`, `t.role(role)`."""

    def __init__(self, lang: str = DEFAULT_LANG) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r} (use one of {', '.join(LANGUAGES)})")
        self.lang = lang
        self._table = LABELS[lang]

    def __call__(self, key: str, **params) -> str:
        text = self._table[key]
        return text.format(**params) if params else text

    def field(self, name: str, plural: bool = False) -> str:
        table = (FIELD_LABELS_PLURAL if plural else FIELD_LABELS)[self.lang]
        return table.get(name, name.replace("_", " "))

    def role(self, role: str) -> str:
        return DATE_ROLES[self.lang].get(role, role)

    def month(self, year: int, month: int) -> str:
        return f"{MONTHS[self.lang][month - 1]} {year}"


def labels(lang: str = DEFAULT_LANG) -> Labels:
    return Labels(lang)
