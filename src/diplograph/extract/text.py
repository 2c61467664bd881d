"""The article as text: its lines, sentences, header, captions and language, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplograph.extract.model import Evidence
from diplograph.extract.rules import rules

_URL = re.compile(r"^\s*(https?://\S+)\s*$")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
QUOTE_WINDOW = 90


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    line: int
    text: str
    caption: bool = False


@dataclass
class Article:
    """An article's text with the parts the extractor treats differently."""

    text: str
    url: str | None = None
    title: str = ""
    title_span: tuple[int, int] = (0, 0)
    sentences: list[Sentence] = field(default_factory=list)
    skipped: list[tuple[int, int]] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def evidence(self, start: int, end: int, *, wide: bool = False) -> Evidence:
        """The words at ``start:end`` with a quote: their sentence, or a window of it."""
        sentence = self.sentence_at(start)
        if sentence is None:
            low, high = max(0, start - QUOTE_WINDOW), min(len(self.text), end + QUOTE_WINDOW)
        else:
            low, high = sentence.start, max(sentence.end, end)  # words may run on past it
            window = QUOTE_WINDOW * (2 if wide else 1)
            if high - low > 2 * window + (end - start):
                low, high = max(low, start - window), min(high, end + window)
                low = _word_start(self.text, low, start)
                high = _word_end(self.text, high, end)
        while low < start and self.text[low].isspace():
            low += 1
        while high > end and self.text[high - 1].isspace():
            high -= 1
        return Evidence(self.text[start:end], start, end, self.text[low:high], low)

    def in_skipped(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.skipped)


def _word_start(text: str, low: int, limit: int) -> int:
    if low > 0 and not text[low - 1].isspace():
        space = text.find(" ", low, limit)
        return space + 1 if space >= 0 else low
    return low


def _word_end(text: str, high: int, limit: int) -> int:
    if high < len(text) and not text[high].isspace():
        space = text.rfind(" ", limit, high)
        return space if space >= 0 else high
    return high


def read_article(text: str) -> Article:
    """Split ``text`` into lines and sentences; find the address line, title and captions."""
    config = rules("text")
    skip = tuple(config["skip_lines"])
    captions = tuple(config["caption_markers"])
    abbreviations = {a.lower() for a in config["abbreviations"]}
    article = Article(text)
    offset = 0
    content_lines = 0
    for number, line in enumerate(_joined_lines(text)):
        start, body = offset, line.rstrip("\r\n")
        offset += len(line)
        stripped = body.strip()
        if not stripped:
            continue
        match = _URL.match(body)
        if match and article.url is None and content_lines == 0:
            article.url = match.group(1)
            article.skipped.append((start, start + len(body)))
            continue
        if stripped.startswith(skip) or stripped.count(config["breadcrumb_separator"]) >= 2:
            article.skipped.append((start, start + len(body)))
            continue
        content_lines += 1
        lead = start + len(body) - len(body.lstrip())
        if not article.title and _looks_like_title(stripped):
            article.title = stripped
            article.title_span = (lead, lead + len(stripped))
        caption = any(marker in body for marker in captions)
        for s_start, s_end in _split_sentences(body, abbreviations):
            piece = body[s_start:s_end]
            article.sentences.append(
                Sentence(start + s_start, start + s_end, number, piece, caption=caption)
            )
    return article


def _joined_lines(text: str) -> list[str]:
    """The lines of `text`, a line that ends in a space joined to the next one if it has text:
    a sentence wrapped in two ("… bertemu General " at a line's end, "Director Taipei …" next)."""
    lines: list[str] = []
    for line in text.splitlines(keepends=True):
        before = lines[-1] if lines else ""
        if before.strip() and before.rstrip("\r\n").endswith((" ", "\t")) and line.strip():
            lines[-1] += line
        else:
            lines.append(line)
    return lines


def _looks_like_title(line: str) -> bool:
    return len(line) <= 160 and not line.endswith((".", "?", "!", ",")) and " " in line


def _split_sentences(line: str, abbreviations: set[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = len(line) - len(line.lstrip())
    for match in _SENTENCE_END.finditer(line):
        word = re.search(r"([\w.]+)[.!?]*[\"”’)]*\s*$", line[begin : match.end()])
        token = word.group(1).rstrip(".") if word else ""
        initials = re.fullmatch(r"[A-Z](?:\.[A-Z])*", token)  # "M.", "H.E. Mr.", "U.S."
        if token.lower() in abbreviations or initials:
            continue
        end = match.end()
        spans.append((begin, end))
        begin = end
    if begin < len(line.rstrip()):
        spans.append((begin, len(line.rstrip())))
    spans = [(a, b) for a, b in spans if line[a:b].strip()]
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and _date_alone(line[a:b]):  # "… Bandung, West Java. Monday (9/5/2016)."
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _date_alone(piece: str) -> bool:
    """Whether a sentence is only a date ("Monday (9/5/2016).", "Jumat, 4 November 2016."):
    it belongs to the sentence before it."""
    tokens = re.findall(r"[^\W\d_]+|\d+", piece)
    words = [t for t in tokens if not t.isdigit()]
    return (
        0 < len(tokens) <= 6
        and any(t.isdigit() for t in tokens)
        and len(words) <= 2
        and all(w[0].isupper() for w in words)
    )


def detect_language(text: str) -> str:
    """``id`` or ``en``, whichever language's common words are more frequent."""
    words = re.findall(r"[a-z]+", text.lower())
    scores = {
        lang: sum(1 for w in words if w in set(vocab))
        for lang, vocab in rules("text")["language_words"].items()
    }
    return max(sorted(scores), key=lambda lang: scores[lang])
