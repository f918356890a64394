"""Broken and hostile inputs, made byte by byte (no files are shipped).

    from hostile import hostile_files, write_tree
    for name, data in hostile_files(seed_pdf).items(): ...

Every generator is cheap (well under a second) and deterministic:

- `empty()`, `random_bytes()`: nothing, or noise named `.pdf`;
- `truncations(pdf, n)`: the PDF cut at `n` offsets spread over its length;
- `encrypted(user_password)`: a reportlab PDF with a user password (unreadable) or with
  only an owner password (readable, text extraction allowed);
- `deflate_bomb(gib)`: a page whose FlateDecode content stream inflates to `gib` GiB of
  spaces (about 1 MiB of PDF per GiB: one compressed block repeated after full flushes);
- `nested_arrays(depth)`, `nested_dicts(depth)`, `nested_pages(depth)`: objects and page
  trees nested 10,000 deep;
- `many_pages(n)`: a page tree of `n` tiny pages sharing one content stream;
- `pdf_named_txt`, `text_named_pdf`: the wrong extension;
- `windows_1252_text()`, `utf16_text()`: a note in other encodings;
- `symlink_loop(folder)`: a folder that links back to itself (and a link out of it);
- `zip_slip()`, `zip_bomb()`: a zip with `../` and absolute member names, a zip whose member
  inflates far beyond the size cap (and lies about its size in the header).
"""
from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from pathlib import Path

TEXT_NOTE = """Nota

Aan
Minister van Financiën

Datum
12 maart 2024

Ons kenmerk
2024-0001234

Onderwerp
Financiële bijdrage aan het Rijksmuseum

1. Geadviseerd besluit
U wordt geadviseerd in te stemmen met een bijdrage van € 250.000 aan de renovatie.
"""


# -- a tiny PDF writer ----------------------------------------------------------------------------


def pdf(objects: list[bytes], *, root: int = 1) -> bytes:
    """A PDF with `objects` numbered from 1 and a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT_OPS = b"BT /F1 12 Tf 72 720 Td (Nota over de begroting 2024) Tj ET"


def one_page(content: bytes, extra: bytes = b"", page_extra: bytes = b"") -> bytes:
    """Catalog, pages, one page drawing `content` with Helvetica as /F1."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b">>",
        stream(content, extra),
        FONT,
    ])


# -- the generators -------------------------------------------------------------------------------


def empty() -> bytes:
    return b""


def random_bytes(n: int = 4096, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


def truncations(data: bytes, n: int = 40) -> list[tuple[int, bytes]]:
    """(offset, data[:offset]) at `n` offsets from the start to just before the end."""
    size = len(data)
    offsets = sorted({max(1, int(size * i / n)) for i in range(n)} | {size - 1, size - 10, 9, 20})
    return [(o, data[:o]) for o in offsets if 0 < o < size]


def encrypted(user_password: str = "geheim", owner_password: str = "eigenaar") -> bytes:
    """A one-page note encrypted with reportlab (RC4 128); `user_password=""` opens without one."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    enc = StandardEncryption(user_password, ownerPassword=owner_password, strength=128)
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=enc)
    c.setFont("Helvetica", 10)
    y = 780
    for line in TEXT_NOTE.splitlines():
        c.drawString(72, y, line)
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


def deflate_bomb(gib: float = 2.0) -> bytes:
    """A page whose content stream inflates to `gib` GiB of spaces (about 1 MiB of PDF per GiB)."""
    chunk = b" " * (1 << 20)
    comp = zlib.compressobj(9)
    head = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)  # the same bytes for every further MiB
    blocks = max(1, int(gib * 1024))
    adler = 1
    for _ in range(blocks):
        adler = zlib.adler32(chunk, adler)
    tail = comp.flush()  # final empty block; its checksum covers only what this compressor saw
    body = head + block * (blocks - 1) + tail[:-4] + struct.pack(">I", adler)
    return one_page(body, b"/Filter /FlateDecode")


def nested_arrays(depth: int = 10_000) -> bytes:
    """A page whose /MediaBox is an array nested `depth` deep."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + b"[" * depth + b"0 0 595 842" + b"]" * depth
        + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(TEXT_OPS),
        FONT,
    ])


