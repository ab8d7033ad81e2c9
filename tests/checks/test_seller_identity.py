"""seller-identity on hand-made pages: imprint pages, footers, links and structured data."""

from auditor.artifacts import Box, Link, StructuredData, TextBlock
from checks.policies.seller_identity import SellerIdentity
from tests.builders import BASE, artifacts, judge, page

IMPRINT_EN = [
    "Contact us",
    "Northwind Outfitters Ltd",
    "Unit 4, Riverside Works, Mill Lane, Kendal LA9 6NH, United Kingdom",
    "Email: hello@northwind.test",
    "Phone: 020 7946 0958",
    "Registered in England and Wales, company no. 07418825.",
]
IMPRESSUM_DE = [
    "Impressum",
    "Lindenhof Naturwaren GmbH",
    "Lindenstraße 12, 10115 Berlin",
    "E-Mail: kontakt@lindenhof.test",
    "Telefon: +49 30 901820",
    "Handelsregister: HRB 123456 B, Amtsgericht Charlottenburg",
]
KONTAKTY_UK = [
    "Контакти",
    "ФОП Петренко Олена Іванівна",
    "вул. Городоцька, 25, м. Львів, 79007, Україна",
    "E-mail: info@lon.test",
    "РНОКПП 3123456789",
]
HE_CONTACT = [
    "צור קשר",
    "אור וצל בע\"מ",
    "רחוב הרצל 15, תל אביב 6701101",
    "ח.פ. 514123456",
]


def contact(texts, lang="en", path="/contact"):
    return page(path, "policy", texts, lang=lang, policy_kinds=["contact"])


def keys(result):
    return {f.key for f in result.findings}


def test_complete_english_contact_page_passes():
    result = judge(SellerIdentity, artifacts(pages=[contact(IMPRINT_EN)]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    table = result.details["elements"]
    assert table["email"]["value"] == "hello@northwind.test"
    assert table["phone"]["value"] == "+442079460958"
    assert table["address"]["quote"].startswith("Unit 4")
    assert table["registration"]["status"] == "present" and not table["registration"]["required"]


def test_complete_german_impressum_passes():
    result = judge(SellerIdentity, artifacts(pages=[contact(IMPRESSUM_DE, "de", "/impressum")]))
    assert result.verdict == "pass", [f.message for f in result.findings]


def test_missing_address_and_phone_are_reported():
    texts = [IMPRINT_EN[0], IMPRINT_EN[1], IMPRINT_EN[3]]
    result = judge(SellerIdentity, artifacts(pages=[contact(texts)]))
    assert result.verdict == "fail"
    assert keys(result) == {"address", "phone"}
    assert all(f.url == "http://shop.test/contact" for f in result.findings)


def test_a_po_box_is_not_a_geographic_address():
    texts = IMPRINT_EN[:2] + ["PO Box 123, London SW1A 1AA"] + IMPRINT_EN[3:]
    result = judge(SellerIdentity, artifacts(pages=[contact(texts)]))
    assert keys(result) == {"address"}
    assert "only part of" in result.findings[0].message


def test_footer_company_line_and_links_identify_the_seller():
    footer = [TextBlock(text="© 2026 Northwind Outfitters Ltd. Registered in England, company no. 07418825.",
                        locator="footer p", region="footer"),
              TextBlock(text="Unit 4, Riverside Works, Mill Lane, Kendal LA9 6NH", locator="footer address",
                        tag="address", region="footer")]
    links = [Link(href="mailto:hello@northwind.test", text="hello@northwind.test", region="footer"),
             Link(href="tel:+441632960418", text="01632 960 418", region="footer")]
    home = page("/", "home", ["Welcome"])
    home.text_blocks += footer
    home.links += links
    result = judge(SellerIdentity, artifacts(pages=[home]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert result.details["elements"]["phone"]["value"] == "+441632960418"


def test_structured_data_organization_counts():
    org = {"@context": "https://schema.org", "@type": "Organization", "legalName": "Acme Trading Ltd",
           "email": "info@acme.test", "telephone": "+44 20 7946 0000",
           "address": {"@type": "PostalAddress", "streetAddress": "1 High Street", "postalCode": "AB1 2CD",
                       "addressLocality": "Aberdeen", "addressCountry": "GB"}}
    home = page("/", "home", ["Welcome"], structured_data=StructuredData(json_ld=[org]))
    result = judge(SellerIdentity, artifacts(pages=[home]))
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert "structured data" in result.details["elements"]["trader"]["quote"]


def test_ukrainian_profile_requires_registration_and_email_not_phone():
    result = judge(SellerIdentity, artifacts(pages=[contact(KONTAKTY_UK, "uk", "/kontakty")]), jurisdiction="UA")
    assert result.verdict == "pass", [f.message for f in result.findings]
    without = [t for t in KONTAKTY_UK if "РНОКПП" not in t]
    result = judge(SellerIdentity, artifacts(pages=[contact(without, "uk", "/kontakty")]), jurisdiction="UA")
    assert keys(result) == {"registration"}


def test_a_tax_number_is_not_read_as_a_phone_number():
    result = judge(SellerIdentity, artifacts(pages=[contact(KONTAKTY_UK, "uk", "/kontakty")]), jurisdiction="EU")
    assert "phone" in keys(result)


def test_israeli_profile_requires_name_address_and_company_number():
    result = judge(SellerIdentity, artifacts(pages=[contact(HE_CONTACT, "he", "/contact")]), jurisdiction="IL")
    assert result.verdict == "pass", [f.message for f in result.findings]
    result = judge(SellerIdentity, artifacts(pages=[contact(HE_CONTACT[:3], "he", "/contact")]), jurisdiction="IL")
    assert keys(result) == {"registration"}


def test_california_requires_legal_name_and_street_address():
    texts = ["About", "Golden Gate Goods LLC", "1 Market St, San Francisco, CA 94105"]
    result = judge(SellerIdentity, artifacts(pages=[contact(texts)]), jurisdiction="US-CA")
    assert result.verdict == "pass", [f.message for f in result.findings]
    result = judge(SellerIdentity, artifacts(pages=[contact(texts[:2])]), jurisdiction="US-CA")
    assert keys(result) == {"address"}


def test_shop_with_no_identity_anywhere_fails_on_every_required_element():
    result = judge(SellerIdentity, artifacts(pages=[page("/", "home", ["Welcome to our shop"])]))
    assert keys(result) == {"trader", "address", "email", "phone"}
    assert all(f.url == BASE + "/" for f in result.findings)


def test_linked_but_unvisited_contact_page_is_not_assessed():
    arts = artifacts(pages=[page("/", "home", ["Welcome"])],
                     skipped=[{"url": "http://shop.test/contact", "reason": "page budget (--max-pages) reached"}])
    assert judge(SellerIdentity, arts).verdict == "not-assessed"


def test_blocks_carry_boxes_for_evidence():
    # Findings point at the contact page; the element table keeps where each detail was read.
    block = TextBlock(text="Email: hello@northwind.test", locator="main p", box=Box(x=0, y=0, width=10, height=10))
    pg = contact(["Contact"])
    pg.text_blocks.append(block)
    result = judge(SellerIdentity, artifacts(pages=[pg]))
    assert result.details["elements"]["email"]["page"] == "http://shop.test/contact"
