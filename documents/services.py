"""Writes for publications, information pages, news and contact messages."""

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.admin import references
from core.audit import (
    audited_fields,
    changes_between,
    record,
    record_save,
    stored_snapshot,
    without_empty,
)
from core.content import content_changed
from core.ratelimit import hit
from core.text import slugify_nb
from municipalities.services import unit_set_action_plan
from outbox.services import outbox_enqueue

from . import hooks
from .models import ContactMessage, InfoPage, NewsArticle, Publication
from .uploads import InspectedFile, inspect_cover, inspect_upload

RESERVED_SLUGS = {"ny", "mine", "rss", "atom", "meldinger", "takk", "rediger", "slett"}

PUBLICATION_FIELDS = audited_fields(Publication)
INFO_PAGE_FIELDS = audited_fields(InfoPage)
NEWS_FIELDS = audited_fields(NewsArticle)


def unique_slug(model, title: str, *, exclude_pk=None) -> str:
    base = slugify_nb(title, max_length=100, fallback="dokument")
    if base in RESERVED_SLUGS:
        base = f"{base}-1"
    slug, n = base, 2
    qs = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    while qs.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _attach_file(publication: Publication, uploaded, inspected: InspectedFile) -> None:
    """Store under a generated name; the user's file name is kept only as data."""
    _replace_later(publication.file)
    publication.file.save(f"{uuid.uuid4().hex}.{inspected.file_type}", uploaded, save=False)
    publication.original_filename = inspected.original_name
    publication.file_type = inspected.file_type
    publication.file_size = inspected.size
    publication.page_count = inspected.page_count


def publication_save(
    *,
    publication: Publication,
    by,
    uploaded=None,
    inspected: InspectedFile | None = None,
    themes=None,
    cover=None,
    use_as_action_plan: bool = False,
) -> Publication:
    """Create or update a publication; validates the upload by content before anything is stored.

    `inspected` is the result of `inspect_upload(uploaded)` when the caller (the form) already has it.
    `use_as_action_plan`: a public action plan of a unit becomes the unit's current plan (its page's
    "Handlingsplan" link points to the publication)."""
    if uploaded is not None and inspected is None:
        inspected = inspect_upload(uploaded)
    cover_ext = inspect_cover(cover) if cover is not None else ""
    if inspected and not publication.title:
        publication.title = inspected.title
    if not publication.slug:
        publication.slug = unique_slug(Publication, publication.title, exclude_pk=publication.pk)
    if publication.pk is None:
        publication.created_by = by
    created, before = publication.pk is None, stored_snapshot(publication, PUBLICATION_FIELDS)
    stored = []  # files written in this call, removed again if the row is not saved
    try:
        with transaction.atomic():
            if inspected:
                _attach_file(publication, uploaded, inspected)
                stored.append(publication.file.name)
            if cover is not None:
                _replace_later(publication.cover_image)
                publication.cover_image.save(f"{uuid.uuid4().hex}.{cover_ext}", cover, save=False)
                stored.append(publication.cover_image.name)
            publication.full_clean()
            publication.save()
            if themes is not None:
                publication.themes.set(themes)
            if record_save(by, publication, before, PUBLICATION_FIELDS, created=created):
                content_changed(publication)
            if use_as_action_plan:
                _use_as_action_plan(publication, by)
    except Exception:
        for name in stored:
            publication.file.storage.delete(name)
        raise
    return publication


def publication_public_url(publication: Publication) -> str:
    """The publication's page as an absolute URL in the default language (for links stored elsewhere)."""
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + publication.get_absolute_url()


def _use_as_action_plan(publication: Publication, by) -> None:
    if publication.kind != Publication.Kind.ACTION_PLAN or publication.unit_id is None:
        raise ValidationError(_("Bare en lokal handlingsplan kan brukes som enhetens handlingsplan."))
    if publication.is_restricted:
        raise ValidationError(_("En handlingsplan som bare koordinatorer kan se, kan ikke lenkes fra enhetens side."))
    unit_set_action_plan(unit=publication.unit, url=publication_public_url(publication), by=by)


def _replace_later(field_file) -> None:
    """Delete the field's current file once the new one is committed."""
    if field_file:
        name, storage = field_file.name, field_file.storage
        transaction.on_commit(lambda: storage.delete(name))


