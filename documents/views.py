from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import (
    can_change,
    check_can_change,
    coordinator_required,
    is_coordinator,
    is_sfk_admin,
    sfk_admin_required,
)
from core.http import client_ip, form_status, post_data, post_files
from core.markup import render_markdown, strip_editor_notes
from core.pagecache import cache_public
from municipalities.selectors import contact_prefill

from . import hooks, services
from .forms import ContactForm, InfoPageForm, LibraryFilterForm, NewsArticleForm, NewsSearchForm, PublicationForm
from .models import NAMED_PAGE_URLS, ContactMessage, InfoPage, NewsArticle, Publication, can_see_restricted
from .selectors import (
    info_page_get,
    info_pages_menu,
    library_search,
    news_article_links,
    news_for_list,
    publication_editions,
)
from .uploads import CONTENT_TYPES, COVER_CONTENT_TYPES

# Information pages ----------------------------------------------------------------------------


def _page_context(request, page: InfoPage) -> dict:
    content = page.localized()
    # Notes to the editors ("[Sfk: …]") are for Sfk admins only, marked as notes.
    show_notes = is_sfk_admin(request.user)
    rendered = render_markdown(content["body"], toc=True, ds_classes=True, show_notes=show_notes)
    content["summary"] = content["summary"] if show_notes else strip_editor_notes(content["summary"])
    crumbs = [(content["title"], "")]
    if page.slug not in NAMED_PAGE_URLS:
        crumbs.insert(0, (_("Om SLT"), reverse("documents:about")))
    return {
        "page": page,
        "content": content,
        "html": rendered.html,
        "toc": rendered.toc,
        "editor_notes": rendered.notes if show_notes else 0,
        "can_edit": can_change(request.user, page),
        "crumbs": crumbs,
    }


@cache_public()
@require_safe
def info_page(request, slug):
    page = info_page_get(slug=slug)
    if page is None:
        raise Http404
    if request.path != page.get_absolute_url():  # one address per page
        return redirect(page.get_absolute_url())
    context = _page_context(request, page)
    context["extra_sections"] = hooks.render_sections(hooks.INFO_PAGE_SECTIONS, slug=slug, request=request)
    if slug == "om-slt":
        context["other_pages"] = [p for p in info_pages_menu() if p.slug != slug]
    return render(request, "documents/info_page.html", context)


@sfk_admin_required
def info_page_edit(request, slug):
    page = info_page_get(slug=slug)
    if page is None:
        raise Http404
    form = InfoPageForm(post_data(request), instance=page)
    if request.method == "POST" and form.is_valid():
        services.info_page_update(page=form.instance, by=request.user)
        messages.success(request, _("Siden er lagret."))
        return redirect(page.get_absolute_url())
    crumbs = [(page.localized_title, page.get_absolute_url()), (_("Rediger"), "")]
    return render(
        request,
        "documents/info_page_form.html",
        {"form": form, "page": page, "crumbs": crumbs},
        status=form_status(form),
    )


# Contact --------------------------------------------------------------------------------------


