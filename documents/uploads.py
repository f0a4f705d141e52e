"""Checking uploaded publication files by their content (never by name or browser MIME type).

Accepted: PDF (parsed with pypdf), and the ZIP-based office formats DOCX, XLSX, PPTX and ODT
(the archive is opened and its expected parts checked). Rejected with a clear message:
anything else, oversize files, encrypted/corrupt/truncated PDFs, PDFs with JavaScript, launch
or other active actions, embedded files, macro-enabled office files and zip bombs.
"""

import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_ZIP_ENTRIES = 2000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_PDF_OBJECTS = 200_000
# Action types that run code, start programs or send data when a PDF is opened or clicked.
ACTIVE_PDF_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/Rendition"}
ACTIVE_PDF_KEYS = {"/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/XFA", "/RichMedia"}

OOXML_MAIN_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {"application/vnd.oasis.opendocument.text": "odt"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
}

MSG_UNSUPPORTED = _(
    "Filen er ikke en PDF-, Word-, Excel-, PowerPoint- eller ODT-fil. Andre filtyper kan ikke lastes opp."  # noqa: E501
)
MSG_TOO_BIG = _("Filen er for stor. Største tillatte størrelse er %(limit)s.")
MSG_EMPTY = _("Filen er tom.")
MSG_BAD_NAME = _("Filnavnet er ugyldig. Gi filen et vanlig navn uten skråstreker eller «..».")
MSG_PDF_ENCRYPTED = _("PDF-filen er kryptert eller passordbeskyttet. Last opp en versjon uten passord.")
MSG_PDF_CORRUPT = _("PDF-filen er skadet eller ufullstendig og kan ikke leses.")
MSG_PDF_ACTIVE = _(
    "PDF-filen inneholder JavaScript, innebygde filer eller handlinger som starter programmer. Lagre den på nytt som en vanlig PDF uten slikt innhold."  # noqa: E501
)
MSG_ZIP_CORRUPT = _("Filen er skadet og kan ikke leses.")
MSG_ZIP_MACROS = _("Filen inneholder makroer. Lagre den som et vanlig dokument uten makroer.")
MSG_ZIP_BOMB = _("Filen inneholder for mange deler eller pakkes ut til en for stor størrelse.")


@dataclass(frozen=True)
class InspectedFile:
    file_type: str
    content_type: str
    size: int
    page_count: int | None
    title: str
    original_name: str


def check_name(name: str) -> str:
    """The original file name, or ValidationError if it holds a path or control characters.

    Only data is kept (files are stored under random names), so two dots inside a name
    ("Referat 12..13 mars.pdf") are harmless and accepted; a path (any slash) or a bare "."/".."
    is not. The download name is sanitised separately (safe_download_name)."""
    name = name or ""
    if (
        not name.strip()
        or "/" in name
        or "\\" in name
        or name.strip() in {".", ".."}
        or "\x00" in name
        or any(unicodedata.category(c) == "Cc" for c in name)
    ):
        raise ValidationError(MSG_BAD_NAME, code="bad_name")
    return name.strip()[:200]


def safe_download_name(name: str, file_type: str) -> str:
    """A download name from the original: letters, digits, spaces and -_.() only, no run of dots
    (so it never reads as a parent folder anywhere it ends up); the real extension."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = re.sub(r"[^\w\- .()]+", "_", stem, flags=re.UNICODE)
    stem = re.sub(r"\.{2,}", ".", stem).strip(" ._") or "dokument"
    return f"{stem[:120]}.{file_type}" if file_type else stem[:120]


def _read(uploaded) -> bytes:
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def inspect_upload(uploaded) -> InspectedFile:
    """Check an uploaded file; return what it is, or raise ValidationError with a clear message."""
    name = check_name(getattr(uploaded, "name", ""))
    limit = settings.UPLOAD_MAX_BYTES
    size = uploaded.size
    if size is None or size > limit:
        raise ValidationError(MSG_TOO_BIG, code="too_big", params={"limit": filesizeformat(limit)})
    if size == 0:
        raise ValidationError(MSG_EMPTY, code="empty")
    data = _read(uploaded)
    if data.startswith(b"%PDF-"):
        pages, title = _inspect_pdf(data)
        return InspectedFile("pdf", CONTENT_TYPES["pdf"], size, pages, title, name)
    if data.startswith(b"PK\x03\x04"):
        file_type = _inspect_zip(data)
        return InspectedFile(file_type, CONTENT_TYPES[file_type], size, None, "", name)
    raise ValidationError(MSG_UNSUPPORTED, code="unsupported")


def _resolved(value, depth: int = 0):
    """An indirect object's target (following chains of references, within reason)."""
    from pypdf.generic import IndirectObject

    while isinstance(value, IndirectObject) and depth < 32:
        value, depth = value.get_object(), depth + 1
    return value