def publication_delete(*, publication: Publication, by) -> None:
    """Delete a publication and its files; refused (ValidationError) while measures, news or a newer
    edition link it, since deleting would silently cut those links."""
    if used := references(publication):
        message = _("«%(obj)s» er i bruk (%(used)s) og kan ikke slettes.")
        raise ValidationError(message % {"obj": publication.title, "used": ", ".join(used)})
    with transaction.atomic():
        _replace_later(publication.file)
        _replace_later(publication.cover_image)
        before = without_empty(stored_snapshot(publication, PUBLICATION_FIELDS))
        record(by, "documents.publication.delete", publication, changes_between(before, {}))
        content_changed(publication)
        publication.delete()


def info_page_update(*, page: InfoPage, by) -> InfoPage:
    before = stored_snapshot(page, INFO_PAGE_FIELDS)
    with transaction.atomic():
        page.full_clean()
        page.save()
        if record_save(by, page, before, INFO_PAGE_FIELDS, created=not before):
            content_changed(page)
    return page


def news_article_save(*, article: NewsArticle, by, form=None) -> NewsArticle:
    """Save the article; with the bound form, also the fields other apps add to it (hooks)."""
    if not article.slug:
        article.slug = unique_slug(NewsArticle, article.title, exclude_pk=article.pk)
    if article.pk is None and article.author_id is None:
        article.author = by
    created, before = article.pk is None, stored_snapshot(article, NEWS_FIELDS)
    stored_image = NewsArticle.objects.filter(pk=article.pk).values_list("image", flat=True).first() or ""
    with transaction.atomic():
        article.full_clean()
        article.save()
        if stored_image and stored_image != article.image.name:
            # A replaced or removed image must not stay reachable under its public URL.
            storage = article.image.storage
            transaction.on_commit(lambda: storage.delete(stored_image))
        if form is not None:
            for extension in hooks.NEWS_FORM_EXTENSIONS:
                extension.save(form, article)
        # Other apps' fields (hooks) are those apps' data; the article itself changed or not, the
        # public news pages show what the extensions saved, so the content changed either way.
        record_save(by, article, before, NEWS_FIELDS, created=created)
        content_changed(article)
    return article


def contact_rate_hit(*, ip: str) -> tuple[bool, int]:
    """Count one contact message from this client address before it is stored: (allowed, retry_after).
    At most CONTACT_RATE_LIMIT messages per address an hour, across all processes (core.ratelimit)."""
    return hit(f"contact:{ip}", settings.CONTACT_RATE_LIMIT, 3600)


def contact_message_submit(*, name: str, email: str, subject: str, message: str, municipality=None) -> ContactMessage:
    """Store the message, then e-mail it to Sfk through the outbox (sent after commit). The caller
    has counted it with contact_rate_hit() first."""
    with transaction.atomic():
        contact = ContactMessage(name=name, email=email, subject=subject, message=message, municipality=municipality)
        contact.full_clean()
        contact.save()
        # Who wrote and what is personal data: the entry names only the object.
        record(None, "documents.contactmessage.submit", contact, label=f"#{contact.pk}")
        with translation.override("nb"):
            body = render_to_string(
                "documents/email/contact_message.txt",
                {"contact": contact, "site_url": settings.SITE_URL},
            )
            outbox_enqueue(
                to=[settings.CONTACT_EMAIL],
                subject=_("Henvendelse fra SLT-portalen: %(subject)s") % {"subject": subject},
                body=body,
                reply_to=email,
            )
    return contact


def contact_message_mark_handled(*, contact: ContactMessage, by) -> ContactMessage:
    if contact.handled_at is None:
        contact.handled_at = timezone.now()
        contact.handled_by = by
        contact.save(update_fields=["handled_at", "handled_by"])
        record(
            by,
            "documents.contactmessage.mark_handled",
            contact,
            {"handled_at": [None, contact.handled_at], "handled_by": [None, contact.handled_by_id]},
            label=f"#{contact.pk}",
        )
    return contact


def contact_messages_purge(*, now=None) -> int:
    """Delete contact form messages older than CONTACT_RETENTION_DAYS; returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.CONTACT_RETENTION_DAYS)
    with transaction.atomic():
        deleted, _ = ContactMessage.objects.filter(created_at__lt=cutoff).delete()
        record(None, "documents.contactmessage.purge", changes={"deleted": [None, deleted]})
    return deleted
