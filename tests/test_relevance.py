"""The relevance gate: conflict news goes through the incident stage, off-topic text does not."""
import pytest

from graph.model import Document
from graph.pipeline import extract
from graph.recognize import recognize, resources
from graph.text import analyse


def relevant(text):
    an = analyse(text)
    return recognize(resources(()), Document("t", text), an).relevant


@pytest.mark.parametrize("text", [
    "شنت طائرات التحالف الدولي غارات على مواقع لتنظيم داعش في الرقة.",
    "قتل خمسة جنود في انفجار عبوة ناسفة استهدفت دوريتهم قرب الموصل.",
    "أعدم تنظيم داعش ثلاثة رجال في دير الزور.",
])
def test_relevance_conflict_news_passes(text):
    assert relevant(text)


@pytest.mark.parametrize("text", [
    "سجل الهلال هدفين في الشوط الثاني بعد هجوم منظم على مرمى النصر، وتصدى الحارس لركلة جزاء.",
    "ارتفع مؤشر السوق بنسبة 2 في المائة مع حملة شراء واسعة على أسهم البنوك.",
    "تدور أحداث رواية قتل الطائر المغرد في الجنوب الأمريكي.",
])
def test_relevance_offtopic_text_is_gated_and_gives_no_incident(text):
    assert not relevant(text)
    assert extract(Document("t", text)).events == ()
