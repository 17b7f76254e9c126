"""``bilateral_topics_v1``: taxonomy codes a document discusses, with their spans."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.extraction.extensions import register_extensions, text_of
from bilateral.extraction.topics import TopicMatcher
from bilateral.taxonomy import load_taxonomy

# In ``doc.user_data``: the topic a commitment to a future meeting implies (a function of its
# text, see ``TopicMatcher.meeting_topic``).
MEETING_TOPIC_KEY = "bilateral.meeting_topic"


class TopicsComponent:
    def __init__(self, taxonomy_path: str | None) -> None:
        self.matcher = TopicMatcher.build(
            load_taxonomy(Path(taxonomy_path) if taxonomy_path else None)
        )

    def __call__(self, doc: Doc) -> Doc:
        body = doc._.dateline_end or 0
        doc._.topics = list(self.matcher.find(text_of(doc)[body:], offset=body))
        doc.user_data[MEETING_TOPIC_KEY] = self.matcher.meeting_topic
        return doc


@Language.factory("bilateral_topics_v1", default_config={"taxonomy_path": None})
def make_topics(nlp: Language, name: str, taxonomy_path: str | None) -> TopicsComponent:
    register_extensions()
    return TopicsComponent(taxonomy_path)
