"""core.history's text for values: what the history pages show for each kind of field."""

import datetime as dt

from core.history import display, excerpts
from measures.models import Measure
from municipalities.models import SLTUnit


def _field(model, name):
    return model._meta.get_field(name)


def test_values_read_as_people_read_them():
    assert display(_field(SLTUnit, "has_steering_group"), True, {}) == "Ja"
    assert display(_field(SLTUnit, "has_steering_group"), False, {}) == "Nei"
    assert display(_field(SLTUnit, "email"), "", {}) == "(tom)"
    assert display(_field(Measure, "ungsinn_level"), 0, {}) == "0 – Uvirksomt tiltak"  # 0 is a value, not empty
    assert display(_field(Measure, "ungsinn_level"), None, {}) == "(tom)"
    assert display(_field(Measure, "status"), "ended", {}) == "Avsluttet"
    assert display(_field(Measure, "start_date"), dt.date(2026, 3, 1), {}) == "01.03.2026"
    assert display(_field(Measure, "unit"), 7, {7: "SLT Bergen"}) == "SLT Bergen"
    assert display(_field(Measure, "unit"), 8, {}) == "#8"  # no longer there
    assert display(_field(Measure, "themes"), [2, 1], {1: "vold", 2: "Mobbing"}) == "Mobbing, vold"
    assert display(_field(Measure, "themes"), [], {}) == "(tom)"


def test_long_texts_are_shown_around_their_first_difference():
    start = "Felles innledning som ikke endres. " * 20
    old, new = excerpts(start + "Vi møtes hver fredag.", start + "Vi møtes hver lørdag.")
    assert old.startswith("…") and old.endswith("fredag.") and new.endswith("lørdag.")
    assert len(old) <= 162 and len(new) <= 162
    short_old, short_new = excerpts("Kort", "Kortere")
    assert (short_old, short_new) == ("Kort", "Kortere")
    head_old, head_new = excerpts("A" + "x" * 400, "B" + "x" * 400)
    assert head_old.startswith("Ax") and head_old.endswith("…") and len(head_old) == 160
