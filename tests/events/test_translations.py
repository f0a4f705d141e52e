from pathlib import Path

import polib
import pytest
from django.utils import translation

from events.models import Event

LOCALE = Path(__file__).resolve().parents[2] / "events" / "locale"


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_catalogue_complete(lang):
    po = polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))
    assert len(po) > 200
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def test_translations_are_active():
    with translation.override("nn"):
        assert str(Event.Kind.DIGITAL_GATHERING.label) == "Digital samling"
        assert str(Event.Audience.OPEN.label) == "Ope for alle"
    with translation.override("en"):
        assert str(Event.Kind.INTRO_COURSE.label) == "Introductory course"
