"""Upload checks by content: every bad file is rejected with a clear message."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.uploads import inspect_upload, safe_download_name
from tests.documents import files


def upload(data: bytes, name: str = "fil.pdf"):
    return SimpleUploadedFile(name, data)


def rejected(data: bytes, name: str = "fil.pdf") -> ValidationError:
    with pytest.raises(ValidationError) as info:
        inspect_upload(upload(data, name))
    return info.value


def test_good_pdf_gives_page_count_and_title():
    info = inspect_upload(upload(files.good_pdf("Min håndbok"), "håndbok.PDF"))
    assert (info.file_type, info.page_count, info.title) == ("pdf", 1, "Min håndbok")
    assert info.original_name == "håndbok.PDF"


@pytest.mark.parametrize(
    ("maker", "expected"),
    [
        (files.docx, "docx"),
        (files.xlsx, "xlsx"),
        (files.pptx, "pptx"),
        (files.odt, "odt"),
    ],
)
def test_office_files_are_recognised_by_content_not_name(maker, expected):
    # Named .pdf on purpose: the content decides.
    assert inspect_upload(upload(maker(), "feil-navn.pdf")).file_type == expected


@pytest.mark.parametrize(
    ("maker", "code", "words"),
    [
        (files.html_as_pdf, "unsupported", "ikke en PDF"),
        (files.exe_as_pdf, "unsupported", "ikke en PDF"),
        (files.plain_zip, "unsupported", "ikke en PDF"),
        (files.encrypted_pdf, "pdf_encrypted", "kryptert"),
        (files.javascript_pdf, "pdf_active", "JavaScript"),
        (files.launch_pdf, "pdf_active", "starter programmer"),
        (files.annotation_js_pdf, "pdf_active", "JavaScript"),
        (files.indirect_launch_pdf, "pdf_active", "starter programmer"),
        (files.indirect_submitform_pdf, "pdf_active", "starter programmer"),
        (files.indirect_launch_link_pdf, "pdf_active", "starter programmer"),
        (files.truncated_pdf, "pdf_corrupt", "skadet"),
        (files.docm, "macros", "makroer"),
        (files.zip_bomb_entries, "zip_bomb", "for mange deler"),
        (files.zip_bomb_size, "zip_bomb", "for stor"),
    ],
)
def test_bad_files_are_rejected_with_a_clear_message(maker, code, words):
    error = rejected(maker())
    assert error.code == code
    assert words in " ".join(error.messages)


@pytest.mark.parametrize("maker", [files.indirect_launch_pdf, files.indirect_submitform_pdf])
def test_indirect_action_type_files_really_hold_an_indirect_reference(maker):
    """The hostile files are what the report describes: `/S n 0 R`, a readable one-page PDF."""
    import re

    from pypdf import PdfReader

    data = maker()
    assert re.search(rb"/S \d+ 0 R", data)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1


def test_macro_enabled_content_type_is_rejected():
    data = files.docx(
        content_types=files.CT.replace(
            b"/>",
            b'><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        )
    )
    assert rejected(data).code == "macros"


def test_oversize_file_is_rejected(settings):
    settings.UPLOAD_MAX_BYTES = 1000
    error = rejected(files.good_pdf() + b" " * 1000)
    assert error.code == "too_big"
    assert "for stor" in error.messages[0]


def test_empty_file_is_rejected():
    assert rejected(b"").code == "empty"


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "..\\evil.pdf", "a/b.pdf", "x\x00.pdf"])
def test_path_in_file_name_is_rejected(name):
    # Django's upload handler already strips directories; this guards everything else.
    with pytest.raises(ValidationError) as info:
        inspect_upload(File(io.BytesIO(files.good_pdf()), name=name))
    assert info.value.code == "bad_name"


@pytest.mark.parametrize("name", ["Referat 12..13 mars.pdf", "rapport..v2.pdf", "...pdf"])
def test_two_dots_inside_a_name_are_accepted_and_sanitised_for_download(name):
    """Not a path: the file is stored under a random name and `..` never reaches a path; the download
    name has no run of dots."""
    info = inspect_upload(upload(files.good_pdf(), name))
    assert info.original_name == name
    assert ".." not in safe_download_name(info.original_name, "pdf")


@pytest.mark.parametrize("name", ["..", ".", " .. "])
def test_dot_segment_names_are_rejected(name):
    with pytest.raises(ValidationError) as info:
        inspect_upload(File(io.BytesIO(files.good_pdf()), name=name))
    assert info.value.code == "bad_name"


def test_download_name_is_sanitised():
    assert safe_download_name('Plan "2025"; rm -rf.exe', "pdf") == "Plan _2025_ rm -rf.pdf"
    assert safe_download_name("Årsrapport Bærum.docx", "docx") == "Årsrapport Bærum.docx"
    assert safe_download_name("\r\n.pdf", "pdf") == "dokument.pdf"


def test_pdf_opening_at_a_page_is_accepted():
    """LibreOffice writes /OpenAction [page /XYZ ...]: a destination, not an action."""
    data = files.good_pdf().replace(
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>"
    )
    assert inspect_upload(upload(data)).page_count == 1


def test_cover_must_be_a_real_image():
    from documents.uploads import inspect_cover

    with pytest.raises(ValidationError):
        inspect_cover(upload(files.good_pdf(), "bilde.png"))
