"""News-article records of the generated world: one per stage a partnership reached, with the
events, agreements, investments and mentions the article reports, and the article's text so
every quote can be checked against it."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from diplograph.synth.world import City, Firm, World

TODAY = date(2025, 11, 1)
STAGES_INDONESIA = [
    "initiative",
    "exploration",
    "letter-of-intent",
    "cooperation-plan",
    "dprd-approval",
    "central-verification",
    "draft-text",
    "signed",
    "implementation",
]
STAGES_OTHER = ["initiative", "exploration", "letter-of-intent", "signed", "implementation"]
FIELDS = [
    "green-industry",
    "industry",
    "trade",
    "investment",
    "education",
    "culture",
    "tourism",
    "environment",
    "waste-management",
    "irrigation",
    "agriculture",
    "emergency-services",
    "smes",
    "human-resources",
    "technology-transfer",
    "health",
    "infrastructure",
    "energy",
    "youth",
    "business",
]
EVENT_KIND = {"letter-of-intent": "signing", "signed": "signing", "implementation": "visit"}
AGREEMENT_KIND = {"letter-of-intent": "letter-of-intent", "signed": "sister-city-agreement"}
OUTLETS = ("Antara", "Jakarta Post", "Kyodo", "Xinhua", "Reuters", "Regional Post", "City Daily")

Sink = Callable[[str, dict, str | None], None]  # (file name, record, article text or None)


@dataclass
class Text:
    """An article being written; ``say`` adds a sentence and returns it, to quote it."""

    sentences: list[str] = field(default_factory=list)

    def say(self, sentence: str) -> str:
        self.sentences.append(sentence)
        return sentence

    def render(self) -> str:
        lines, paragraph = [], []
        for sentence in self.sentences:
            paragraph.append(sentence)
            if len(paragraph) == 3:
                lines.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            lines.append(" ".join(paragraph))
        return "\n\n".join(lines) + "\n"


@dataclass
class Step:
    stage: str
    when: date
    planned: bool = False


def history(a: City, b: City, rng: random.Random) -> list[Step]:
    """The stages a partnership went through: long-established, or under way by the
    Indonesian procedure (Permendagri 25/2020) or a shorter one, often stalled early."""
    if rng.random() < 0.45:
        steps = [Step("established", date(rng.randint(1965, 2015), rng.randint(1, 12), 1))]
        if rng.random() < 0.5:
            steps.append(Step("implementation", _day(rng, 2016, 2025)))
        return steps
    order = STAGES_INDONESIA if "indonesia" in (a.country.id, b.country.id) else STAGES_OTHER
    reached = min(rng.randrange(len(order)), rng.randrange(len(order)))
    when = _day(rng, 2012, 2024)
    steps = []
    for stage in order[: reached + 2]:
        planned = when > TODAY or len(steps) == reached + 1
        if planned and rng.random() < 0.6:
            break
        steps.append(Step(stage, when, planned))
        if planned:
            break
        when += timedelta(days=rng.randint(20, 300))
    return steps


def _day(rng: random.Random, first: int, last: int) -> date:
    return date(first, 1, 1) + timedelta(days=rng.randrange((last - first + 1) * 365))


class ArticleWriter:
    """Writes the articles of every partnership of ``world`` to ``sink``."""

    def __init__(self, world: World, rng: random.Random, sink: Sink) -> None:
        self.world, self.rng, self.sink = world, rng, sink
        self.defined_subsidiaries: set[str] = set()

    def write_all(self) -> None:
        for a, b in self.world.pairs:
            self.partnership(a, b)

    def partnership(self, a: City, b: City) -> None:
        rng = self.rng
        pid = f"{a.id}-{b.id}"
        kind = "sister-city" if rng.random() < 0.85 else "friendship-city"
        steps = history(a, b, rng)
        fields = sorted(rng.sample(FIELDS, rng.randint(2, 7)))
        actual = [s for s in steps if not s.planned]
        for index, step in enumerate(actual):
            last = index == len(actual) - 1 and len(steps) > len(actual)
            following = steps[len(actual)] if last else None
            self.article(pid, kind, a, b, fields, step, following, first=index == 0)

    # -- one article ----------------------------------------------------------------------

    def article(
        self, pid: str, kind: str, a: City, b: City, fields: list[str], step: Step,
        planned: Step | None, first: bool,
    ) -> None:  # fmt: skip
        rng, text = self.rng, Text()
        source_id = f"{pid}-{step.stage}"
        dated = step.when.isoformat() if step.stage != "established" else str(step.when.year)
        host, guest = (a, b) if rng.random() < 0.5 else (b, a)
        title = f"{a.name} and {b.name}: {step.stage.replace('-', ' ')}"
        text.say(f"{title}.")
        event_id = f"{source_id}-{EVENT_KIND.get(step.stage, 'meeting')}"
        partnership: dict = {"id": pid, "kind": kind, "parties": [a.id, b.id]}
        if first:
            partnership["label"] = {
                "en": f"{a.name}–{b.name} {kind.replace('-', ' ')} partnership",
                "id": f"Kerja sama {kind.replace('-', ' ').title()} {a.name}–{b.name}",
            }
            partnership["fields"] = fields
            partnership["quotes"] = {
                "fields": text.say(
                    f"The cooperation between {a.name} and {b.name} covers "
                    + ", ".join(f.replace("-", " ") for f in fields)
                    + "."
                )
            }
        stage = {"stage": step.stage, "date": dated, "event": event_id}
        stage["quote"] = text.say(
            f"On {dated}, {a.name} and {b.name} reached the {step.stage.replace('-', ' ')} stage."
        )
        partnership["stages"] = [stage]
        events = [self.event(event_id, step, dated, host, guest, pid, text)]
        if planned is not None:
            planned_id = f"{source_id}-planned-{planned.stage}"
            month = planned.when.strftime("%Y-%m")
            partnership["stages"].append(
                {"stage": planned.stage, "planned_date": month, "event": planned_id,
                 "quote": text.say(f"The {planned.stage.replace('-', ' ')} stage is planned"
                                   f" for {month}.")}
            )  # fmt: skip
            events.append(self.planned_event(planned_id, planned, month, host, guest, pid))
        if step.stage == "implementation":
            partnership["activities"] = [
                {"id": f, "label": {"en": f"Cooperation in {f.replace('-', ' ')}"},
                 "field": f, "status": "actual"}
                for f in fields[: rng.randint(1, 3)]
            ]  # fmt: skip
        record: dict = {
            "source": {
                "id": source_id,
                "kind": "news-article",
                "title": title,
                "outlet": rng.choice(OUTLETS),
                "author": self.world.names.word(2),
                "date": dated,
                "language": "en",
                "text": f"../sources/{source_id}.txt",
            },
            "partnerships": [partnership],
            "events": events,
        }
        if step.stage in AGREEMENT_KIND:
            record["agreements"] = [self.agreement(source_id, step, dated, a, b, event_id, text)]
        if step.stage in ("signed", "implementation", "established") and rng.random() < 0.4:
            self.investment(record, source_id, dated, a, b, text)
        if rng.random() < 0.05:
            mention = f"The article calls {guest.name} 'Kota {guest.name}'."
            record["mentions"] = [
                {"id": f"{source_id}-mention", "text": f"Kota {guest.name}",
                 "context": text.say(mention), "resolves_to": guest.id}
            ]  # fmt: skip
        text.say(f"Officials of both sides said the {kind.replace('-', ' ')} ties would deepen.")
        self.sink(f"{dated}-{source_id}.yaml", record, text.render())

    def event(
        self, ident: str, step: Step, dated: str, host: City, guest: City, pid: str, text: Text
    ) -> dict:
        kind = EVENT_KIND.get(step.stage, "meeting")
        online = kind == "meeting" and self.rng.random() < 0.4
        event: dict = {
            "id": ident,
            "label": {"en": f"{kind.title()} of {host.name} and {guest.name} ({step.stage})"},
            "kind": kind,
            "status": "actual",
            "date": dated,
            "mode": "online" if online else "in-person",
        }
        if not online:
            event["place"] = host.facilities[0][0] if host.facilities else host.id
            if kind == "visit":
                event["destination"] = host.id
        event["partnerships"] = [pid]
        participants = [{"agent": host.government}, {"agent": guest.government}]
        for city in (host, guest):
            if city.person and city.post:
                person_id, person_name = city.person
                participants.append(
                    {"agent": person_id, "post": city.post,
                     "quote": text.say(f"{person_name} attended for {city.name}.")}
                )  # fmt: skip
        event["participants"] = participants
        event["quotes"] = {"date": text.say(f"The {kind} took place on {dated}.")}
        return event

    @staticmethod
    def planned_event(
        ident: str, step: Step, month: str, host: City, guest: City, pid: str
    ) -> dict:
        kind = EVENT_KIND.get(step.stage, "meeting")
        return {
            "id": ident,
            "label": {"en": f"Planned {kind} of {host.name} and {guest.name} ({step.stage})"},
            "kind": kind,
            "status": "planned",
            "planned_date": month,
            "destination": guest.id,
            "partnerships": [pid],
        }

    @staticmethod
    def agreement(
        source_id: str, step: Step, dated: str, a: City, b: City, event_id: str, text: Text
    ) -> dict:
        kind = AGREEMENT_KIND[step.stage]
        return {
            "id": f"{source_id}-{kind}",
            "label": {"en": f"{kind.replace('-', ' ').capitalize()} of {a.name} and {b.name}"},
            "kind": kind,
            "parties": [a.id, b.id],
            "result_of": event_id,
            "status": "actual",
            "date": dated,
            "quote": text.say(f"The {kind.replace('-', ' ')} was signed on {dated}."),
        }

    def investment(
        self, record: dict, source_id: str, dated: str, a: City, b: City, text: Text
    ) -> None:
        firms = self.world.firms
        home, host = (a, b) if a.id in firms else (b, a)
        if home.id not in firms:
            return
        rng = self.rng
        firm: Firm = rng.choice(firms[home.id])
        investment: dict = {
            "id": f"{source_id}-{firm.id}",
            "label": {"en": f"{firm.name} investment in {host.name}"},
            "investor": firm.id,
        }
        quotes = {"investor": text.say(f"{firm.name} of {home.name} will invest in {host.name}.")}
        sub = firm.subsidiaries.get(host.country.id)
        if sub is None:
            sub = self.world.names.unique(f"{firm.name} {host.country.name}")[::-1]
            firm.subsidiaries[host.country.id] = sub  # type: ignore[assignment]
        if sub[0] not in self.defined_subsidiaries:
            self.defined_subsidiaries.add(sub[0])
            record["firms"] = [
                {"id": sub[0], "label": {"en": sub[1]}, "subsidiary_of": firm.id,
                 "quote": text.say(f"{firm.name} invests through its subsidiary {sub[1]}.")}
            ]  # fmt: skip
        investment["vehicle"] = sub[0]
        investment["host_region"] = host.id
        if host.facilities:
            investment["site"] = host.facilities[0][0]
        usd = rng.randint(5, 500) * 1_000_000
        rate = 1000 + (sum(map(ord, host.country.currency)) % 90) * 100
        amounts = [{"value": usd, "currency": "USD"}]
        if rng.random() < 0.5:
            low, high = usd * rate, usd * rate * 1.05
            amounts.append({"min": float(low), "max": float(high),
                            "currency": host.country.currency, "approximate": True})  # fmt: skip
        investment["amounts"] = amounts
        quotes["amounts"] = text.say(f"The investment is worth USD {usd // 1_000_000} million.")
        jobs = rng.randint(2, 80) * 50
        investment["expected_jobs"] = {"more_than": jobs, "unit": "local jobs"}
        quotes["expected_jobs"] = text.say(f"It is expected to create more than {jobs} jobs.")
        investment["land_area"] = {"value": round(rng.uniform(2, 120), 1), "unit": "hectare"}
        target = date.fromisoformat(dated[:4] + "-01-01") + timedelta(days=rng.randint(200, 1200))
        investment["target_date"] = target.strftime("%Y-%m")
        key = tuple(sorted((a.country.id, b.country.id)))
        programme = self.world.programmes.get(key)  # type: ignore[arg-type]
        if programme is not None:
            investment["programme"] = programme.id
        investment["quotes"] = quotes
        record["investments"] = [investment]
