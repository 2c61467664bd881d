"""What the extractor finds: values tied to the words they came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """Where a value was read: the matched words, their offsets, and the quote around them.

    ``start``/``end`` are character offsets of ``text`` in the article as read (UTF-8 decoded);
    ``quote`` is a longer passage of the article that contains ``text`` and starts at
    ``quote_start``.
    """

    text: str
    start: int
    end: int
    quote: str
    quote_start: int

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "offsets": [self.start, self.end], "quote": self.quote}


@dataclass
class Found:
    """One extracted value with its evidence, a confidence in [0, 1] and review flags."""

    kind: str
    value: Any
    evidence: Evidence
    confidence: float
    flags: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def report(self) -> dict[str, Any]:
        item: dict[str, Any] = {"kind": self.kind, "value": self.value}
        item.update(self.evidence.as_dict())
        item["confidence"] = round(self.confidence, 2)
        if self.flags:
            item["flags"] = list(self.flags)
        return item
