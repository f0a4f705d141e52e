import io

import pytest
from django.core.management import CommandError, call_command

from municipalities.models import County, District, Municipality

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("load_municipalities", *args, stdout=out)
    return out.getvalue()


def test_loads_all_municipalities_counties_and_districts_idempotently():
    first = run()
    assert "357 municipalities, 15 counties, 15 districts: 357 new" in first
    assert (Municipality.objects.count(), County.objects.count(), District.objects.count()) == (357, 15, 15)
    second = run()
    assert "357 municipalities, 15 counties, 15 districts: 0 new, 0 updated, 357 unchanged" in second
    assert Municipality.objects.count() == 357
    kautokeino = Municipality.objects.get(number="5612")
    assert kautokeino.name_forms == ["Guovdageaidnu", "Kautokeino"]
    assert kautokeino.county.name == "Finnmark"
    assert District.objects.get(name="Grünerløkka").municipality.number == "0301"


def test_stored_slugs_are_those_of_the_original_loader():
    """place_slug keeps the slugs the loader made before core.text.slugify_nb: lower-case æ/ø/å
    folded, a capital Æ/Ø dropped (Ørsta → "rsta"). Re-loading must not change a stored slug."""
    from django.utils.text import slugify

    run()
    for municipality in Municipality.objects.all():
        name = municipality.name
        assert municipality.slug == slugify(name.replace("æ", "ae").replace("ø", "o").replace("å", "a")), name
    for district in District.objects.all():
        name = district.name
        assert district.slug == slugify(name.replace("ø", "o").replace("å", "a").replace("æ", "ae")), name
    assert Municipality.objects.get(number="1520").slug == "rsta"  # Ørsta
    assert District.objects.get(name="Østensjø").slug == "stensjo"


def write_csv(tmp_path, body):
    path = tmp_path / "kommuner.csv"
    path.write_text(
        "kommunenummer,navn,offisielt_navn,fylkesnummer,fylke,fylke_offisielt_navn\n" + body, encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    "row,message",
    [
        ("301,Oslo,Oslo,03,Oslo,Oslo\n", "line 3: kommunenummer '301' is not four digits"),
        ("0301,Oslo,Oslo,XX,Oslo,Oslo\n", "line 3: unknown county 'XX'"),
        ("0301,Oslo,Oslo,,,\n", "line 3: unknown county ''"),
    ],
)
def test_bad_row_names_the_line_and_loads_nothing(tmp_path, row, message):
    path = write_csv(tmp_path, "1101,Eigersund,Eigersund,11,Rogaland,Rogaland\n" + row)
    with pytest.raises(CommandError, match=message):
        run("--municipalities", str(path))
    assert Municipality.objects.count() == 0 and County.objects.count() == 0


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="File not found"):
        run("--municipalities", str(tmp_path / "nope.csv"))
