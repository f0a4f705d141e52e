"""What documents adds to other apps' pages through their hooks; registered in apps.py."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_coordinator, is_sfk_admin
from accounts.selectors import field_labels
from core.http import PeekPage

from .models import ContactMessage, NewsArticle, Publication
from .selectors import unit_publications


def account_links(*, user):
    links = []
    if is_sfk_admin(user) or is_coordinator(user):
        links.append((_("Mine dokumenter"), reverse("documents:mine")))
    if is_sfk_admin(user):
        links.append((_("Henvendelser fra kontaktskjemaet"), reverse("documents:contact_messages")))
    return links


def personal_data_labels() -> dict:
    return {
        "documents": {
            "title": _("Dokumenter, nyheter og henvendelser"),
            "fields": {
                "publications_uploaded": _("Dokumenter du har lastet opp"),
                "news_articles_written": _("Nyhetssaker du har skrevet"),
                "contact_messages": _("Meldinger fra kontaktskjemaet"),
                "sent_at": ContactMessage._meta.get_field("created_at").verbose_name,
            }
            | field_labels(ContactMessage, "subject", "message"),
        }
    }


def personal_data(*, user):
    return {
        "documents": {
            "publications_uploaded": list(Publication.objects.filter(created_by=user).values_list("title", flat=True)),
            "news_articles_written": list(NewsArticle.objects.filter(author=user).values_list("title", flat=True)),
            "contact_messages": [
                {"subject": m.subject, "message": m.message, "sent_at": m.created_at.isoformat()}
                for m in ContactMessage.objects.filter(email__iexact=user.email)
            ],
        }
    }


#: Documents per page on the unit page (`?dokumenter=2` for the next ones).
UNIT_PAGE_SIZE = 10


def unit_page_section(*, unit, request) -> str:
    """The unit page lists the unit's current documents that the visitor may see."""
    publications = unit_publications(unit=unit, user=request.user).for_rows()
    page = PeekPage(publications, request.GET.get("dokumenter"), size=UNIT_PAGE_SIZE)
    return render_to_string("documents/includes/unit_documents.html", {"publications": page}, request=request)
