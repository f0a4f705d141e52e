from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Dokumenter, sider og nyheter")

    def ready(self):
        from accounts.selectors import ACCOUNT_LINK_PROVIDERS, PERSONAL_DATA_PROVIDERS
        from municipalities.hooks import UNIT_PAGE_SECTIONS

        ACCOUNT_LINK_PROVIDERS.append(account_links)
        PERSONAL_DATA_PROVIDERS.append(personal_data)
        UNIT_PAGE_SECTIONS.append((20, unit_page_section))


def account_links(*, user):
    from django.urls import reverse

    from accounts.permissions import is_coordinator, is_sfk_admin

    links = []
    if is_sfk_admin(user) or is_coordinator(user):
        links.append((_("Mine dokumenter"), reverse("documents:mine")))
    if is_sfk_admin(user):
        links.append((_("Henvendelser fra kontaktskjemaet"), reverse("documents:contact_messages")))
    return links


def personal_data(*, user):
    from .models import ContactMessage, NewsArticle, Publication

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


def unit_page_section(*, unit, request) -> str:
    from django.template.loader import render_to_string

    from .selectors import unit_publications

    publications = unit_publications(unit=unit, user=request.user).select_related("unit")
    return render_to_string("documents/includes/unit_documents.html", {"publications": publications}, request=request)
