"""Jurisdiction profiles: data files, citations mapped to local law, and the inferred default."""

from decimal import Decimal

import pytest

from auditor.artifacts import Link, PriceMention, TextBlock
from auditor.jurisdiction import infer_jurisdiction, profile, profile_for_country, profiles, references_for, rule
from auditor.legal import Ref, acts
from checks.policies.returns_terms import ReturnsTerms
from tests.builders import artifacts, page

PROFILES = ("EU", "UK", "US-CA", "IL", "UA", "RU")
POLICY_RULES = ("withdrawal_days", "returns_elements", "cancellation_elements", "delivery_elements",
                "seller_elements", "reachable_policies", "order_button_must_mention_payment",
                "marketing_choice_at_collection", "phone_regions")


@pytest.mark.parametrize("pid", PROFILES)
def test_profile_exists_with_every_policy_rule(pid):
    prof = profile(pid)
    assert prof.countries
    for name in POLICY_RULES:
        assert name in prof.rules, (pid, name)


@pytest.mark.parametrize("pid", PROFILES)
def test_every_act_a_profile_names_or_maps_to_is_known(pid):
    prof = profile(pid)
    for act in prof.acts:
        assert act in acts(), act
    for source, maps in prof.equivalents.items():
        assert source in acts(), source
        for eq in maps:
            assert eq["act"] in acts() and any(ch.isdigit() for ch in eq["pinpoint"]), eq


@pytest.mark.parametrize("pid", [p for p in PROFILES])
def test_profiles_that_skip_a_rule_say_why(pid):
    if not rule(pid, "order_button_must_mention_payment"):
        assert rule(pid, "order_button_note")
    if not rule(pid, "marketing_choice_at_collection"):
        assert rule(pid, "contact_preferences_note")
    if not rule(pid, "delivery_elements"):
        assert rule(pid, "delivery_note")


def test_statutory_periods():
    assert [rule(p, "withdrawal_days") for p in PROFILES] == [14, 14, 0, 14, 14, 7]
    assert rule("IL", "cancellation_fee_cap") == {"percent": 5, "amount": 100, "currency": "ILS"}


@pytest.mark.parametrize("pid,expected", [
    ("EU", "CRD 2011/83/EU art. 6(1)(h)"),
    ("UK", "UK Consumer Contracts Regulations 2013 reg. 13 and Sch. 2"),
    ("US-CA", "Cal. Civ. Code § 1723(a)"),
    ("IL", "Israel Consumer Protection Law 5741-1981 § 14C(c)"),
    ("UA", "Ukraine Law on Consumer Rights Protection No. 1023-XII art. 13"),
])
def test_returns_citations_follow_the_profile(pid, expected):
    cited = ReturnsTerms.citations(pid)
    assert expected in cited
    assert len(cited) == len(set(cited))
    if pid != "EU":
        assert not any(c.startswith("CRD") for c in cited)


def test_the_same_article_cited_directly_and_through_a_mapping_appears_once():
    refs = (Ref("CRD", "art. 6(1)(h)"), Ref("IL-CPL", "§ 14C(c)", "a note"))
    assert [r.cite() for r in references_for(refs, "IL")] == ["Israel Consumer Protection Law 5741-1981 § 14C(c)"]


def test_country_to_profile():
    assert profile_for_country("GB") == "UK" and profile_for_country("de") == "EU"
    assert profile_for_country("UA") == "UA" and profile_for_country("IL") == "IL" and profile_for_country("US") == "US-CA"
    assert profile_for_country("JP") is None
    assert set(profiles()) >= set(PROFILES)


def priced(path, currency, lang, footer=()):
    pg = page(path, "product", ["Item"], lang=lang,
              prices=[PriceMention(text="10", amount=Decimal("10"), currency=currency)])
    pg.text_blocks += [TextBlock(text=t, locator=f"footer p:nth-of-type({i})", region="footer") for i, t in enumerate(footer)]
    return pg


def test_explicit_choice_wins():
    assert infer_jurisdiction(artifacts(pages=[priced("/p", "UAH", "uk")]), "il") == ("IL", "chosen with --jurisdiction")


def test_currency_and_address_agree():
    arts = artifacts(pages=[priced("/p", "GBP", "en", ["Unit 4, Mill Lane, Kendal LA9 6NH"])])
    pid, why = infer_jurisdiction(arts, None)
    assert pid == "UK" and "currency GBP" in why and "seller address in GB" in why


def test_an_israeli_address_and_hebrew_outweigh_dollar_prices():
    arts = artifacts(pages=[priced("/p", "USD", "he", ["רחוב הרצל 15, תל אביב 6701101, ישראל"])])
    pid, why = infer_jurisdiction(arts, None)
    assert pid == "IL" and "outweighed: currency USD" in why


def test_on_a_tie_the_currency_wins():
    arts = artifacts(pages=[priced("/p", "EUR", "en", ["Unit 4, Mill Lane, Kendal LA9 6NH"])])
    pid, why = infer_jurisdiction(arts, None)
    assert pid == "EU" and "seller address in GB" in why


def test_phone_country_codes_point_to_the_seller_country():
    home = page("/", "home", ["Welcome"], lang="en",
                links=[Link(href="tel:+380671234567", text="+380 67 123 45 67", region="footer")])
    pid, why = infer_jurisdiction(artifacts(pages=[home]), None)
    assert pid == "UA" and "UA" in why


def test_no_signal_falls_back_to_the_eu_and_says_so():
    pid, why = infer_jurisdiction(artifacts(pages=[page("/", "home", ["Hi"], lang=None)]), None)
    assert pid == "EU" and why.startswith("default")


def test_eu_unfair_practice_references_map_to_the_uk_dmcc_act():
    from auditor.jurisdiction import references_for
    from auditor.legal import Ref

    refs = references_for((Ref("UCPD", "Annex I no. 23b"), Ref("UCPD", "art. 7(6)")), "UK")
    assert [r.cite() for r in refs] == ["UK DMCC Act 2024 Sch. 20 para. 13 (consumer reviews)",
                                        "UK DMCC Act 2024 s. 227 (misleading omission)"]


def test_references_with_no_local_law_are_marked_as_orientation():
    from auditor.jurisdiction import references_for
    from auditor.legal import Ref

    (ref,) = references_for((Ref("IN-DP", "Annexure 1, item 3", "confirm shaming"),), "UK")
    assert "for orientation: not law under the UK profile" in ref.cite()
    (eu,) = references_for((Ref("CRD", "art. 22"),), "EU")
    assert eu.cite() == "CRD 2011/83/EU art. 22"


def test_a_shop_selling_in_roubles_in_russian_is_judged_under_the_russian_profile():
    arts = artifacts(pages=[page("/", "home", ["Доставка по Москве"], lang="ru")])
    arts.pages[0].prices.append(PriceMention(text="1 290 ₽", amount=Decimal("1290"), currency="RUB"))
    chosen, why = infer_jurisdiction(arts, None)
    assert chosen == "RU" and "RUB" in why
    assert rule("RU", "withdrawal_days") == 7 and not rule("RU", "prior_price_30_days")


def test_a_ukrainian_shop_written_in_russian_stays_ukrainian():
    arts = artifacts(pages=[page("/", "home", ["Доставка по Киеву"], lang="ru")])
    arts.pages[0].prices.append(PriceMention(text="1 290 грн", amount=Decimal("1290"), currency="UAH"))
    assert infer_jurisdiction(arts, None)[0] == "UA"
