"""Data files: YAML without anchors or aliases (nothing can expand), parsed once."""

from __future__ import annotations

import datetime

import pytest
import yaml

from docgen.inputs import safe_yaml


@pytest.mark.parametrize("text", [
    "form: iep\npupil: &a [*a]\n",  # a list that holds itself
    "a: &x {b: 1}\nc: *x\n",
    "a: &x Tomos\nb: *x\n",  # a scalar used twice
    "base: &b {x: 1}\nmore:\n  <<: *b\n",
    "a: &l [&m [1, 2], *m, *m]\n",
])
def test_aliases_are_refused_with_the_anchor_line(text: str) -> None:
    with pytest.raises(yaml.YAMLError, match=r"anchors and aliases .*line \d+"):
        safe_yaml(text)


def test_plain_yaml_reads_as_yaml_safe_load_does() -> None:
    text = ("form: iep\npupil: {forename: 'Tomos & <Llŷr>', born: 2016-03-04}\n"
            "targets: [{what: a}, {what: b}]\nflag: yes\nanchor_only: &unused 3\n")
    assert safe_yaml(text) == yaml.safe_load(text)
    assert safe_yaml(text)["pupil"]["born"] == datetime.date(2016, 3, 4)


def test_an_empty_file_is_none() -> None:
    assert safe_yaml("") is None and safe_yaml("# only a comment\n") is None
