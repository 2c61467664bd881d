"""Fields of cooperation: keywords in sentences about the cooperation → the field scheme."""

from __future__ import annotations

from diplograph.extract.model import Found
from diplograph.extract.partnerships import Partnership, _named, _sentences
from diplograph.extract.regions import Region
from diplograph.extract.rules import phrase_pattern, rules
from diplograph.extract.stages import generic_sentence, stage_words
from diplograph.extract.text import Article


def find_fields(
    article: Article, language: str, partnerships: list[Partnership], regions: list[Region]
) -> list[Found]:
    """Each field once per partnership, with the first sentence that names it."""
    config = rules("fields")
    context = phrase_pattern(config["context"].get(language, []))
    patterns = {f: phrase_pattern(words) for f, words in config["fields"].items()}
    national = phrase_pattern(config["national_markers"])
    generic = stage_words().generic

    def named_in(sentence):  # type: ignore[no-untyped-def]
        return _named(sentence, regions)

    everything: list[Found] = []
    for sentence in _sentences(article):
        if not context.search(sentence.text) or national.search(sentence.text):
            continue
        if generic_sentence(article, sentence, generic, named_in):
            continue  # "Kota kembar umumnya …, bermanfaat bagi kerja sama di bidang budaya"
        named = {r.id for r in _named(sentence, regions)}
        targets = [p for p in partnerships if p.partner.id in named or len(partnerships) == 1]
        staged = [p for p in partnerships if p.stages]
        dated = [p for p in staged if any(s.date for s in p.stages)]
        if len(staged) > 1 and dated:  # the step the article reports is the one it dates
            staged = dated
        # "the cooperation …" of an article about one new step, or about one home's steps none
        # of which it dates ("menjajaki kerjasama dengan … Liverpool …, serta Saga")
        one_step = len(staged) == 1 or (not dated and len({p.home.id for p in staged}) == 1)
        if (
            not targets
            and one_step
            and named <= {r.id for p in staged for r in (p.home, p.partner)}
        ):
            targets = staged
        taken: list[tuple[int, int]] = []
        matches = [
            (field_id, sentence.start + m.start(), sentence.start + m.end())
            for field_id, pattern in patterns.items()
            for m in pattern.finditer(sentence.text)
        ]
        for field_id, start, end in sorted(matches, key=lambda x: (x[1] - x[2], x[1])):
            if any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            found = Found("field", field_id, article.evidence(start, end), 0.7)
            everything.append(found)
            for partnership in targets:
                if field_id not in {f.value for f in partnership.fields}:
                    partnership.fields.append(found)
    return everything
