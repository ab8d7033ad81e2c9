"""Hebrew and Arabic lexicons: same contract as en.toml, and realistic shop texts match.

Positive examples are what Israeli shops (KSP, Ivory, Shufersal, Terminal X, WooCommerce /
Shopify / Wix / Konimbo stores) and Arab shops (Noon, Amazon.sa/.ae, Namshi, Jarir, Extra,
Salla / Zid stores) print, including glued-on prefixes (המשלוח, للشحن), niqqud and tashkeel,
and Arabic-Indic digits. Negative examples are neutral texts that must not trip a concept,
above all the never-click action.place_order and the confirmshaming detector.
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from auditor.text.durations import parse_countdown
from auditor.text.lexicon import lexicons

LANGS = ("he", "ar")


def _raw(lang: str) -> dict:
    return tomllib.loads(resources.files("auditor").joinpath("lexicons", f"{lang}.toml").read_text("utf-8"))


def _concept_keys(lang: str) -> list[str]:
    """Concept keys in file order, as the loader names them."""
    out: list[str] = []

    def walk(prefix: str, table: dict) -> None:
        for key, value in table.items():
            if not isinstance(value, dict):
                continue
            name = f"{prefix}.{key}" if prefix else key
            if "terms" in value or "patterns" in value:
                out.append(name)
            walk(name, value)

    walk("", _raw(lang)["concepts"])
    return out


def _header(lang: str) -> dict:
    return {k: v for k, v in _raw(lang).items() if k != "concepts"}


def _hits(concept: str, text: str, lang: str) -> list[str]:
    return [h.term for h in lexicons().find(concept, text, langs=[lang])]


# ---------------------------------------------------------------- the contract

@pytest.mark.parametrize("lang", LANGS)
def test_header_fields(lang: str) -> None:
    head = _header(lang)
    assert set(head) == set(_header("en"))
    assert head["lang"] == lang
    assert head["dir"] == "rtl"
    assert head["name"]


def test_clitics_cover_the_glued_prefixes() -> None:
    he = set(_header("he")["clitics"])
    assert {"ו", "ה", "ב", "ל", "מ", "ש", "כ", "וה", "שה", "מה", "לה", "וב", "ול"} <= he
    ar = set(_header("ar")["clitics"])
    assert {"و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "فال"} <= ar


@pytest.mark.parametrize("lang", LANGS)
def test_concept_keys_equal_english(lang: str) -> None:
    lex = lexicons()
    assert lang in lex.languages
    assert lex.by_lang[lang].concepts() == lex.by_lang["en"].concepts()
    # Same order as en.toml, so the files can be read side by side.
    assert _concept_keys(lang) == _concept_keys("en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_concept_compiles_and_has_terms(lang: str) -> None:
    lex = lexicons()
    lx = lex.by_lang[lang]
    for concept in sorted(lx.concepts()):
        lex.find(concept, "x", langs=[lang])  # compiles every term and pattern of the concept
        assert lx.terms.get(concept) or lx.patterns.get(concept), concept


@pytest.mark.parametrize("lang", LANGS)
def test_no_duplicate_terms(lang: str) -> None:
    lx = lexicons().by_lang[lang]
    for concept, terms in lx.terms.items():
        assert len(terms) == len(set(terms)), concept


# ---------------------------------------------------------------- positives

HE_POSITIVE = [
    # scarcity
    ("scarcity", "נותרו רק 3 יחידות במלאי!"),
    ("scarcity", "נשארו 2 יחידות אחרונות"),
    ("scarcity", "מלאי מוגבל – מהרו"),
    ("scarcity", "עד גמר המלאי"),
    ("scarcity", "כמעט אזל מהמלאי"),
    ("scarcity", "רק 4 פריטים במלאי"),
    # urgency, with niqqud
    ("urgency", "המבצע מסתיים בעוד 02:14:33"),
    ("urgency", "לזמן מוגבל בלבד!"),
    ("urgency", "אל תפספסו את ההזדמנות"),
    ("urgency", "מבצע בזק"),
    ("urgency", "מִהֲרוּ לִרְכֹּשׁ"),
    # social proof
    ("social_proof", "15 אנשים צופים במוצר כרגע"),
    ("social_proof", "דנה מחיפה רכשה לפני 5 דקות"),
    ("social_proof", "רב־מכר"),  # with a maqaf
    ("social_proof", "נמכרו 120 יחידות ב-24 השעות האחרונות"),
    ("social_proof", "הנמכרים ביותר"),
    # confirmshaming
    ("confirmshaming", "לא תודה, אני אוהב לשלם יותר"),
    ("confirmshaming", "לא תודה, אני מעדיפה לשלם מחיר מלא"),
    ("confirmshaming", "אני מוותר על ההנחה"),
    ("confirmshaming", "לא, אני לא רוצה לחסוך"),
    ("confirmshaming", "אני אוהב/ת לשלם יותר"),
    # the never-click order button: every way to say it
    ("action.place_order", "לביצוע הזמנה"),
    ("action.place_order", "לתשלום"),
    ("action.place_order", "שלם עכשיו"),
    ("action.place_order", "אישור הזמנה"),
    ("action.place_order", "בצע הזמנה"),
    ("action.place_order", "קנה עכשיו"),
    ("action.place_order", "השלמת הזמנה"),
    ("action.place_order", "לקופה"),
    ("action.place_order", "המשך לתשלום"),
    ("action.place_order", "תשלום ₪249.90"),
    ("action.place_order", "אישור ותשלום"),
    ("action.place_order", "הזמינו עכשיו"),
    ("action.place_order", "בַּצֵּעַ הַזְמָנָה"),
    ("action.place_order", "תשלום"),
    ("action.place_order", "שלם ₪120"),
    # add to cart, view cart, checkout
    ("action.add_to_cart", "הוספה לסל"),
    ("action.add_to_cart", "הוסף לסל"),
    ("action.add_to_cart", "הוסיפו לעגלה"),
    ("action.add_to_cart", "הוספה לעגלת הקניות"),
    ("action.add_to_cart", "הוֹסֵף לַסַּל"),
    ("action.view_cart", "מעבר לסל"),
    ("action.view_cart", "סל הקניות (3)"),
    ("action.checkout", "לקופה"),
    ("action.checkout", "מעבר לקופה"),
    ("action.checkout", "המשך לתשלום"),
    # policy pages, with clitics
    ("policy.returns", "מדיניות החזרות"),
    ("policy.returns", "החזרות והחלפות"),
    ("policy.returns", "ביטול עסקה"),
    ("policy.returns", "להחזרת מוצרים"),
    ("policy.delivery", "משלוחים"),
    ("policy.delivery", "מדיניות המשלוחים"),
    ("policy.delivery", "זמני אספקה"),
    # prices
    ("price.shipping", "דמי משלוח: ₪29.90"),
    ("price.shipping", "המשלוח"),
    ("price.shipping", "ומשלוח"),
    ("price.shipping_free", "משלוח חינם עד הבית"),
    ("price.tax_included", "המחיר כולל מע״מ"),  # gershayim, normalised to "
    ("price.tax_included", 'כולל מע"מ'),
    ("price.tax_included", "כולל 18% מע״מ"),
    ("price.tax_included", "כולל ₪12.34 מע״מ"),
    ("price.tax_included", 'כל המחירים באתר כוללים מע"מ'),
    ("price.tax_excluded", "המחירים אינם כוללים מע״מ"),
    ("price.tax", "מע״מ"),
    ("price.prior_30d", "המחיר הנמוך ביותר ב-30 הימים האחרונים: ₪199"),
    ("price.total", 'סה"כ לתשלום'),
    ("price.subtotal", "סכום ביניים"),
    ("price.was", "במקום ₪299"),
    ("price.per_unit", "₪12.90 ל-100 גרם"),
    # promotions, with ₪ / ש"ח / שקל
    ("promo", "קוד קופון SALE20"),
    ("promo", "20% הנחה על כל האתר"),
    ("promo", "50 ש״ח הנחה"),
    ("promo", "₪100 הנחה בקנייה מעל ₪500"),
    ("promo", "1+1 על כל המותגים"),
    ("promo", "השני בחצי מחיר"),
    ("promo_condition.min_spend", "בקנייה מעל 300 ₪"),
    ("promo_condition.min_spend", 'משלוח חינם בהזמנה מעל 199 ש"ח'),
    ("promo_condition.min_spend", "מינימום הזמנה 100 ₪"),
    ("promo_condition.exclusions", "אין כפל מבצעים"),
    ("promo_condition.link", "בכפוף לתקנון"),
    ("promo_rejection", "הקופון אינו תקף"),
    # stock
    ("stock.in", "במלאי"),
    ("stock.in", "זמין במלאי"),
    ("stock.in", "קיים במלאי"),
    ("stock.in", "זמין למשלוח מיידי"),
    ("stock.out", "אזל מהמלאי"),
    ("stock.out", "אזל"),
    ("stock.out", "לא במלאי"),
    ("stock.out", "אינו זמין כעת"),
    ("stock.out", "עדכנו אותי כשחוזר למלאי"),
    ("stock.cart_refused", "אין מספיק מלאי"),
    ("stock.preorder", "הזמנה מוקדמת"),
    # the Israeli cancellation right
    ("returns.period", "ניתן לבטל את העסקה תוך 14 יום מיום קבלת המוצר"),
    ("returns.period", "תוך 14 ימים"),
    ("returns.period_start", "מיום קבלת המוצר"),
    ("returns.refund", "החזר כספי מלא"),
    ("returns.withdrawal_form", "בהתאם לחוק הגנת הצרכן"),
    ("returns.withdrawal_form", "זכות ביטול עסקה"),
    ("cancellation_barrier", 'דמי ביטול בשיעור 5% או 100 ש"ח, לפי הנמוך'),
    ("policy.cancellation", "לביטול עסקה"),
    # delivery
    ("delivery.cash_on_delivery", "תשלום במזומן לשליח"),
    ("delivery.pickup", "איסוף עצמי מהחנות"),
    ("delivery.carrier", "באמצעות דואר ישראל"),
    ("delivery.region", "למעט אילת והערבה"),
    ("delivery.time", "3-5 ימי עסקים"),
    # seller identity
    ("seller.company_form", 'ק.ס.פ. בע"מ'),
    ("seller.company_form", "שופרסל בע״מ"),
    ("seller.company_form", "עוסק מורשה"),
    ("seller.registration", "ח.פ. 515123456"),
    ("seller.registration", "ע.מ. 034567890"),
    ("seller.registration", "עוסק מורשה 034567890"),
    ("seller.registration", 'ח"פ 512345678'),
    # the rest of the contract
    ("decline_neutral", "לא תודה"),
    ("decline_neutral", "לא"),
    ("negation", "אני לא מעוניין"),
    ("negation", "אל תשלחו לי"),
    ("page.cart", "סל הקניות"),
    ("page.checkout", "פרטי חיוב"),
    ("subscription", "₪49 לחודש"),
    ("subscription", "חידוש אוטומטי"),
    ("contact_opt_out", "אינני מעוניין לקבל דברי פרסומת"),
    ("time.days", "ימים"),
    ("time.hours", "שעות"),
    ("time.minutes", "דקות"),
    ("time.seconds", "שניות"),
]

AR_POSITIVE = [
    # scarcity, with Arabic-Indic digits and tashkeel
    ("scarcity", "باقي ٣ قطع فقط"),
    ("scarcity", "لم يتبق سوى ٢ في المخزون"),
    ("scarcity", "الكمية محدودة"),
    ("scarcity", "أوشك على النفاد"),
    ("scarcity", "حتى نفاد الكمية"),
    ("scarcity", "تبقى 5 فقط - اطلب الآن"),
    ("scarcity", "يُبَاعُ بِسُرْعَة"),
    # urgency
    ("urgency", "ينتهي العرض خلال ٠٢:١٤:٣٣"),
    ("urgency", "لفترة محدودة"),
    ("urgency", "لا تفوّت الفرصة"),
    ("urgency", "عروض فلاش"),
    ("urgency", "سارعوا بالطلب"),
    # social proof
    ("social_proof", "١٥ شخصاً يشاهدون هذا المنتج الآن"),
    ("social_proof", "الأكثر مبيعًا"),
    ("social_proof", "تم شراء أكثر من 1 ألف في الشهر الماضي"),
    ("social_proof", "اشترى محمد من الرياض منذ 5 دقائق"),
    # confirmshaming, MSA and dialect, with and without hamza
    ("confirmshaming", "لا شكراً، لا أريد التوفير"),
    ("confirmshaming", "لا شكرا، لا اريد التوفير"),
    ("confirmshaming", "أفضّل دفع السعر الكامل"),
    ("confirmshaming", "لا، لا أحتاج إلى خصم"),
    ("confirmshaming", "مش عايز أوفر"),
    ("confirmshaming", "ما أبغى خصم"),
    ("confirmshaming", "لا اريد الشحن المجاني"),
    # the never-click order button: every way to say it
    ("action.place_order", "إتمام الطلب"),
    ("action.place_order", "اتمام الطلب"),
    ("action.place_order", "تأكيد الطلب"),
    ("action.place_order", "تاكيد الطلب"),
    ("action.place_order", "ادفع الآن"),
    ("action.place_order", "الدفع"),
    ("action.place_order", "اشتر الآن"),
    ("action.place_order", "اشترِ الآنَ"),
    ("action.place_order", "إتمام الشراء"),
    ("action.place_order", "أكمل الطلب"),
    ("action.place_order", "ادفع ٢٤٩ ر.س"),
    ("action.place_order", "تأكيد ودفع"),
    ("action.place_order", "اطلب الآن"),
    ("action.place_order", "إرسال الطلب"),
    ("action.place_order", "تقديم طلبك"),
    ("action.place_order", "اشتري الان"),
    ("action.place_order", "إكمال الطلبية"),
    ("action.place_order", "لإتمام الطلب"),
    ("action.place_order", "اكد وادفع"),
    # add to cart, view cart, checkout
    ("action.add_to_cart", "أضف إلى السلة"),
    ("action.add_to_cart", "اضف الى السله"),
    ("action.add_to_cart", "إضافة للسلة"),
    ("action.add_to_cart", "أضف إلى عربة التسوق"),
    ("action.add_to_cart", "أَضِفْ إِلَى السَّلَّةِ"),
    ("action.add_to_cart", "أضف للحقيبة"),
    ("action.view_cart", "عرض السلة"),
    ("action.view_cart", "السلة (2)"),
    ("action.view_cart", "الذهاب إلى السلة"),
    ("action.checkout", "إتمام الطلب"),
    ("action.checkout", "المتابعة إلى الدفع"),
    ("action.checkout", "الدفع"),
    ("action.checkout", "الانتقال الى الدفع"),
    # policy pages
    ("policy.returns", "سياسة الاستبدال والاسترجاع"),
    ("policy.returns", "الإرجاع والاستبدال"),
    ("policy.returns", "سياسة الارجاع"),
    ("policy.returns", "للإرجاع"),
    ("policy.delivery", "الشحن والتوصيل"),
    ("policy.payment", "طرق الدفع: مدى، فيزا، تمارا، تابي"),
    # prices, with and without the article
    ("price.shipping", "رسوم الشحن: ٢٥ ر.س"),
    ("price.shipping", "الشحن"),
    ("price.shipping", "للشحن"),
    ("price.shipping", "تكلفة التوصيل"),
    ("price.shipping_free", "شحن مجاني"),
    ("price.shipping_free", "الشحن مجاني"),
    ("price.shipping_free", "التوصيل المجاني"),
    ("price.shipping_free", "شحن مجانى لكل الطلبات"),
    ("price.shipping_rule", "شحن مجاني للطلبات فوق ٢٠٠ ر.س"),
    ("price.tax_included", "شامل الضريبة"),
    ("price.tax_included", "السعر شامل ضريبة القيمة المضافة"),
    ("price.tax_included", "الأسعار شاملة ضريبة القيمة المضافة 15%"),
    ("price.tax", "ضريبة القيمة المضافة (15%)"),
    ("price.tax_excluded", "غير شامل الضريبة"),
    ("price.prior_30d", "أقل سعر خلال آخر 30 يوماً: 199 ر.س"),
    ("price.prior_30d", "أدنى سعر خلال الـ 30 يوما الماضية"),
    ("price.total", "الإجمالي"),
    ("price.subtotal", "المجموع الفرعي"),
    ("price.per_unit", "١٢٫٥٠ ر.س للكيلو"),
    ("price.fee", "رسوم الدفع عند الاستلام"),
    # promotions, with ر.س / د.إ / ج.م / ٪
    ("promo", "خصم ٢٠٪"),
    ("promo", "كود الخصم: SAVE10"),
    ("promo", "خصم 50 ر.س"),
    ("promo", "خصم 100 درهم"),
    ("promo", "خصم 30 د.إ"),
    ("promo", "خصم 20 جنيه"),
    ("promo", "اشتر 1 واحصل على 1 مجانا"),
    ("promo_condition.min_spend", "للطلبات فوق 200 ريال"),
    ("promo_condition.min_spend", "عند الشراء بقيمة ٣٠٠ ر.س"),
    ("promo_condition.min_spend", "الحد الأدنى للطلب 100 درهم"),
    ("promo_condition.min_spend", "للطلبات أكثر من 500 ج.م"),
    ("promo_condition.per_customer", "مرة واحدة لكل عميل"),
    ("promo_condition.link", "تطبق الشروط والأحكام"),
    ("promo_rejection", "الكوبون غير صالح"),
    # stock
    ("stock.in", "متوفر"),
    ("stock.in", "متوفر في المخزون"),
    ("stock.in", "متاح الآن"),
    ("stock.in", "جاهز للشحن"),
    ("stock.out", "نفدت الكمية"),
    ("stock.out", "نفذت الكمية"),
    ("stock.out", "غير متوفر حالياً"),
    ("stock.out", "أعلمني عند التوفر"),
    ("stock.cart_refused", "الكمية المطلوبة غير متوفرة"),
    ("stock.preorder", "طلب مسبق"),
    # returns (Saudi E-Commerce Law wording)
    ("returns.period", "يمكنك إرجاع المنتج خلال ٧ أيام من تاريخ الاستلام"),
    ("returns.period", "خلال 14 يوماً"),
    ("returns.period_start", "من تاريخ الاستلام"),
    ("returns.condition", "بحالته الأصلية"),
    ("returns.condition", "في عبوته الاصلية"),
    ("returns.refund", "سيتم استرداد المبلغ إلى بطاقتك"),
    ("returns.withdrawal_form", "وفقاً لنظام التجارة الإلكترونية"),
    ("returns.no_returns", "البضاعة المباعة لا ترد ولا تستبدل"),
    # delivery
    ("delivery.cash_on_delivery", "الدفع عند الاستلام"),
    ("delivery.cash_on_delivery", "الدفع عند الإستلام"),
    ("delivery.cash_on_delivery", "ادفع نقداً عند التوصيل"),
    ("delivery.cash_on_delivery", "والدفع عند التسليم"),
    ("delivery.carrier", "الشحن عبر سمسا"),
    ("delivery.pickup", "الاستلام من الفرع"),
    ("delivery.inspection", "المعاينة قبل الاستلام"),
    ("delivery.time", "التوصيل خلال ٣-٥ أيام عمل"),
    # seller identity
    ("seller.company_form", "شركة نون ذ.م.م"),
    ("seller.company_form", "شركة ذات مسؤولية محدودة"),
    ("seller.company_form", "ش.م.م"),
    ("seller.registration", "السجل التجاري: ١٠١٠٢٣٤٥٦٧"),
    ("seller.registration", "الرقم الضريبي: 300012345600003"),
    ("seller.registration", "س.ت 1010234567"),
    ("seller.registration", "رقم الرخصة التجارية"),
    # the rest of the contract
    ("decline_neutral", "لا شكرا"),
    ("decline_neutral", "لا،شكرا"),
    ("decline_neutral", "لا"),
    ("negation", "لا أرغب"),
    ("page.cart", "سلة التسوق"),
    ("page.checkout", "تفاصيل الفاتورة"),
    ("subscription", "يتجدد تلقائياً"),
    ("contact_opt_out", "لا أرغب في تلقي رسائل تسويقية"),
    ("time.days", "أيام"),
    ("time.hours", "ساعات"),
    ("time.minutes", "دقائق"),
    ("time.seconds", "ثواني"),
]


@pytest.mark.parametrize(("concept", "text"), HE_POSITIVE)
def test_hebrew_positive(concept: str, text: str) -> None:
    assert lexicons().find(concept, text, langs=["he"]), (concept, text)


@pytest.mark.parametrize(("concept", "text"), AR_POSITIVE)
def test_arabic_positive(concept: str, text: str) -> None:
    assert lexicons().find(concept, text, langs=["ar"]), (concept, text)


def test_enough_positive_examples_across_the_important_concepts() -> None:
    important = {
        "scarcity", "urgency", "social_proof", "confirmshaming", "action.place_order",
        "action.add_to_cart", "action.checkout", "policy.returns", "policy.delivery",
        "price.shipping", "price.tax_included", "price.prior_30d", "promo",
        "promo_condition.min_spend", "stock.in", "stock.out", "returns.period",
        "delivery.cash_on_delivery", "seller.company_form", "seller.registration",
    }
    for examples in (HE_POSITIVE, AR_POSITIVE):
        assert len(examples) >= 40
        assert important <= {c for c, _ in examples}


# ---------------------------------------------------------------- negatives

HE_NEGATIVE = [
    # a neutral decline is not confirmshaming
    ("confirmshaming", "לא תודה"),
    ("confirmshaming", "לא, תודה"),
    ("confirmshaming", "אולי מאוחר יותר"),
    ("confirmshaming", "סגור"),
    # buttons the journey must be free to press are not the order button
    ("action.place_order", "הוסף לסל"),
    ("action.place_order", "הוספה לסל"),
    ("action.place_order", "המשך בקניות"),
    ("action.place_order", "מעבר לסל"),
    ("action.place_order", "החל קופון"),
    ("action.place_order", "התחברות"),
    ("action.place_order", "משלוח בתשלום"),  # a paid shipping option, not payment
    # add-to-cart buttons are not view-cart buttons (classify.py relies on it)
    ("action.view_cart", "הוסף לסל"),
    ("action.view_cart", "הוספה לסל הקניות"),
    ("action.add_to_cart", "לקופה"),
    # negated phrases
    ("price.tax_included", 'המחיר לא כולל מע"מ'),
    ("price.tax_included", "המחירים אינם כוללים מע״מ"),
    ("stock.in", "לא במלאי"),
    ("stock.in", "אזל במלאי"),
    ("stock.in", "לא קיים במלאי"),
    ("stock.in", "אינו זמין"),
    # short words the clitics could turn into something else
    ("price.tax", "מס' הזמנה 12345"),
    ("decline_neutral", "מחיר מלא"),
    ("negation", "מחיר מלא"),
    ("negation", "שאל אותנו"),
    ("seller.registration", 'ע"מ לבצע הזמנה'),  # ע"מ = על מנת, not a dealer number
    ("price.shipping", "כתובת דואר אלקטרוני"),
    ("subscription", "12 חודשי אחריות"),
    ("returns.refund", "החזרה תוך 14 יום"),  # returning goods, not refunding money
    ("delivery.region", "האזור האישי"),
    ("urgency", "המשלוח הגיע מהר"),
    ("scarcity", "המחיר הנמוך ביותר ב-30 הימים האחרונים"),
]

AR_NEGATIVE = [
    # a neutral decline is not confirmshaming
    ("confirmshaming", "لا شكراً"),
    ("confirmshaming", "لا، شكرا"),
    ("confirmshaming", "ليس الآن"),
    ("confirmshaming", "إغلاق"),
    # buttons the journey must be free to press are not the order button
    ("action.place_order", "أضف إلى السلة"),
    ("action.place_order", "اضافة للسلة"),
    ("action.place_order", "متابعة التسوق"),
    ("action.place_order", "عرض السلة"),
    ("action.place_order", "تسجيل الدخول"),
    ("action.place_order", "تطبيق الكوبون"),
    # add-to-cart buttons are not view-cart buttons (classify.py relies on it)
    ("action.view_cart", "أضف إلى السلة"),
    ("action.view_cart", "إضافة إلى سلة التسوق"),
    ("action.add_to_cart", "إتمام الطلب"),
    # negated phrases
    ("price.tax_included", "غير شامل الضريبة"),
    ("price.tax_included", "الأسعار لا تشمل الضريبة"),
    ("stock.in", "غير متوفر"),
    ("stock.in", "غير متوفر في المخزون"),
    ("stock.in", "لم يعد متوفرا"),
    ("stock.in", "نفد من المخزون"),
    ("stock.in", "متوفر قريبا"),
    # words that only look like a concept
    ("urgency", "أسرع توصيل في المملكة"),  # "fastest", not "hurry"
    ("scarcity", "أقل سعر خلال آخر 30 يوم"),
    ("policy.returns", "استرجاع كلمة المرور"),
    ("policy.contact", "تابعنا على وسائل التواصل الاجتماعي"),
    ("action.register", "السجل التجاري"),
    ("stock.out", "نفذ الطلب"),
    ("subscription", "قسمها على 4 دفعات شهرية"),
    ("consent", "البريد الإلكتروني"),
    ("time.hours", "بس"),
    ("decline_neutral", "بلا رسوم"),
    ("returns.refund", "خلال 7 أيام"),
]


@pytest.mark.parametrize(("concept", "text"), HE_NEGATIVE)
def test_hebrew_negative(concept: str, text: str) -> None:
    assert not _hits(concept, text, "he"), (concept, text, _hits(concept, text, "he"))


@pytest.mark.parametrize(("concept", "text"), AR_NEGATIVE)
def test_arabic_negative(concept: str, text: str) -> None:
    assert not _hits(concept, text, "ar"), (concept, text, _hits(concept, text, "ar"))


def test_enough_negative_examples() -> None:
    assert len(HE_NEGATIVE) >= 15
    assert len(AR_NEGATIVE) >= 15


# ---------------------------------------------------------------- safety and structure

@pytest.mark.parametrize(("lang", "text"), [
    ("he", "לקופה"), ("he", "לתשלום"), ("he", "המשך לתשלום"), ("he", "להזמנה"),
    ("ar", "إتمام الطلب"), ("ar", "إتمام الشراء"), ("ar", "الدفع"), ("ar", "متابعة الدفع"),
])
def test_go_to_checkout_wording_is_also_never_clicked(lang: str, text: str) -> None:
    """Phrases used both for "go to checkout" and for the final step are in both concepts."""
    assert _hits("action.checkout", text, lang)
    assert _hits("action.place_order", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("he", "הוסף לסל"), ("he", "הוספה לסל"), ("he", "הוסיפו לעגלה"),
    ("ar", "أضف إلى السلة"), ("ar", "اضف للسلة"), ("ar", "إضافة إلى عربة التسوق"),
])
def test_add_to_cart_buttons_are_recognised_and_safe(lang: str, text: str) -> None:
    assert _hits("action.add_to_cart", text, lang)
    assert not _hits("action.view_cart", text, lang)
    assert not _hits("action.place_order", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("he", "קנה עכשיו"), ("he", "קנו עכשיו"), ("he", "קנייה עכשיו"), ("he", "רכישה מהירה"),
    ("ar", "اشتر الآن"), ("ar", "اشتري الآن"), ("ar", "اطلب الآن"), ("ar", "شراء الآن"), ("ar", "تأكيد الطلب"),
])
def test_buy_now_is_not_add_to_cart(lang: str, text: str) -> None:
    """A product-page label passes the journey's guard only if it also reads as add-to-cart;
    "buy now" (which submits the order form on cash-on-delivery landing pages) must not."""
    assert _hits("action.place_order", text, lang)
    assert not _hits("action.add_to_cart", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("he", "שלם עכשיו"), ("he", "קנה עכשיו"), ("he", "אישור ותשלום"),
    ("ar", "ادفع الآن"), ("ar", "اشتر الآن"), ("ar", "شراء الآن"), ("ar", "الدفع الآن"),
])
def test_pay_now_on_the_cart_is_not_checkout_wording(lang: str, text: str) -> None:
    """On a cart page the guard refuses pay-now wording unless it also says checkout."""
    assert _hits("action.place_order", text, lang)
    assert _hits("action.pay_now_wording", text, lang)
    assert not _hits("action.checkout", text, lang)


def test_clitic_forms_match_the_bare_term() -> None:
    for text in ("משלוח", "המשלוח", "ומשלוח", "למשלוח", "שהמשלוח"):
        assert _hits("policy.delivery", text, "he"), text
    for text in ("شحن", "الشحن", "والشحن", "للشحن", "بالشحن", "فالشحن"):
        assert _hits("price.shipping", text, "ar"), text


@pytest.mark.parametrize(("lang", "text", "seconds"), [
    ("he", "2 ימים 14 שעות 33 דקות 12 שניות", 2 * 86400 + 14 * 3600 + 33 * 60 + 12),
    ("he", "נותרו 3 ימים 05:06:07", 3 * 86400 + 5 * 3600 + 6 * 60 + 7),
    ("he", "1 שעה 30 דקות", 5400),
    ("ar", "٢ يوم ١٤ ساعة ٣٣ دقيقة ١٢ ثانية", 2 * 86400 + 14 * 3600 + 33 * 60 + 12),
    ("ar", "٣ أيام ٠٥:٠٦:٠٧", 3 * 86400 + 5 * 3600 + 6 * 60 + 7),
    ("ar", "10 ساعات 5 دقائق", 36300),
    ("ar", "02 س 14 د 33 ث", 2 * 3600 + 14 * 60 + 33),
])
def test_countdown_units_parse(lang: str, text: str, seconds: int) -> None:
    assert parse_countdown(text, lexicons(), [lang]) == seconds
