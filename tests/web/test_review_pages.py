"""The review pages: corrections of meetings, people and commitment links, and their history.

(Not ``test_review.py``: ``tests/services/test_review.py`` has that name, and neither folder
is a package, so the two would clash in a whole-suite run.)
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from support.readouts import store_readouts

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def resolved(store: Store) -> Store:
    """The five short readouts, resolved: four meetings (one reported twice), people, and
    one commitment fulfilled by a later round."""
    store_readouts(store)
    resolve_store(store, today=date(2026, 11, 23))
    return store


def twice_reported(store: Store) -> str:
    return next(m.id for m in store.list_meetings() if len(m.members) == 2)


def once_reported(store: Store, year: str) -> str:
    return next(
        m.id for m in store.list_meetings()
        if len(m.members) == 1 and (m.record.date or "").startswith(year)
        and m.block == "KAZ-USA"
    )  # fmt: skip


def post(client: TestClient, page: str, action: str, **data: str) -> object:
    """GET ``page`` (for its CSRF token), then POST ``data`` to ``action``."""
    token = TOKEN.findall(client.get(page).text)[0]
    return client.post(action, data={"csrf_token": token, **data}, follow_redirects=False)


# --------------------------------------------------------------------------- meetings


def test_meeting_review_shows_each_field_with_its_format(
    client: TestClient, resolved: Store
) -> None:
    meeting_id = twice_reported(resolved)
    response = client.get(f"/meetings/{meeting_id}/review")
    assert response.status_code == 200
    page = response.text
    assert 'name="field" value="date"' in page and 'value="2022-12-05"' in page
    assert "2022-12 (round-2022-news)" in page  # what each report says
    assert "one per line" in page and "JSON list" in page
    assert f'action="/meetings/{meeting_id}/review/edit"' in page
    assert "round-2022-news (report 0)" in page  # the split select
    assert "No corrections yet." in page


def test_editing_a_field_records_it_and_lists_it_in_the_history(
    client: TestClient, resolved: Store
) -> None:
    meeting_id = twice_reported(resolved)
    page = f"/meetings/{meeting_id}/review"
    response = post(client, page, f"{page}/edit", field="city", value="Almaty",
                    author="Ann Lee", note="the readout's dateline")  # fmt: skip
    assert response.status_code == 303
    (item,) = resolved.list_corrections()
    assert (item.action, item.field, item.before, item.after, item.author, item.note) == (
        "edit_meeting", "city", "Washington", "Almaty", "Ann Lee", "the readout's dateline"
    )  # fmt: skip
    assert response.headers["location"] == f"{page}?saved={item.id}"
    assert resolved.get_meeting(meeting_id).record.city == "Almaty"
    shown = client.get(response.headers["location"]).text
    assert f"Correction #{item.id} recorded" in shown
    history = shown[shown.index('id="history-heading"') :]
    assert "Ann Lee" in history and "Washington" in history and "Almaty" in history
    assert "the readout&#39;s dateline" in history


def test_lists_are_typed_one_per_line_or_as_json(client: TestClient, resolved: Store) -> None:
    meeting_id = twice_reported(resolved)
    page = f"/meetings/{meeting_id}/review"
    post(client, page, f"{page}/edit", field="topics", value="trade\nenergy.oil\n")
    people = '[{"name": "Donald Lu", "country": "USA", "role": "head"}]'
    post(client, page, f"{page}/edit", field="participants", value=people)
    record = resolved.get_meeting(meeting_id).record
    assert record.topics == ["trade", "energy.oil"]
    assert [p.name for p in record.participants] == ["Donald Lu"]
    assert [c.author for c in resolved.list_corrections()] == ["web", "web"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("venue", "Astana", "cannot be edited"),
        ("round", "fifth", "round: Input should be a valid integer"),
        ("kind", "picnic", "kind: Input should be"),
        ("participants", '[{"name": ', "not valid JSON"),
        ("participants", '[{"title": "Minister"}]', "participants: Field required"),
        ("city", " Washington ", "Nothing to change: city already is Washington"),
        ("parties", "KAZ\nUSA", "Nothing to change"),
    ],
)
def test_a_bad_edit_re_renders_the_form_and_records_nothing(
    client: TestClient, resolved: Store, field: str, value: str, message: str
) -> None:
    meeting_id = twice_reported(resolved)
    page = f"/meetings/{meeting_id}/review"
    response = post(client, page, f"{page}/edit", field=field, value=value)
    assert response.status_code == 422
    assert "Nothing was recorded." in response.text and message in response.text
    assert resolved.list_corrections() == []


def test_the_refused_value_stays_in_its_open_form(client: TestClient, resolved: Store) -> None:
    meeting_id = twice_reported(resolved)
    page = f"/meetings/{meeting_id}/review"
    text = post(client, page, f"{page}/edit", field="round", value="fifth", author="Ann").text
    assert '<details class="field-edit field-edit--error" id="field-round" open>' in text
    assert 'value="fifth"' in text and 'aria-invalid="true"' in text
    assert 'name="author" type="text" value="Ann"' in text  # the name typed is kept


def test_merging_two_meetings(client: TestClient, resolved: Store) -> None:
    first, second = once_reported(resolved, "2021"), once_reported(resolved, "2023")
    page = f"/meetings/{first}/review"
    response = post(client, page, f"{page}/merge", other=second, author="Ann")
    assert response.status_code == 303
    (item,) = resolved.list_corrections()
    assert (item.action, item.target, item.other, item.author) == (
        "merge_meetings", first, second, "Ann"
    )  # fmt: skip
    document_id, _, ordinal = first.rpartition(":")
    merged = resolved.get_meeting(resolved.meeting_id_of(document_id, int(ordinal)) or "")
    assert {str(k) for k in merged.members} == {first, second}
    shown = client.get(response.headers["location"]).text
    assert "Merged meetings" in shown and f"Correction #{item.id} recorded" in shown


@pytest.mark.parametrize(("other", "message"), [("", "Give the id"), ("nope:9", "no meeting")])
def test_merging_with_no_such_meeting_is_refused(
    client: TestClient, resolved: Store, other: str, message: str
) -> None:
    page = f"/meetings/{twice_reported(resolved)}/review"
    response = post(client, page, f"{page}/merge", other=other)
    assert response.status_code == 422 and message in response.text
    assert resolved.list_corrections() == []


def test_splitting_a_report_off(client: TestClient, resolved: Store) -> None:
    meeting_id = twice_reported(resolved)
    meeting = resolved.get_meeting(meeting_id)
    report = next(str(k) for k in meeting.members if str(k) != meeting_id)
    page = f"/meetings/{meeting_id}/review"
    response = post(client, page, f"{page}/split", report=report, author="Ann", note="two days")
    assert response.status_code == 303
    assert len(resolved.get_meeting(meeting_id).members) == 1
    (item,) = resolved.list_corrections()
    assert (item.action, item.target, item.author, item.note) == (
        "split_meeting", report, "Ann", "two days"
    )  # fmt: skip
    shown = client.get(response.headers["location"]).text
    assert "Split a report off" in shown and "two days" in shown


def test_splitting_a_report_that_is_not_a_member_is_refused(
    client: TestClient, resolved: Store
) -> None:
    page = f"/meetings/{twice_reported(resolved)}/review"
    response = post(client, page, f"{page}/split", report="elsewhere:0")
    assert response.status_code == 422
    assert "is not one of several reports" in response.text
    assert resolved.list_corrections() == []


def test_no_such_meeting_is_a_404(client: TestClient, resolved: Store) -> None:
    assert client.get("/meetings/nope:0/review").status_code == 404


def test_values_typed_in_are_shown_escaped(client: TestClient, resolved: Store) -> None:
    meeting_id = twice_reported(resolved)
    page = f"/meetings/{meeting_id}/review"
    post(client, page, f"{page}/edit", field="city", value="<script>alert(1)</script>",
         author="<b>Eve</b>", note="<img src=x onerror=alert(2)>")  # fmt: skip
    shown = client.get(page).text
    assert "<script>alert" not in shown and "<b>Eve" not in shown and "<img src=x" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "&lt;b&gt;Eve" in shown


# --------------------------------------------------------------------------- people


def test_person_review_merges_two_people(client: TestClient, resolved: Store) -> None:
    page = "/people/kaz-kairat-umarov/review"
    assert "Kairat Umarov" in client.get(page).text
    response = post(client, page, f"{page}/merge", other="kaz-akan-rakhmetullin", author="Bo")
    assert response.status_code == 303
    (item,) = resolved.list_corrections()
    assert (item.action, item.author) == ("merge_people", "Bo")
    shown = client.get(response.headers["location"]).text
    assert "Merged people" in shown and "Bo" in shown
    assert f"Correction #{item.id} recorded" in shown


def test_person_review_splits_a_spelling_off(client: TestClient, resolved: Store) -> None:
    page = "/people/usa-donald-lu/review"
    form = client.get(page).text
    assert '<option value="Lu">Lu</option>' in form
    response = post(client, page, f"{page}/split", spelling="Lu", author="Bo")
    assert response.status_code == 303
    assert resolved.get_person("usa-donald-lu").variants == ["Donald Lu"]
    (item,) = resolved.list_corrections()
    assert (item.action, item.target, item.author) == ("split_people", "USA|lu", "Bo")
    assert "Split a spelling off" in client.get(response.headers["location"]).text


@pytest.mark.parametrize(
    ("action", "data", "message"),
    [
        ("merge", {"other": "usa-donald-lu"}, "cannot be merged with themselves"),
        ("merge", {"other": "nobody"}, "no person"),
        ("split", {"spelling": "Smith"}, "is not one of several spellings"),
    ],
)
def test_bad_person_corrections_are_refused(
    client: TestClient, resolved: Store, action: str, data: dict[str, str], message: str
) -> None:
    page = "/people/usa-donald-lu/review"
    response = post(client, page, f"{page}/{action}", **data)
    assert response.status_code == 422 and message in response.text
    assert resolved.list_corrections() == []


# --------------------------------------------------------------------------- commitments


def test_commitment_page_shows_its_links(client: TestClient, resolved: Store) -> None:
    (commitment,) = resolved.list_commitments()
    response = client.get(f"/commitments/{commitment.id}")
    assert response.status_code == 200
    page = response.text
    assert "hold the next round in 2023" in page and "fulfilled" in page
    assert "round-2023" in page and ">accepted<" in page
    assert f'formaction="/commitments/{commitment.id}/reject"' in page
    assert client.get("/commitments/nope:0:0").status_code == 404


@pytest.mark.parametrize(("action", "state"), [("reject", "rejected"), ("confirm", "confirmed")])
def test_confirming_or_rejecting_a_link_changes_its_state(
    client: TestClient, resolved: Store, action: str, state: str
) -> None:
    (commitment,) = resolved.list_commitments()
    meeting_id = commitment.links[0].meeting_id
    page = f"/commitments/{commitment.id}"
    response = post(client, page, f"{page}/{action}", meeting_id=meeting_id, author="Cy")
    assert response.status_code == 303
    (link,) = resolved.get_commitment(commitment.id).links
    assert link.state == state
    (item,) = resolved.list_corrections()
    assert (item.action, item.other, item.before, item.after, item.author) == (
        f"{action}_link", meeting_id, "accepted", state, "Cy"
    )  # fmt: skip
    shown = client.get(response.headers["location"]).text
    assert f">{state}<" in shown and "Cy" in shown and f"Correction #{item.id}" in shown


def test_confirming_a_meeting_chosen_by_id(client: TestClient, resolved: Store) -> None:
    (commitment,) = resolved.list_commitments()
    page = f"/commitments/{commitment.id}"
    form = client.get(page).text
    later = once_reported(resolved, "2021")  # not a fulfilment, but the reviewer says so
    assert f'<option value="{later}">' in form
    response = post(client, page, f"{page}/confirm", meeting_id=later)
    assert response.status_code == 303
    links = {link.meeting_id: link.state for link in resolved.get_commitment(commitment.id).links}
    assert links[later] == "confirmed"


@pytest.mark.parametrize(("meeting_id", "message"), [(" ", "Give the id"), ("x:1", "no meeting")])
def test_confirming_no_meeting_is_refused(
    client: TestClient, resolved: Store, meeting_id: str, message: str
) -> None:
    (commitment,) = resolved.list_commitments()
    page = f"/commitments/{commitment.id}"
    response = post(client, page, f"{page}/confirm", meeting_id=meeting_id)
    assert response.status_code == 422 and message in response.text
    assert resolved.list_corrections() == []


# --------------------------------------------------------------------------- CSRF


def test_every_correction_form_needs_the_token(client: TestClient, resolved: Store) -> None:
    meeting_id = twice_reported(resolved)
    (commitment,) = resolved.list_commitments()
    client.get(f"/meetings/{meeting_id}/review")  # the browser holds a token cookie
    posts = {
        f"/meetings/{meeting_id}/review/edit": {"field": "city", "value": "Almaty"},
        f"/meetings/{meeting_id}/review/merge": {"other": once_reported(resolved, "2021")},
        f"/meetings/{meeting_id}/review/split": {"report": meeting_id},
        "/people/usa-donald-lu/review/merge": {"other": "kaz-kairat-umarov"},
        "/people/usa-donald-lu/review/split": {"spelling": "Lu"},
        f"/commitments/{commitment.id}/confirm": {"meeting_id": meeting_id},
        f"/commitments/{commitment.id}/reject": {"meeting_id": meeting_id},
    }
    for url, data in posts.items():
        assert client.post(url, data=data).status_code == 403, url
    assert resolved.list_corrections() == []
