"""The shared vocabulary has one definition, used by every app that needs it."""

from core.choices import Language
from core.models import LocalizedName, Theme
from documents.models import NewsArticle, Publication
from events.models import Event
from measures.models import Classification, Measure


def test_every_text_language_field_uses_the_one_language_list():
    for model in (Measure, Publication, NewsArticle, Event):
        assert model.Language is Language
        assert model._meta.get_field("language").choices == Language.choices


def test_managed_lists_share_the_localized_name():
    assert issubclass(Theme, LocalizedName) and issubclass(Classification, LocalizedName)
    assert Measure._meta.get_field("themes").related_model is Theme
    assert Publication._meta.get_field("themes").related_model is Theme


def test_localized_name_falls_back_to_bokmal():
    from django.utils import translation

    theme = Theme(slug="vold", name="Vold", name_nn="", name_en="Violence")
    with translation.override("en"):
        assert theme.localized_name == "Violence"
    with translation.override("nn"):
        assert theme.localized_name == "Vold"
