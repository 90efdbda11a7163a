"""Shared by the proofreading rule tests: one proofreader on the shipped packs, and the 的地得
findings it raises in a text."""

from __future__ import annotations

import pytest

from newsdesk.content.proofreading import Category, Packs, Proofreader


@pytest.fixture(scope="module")
def reader() -> Proofreader:
    return Proofreader(Packs.shipped())


def de(reader: Proofreader, text: str) -> list[tuple[str, str, str]]:
    """(text, suggestion, severity) of each 的地得 finding."""
    return [
        (f.text, f.suggestion, f.severity)
        for f in reader.check_text(text)
        if f.category is Category.DE
    ]
