"""Where apps above documents (events) add to documents' pages without documents importing them.

Each provider is registered in the higher app's AppConfig.ready()."""

from django.utils.safestring import mark_safe

# Callables (slug=, request=) -> HTML (or "") shown after an information page's text.
INFO_PAGE_SECTIONS: list = []
# Callables (article=, user=) -> HTML (or "") shown under a news article.
NEWS_ARTICLE_SECTIONS: list = []
# Objects with contribute(form) and save(form, article): extra fields on the news article form.
NEWS_FORM_EXTENSIONS: list = []


def render_sections(providers, **kwargs) -> list[str]:
    """The non-empty HTML fragments of the providers, in registration order."""
    return [mark_safe(html) for provider in providers if (html := provider(**kwargs))]