def contact(request):
    page = info_page_get(slug="kontakt")
    context = _page_context(request, page) if page else {}
    form = ContactForm(post_data(request), initial=contact_prefill(request.user))
    status = 200
    if request.method == "POST":
        if form.is_spam:
            return redirect("documents:contact_thanks")
        if not form.is_valid():
            status = 400
        else:
            # Count first, then decide: concurrent posts cannot all pass a check made before counting.
            allowed, retry_after = services.contact_rate_hit(ip=client_ip(request))
            if allowed:
                data = form.cleaned_data
                services.contact_message_submit(
                    name=data["name"],
                    email=data["email"],
                    subject=data["subject"],
                    message=data["message"],
                    municipality=data.get("municipality"),
                )
                return redirect("documents:contact_thanks")
            form.add_error(
                None,
                _(
                    "Du har sendt mange meldinger på kort tid. Prøv igjen om en time, eller send e-post direkte."  # noqa: E501
                ),
            )
            status = 429
    context["form"] = form
    context["crumbs"] = [(_("Kontakt"), "")]
    response = render(request, "documents/contact.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(retry_after)
    return response


@require_safe
def contact_thanks(request):
    crumbs = [(_("Kontakt"), reverse("documents:contact")), (_("Takk for meldingen"), "")]
    return render(request, "documents/contact_thanks.html", {"crumbs": crumbs})


@sfk_admin_required
def contact_messages(request):
    show = request.GET.get("vis", "")
    qs = ContactMessage.objects.select_related("municipality", "handled_by")
    if show != "alle":
        qs = qs.unhandled()
    page_obj = Paginator(qs, 25).get_page(request.GET.get("page"))
    crumbs = [(_("Kontakt"), reverse("documents:contact")), (_("Henvendelser"), "")]
    return render(
        request,
        "documents/contact_messages.html",
        {"page_obj": page_obj, "show_all": show == "alle", "crumbs": crumbs},
    )


@require_POST
@sfk_admin_required
def contact_message_handle(request, pk):
    contact = get_object_or_404(ContactMessage, pk=pk)
    services.contact_message_mark_handled(contact=contact, by=request.user)
    messages.success(request, _("Henvendelsen er markert som behandlet."))
    return redirect("documents:contact_messages")


# Library --------------------------------------------------------------------------------------


@cache_public("q", "kind", "language", "scope", "theme", "county", "page")
@require_safe
def library(request):
    form = LibraryFilterForm(request.GET or None)
    filters = {}
    if form.is_bound:
        form.is_valid()  # an invalid value (say, from an old link) shows its error and is ignored; the rest apply
        filters = form.cleaned_data
    qs = library_search(user=request.user, **{k: v for k, v in filters.items() if v}).for_rows()
    page_obj = Paginator(qs, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "documents/library.html",
        {
            "form": form,
            "page_obj": page_obj,
            "filtered": bool(request.GET.get("q") or any(filters.values())),
            "can_add": _can_add(request.user),
            "crumbs": [(_("Dokumenter"), "")],
        },
    )


def _can_add(user) -> bool:
    return is_sfk_admin(user) or is_coordinator(user)


def _get_visible(request, slug) -> Publication:
    """The publication if the user may see it; anonymous users are asked to log in for
    restricted ones, everyone else gets 404."""
    publication = Publication.objects.with_related().filter(slug=slug).first()
    if publication is None:
        raise Http404
    if publication.is_restricted and not can_see_restricted(request.user):
        if not request.user.is_authenticated:
            raise _LoginRequired
        raise Http404
    return publication


class _LoginRequired(Exception):
    pass


def _login_on_restricted(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    return wrapped


@cache_public()
@require_safe
@_login_on_restricted
def publication_detail(request, slug):
    publication = _get_visible(request, slug)
    editions = publication_editions(publication=publication, user=request.user)
    return render(
        request,
        "documents/publication_detail.html",
        {
            "publication": publication,
            "editions": editions if len(editions) > 1 else [],
            "newest": editions[0],
            "can_edit": can_change(request.user, publication),
            "crumbs": [(_("Dokumenter"), reverse("documents:library")), (publication.title, "", publication.language)],
        },
    )


@require_safe
@_login_on_restricted
def publication_download(request, slug):
    publication = _get_visible(request, slug)
    if not publication.file:
        if publication.external_url:
            return redirect(publication.external_url)
        raise Http404
    try:
        handle = publication.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=publication.download_name(),
        content_type=CONTENT_TYPES.get(publication.file_type, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store" if publication.is_restricted else "public, max-age=300"
    response["Content-Security-Policy"] = "sandbox"
    # Municipalities' own sites link public documents; restricted ones stay same-site.
    response["Cross-Origin-Resource-Policy"] = "same-site" if publication.is_restricted else "cross-origin"
    return response


@require_safe
@_login_on_restricted
def publication_cover(request, slug):
    publication = _get_visible(request, slug)
    if not publication.cover_image:
        raise Http404
    ext = publication.cover_image.name.rsplit(".", 1)[-1]
    response = FileResponse(
        publication.cover_image.open("rb"), content_type=COVER_CONTENT_TYPES.get(ext, "application/octet-stream")
    )
    response["Cache-Control"] = "private, no-store" if publication.is_restricted else "public, max-age=300"
    response["Cross-Origin-Resource-Policy"] = "same-site" if publication.is_restricted else "cross-origin"
    return response


@coordinator_required
def publication_create(request):
    form = PublicationForm(post_data(request), post_files(request), user=request.user)
    return _save_publication(request, form, Publication())


@coordinator_required
def publication_edit(request, slug):
    publication = get_object_or_404(Publication.objects.visible_to(request.user), slug=slug)
    check_can_change(request.user, publication)
    form = PublicationForm(post_data(request), post_files(request), instance=publication, user=request.user)
    return _save_publication(request, form, publication)


def _save_publication(request, form, publication):
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.publication_save(
                publication=form.instance,
                by=request.user,
                uploaded=form.cleaned_data.get("upload"),
                inspected=form.inspected,
                cover=form.cleaned_data.get("cover"),
                themes=form.cleaned_data.get("themes", []),
                use_as_action_plan=form.cleaned_data.get("use_as_action_plan", False),
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Dokumentet er lagret."))
            return redirect(saved.get_absolute_url())
    crumbs = [(_("Dokumenter"), reverse("documents:library"))]
    if publication.pk:
        crumbs += [(publication.title, publication.get_absolute_url(), publication.language), (_("Rediger"), "")]
    else:
        crumbs.append((_("Legg til dokument"), ""))
    return render(
        request,
        "documents/publication_form.html",
        {"form": form, "publication": publication, "crumbs": crumbs},
        status=form_status(form),
    )


@coordinator_required
def publication_delete(request, slug):
    publication = get_object_or_404(Publication.objects.visible_to(request.user), slug=slug)
    check_can_change(request.user, publication)
    if request.method == "POST":
        try:
            services.publication_delete(publication=publication, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(publication.get_absolute_url())
        messages.success(request, _("Dokumentet er slettet."))
        return redirect("documents:library")
    crumbs = [
        (_("Dokumenter"), reverse("documents:library")),
        (publication.title, publication.get_absolute_url(), publication.language),
        (_("Slett"), ""),
    ]
    return render(
        request,
        "documents/publication_confirm_delete.html",
        {"publication": publication, "crumbs": crumbs},
    )


@coordinator_required
def my_publications(request):
    qs = Publication.objects.changeable_by(request.user).for_rows().order_by("-published_on", "-id")
    page_obj = Paginator(qs, 25).get_page(request.GET.get("page"))
    crumbs = [
        (_("Dokumenter"), reverse("documents:library")),
        (_("Dokumenter jeg kan redigere"), ""),
    ]
    return render(request, "documents/my_publications.html", {"page_obj": page_obj, "crumbs": crumbs})


# News -----------------------------------------------------------------------------------------


@cache_public("page")
@require_safe
def news_list(request):
    form = NewsSearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page_obj = Paginator(news_for_list(user=request.user, q=q), 10).get_page(request.GET.get("page"))
    return render(
        request,
        "documents/news_list.html",
        {
            "form": form,
            "q": q,
            "page_obj": page_obj,
            "can_add": is_sfk_admin(request.user),
            "crumbs": [(_("Aktuelt"), "")],
        },
    )


@cache_public()
@require_safe
def news_detail(request, slug):
    article = get_object_or_404(
        NewsArticle.objects.visible_to(request.user).select_related("author", "related_publication"),
        slug=slug,
    )
    rendered = render_markdown(article.body, ds_classes=True)
    return render(
        request,
        "documents/news_detail.html",
        {
            "article": article,
            "html": rendered.html,
            **news_article_links(article=article, user=request.user),
            "can_edit": can_change(request.user, article),
            "crumbs": [(_("Aktuelt"), reverse("documents:news_list")), (article.title, "", article.language)],
        },
    )


@sfk_admin_required
def news_create(request):
    return _save_news(request, NewsArticleForm(post_data(request), post_files(request)))


@sfk_admin_required
def news_edit(request, slug):
    article = get_object_or_404(NewsArticle, slug=slug)
    return _save_news(request, NewsArticleForm(post_data(request), post_files(request), instance=article))


def _save_news(request, form):
    if request.method == "POST" and form.is_valid():
        article = services.news_article_save(article=form.instance, by=request.user, form=form)
        messages.success(request, _("Artikkelen er lagret."))
        return redirect(article.get_absolute_url())
    crumbs = [
        (_("Aktuelt"), reverse("documents:news_list")),
        (_("Rediger artikkel") if form.instance.pk else _("Skriv ny artikkel"), ""),
    ]
    return render(
        request,
        "documents/news_form.html",
        {"form": form, "crumbs": crumbs},
        status=form_status(form),
    )
