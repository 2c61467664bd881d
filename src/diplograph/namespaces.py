"""IRIs used by diplograph: ontology terms, instances, vocabularies and named graphs.

``DIPLO`` is a closed namespace: a term that is not declared here raises instead of minting a
new IRI, and ``tests/test_ontology.py`` checks that it matches ``ontology/diplo.ttl`` exactly.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/diplograph/"

ID = Namespace(BASE + "id/")
"""Instances: ``ID["region/batang"]``. Readable and stable; never blank nodes."""

VOCAB = Namespace(BASE + "vocab/")
"""SKOS concept schemes and their concepts: ``VOCAB["stage/exploration"]``."""

GRAPH = Namespace(BASE + "graph/")
"""Named graphs of the dataset."""

ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
INFERRED_GRAPH = GRAPH["inferred"]

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = Namespace("https://sws.geonames.org/")


def source_graph(source_id: str) -> URIRef:
    """The named graph holding what one source document states."""
    return GRAPH[f"source/{source_id}"]


def import_graph(import_id: str) -> URIRef:
    """The named graph holding one imported outside dataset."""
    return GRAPH[f"import/{import_id}"]


class DIPLO(DefinedNamespace):
    """The diplograph ontology (``ontology/diplo.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # Classes: places and agents
    Region: URIRef
    Country: URIRef
    PartneringRegion: URIRef
    Agent: URIRef
    Organisation: URIRef
    Government: URIRef
    Firm: URIRef
    Person: URIRef
    Post: URIRef
    # Classes: partnerships and their history
    Partnership: URIRef
    SisterCityPartnership: URIRef
    SisterProvincePartnership: URIRef
    FriendshipCityPartnership: URIRef
    StageChange: URIRef
    CooperationActivity: URIRef
    # Classes: instruments, relations, programmes
    Agreement: URIRef
    LetterOfIntent: URIRef
    MemorandumOfUnderstanding: URIRef
    SisterCityAgreement: URIRef
    EconomicPartnershipAgreement: URIRef
    AmendingProtocol: URIRef
    CooperationPoints: URIRef
    DiplomaticRelation: URIRef
    Programme: URIRef
    # Classes: economy
    Investment: URIRef
    ForeignInvestment: URIRef
    Facility: URIRef
    IndustrialEstate: URIRef
    SpecialEconomicZone: URIRef
    PowerPlant: URIRef
    Building: URIRef
    Room: URIRef
    Factory: URIRef
    MonetaryAmount: URIRef
    Quantity: URIRef
    # Classes: events
    Event: URIRef
    Meeting: URIRef
    Visit: URIRef
    Signing: URIRef
    Expo: URIRef
    Anniversary: URIRef
    Interview: URIRef
    Participation: URIRef
    # Classes: provenance
    Source: URIRef
    NewsArticle: URIRef
    Dataset: URIRef
    Quote: URIRef
    Mention: URIRef

    # Places
    locatedIn: URIRef
    contains: URIRef
    capitalOf: URIRef
    hasCapital: URIRef
    adminLevel: URIRef
    # Agents
    governs: URIRef
    governedBy: URIRef
    postIn: URIRef
    heldBy: URIRef
    holdsPost: URIRef
    headquarteredIn: URIRef
    originRegion: URIRef
    subsidiaryOf: URIRef
    hasSubsidiary: URIRef
    sector: URIRef
    # Partnerships
    hasParty: URIRef
    partyIn: URIRef
    partnerOf: URIRef
    coversField: URIRef
    hasStageChange: URIRef
    stageChangeOf: URIRef
    stage: URIRef
    stageEvent: URIRef
    stageOrder: URIRef
    hasActivity: URIRef
    activityField: URIRef
    # Agreements, relations, programmes
    agreementParty: URIRef
    amends: URIRef
    resultOf: URIRef
    resultedIn: URIRef
    includesProgramme: URIRef
    partOfProgramme: URIRef
    programmeCountry: URIRef
    relationBetween: URIRef
    startYear: URIRef
    instrumentCount: URIRef
    benefit: URIRef
    # Investments and facilities
    investor: URIRef
    vehicle: URIRef
    hostRegion: URIRef
    site: URIRef
    amount: URIRef
    landArea: URIRef
    expectedJobs: URIRef
    targetDate: URIRef
    targetMilestone: URIRef
    withinFacility: URIRef
    lowerBoundExclusive: URIRef
    isApproximate: URIRef
    # Events
    eventStatus: URIRef
    attendanceMode: URIRef
    heldAt: URIRef
    visitDestination: URIRef
    hasParticipation: URIRef
    participant: URIRef
    inPost: URIRef
    hasParticipant: URIRef
    partOfEvent: URIRef
    concernsPartnership: URIRef
    anniversaryOf: URIRef
    anniversaryYears: URIRef
    purpose: URIRef
    # Dates
    date: URIRef
    plannedDate: URIRef
    reachedBy: URIRef
    # Descriptions
    description: URIRef
    designation: URIRef
    characterisation: URIRef
    # Provenance
    sourceFile: URIRef
    outlet: URIRef
    authorRole: URIRef
    supports: URIRef
    supportsProperty: URIRef
    quoteText: URIRef
    mentionText: URIRef
    mentionContext: URIRef
    mentionIn: URIRef
    resolvesTo: URIRef
    confusableWith: URIRef
