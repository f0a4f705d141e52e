from django.utils import translation

from events.models import Event

# Catalogue completeness for every app: tests/test_i18n.py.


def test_translations_are_active():
    with translation.override("nn"):
        assert str(Event.Kind.DIGITAL_GATHERING.label) == "Digital samling"
        assert str(Event.Audience.OPEN.label) == "Ope for alle"
    with translation.override("en"):
        assert str(Event.Kind.INTRO_COURSE.label) == "Introductory course"
