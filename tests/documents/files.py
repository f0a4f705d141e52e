"""Real good and bad files, made in the test run."""

import io
import zipfile

from pypdf import PdfWriter

from documents.pdfgen import placeholder_pdf


def good_pdf(title="Testhåndbok") -> bytes:
    return placeholder_pdf(title, ["Side med tekst."])


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="hemmelig", owner_password="eier", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def javascript_pdf() -> bytes:
    """Document-level JavaScript in the catalogue's /Names tree, as Acrobat writes it."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    action = writer._add_object(
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert(1)"),
            }
        )
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("hei"), action])}
            )
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def launch_pdf() -> bytes:
    """An /OpenAction that launches a program, hand-written into an otherwise valid PDF."""
    data = good_pdf()
    return data.replace(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>",
    )


def annotation_js_pdf() -> bytes:
    """A link annotation whose action runs JavaScript."""
    return good_pdf().replace(
        b"/Contents 4 0 R ",
        b"/Contents 4 0 R /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] "
        b"/A << /S /JavaScript /JS (app.alert(1)) >> >>] ",
    )


def truncated_pdf() -> bytes:
    data = good_pdf()
    return data[: len(data) // 2]


def html_as_pdf() -> bytes:
    return b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def exe_as_pdf() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


def _zip(entries: dict[str, bytes], stored_first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(
                zipfile.ZipInfo(stored_first),
                entries.pop(stored_first),
                compress_type=zipfile.ZIP_STORED,
            )
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


CT = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def docx(extra: dict | None = None, content_types: bytes = CT) -> bytes:
    return _zip(
        {
            "[Content_Types].xml": content_types,
            "_rels/.rels": b"<x/>",
            "word/document.xml": b"<w:document/>",
            **(extra or {}),
        }
    )


def xlsx() -> bytes:
    return _zip({"[Content_Types].xml": CT, "xl/workbook.xml": b"<workbook/>"})


def pptx() -> bytes:
    return _zip({"[Content_Types].xml": CT, "ppt/presentation.xml": b"<p/>"})


def odt() -> bytes:
    return _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": b"<x/>",
            "META-INF/manifest.xml": b"<m/>",
        },
        stored_first="mimetype",
    )


def docm() -> bytes:
    return docx(extra={"word/vbaProject.bin": b"\x00" * 100})


def zip_bomb_entries() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": CT,
            "word/document.xml": b"<x/>",
            **{f"word/media/{i}.xml": b"" for i in range(2100)},
        }
    )


def zip_bomb_size() -> bytes:
    # 201 MB of zeros compress to ~200 KB.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CT)
        archive.writestr("word/document.xml", b"<x/>")
        with archive.open("word/media/big.bin", "w", force_zip64=True) as handle:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(201):
                handle.write(chunk)
    return out.getvalue()


def plain_zip() -> bytes:
    return _zip({"readme.txt": b"hei"})


def _indirect_action_type_pdf(action_type: str, where: str) -> bytes:
    """An action whose type is an indirect reference (`/S 6 0 R` pointing at `/Launch`): valid PDF,
    and what a filter that compares the raw value of /S misses."""
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    action = DictionaryObject(
        {
            NameObject("/S"): writer._add_object(NameObject(action_type)),
            NameObject("/F"): TextStringObject("cmd.exe" if action_type == "/Launch" else "https://evil.example/"),
        }
    )
    if where == "open":
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    else:  # a link annotation on the page
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(10), FloatObject(10)]),
                NameObject("/A"): writer._add_object(action),
            }
        )
        page[NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def indirect_launch_pdf() -> bytes:
    return _indirect_action_type_pdf("/Launch", "open")


def indirect_submitform_pdf() -> bytes:
    return _indirect_action_type_pdf("/SubmitForm", "link")


def indirect_launch_link_pdf() -> bytes:
    return _indirect_action_type_pdf("/Launch", "link")
