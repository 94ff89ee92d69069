"""The export's incident stream (plain rows, incident_stream.py) gives exactly the records the repository's get
does - weapons, legal history with every detail, related incidents, partial dates - in id order, chunk by chunk,
for the rows a filter selects, on SQLite and PostgreSQL."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_csv_roundtrip import populate, wipe

from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), size=st.integers(min_value=1, max_value=3))
def test_the_stream_gives_the_records_get_gives(any_database: Database, data: st.DataObject, size: int) -> None:
    wipe(any_database)
    populate(any_database, data)
    with any_database.unit_of_work(write=False) as uow:
        chunks = list(uow.incidents.stream(IncidentFilter(), size))
        streamed = [record for chunk in chunks for record in chunk]
        assert all(0 < len(chunk) <= size for chunk in chunks)
        assert streamed == [uow.incidents.get(record.uuid) for record in streamed]
        assert len(streamed) == uow.incidents.count(IncidentFilter())
        if streamed:
            state = IncidentFilter(facility_uuids=(streamed[0].facility_uuid,))
            chosen = [r for chunk in uow.incidents.stream(state, 2) for r in chunk]
            assert chosen == [r for r in streamed if r.facility_uuid == streamed[0].facility_uuid]
