"""Name keys: the spelling variants news and GeoNames use must meet."""

import pytest

from eventcoder.extract.places.names import is_latin, name_key, skeleton_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("al-Hasakeh", "Hasakeh"),
        ("Al Ḥasakah", "al-Hasakah"),
        ("el-Bab", "Bab"),
        ("Ma'arrat al-Nu'man", "Ma`arrat an Nu`man"),
        ("Deir ez-Zor", "Deir Ez Zor"),
        ("São Paulo", "Sao Paulo"),
    ],
)
def test_exact_keys_meet(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("variant", ["Binnish", "Binnsh", "Binish", "Binnesh"])
def test_transliterations_share_a_skeleton(variant):
    assert skeleton_key(name_key(variant)) == skeleton_key(name_key("Binnish"))


def test_idleb_and_idlib_share_a_skeleton():
    assert skeleton_key(name_key("Idleb")) == skeleton_key(name_key("Idlib"))


def test_short_names_get_no_skeleton():
    # "Nis" or "Ho" would collide with hundreds of places.
    assert skeleton_key(name_key("Nis")) == ""


def test_only_latin_script_names_are_indexed():
    assert is_latin("Ḩimş") and not is_latin("إدلب")
