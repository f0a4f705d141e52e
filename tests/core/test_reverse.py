"""core.reverse.reverse_slug gives what reverse() gives, in every language."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils.translation import override

from core.reverse import reverse_slug

NAMES = ["documents:detail", "documents:news_detail", "events:detail", "events:event_recordings"]


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_same_as_reverse(language, name):
    with override(language):
        for slug in ("a", "slt-handboka-2027", "Under_score-9"):
            assert reverse_slug(name, slug) == reverse(name, args=[slug])


def test_language_prefix_and_script_prefix():
    with override("nn"):
        assert reverse_slug("events:detail", "x") == "/nn/arrangementer/x/"
    with override("nb"):
        assert reverse_slug("events:detail", "x") == "/arrangementer/x/"
    set_script_prefix("/portal/")
    try:
        with override("en"):
            assert reverse_slug("events:detail", "x") == "/portal/en/arrangementer/x/"
    finally:
        set_script_prefix("/")


def test_what_is_no_slug_goes_through_reverse():
    with pytest.raises(NoReverseMatch):
        reverse_slug("events:detail", "")
    with pytest.raises(NoReverseMatch):
        reverse_slug("events:detail", "not a slug")
