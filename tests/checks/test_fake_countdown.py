"""fake-countdown on hand-made repeated loads: must fire, must not fire, cannot tell."""

from checks.urgency_scarcity.fake_countdown import FakeCountdown
from tests.builders import artifacts, judge, page, repeated, timer_load


def test_timer_that_restarts_for_a_fresh_visitor_fails():
    rep = repeated("/p/jacket", [
        timer_load(0, 0.0, "00:14:59", "00:14:58"),
        timer_load(1, 6.0, "00:14:59", "00:14:58"),  # six seconds later, a new visitor: same time
        timer_load(2, 12.0, "00:14:58", "00:14:57"),
    ])
    result = judge(FakeCountdown, artifacts(rep=[rep]))
    assert result.verdict == "fail"
    (finding,) = result.findings
    assert finding.url.endswith("/p/jacket")
    assert finding.locator == "#timer"
    assert "Offer ends in" in finding.text
    assert len(finding.observations) == 3
    assert finding.evidence["max_deviation_s"] >= 10


def test_timer_to_a_fixed_deadline_passes():
    rep = repeated("/p/stove", [
        timer_load(0, 0.0, "12d 05:06:07", "12d 05:06:06"),
        timer_load(1, 6.0, "12d 05:06:01", "12d 05:06:00"),
        timer_load(2, 12.3, "12d 05:05:55", "12d 05:05:54"),
    ])
    result = judge(FakeCountdown, artifacts(rep=[rep]))
    assert result.verdict == "pass", result.reason
    assert result.details["compared"]


def test_ukrainian_units_and_arabic_indic_digits_are_read():
    rep = repeated("/uk/tovar", [
        timer_load(0, 0.0, "02 год 14 хв 33 сек", "02 год 14 хв 32 сек", label="Акція закінчується через"),
        timer_load(1, 5.0, "02 год 14 хв 33 сек", "02 год 14 хв 32 сек", label="Акція закінчується через"),
    ])
    assert judge(FakeCountdown, artifacts(rep=[rep])).verdict == "fail"
    rep_ar = repeated("/ar/p", [
        timer_load(0, 0.0, "٠٠:٠٩:٥٩", "٠٠:٠٩:٥٨", label="ينتهي العرض خلال"),
        timer_load(1, 5.0, "٠٠:٠٩:٥٤", "٠٠:٠٩:٥٣", label="ينتهي العرض خلال"),
    ])
    assert judge(FakeCountdown, artifacts(rep=[rep_ar])).verdict == "pass"


def test_clock_that_does_not_tick_down_is_not_a_countdown():
    rep = repeated("/", [
        timer_load(0, 0.0, "12:00:01", "12:00:02"),  # a clock counting up
        timer_load(1, 5.0, "12:00:06", "12:00:07"),
    ])
    result = judge(FakeCountdown, artifacts(rep=[rep]))
    assert result.verdict == "pass"
    assert "no running countdown" in result.reason


def test_timer_seen_in_one_visit_only_is_not_assessed():
    rep = repeated("/", [timer_load(0, 0.0, "00:10:00", "00:09:59")])
    assert judge(FakeCountdown, artifacts(rep=[rep])).verdict == "not-assessed"


def test_no_repeated_loads_is_not_assessed_never_pass():
    result = judge(FakeCountdown, artifacts(pages=[page("/", "home", ["Offer ends in 00:10:00"])]))
    assert result.verdict == "not-assessed"
    assert "loaded repeatedly" in result.reason or "compared" in result.reason


def test_timer_that_restarts_at_zero_while_one_visitor_watches_fails():
    from auditor.artifacts import TextBlock
    ticking = timer_load(0, 0.0, "00:00:01", "00:14:59")  # ran out, then started again
    result = judge(FakeCountdown, artifacts(rep=[repeated("/p/boots", [ticking])]))
    assert result.verdict == "fail", result.reason
    (finding,) = result.findings
    assert "restarts when it runs out" in finding.message
    assert finding.evidence["restarted_within_a_visit"] == "1 s → 899 s"
    # The final read of the page, after the two quick reads, counts too.
    later = timer_load(0, 0.0, "00:00:02", "00:00:01")
    later.text_blocks = [TextBlock(text="Offer ends in", locator="#label"), TextBlock(text="00:09:58", locator="#timer")]
    assert judge(FakeCountdown, artifacts(rep=[repeated("/p/boots", [later])])).verdict == "fail"


def test_jumping_number_without_a_countdown_label_is_not_a_restart():
    rep = repeated("/", [timer_load(0, 0.0, "00:00:01", "00:14:59", label="Visitors online")])
    assert judge(FakeCountdown, artifacts(rep=[rep])).verdict != "fail"


def test_a_stated_end_is_recorded_beside_a_restarting_timer():
    rep = repeated("/p/jacket", [
        timer_load(0, 0.0, "00:14:59", "00:14:58"),
        timer_load(1, 6.0, "00:14:59", "00:14:58"),
    ])
    finding = judge(FakeCountdown, artifacts(rep=[rep])).findings[0]
    assert finding.evidence["stated_end"] is None
    assert finding.message.endswith("no end date or time is stated")
    dated = repeated("/uk/p", [
        timer_load(i, 6.0 * i, "00:14:59", "00:14:58", label="Акція до 1 березня, залишилось") for i in range(2)])
    finding = judge(FakeCountdown, artifacts(rep=[dated])).findings[0]
    assert finding.evidence["stated_end"] == "Акція до 1 березня, залишилось"


def test_a_price_beside_the_timer_is_not_a_stated_end():
    rep = repeated("/p/jacket", [timer_load(i, 6.0 * i, "00:09:59", "00:09:58", label="Save £50.00 — offer ends in")
                                 for i in range(2)])
    finding = judge(FakeCountdown, artifacts(rep=[rep])).findings[0]
    assert finding.evidence["stated_end"] is None
