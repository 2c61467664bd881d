"""The record format: which sections a record has, which fields each takes, and what they mean.

This table is the single description of the format. The validator checks records against it
and the converter turns them into RDF with it; ``docs/records.md`` explains it to people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import OWL, RDFS, SKOS, URIRef
from rdflib.namespace import DCTERMS

from diplograph.namespaces import DIPLO, SCHEMA


@dataclass(frozen=True)
class Field:
    """One key an entity of a section may carry.

    ``kind`` says how the value is written and converted:
    ``labels`` / ``text`` (a language map ``{id: …, en: …}``, a value may be a list),
    ``string``, ``ref`` (the id of another entity, of one of ``targets``),
    ``concept`` (a concept id of the SKOS scheme ``scheme``), ``date`` (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``), ``year``, ``integer``, ``decimal``, ``boolean``, ``quantity``
    (a mapping, see ``QUANTITY_KEYS``), ``wikidata`` (``Q…``), ``geonames`` (a number),
    and ``kind``, which picks the entity's class from ``classes``.
    """

    name: str
    kind: str
    prop: URIRef | None = None
    many: bool = False
    required: bool = False
    targets: tuple[str, ...] = ()
    scheme: str | None = None
    classes: dict[str, URIRef] = field(default_factory=dict)
    inverse: URIRef | None = None


@dataclass(frozen=True)
class Section:
    """A top-level list in a record: one kind of entity."""

    name: str
    cls: URIRef
    segment: str
    fields: tuple[Field, ...]

    def __post_init__(self) -> None:
        by_name: dict[str, Field] = {}
        for f in self.fields:
            by_name.setdefault(f.name, f)
        object.__setattr__(self, "_by_name", by_name)

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)  # type: ignore[attr-defined]


LABELS = Field("label", "labels", RDFS.label)
ALT_LABELS = Field("alt_label", "labels", SKOS.altLabel)
DESCRIPTION = Field("description", "text", DIPLO.description)
NOTE = Field("note", "string", SKOS.editorialNote)
COMMON = (LABELS, ALT_LABELS, DESCRIPTION, NOTE)

# Keys every entity may carry besides its section's fields.
QUOTE_KEYS = ("quote", "quotes")
ID_KEY = "id"

QUANTITY_KEYS = {
    "value": "decimal",
    "min": "decimal",
    "max": "decimal",
    "more_than": "decimal",
    "currency": "string",
    "unit": "string",
    "approximate": "boolean",
}

AGENTS = ("governments", "firms", "people", "organisations")
PLACES = ("regions", "facilities")

SECTIONS: tuple[Section, ...] = (
    Section(
        "regions",
        DIPLO.Region,
        "region",
        (
            *COMMON,
            Field("level", "concept", DIPLO.adminLevel, scheme="admin-level"),
            Field("located_in", "ref", DIPLO.locatedIn, targets=("regions",)),
            Field("capital_of", "ref", DIPLO.capitalOf, targets=("regions",)),
            Field("wikidata", "wikidata", SKOS.exactMatch),
            Field("geonames", "geonames", SKOS.exactMatch),
            Field("designation", "text", DIPLO.designation, many=True),
            Field("characterisation", "text", DIPLO.characterisation, many=True),
        ),
    ),
    Section(
        "governments",
        DIPLO.Government,
        "government",
        (*COMMON, Field("governs", "ref", DIPLO.governs, required=True, targets=("regions",))),
    ),
    Section(
        "organisations",
        DIPLO.Organisation,
        "org",
        (*COMMON, Field("located_in", "ref", DIPLO.locatedIn, targets=("regions",))),
    ),
    Section(
        "firms",
        DIPLO.Firm,
        "firm",
        (
            *COMMON,
            Field("headquartered_in", "ref", DIPLO.headquarteredIn, targets=("regions",)),
            Field("origin_region", "ref", DIPLO.originRegion, targets=("regions",)),
            Field("subsidiary_of", "ref", DIPLO.subsidiaryOf, targets=("firms",)),
            Field("sector", "text", DIPLO.sector),
            Field("wikidata", "wikidata", SKOS.exactMatch),
        ),
    ),
    Section(
        "people",
        DIPLO.Person,
        "person",
        (*COMMON, Field("name", "string", SCHEMA.name, required=True)),
    ),
    Section(
        "posts",
        DIPLO.Post,
        "post",
        (
            *COMMON,
            Field(
                "post_in",
                "ref",
                DIPLO.postIn,
                required=True,
                targets=("governments", "organisations"),
            ),
            Field("held_by", "ref", DIPLO.heldBy, many=True, targets=("people",)),
        ),
    ),
    Section(
        "partnerships",
        DIPLO.Partnership,
        "partnership",
        (
            *COMMON,
            Field(
                "kind",
                "kind",
                required=True,
                classes={
                    "sister-city": DIPLO.SisterCityPartnership,
                    "sister-province": DIPLO.SisterProvincePartnership,
                    "friendship-city": DIPLO.FriendshipCityPartnership,
                },
            ),
            Field("parties", "ref", DIPLO.hasParty, many=True, required=True, targets=("regions",)),
            Field("fields", "concept", DIPLO.coversField, many=True, scheme="field"),
            Field("stages", "stages", DIPLO.hasStageChange, many=True),
            Field("activities", "activities", DIPLO.hasActivity, many=True),
        ),
    ),
    Section(
        "agreements",
        DIPLO.Agreement,
        "agreement",
        (
            *COMMON,
            Field(
                "kind",
                "kind",
                required=True,
                classes={
                    "letter-of-intent": DIPLO.LetterOfIntent,
                    "mou": DIPLO.MemorandumOfUnderstanding,
                    "sister-city-agreement": DIPLO.SisterCityAgreement,
                    "economic-partnership-agreement": DIPLO.EconomicPartnershipAgreement,
                    "amending-protocol": DIPLO.AmendingProtocol,
                    "cooperation-points": DIPLO.CooperationPoints,
                },
            ),
            Field("parties", "ref", DIPLO.agreementParty, many=True, targets=("regions", *AGENTS)),
            Field("amends", "ref", DIPLO.amends, targets=("agreements",)),
            Field("result_of", "ref", DIPLO.resultOf, targets=("events",)),
            Field(
                "includes_programme",
                "ref",
                DIPLO.includesProgramme,
                many=True,
                targets=("programmes",),
            ),
            Field("programme", "ref", DIPLO.partOfProgramme, targets=("programmes",)),
            Field("count", "integer", DIPLO.instrumentCount),
            Field("status", "concept", DIPLO.eventStatus, scheme="status"),
            Field("date", "date", DIPLO.date),
            Field("planned_date", "date", DIPLO.plannedDate),
            Field("benefits", "text", DIPLO.benefit, many=True),
        ),
    ),
    Section(
        "relations",
        DIPLO.DiplomaticRelation,
        "relation",
        (
            *COMMON,
            Field(
                "between",
                "ref",
                DIPLO.relationBetween,
                many=True,
                required=True,
                targets=("regions",),
            ),
            Field("start_year", "year", DIPLO.startYear),
        ),
    ),
    Section(
        "programmes",
        DIPLO.Programme,
        "programme",
        (
            *COMMON,
            Field("countries", "ref", DIPLO.programmeCountry, many=True, targets=("regions",)),
            Field("framework", "ref", DIPLO.partOfProgramme, targets=("agreements", "programmes")),
        ),
    ),
    Section(
        "facilities",
        DIPLO.Facility,
        "facility",
        (
            *COMMON,
            Field(
                "kind",
                "kind",
                classes={
                    "industrial-estate": DIPLO.IndustrialEstate,
                    "special-economic-zone": DIPLO.SpecialEconomicZone,
                    "power-plant": DIPLO.PowerPlant,
                    "building": DIPLO.Building,
                    "room": DIPLO.Room,
                    "factory": DIPLO.Factory,
                },
                many=True,
            ),
            Field("located_in", "ref", DIPLO.locatedIn, targets=("regions",)),
            Field("within", "ref", DIPLO.withinFacility, targets=("facilities",)),
            Field("programme", "ref", DIPLO.partOfProgramme, targets=("programmes",)),
            Field("characterisation", "text", DIPLO.characterisation, many=True),
        ),
    ),
    Section(
        "investments",
        DIPLO.Investment,
        "investment",
        (
            *COMMON,
            Field("investor", "ref", DIPLO.investor, required=True, targets=("firms",)),
            Field("vehicle", "ref", DIPLO.vehicle, targets=("firms",)),
            Field("host_region", "ref", DIPLO.hostRegion, targets=("regions",)),
            Field("site", "ref", DIPLO.site, targets=("facilities",)),
            Field("amounts", "quantity", DIPLO.amount, many=True),
            Field("land_area", "quantity", DIPLO.landArea),
            Field("expected_jobs", "quantity", DIPLO.expectedJobs),
            Field("target_date", "date", DIPLO.targetDate),
            Field("target_milestone", "text", DIPLO.targetMilestone),
            Field("programme", "ref", DIPLO.partOfProgramme, targets=("programmes",)),
        ),
    ),
    Section(
        "events",
        DIPLO.Event,
        "event",
        (
            *COMMON,
            Field(
                "kind",
                "kind",
                required=True,
                classes={
                    "meeting": DIPLO.Meeting,
                    "visit": DIPLO.Visit,
                    "signing": DIPLO.Signing,
                    "expo": DIPLO.Expo,
                    "anniversary": DIPLO.Anniversary,
                    "interview": DIPLO.Interview,
                },
                many=True,
            ),
            Field("status", "concept", DIPLO.eventStatus, required=True, scheme="status"),
            Field("date", "date", DIPLO.date),
            Field("planned_date", "date", DIPLO.plannedDate),
            Field("mode", "concept", DIPLO.attendanceMode, scheme="attendance-mode"),
            Field("place", "ref", DIPLO.heldAt, many=True, targets=PLACES),
            Field("destination", "ref", DIPLO.visitDestination, targets=("regions",)),
            Field("participants", "participants", DIPLO.hasParticipation, many=True),
            Field("part_of", "ref", DIPLO.partOfEvent, targets=("events",)),
            Field(
                "partnerships",
                "ref",
                DIPLO.concernsPartnership,
                many=True,
                targets=("partnerships",),
            ),
            Field("anniversary_of", "ref", DIPLO.anniversaryOf, targets=("relations",)),
            Field("years", "integer", DIPLO.anniversaryYears),
            Field("purpose", "text", DIPLO.purpose),
        ),
    ),
    Section(
        "mentions",
        DIPLO.Mention,
        "mention",
        (
            NOTE,
            Field("text", "string", DIPLO.mentionText, required=True),
            Field("context", "string", DIPLO.mentionContext),
            Field("resolves_to", "ref", DIPLO.resolvesTo, required=True, targets=()),
            Field("confusable_with", "ref", DIPLO.confusableWith, many=True, targets=()),
        ),
    ),
)

SECTION_BY_NAME = {s.name: s for s in SECTIONS}

# Keys of the nested lists (partnership stages, activities, event participants).
STAGE_KEYS = {
    "stage": "concept:stage",
    "date": "date",
    "planned_date": "date",
    "reached_by": "date",
    "event": "ref:events",
    "quote": "quote",
    "note": "string",
}
ACTIVITY_KEYS = {
    "id": "id",
    "label": "labels",
    "field": "concept:field",
    "status": "concept:status",
    "quote": "quote",
    "note": "string",
}
PARTICIPANT_KEYS = {
    "agent": "ref:" + ",".join(AGENTS),
    "post": "ref:posts",
    "quote": "quote",
    "note": "string",
}

SOURCE_KINDS = {"news-article": DIPLO.NewsArticle, "dataset": DIPLO.Dataset}
SOURCE_KEYS = {
    "id": "id",
    "kind": "source-kind",
    "title": "string",
    "outlet": "string",
    "author": "string",
    "author_role": "string",
    "date": "date",
    "language": "string",
    "url": "string",
    "text": "path",
    "license": "string",
    "note": "string",
}
SOURCE_REQUIRED = ("id", "kind", "title", "date", "language")
SOURCE_PROPERTIES = {
    "title": DCTERMS.title,
    "outlet": DIPLO.outlet,
    "author": DCTERMS.creator,
    "author_role": DIPLO.authorRole,
    "date": DCTERMS.date,
    "language": DCTERMS.language,
    "url": SCHEMA.url,
    "license": DCTERMS.license,
    "note": SKOS.editorialNote,
}

# owl:sameAs is deliberately not used for outside links: a reasoner would merge individuals.
EXACT_MATCH = SKOS.exactMatch
SAME_AS = OWL.sameAs
