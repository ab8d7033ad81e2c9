"""What ticked within one load: a clock drawn one element per unit is read as one clock."""

from auditor.artifacts import TextBlock
from auditor.collect.repeat import ticking_elements
from auditor.text.durations import parse_countdown
from auditor.text.lexicon import lexicons

CLOCK = "body > div > #promo-clock > span"


def blocks(*texts: str, parent: str = CLOCK) -> list[TextBlock]:
    return [TextBlock(text=t, locator=f"{parent}:nth-of-type({i + 1})", tag="span") for i, t in enumerate(texts)]


def test_a_clock_split_into_units_is_read_whole_not_by_its_seconds():
    (tick,) = ticking_elements(blocks("3 дні", "04 год", "12 хв", "51 сек"), blocks("3 дні", "04 год", "12 хв", "50 сек"), 1000)
    assert tick.locator.endswith("span:nth-of-type(4)")
    assert parse_countdown(tick.first, lexicons()) == 3 * 86400 + 4 * 3600 + 12 * 60 + 51


def test_digits_and_colons_in_separate_boxes_read_as_one_time():
    (tick,) = ticking_elements(blocks("02", ":", "14", ":", "33"), blocks("02", ":", "14", ":", "32"), 1000)
    assert (tick.first, tick.second) == ("02:14:33", "02:14:32")


def test_a_lone_changing_text_is_reported_as_it_is():
    first = [TextBlock(text="Offer ends in 00:09:59", locator="#hero > p", tag="p"),
             TextBlock(text="A sturdy tent for two, with a porch for boots and a bag that packs small.", locator="#hero > h2", tag="h2")]
    second = [first[0].model_copy(update={"text": "Offer ends in 00:09:58"}), first[1]]
    (tick,) = ticking_elements(first, second, 1000)
    assert (tick.first, tick.second) == ("Offer ends in 00:09:59", "Offer ends in 00:09:58")


def test_a_whole_clock_beside_its_label_keeps_its_own_text():
    first = [TextBlock(text="עד סוף המבצע:", locator=f"{CLOCK}:nth-of-type(1)", tag="span"),
             TextBlock(text="1193 ימים 03:47:32", locator=f"{CLOCK}:nth-of-type(2)", tag="span")]
    second = [first[0], first[1].model_copy(update={"text": "1193 ימים 03:47:31"})]
    (tick,) = ticking_elements(first, second, 1000)
    assert (tick.first, tick.second) == ("1193 ימים 03:47:32", "1193 ימים 03:47:31")
