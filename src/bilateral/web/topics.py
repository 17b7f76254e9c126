"""Topic trends: meetings per year per topic, as a chart and as a table of the same numbers."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from bilateral.services import trends
from bilateral.services.trends import TopicTrends
from bilateral.web.charts import Series, line_chart
from bilateral.web.mechanisms import taxonomy_of
from bilateral.web.rendering import render, store_of

router = APIRouter(include_in_schema=False)


def trend_chart(result: TopicTrends) -> Markup:
    """The chart of the charted topics: one line per topic, years along the bottom."""
    scope = _scope(result)
    years = [str(y) for y in result.years]
    span = f"{years[0]}–{years[-1]}" if years else "no dated meetings"
    return line_chart(
        years,
        [Series(t.label, t.counts, key=t.code) for t in result.charted],
        title=f"Meetings per year by topic{scope}",
        chart_id="topic-trends",
        description=(
            f"Lines for {len(result.charted)} topics, {span}. The table below gives every number."
        ),
        y_label="Meetings",
    )


def _scope(result: TopicTrends) -> str:
    if result.mechanism is not None:
        return f", {result.mechanism.name}"
    return f", {result.pair}" if result.pair else ""


@router.get("/topics", response_class=HTMLResponse, name="topics")
def topics_page(
    request: Request,
    pair: str = Query("", max_length=60),
    mechanism: str = Query("", max_length=300),
    topic: list[str] = Query([]),
) -> HTMLResponse:
    """Trends of the whole store, or of ``pair`` and/or ``mechanism``; ``topic`` (repeated)
    chooses the topics drawn."""
    result = trends.topic_trends(
        store_of(request),
        pair=pair or None,
        mechanism_id=mechanism or None,
        topics=topic,
        taxonomy=taxonomy_of(request),
    )
    return render(request, "topics.html", {"result": result, "chart": trend_chart(result)})