def _inspect_pdf(data: bytes) -> tuple[int, str]:
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    # A complete PDF ends with %%EOF; pypdf would otherwise quietly "repair" truncated files.
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(MSG_PDF_CORRUPT, code="pdf_corrupt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise ValidationError(MSG_PDF_ENCRYPTED, code="pdf_encrypted")
            pages = len(reader.pages)
            metadata = reader.metadata
            title = str(metadata.title or "") if metadata else ""
            # Walk every object reachable from the trailer looking for active content.
            seen: set[tuple[int, int]] = set()
            stack = [reader.trailer]
            visited = 0
            while stack:
                obj = stack.pop()
                visited += 1
                if visited > MAX_PDF_OBJECTS:
                    raise ValidationError(MSG_PDF_CORRUPT, code="pdf_corrupt")
                if isinstance(obj, IndirectObject):
                    key = (obj.idnum, obj.generation)
                    if key in seen:
                        continue
                    seen.add(key)
                    obj = obj.get_object()
                if isinstance(obj, DictionaryObject):
                    # dict.get() returns an indirect reference as it is (`/S 6 0 R`): resolve it, or
                    # an action type stored as its own object slips past the check.
                    if ACTIVE_PDF_KEYS & set(obj.keys()) or _resolved(obj.get("/S")) in ACTIVE_PDF_ACTIONS:
                        raise ValidationError(MSG_PDF_ACTIVE, code="pdf_active")
                    if "/OpenAction" in obj:
                        # An "open at page N" destination is harmless; an action dictionary is not.
                        action = _resolved(obj.get("/OpenAction"))
                        if isinstance(action, DictionaryObject) and _resolved(action.get("/S")) != "/GoTo":
                            raise ValidationError(MSG_PDF_ACTIVE, code="pdf_active")
                    stack.extend(v for k, v in obj.items() if k != "/Parent")
                elif isinstance(obj, ArrayObject):
                    stack.extend(obj)
        except ValidationError:
            raise
        except Exception as exc:  # pypdf raises many types for broken files
            raise ValidationError(MSG_PDF_CORRUPT, code="pdf_corrupt") from exc
    if pages < 1:
        raise ValidationError(MSG_PDF_CORRUPT, code="pdf_corrupt")
    return pages, title.strip()[:250]


def _read_part(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """At most `limit` bytes of one entry (never the whole entry: it could be a bomb)."""
    with archive.open(name) as handle:
        return handle.read(limit)


def _inspect_zip(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError(MSG_ZIP_CORRUPT, code="zip_corrupt") from exc
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_ZIP_UNCOMPRESSED:
        raise ValidationError(MSG_ZIP_BOMB, code="zip_bomb")
    names = {i.filename for i in infos}
    lower = {n.lower() for n in names}
    if any(i.flag_bits & 0x1 for i in infos):
        raise ValidationError(MSG_ZIP_CORRUPT, code="zip_encrypted")
    if any(n.endswith("vbaproject.bin") or n.startswith(("basic/", "scripts/")) for n in lower):
        raise ValidationError(MSG_ZIP_MACROS, code="macros")
    try:
        if "mimetype" in names:
            mimetype = _read_part(archive, "mimetype", 100).decode("ascii", "replace").strip()
            file_type = ODF_MIMETYPES.get(mimetype)
            if file_type and {"content.xml", "META-INF/manifest.xml"} <= names:
                return file_type
            raise ValidationError(MSG_UNSUPPORTED, code="unsupported")
        if "[Content_Types].xml" in names:
            content_types = _read_part(archive, "[Content_Types].xml", 200_000).decode("utf-8", "replace")
            if "macroenabled" in content_types.lower():
                raise ValidationError(MSG_ZIP_MACROS, code="macros")
            for file_type, part in OOXML_MAIN_PARTS.items():
                if part in names:
                    return file_type
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise ValidationError(MSG_ZIP_CORRUPT, code="zip_corrupt") from exc
    raise ValidationError(MSG_UNSUPPORTED, code="unsupported")


COVER_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
COVER_MAX_BYTES = 5 * 1024 * 1024
COVER_CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
MSG_COVER = _("Forsidebildet må være en JPEG-, PNG- eller WebP-fil på høyst 5 MB.")


def inspect_cover(uploaded) -> str:
    """The cover image's extension (jpg/png/webp) after Pillow has verified it, or ValidationError."""
    from PIL import Image

    if not uploaded.size or uploaded.size > COVER_MAX_BYTES:
        raise ValidationError(MSG_COVER, code="cover")
    try:
        uploaded.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                image_format = image.format
                image.verify()
    except Exception as exc:  # Pillow raises many types for bad images
        raise ValidationError(MSG_COVER, code="cover") from exc
    finally:
        uploaded.seek(0)
    if image_format not in COVER_FORMATS:
        raise ValidationError(MSG_COVER, code="cover")
    return COVER_FORMATS[image_format]
