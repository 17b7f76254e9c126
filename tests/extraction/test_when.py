"""The meeting's date and venue, on short readouts written for these tests."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from bilateral.extraction import Extractor
from bilateral.extraction.assembly.context import Context, Sentence
from bilateral.extraction.assembly.when import side_date, side_venue
from bilateral.extraction.gazetteer import load_gazetteer
from bilateral.records import Engagement, SourceDocument


def source(text: str, published: date | None) -> SourceDocument:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return SourceDocument(id=digest, name="when-test", text=text, published=published)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def when_where(extractor: Extractor, text: str, published: date | None) -> tuple[object, ...]:
    main = extractor.extract(source(text, published)).engagements[0]
    return main.date, main.date_end, main.city, main.country


CASES = [
    pytest.param(
        "Having marked the anniversary of their relations on March 2, Vietnam and Laos held "
        "the fifth round of political consultations in Hanoi on April 9.",
        date(2024, 4, 10),
        ("2024-04-09", None, "Hanoi", "VNM"),
        id="an anniversary's date is not the meeting's",
    ),
    pytest.param(
        "ACCRA – Ghana and Togo held political consultations on border trade, the ministry "
        "said.\n\nThe previous round took place in Lomé in May 2022.",
        date(2024, 3, 5),
        ("2024-03", None, None, None),
        id="a previous round's place and date do not count; news takes the dateline month",
    ),
    pytest.param(
        "The foreign ministers of Chile and Peru spoke by telephone on Monday about the "
        "summit Chile will host in Santiago.",
        date(2024, 5, 8),
        ("2024-05-06", None, None, None),
        id="a call has no venue",
    ),
    pytest.param(
        "Nordic and Baltic consultations on energy security are taking place in the Latvian "
        "capital, the ministry said.",
        date(2024, 6, 3),
        ("2024-06-03", None, "Riga", "LVA"),
        id="a meeting under way happens on the dateline's day",
    ),
    pytest.param(
        "The Foreign Minister of Chile paid an official visit to Argentina and held talks "
        "with her counterpart on trade.",
        date(2023, 5, 10),
        ("2023-05", None, None, "ARG"),
        id="a visit to a country with no city gives the country",
    ),
    pytest.param(
        "LIMA, May 4, 2024 — The presidents of Peru and Ecuador held talks at the Government "
        "Palace on Friday.",
        date(2024, 5, 4),
        ("2024-05-03", None, "Lima", "PER"),
        id="a named building puts the meeting in the dateline's city",
    ),
    pytest.param(
        "The trade envoys of Japan and China met in Peking on 5-6 June 2023.",
        date(2023, 6, 7),
        ("2023-06-05", "2023-06-06", "Peking", "CHN"),
        id="another name of a city is kept as written; a range gives an end date",
    ),
    pytest.param(
        "Colombia hosted talks with Panama in Bogota on 12 January 2024.",
        date(2024, 1, 15),
        ("2024-01-12", None, "Bogotá", "COL"),
        id="a spelling without accents is the gazetteer's name",
    ),
]


VENUE_CASES = [
    pytest.param(
        "Portugal and Cape Verde open new talks format in Lisbon\n\n"
        "LISBON, 14 May 2024 – The prime ministers of Portugal and Cape Verde held the "
        "first session of their intergovernmental dialogue today.",
        date(2024, 5, 14),
        ("2024-05-14", None, "Lisbon", "PRT"),
        id="the headline's city is the venue",
    ),
    pytest.param(
        "Talks on fisheries\n\nDAKAR, 3 June 2024 — The President of Senegal received the "
        "President of Gambia this afternoon for talks on fisheries.",
        date(2024, 6, 3),
        ("2024-06-03", None, "Dakar", "SEN"),
        id="a host receiving the guest puts the meeting in the dateline's city",
    ),
    pytest.param(
        "Talks on fisheries\n\nDAKAR, 3 June 2024 — The President of Senegal was received "
        "by the President of Gambia for talks on fisheries.",
        date(2024, 6, 3),
        ("2024-06", None, None, None),
        id="a guest received elsewhere says nothing of the dateline",
    ),
    pytest.param(
        "Visit ends\n\nNAIROBI, 9 May 2024 — The President of Kenya, on a state visit to "
        "Ghana, held talks with his host at the Jubilee House on Thursday.",
        date(2024, 5, 9),
        ("2024-05-09", None, None, "GHA"),
        id="a dateline in another country than the visited one does not count",
    ),
    pytest.param(
        "Visit ends\n\nHELSINKI, 5 October 2023 – The Prime Minister of Finland hosted the "
        "Prime Minister of Estonia on Wednesday for talks on energy.\n\nThe Estonian guest "
        "later travelled to Tampere, where he visited a battery plant.",
        date(2023, 10, 5),
        ("2023-10-04", None, "Helsinki", "FIN"),
        id="the main meeting's city, not that of a later trip",
    ),
    pytest.param(
        "ROME, 20 March 2024 – Italy and Tunisia held talks on migration at the Villa "
        "Madama on Tuesday.\n\nThe Tunisian minister, who arrived in Milan on Monday, "
        "toured a port there.",
        date(2024, 3, 20),
        ("2024-03-19", None, "Rome", "ITA"),
        id="a city of another day does not count",
    ),
    pytest.param(
        "The President of Austria paid a state visit to Slovenia from 3 to 5 April 2023.\n\n"
        "Ljubljana, Monday 3 April. The President of Slovenia welcomed his guest with "
        "military honours.\n\nMaribor, Wednesday 5 April. The two presidents opened a "
        "cross-border museum.",
        None,
        ("2023-04-03", "2023-04-05", "Ljubljana", "SVN"),
        id="a paragraph's place line gives the city of a visit",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), VENUE_CASES)
def test_venue_from_headline_dateline_and_place_lines(
    extractor: Extractor, text: str, published: date | None, expected: tuple[object, ...]
) -> None:
    assert when_where(extractor, text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_date_and_venue(
    extractor: Extractor, text: str, published: date | None, expected: tuple[object, ...]
) -> None:
    assert when_where(extractor, text, published) == expected


def test_without_a_dateline_the_latest_year_mentioned_dates_the_meeting(
    extractor: Extractor,
) -> None:
    text = (
        "Today the ministers of Kenya and Uganda held talks on the railway accord of 2019 and "
        "on the customs union."
    )
    assert when_where(extractor, text, None)[0] == "2019"


def side_of(
    extractor: Extractor, text: str, published: date, main: Engagement
) -> tuple[object, ...]:
    doc = extractor.nlp.make_doc(text)
    doc._.published = published
    doc = extractor.nlp(doc)
    ctx = Context.of(doc, load_gazetteer())
    last = ctx.sentences[-1]
    sent = Sentence(last.start, last.end, last.text)
    return side_date(ctx, sent, main), side_venue(ctx, sent, main)


def test_a_meeting_during_a_longer_visit_takes_the_month_and_only_the_country(
    extractor: Extractor,
) -> None:
    text = (
        "The consultations were held in Quito on 9 May 2024.\n"
        "During the visit, the delegation also met business leaders."
    )
    main = Engagement(date="2024-05-09", city="Quito", country="ECU")
    assert side_of(extractor, text, date(2024, 5, 10), main) == ("2024-05", (None, "ECU"))


def test_a_meeting_earlier_in_the_day_shares_date_and_city(extractor: Extractor) -> None:
    text = (
        "The consultations were held in Quito on 9 May 2024.\n"
        "Earlier in the day, the President received the delegation."
    )
    main = Engagement(date="2024-05-09", city="Quito", country="ECU")
    assert side_of(extractor, text, date(2024, 5, 10), main) == ("2024-05-09", ("Quito", "ECU"))


def test_a_meeting_in_a_named_city_takes_that_city(extractor: Extractor) -> None:
    text = (
        "The consultations were held in Quito on 9 May 2024.\n"
        "While in Guayaquil, the delegation also met port officials."
    )
    main = Engagement(date="2024-05-09", city="Quito", country="ECU")
    assert side_of(extractor, text, date(2024, 5, 10), main) == ("2024-05", ("Guayaquil", "ECU"))


def test_a_title_from_the_page_names_the_venue(extractor: Extractor) -> None:
    text = "The foreign ministers of Peru and Bolivia held consultations on Friday."
    doc = source(text, date(2024, 2, 3)).model_copy(update={"title": "Andean talks in La Paz"})
    main = extractor.extract(doc).engagements[0]
    assert (main.date, main.city, main.country) == ("2024-02-02", "La Paz", "BOL")


def test_a_meeting_after_a_sentence_setting_another_day_takes_its_day_and_city(
    extractor: Extractor,
) -> None:
    text = (
        "The presidents held talks in Quito on 9 May 2024.\n\n"
        "The visitor, who landed in Guayaquil on 7 May, spent 8 May in the port city. "
        "In the afternoon he also met shipping executives."
    )
    main = Engagement(date="2024-05-09", city="Quito", country="ECU")
    assert side_of(extractor, text, date(2024, 5, 10), main) == (
        "2024-05-08",
        ("Guayaquil", "ECU"),
    )


def test_a_meeting_in_its_own_paragraph_in_the_afternoon_shares_the_main_day(
    extractor: Extractor,
) -> None:
    text = (
        "The presidents held talks in Quito on 9 May 2024.\n\n"
        "In the afternoon, the visitor also met the Vice President."
    )
    main = Engagement(date="2024-05-09", city="Quito", country="ECU")
    assert side_of(extractor, text, date(2024, 5, 10), main) == ("2024-05-09", ("Quito", "ECU"))


def test_a_paragraph_place_line_gives_a_side_meeting_its_city(extractor: Extractor) -> None:
    text = (
        "The presidents held talks in Quito on 9 May 2024.\n\n"
        "Guayaquil, Friday 10 May. The visitor also met port officials."
    )
    main = Engagement(date="2024-05-09", city="Quito", country="ECU")
    assert side_of(extractor, text, date(2024, 5, 11), main)[1] == ("Guayaquil", "ECU")


def test_what_a_delegation_also_did_at_a_one_day_meeting_shares_its_day_and_city(
    extractor: Extractor,
) -> None:
    text = (
        "The ministers of Chile and Peru met in Lima on Monday.\n"
        "While in Lima, the Chilean minister also met the mayor."
    )
    main = Engagement(kind="meeting", date="2024-03-04", city="Lima", country="PER")
    assert side_of(extractor, text, date(2024, 3, 5), main) == ("2024-03-04", ("Lima", "PER"))


def test_a_stay_of_a_delegation_is_not_the_day_of_the_meeting(extractor: Extractor) -> None:
    text = (
        "The consultations of Ghana and Togo were held in Lome on 4 March 2024.\n"
        "During its stay in Lome, the delegation also met students."
    )
    main = Engagement(kind="consultations", date="2024-03-04", city="Lome", country="TGO")
    assert side_of(extractor, text, date(2024, 3, 5), main)[0] == "2024-03"


def test_a_meeting_dated_to_the_main_day_shares_its_city(extractor: Extractor) -> None:
    text = (
        "The leaders of Chile and Peru met in Lima on Saturday on the sidelines of a forum.\n"
        "Later on Saturday, the Chilean President held talks with a business delegation."
    )
    main = Engagement(kind="meeting", date="2024-03-02", city="Lima", country="PER")
    assert side_of(extractor, text, date(2024, 3, 3), main) == ("2024-03-02", ("Lima", "PER"))


@pytest.mark.parametrize(
    ("text", "city"),
    [
        pytest.param(
            "The ministry hosted the consultations of Ghana and Togo at Independence House, "
            "Accra, on 4 March 2024.",
            "Accra",
            id="a named building then its city",
        ),
    ],
)
def test_venue_after_a_named_building(extractor: Extractor, text: str, city: str) -> None:
    assert when_where(extractor, text, None)[2] == city
