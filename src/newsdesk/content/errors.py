"""The content library's refusals that reach people: the reason in Chinese and in English."""

from __future__ import annotations


class WordedError(ValueError):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en