def nested_dicts(depth: int = 10_000) -> bytes:
    """A page whose resources hold a dictionary nested `depth` deep."""
    deep = b"<< /A " * depth + b"1" + b" >>" * depth
    return one_page(TEXT_OPS, page_extra=b"/Extra " + deep + b" ")


def nested_pages(depth: int = 10_000) -> bytes:
    """A page tree `depth` levels of /Pages deep before the one page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (level + 3))
    page = len(objects) + 1
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R "
                   b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page + 1, page + 2))
    objects.append(stream(TEXT_OPS))
    objects.append(FONT)
    return pdf(objects)


def many_pages(n: int = 5000) -> bytes:
    """`n` tiny pages (about 70 bytes each) in one flat page tree, sharing one content stream and font."""
    first = 5
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> >>" % n,
        stream(b"BT /F1 11 Tf 72 720 Td (Nota over de begroting van het ministerie voor het jaar 2024, "
               b"met het advies van de directie en de stand van zaken.) Tj ET"),
        FONT,
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>"] * n
    return pdf(objects)


def windows_1252_text() -> bytes:
    return TEXT_NOTE.encode("cp1252")


def utf16_text(bom: bool = True) -> bytes:
    return TEXT_NOTE.encode("utf-16" if bom else "utf-16-le")


def symlink_loop(folder: Path, outside: Path | None = None) -> Path:
    """`folder/` with a note, `folder/loop -> folder`, `folder/sub/up -> ..`, and links out of the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nota.txt").write_text(TEXT_NOTE, encoding="utf-8")
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "nota2.md").write_text(TEXT_NOTE, encoding="utf-8")
    os.symlink(folder, folder / "loop")
    os.symlink("..", folder / "sub" / "up")
    if outside is not None:
        os.symlink(outside, folder / "outside-dir")
        for entry in outside.iterdir():
            if entry.is_file():
                os.symlink(entry, folder / f"outside-{entry.name}")
                break
    return folder


def zip_slip(document: bytes) -> bytes:
    """A zip whose members climb out (`../`), are absolute, or are fine."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../../evil.txt", TEXT_NOTE)
        zf.writestr("/etc/evil.txt", TEXT_NOTE)
        zf.writestr("C:\\evil.txt", TEXT_NOTE)
        zf.writestr("sub/../../evil2.txt", TEXT_NOTE)
        zf.writestr("good/nota.txt", document)
    return buf.getvalue()


def zip_bomb(gib: float = 1.0, *, lie: bool = False) -> bytes:
    """A zip with one member `bomb.txt` of `gib` GiB of spaces, about 1/1000 of that deflated (written by hand:
    one compressed MiB repeated after full flushes). `lie`: the headers claim 1 KiB instead."""
    chunk = b" " * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    blocks = max(1, int(gib * 1024))
    body = head + block * (blocks - 1) + comp.flush()
    crc = 0
    for _ in range(blocks):
        crc = zlib.crc32(chunk, crc)
    size = 1024 if lie else blocks << 20
    name = b"bomb.txt"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(body), size, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(body), size, len(name),
                          0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(body), 0)
    return local + body + central + end


def hostile_files(seed_pdf: bytes) -> dict[str, bytes]:
    """Name → bytes of every single-file case (the truncations of `seed_pdf` at 12 offsets included)."""
    files = {
        "empty.pdf": empty(),
        "random-bytes.pdf": random_bytes(),
        "encrypted-user-password.pdf": encrypted("geheim"),
        "encrypted-owner-only.pdf": encrypted(""),
        "deflate-bomb.pdf": deflate_bomb(2.0),
        "nested-arrays.pdf": nested_arrays(),
        "nested-dicts.pdf": nested_dicts(),
        "nested-pages.pdf": nested_pages(),
        "pdf-named.txt": seed_pdf,
        "text-named.pdf": TEXT_NOTE.encode("utf-8"),
        "windows-1252.txt": windows_1252_text(),
        "utf-16.txt": utf16_text(),
        "utf-16-no-bom.txt": utf16_text(bom=False),
    }
    for offset, data in truncations(seed_pdf, 12):
        files[f"truncated-{offset:06d}.pdf"] = data
    return files
