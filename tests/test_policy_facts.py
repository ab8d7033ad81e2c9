"""Fact extraction for the policy checks in every supported language: en, de, fr, es, uk, ru, he, ar.

Each language has a realistic complete returns policy, complete delivery terms with one vague
line, and an imprint block; the tests assert what is read as present, vague and missing, and
that unrelated sentences are not read as the element.
"""

import pytest

from auditor.text.facts import Source, days_stated, extract_facts, find_fact, sentences
from auditor.text.identity import (
    address_in, country_named, email_from_href, emails_in, phone_from_href, phones_in, registration_in, trader_in,
)
from auditor.text.lexicon import lexicons
from checks.policies.delivery_terms import SPECS as DELIVERY_SPECS
from checks.policies.returns_terms import SPECS as RETURNS_SPECS

LANGS = ("en", "de", "fr", "es", "uk", "ru", "he", "ar")

RETURNS = {'en': ['You may return any item within 30 days of delivery.',
        'The 30-day period starts from the day you receive your order.',
        'Items must be unused and in their original packaging with tags attached.',
        'Return shipping is free: we send you a prepaid return label.',
        'We refund you to the original payment method within 14 days of receiving the return.',
        'To start a return, fill in the return form in your account or email returns@shop.test.',
        'You can use the model withdrawal form below, but you do not have to.'],
 'de': ['Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.',
        'Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie die Waren in Besitz genommen haben.',
        'Bitte senden Sie die Ware unbenutzt und in der Originalverpackung zurück.',
        'Sie tragen die unmittelbaren Kosten der Rücksendung der Waren.',
        'Für die Rückzahlung verwenden wir dasselbe Zahlungsmittel, das Sie bei der ursprünglichen Transaktion '
        'eingesetzt haben.',
        'Wir erstatten Ihnen alle Zahlungen unverzüglich und spätestens binnen vierzehn Tagen ab dem Tag, an dem die '
        'Mitteilung über Ihren Widerruf bei uns eingegangen ist.',
        'Um Ihr Widerrufsrecht auszuüben, müssen Sie uns mittels einer eindeutigen Erklärung über Ihren Entschluss '
        'informieren.',
        'Sie können dafür das beigefügte Muster-Widerrufsformular verwenden.'],
 'fr': ['Vous disposez de 14 jours pour retourner un article.',
        'Ce délai court à compter de la réception de votre commande.',
        "Les articles doivent être non utilisés, dans leur emballage d'origine.",
        'Les frais de retour sont à votre charge.',
        'Nous vous rembourserons par le même moyen de paiement que celui utilisé pour la commande.',
        'Le remboursement intervient sous 14 jours après réception du retour.',
        'Pour effectuer un retour, contactez-nous par e-mail.',
        'Vous pouvez utiliser le formulaire de rétractation ci-dessous.'],
 'es': ['Tienes 30 días para devolver tu pedido.',
        'El plazo se cuenta desde la recepción del pedido.',
        'Los productos deben estar sin usar y en su embalaje original.',
        'Los gastos de devolución corren a cargo del cliente.',
        'Te reembolsaremos con el mismo método de pago que utilizaste.',
        'El reembolso se realizará en un plazo de 14 días desde que recibamos la devolución.',
        'Para realizar una devolución, escríbenos a devoluciones@tienda.test.',
        'Puedes usar el formulario de desistimiento adjunto.'],
 'uk': ['Ви можете повернути товар протягом 14 днів з дня отримання замовлення.',
        'Товар повинен бути без слідів використання, зі збереженими ярликами та в оригінальній упаковці.',
        'Вартість зворотної доставки оплачує покупець, крім випадків виявлення браку.',
        'Кошти повертаються на ту саму картку, якою було здійснено оплату, протягом 14 днів.',
        'Щоб оформити повернення, напишіть нам на email або зателефонуйте.'],
 'ru': ['Вы можете вернуть товар в течение 14 дней с момента получения заказа.',
        'Товар должен быть без следов использования, в оригинальной упаковке и с ярлыками.',
        'Стоимость обратной доставки оплачивает покупатель.',
        'Деньги возвращаются на ту же карту, с которой была произведена оплата, в течение 10 дней.',
        'Чтобы оформить возврат, напишите нам на электронную почту.'],
 'he': ['ניתן לבטל את העסקה תוך 14 יום מיום קבלת המוצר.',
        'המוצר יוחזר באריזתו המקורית וללא שימוש.',
        'עלות משלוח ההחזרה תחול על הלקוח.',
        'ההחזר הכספי יבוצע לכרטיס האשראי שבו בוצע התשלום, תוך 14 ימים מקבלת הודעת הביטול.',
        'לביטול עסקה יש לשלוח הודעה בדוא"ל או בטלפון.',
        'בעת ביטול ייגבו דמי ביטול בשיעור 5% ממחיר העסקה או 100 ש"ח, הנמוך מביניהם.'],
 'ar': ['يمكنك إرجاع المنتج خلال 14 يومًا من تاريخ الاستلام.',
        'يجب أن يكون المنتج غير مستخدم وفي عبوته الأصلية.',
        'يتحمل العميل تكلفة الشحن عند الإرجاع.',
        'سيتم رد المبلغ إلى نفس وسيلة الدفع خلال 14 يومًا.',
        'لبدء الإرجاع، تواصل معنا عبر البريد الإلكتروني.']}

# (complete terms, a line that promises speed without a time)
DELIVERY = {'en': (['Standard delivery costs £3.95; delivery is free on orders over £50.',
         'Orders arrive in 2-4 working days on the mainland and 3-5 working days to the Highlands and islands.',
         'We ship with Royal Mail and DPD, or you can collect from a parcel locker.',
         'You pay in advance by card; we do not offer cash on delivery.',
         'We do not deliver to PO boxes or outside the UK.'],
        'Fast delivery to your door!'),
 'de': (['Die Versandkosten betragen 4,90 €, ab 50 € versandkostenfrei.',
         'Die Lieferzeit beträgt 2-3 Werktage innerhalb Deutschlands und 5-7 Werktage in andere EU-Länder.',
         'Wir versenden mit DHL; alternativ ist eine Abholung an der Packstation möglich.',
         'Die Zahlung erfolgt per Vorkasse oder PayPal, Nachnahme bieten wir nicht an.',
         'Wir liefern nur innerhalb Deutschlands und Österreichs, Inseln ausgenommen.'],
        'Schnelle Lieferung direkt zu Ihnen!'),
 'fr': (["Les frais de livraison sont de 4,90 €, offerts dès 60 € d'achat.",
         'Le délai de livraison est de 2 à 4 jours ouvrés en France métropolitaine et de 5 à 8 jours ouvrés pour la '
         'Corse.',
         'Nous expédions avec Colissimo ou en point relais.',
         'Paiement à la commande par carte bancaire ou PayPal.',
         'Nous ne livrons pas les DOM-TOM.'],
        'Livraison rapide partout en France !'),
 'es': (['Los gastos de envío son de 3,95 €; envío gratis en pedidos superiores a 50 €.',
         'El plazo de entrega es de 24-48 horas en península y de 3 a 5 días laborables en Baleares.',
         'Enviamos con SEUR y Correos, o puedes recoger tu pedido en un punto de recogida.',
         'Puedes pagar por adelantado con tarjeta o contra reembolso.',
         'No realizamos envíos a Canarias, Ceuta ni Melilla.'],
        '¡Envío rápido a toda España!'),
 'uk': (['Вартість доставки — за тарифами перевізника, безкоштовна доставка від 1500 грн.',
         'Термін доставки 1-3 дні по Україні.',
         'Доставляємо Новою Поштою та Укрпоштою, можливий самовивіз.',
         'Оплата при отриманні або передоплата на картку.',
         'При отриманні ви можете оглянути товар перед оплатою.',
         'Доставка на тимчасово окуповані території не здійснюється.'],
        'Швидка доставка по всій Україні!'),
 'ru': (['Стоимость доставки 300 рублей, бесплатная доставка от 3000 рублей.',
         'Срок доставки 2-5 дней по России.',
         'Доставляем курьером СДЭК или в пункт выдачи.',
         'Оплата при получении или предоплата картой.',
         'Вы можете проверить товар перед оплатой.',
         'Доставка только по России.'],
        'Быстрая доставка по всей стране!'),
 'he': (['דמי משלוח 29.90 ש"ח, משלוח חינם בקנייה מעל 300 ש"ח.',
         'זמן אספקה 3-5 ימי עסקים לכל הארץ, ו-5-7 ימי עסקים לאילת.',
         'המשלוח מתבצע באמצעות שליח עד הבית או באיסוף עצמי מנקודת חלוקה.',
         'התשלום יבוצע מראש בכרטיס אשראי.',
         'אין משלוחים ליישובים מעבר לקו הירוק.'],
        'משלוח מהיר עד הבית!'),
 'ar': (['رسوم التوصيل 25 درهمًا، والتوصيل مجاني للطلبات فوق 300 درهم.',
         'مدة التوصيل من 2 إلى 4 أيام عمل.',
         'نشحن عبر أرامكس أو يمكنك الاستلام من نقطة الاستلام.',
         'الدفع عند الاستلام متاح.',
         'لا نقوم بالتوصيل إلى المناطق النائية.'],
        'توصيل سريع إلى باب منزلك!')}

IDENTITY = {'en': ['Northwind Outfitters Ltd',
        'Unit 4, Riverside Works, Mill Lane, Kendal LA9 6NH, United Kingdom',
        'Email: hello@northwind.test',
        'Phone: 020 7946 0958',
        'Registered in England and Wales, company no. 07418825.'],
 'de': ['Lindenhof Naturwaren GmbH',
        'Lindenstraße 12, 10115 Berlin',
        'E-Mail: kontakt@lindenhof.test',
        'Telefon: +49 30 901820',
        'Handelsregister: HRB 123456 B, Amtsgericht Charlottenburg, USt-IdNr.: DE123456789'],
 'fr': ['Atelier Lumière SARL',
        '12 rue de la République, 69002 Lyon, France',
        'Courriel : bonjour@atelier.test',
        'Téléphone : +33 4 72 00 00 00',
        'RCS Lyon 123 456 789, TVA FR12123456789'],
 'es': ['Cerámica Sol S.L.',
        'Calle Mayor 15, 28013 Madrid, España',
        'Correo: hola@ceramicasol.test',
        'Teléfono: +34 910 00 00 00',
        'CIF: B12345678'],
 'uk': ['ФОП Петренко Олена Іванівна',
        'вул. Городоцька, 25, м. Львів, 79007, Україна',
        'E-mail: info@lon.test',
        'Телефон: +380 67 123 45 67',
        'РНОКПП 3123456789'],
 'ru': ['ООО «Ромашка»',
        'ул. Ленина, д. 10, г. Казань, 420111',
        'Эл. почта: info@romashka.test',
        'Телефон: +7 843 200-00-00',
        'ИНН 1655000000, ОГРН 1021602800000'],
 'he': ['אור וצל בע"מ',
        'רחוב הרצל 15, תל אביב 6701101',
        'דוא"ל: info@orvazel.test',
        'טלפון: 03-1234567',
        'ח.פ. 514123456'],
 'ar': ['شركة النور للتجارة ذ.م.م',
        'شارع الملك فهد 120، الرياض 12211، المملكة العربية السعودية',
        'البريد الإلكتروني: info@alnoor.test',
        'هاتف: +966 11 234 5678',
        'السجل التجاري: 1010123456']}
PHONE_REGION = {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "uk": "UA", "ru": "RU", "he": "IL", "ar": "SA"}
# Elements a language's sample does not state (the rest must be present).
RETURNS_ABSENT = {"en": {"cancellation_fee"}, "de": {"cancellation_fee"}, "fr": {"cancellation_fee"},
                  "es": {"cancellation_fee"}, "uk": {"withdrawal_form", "cancellation_fee"},
                  "ru": {"withdrawal_form", "cancellation_fee"}, "he": {"withdrawal_form"},
                  "ar": {"withdrawal_form", "cancellation_fee"}}
DELIVERY_ABSENT = {"en": {"inspection"}, "de": {"inspection"}, "fr": {"inspection"}, "es": {"inspection"},
                   "uk": set(), "ru": set(), "he": {"inspection"}, "ar": {"inspection"}}


def facts(specs, lines, lang):
    return extract_facts(specs, [Source("http://shop.test/p", tuple(sentences(lines)), (lang, "en"))], lexicons())


def test_every_language_has_samples():
    assert set(RETURNS) == set(DELIVERY) == set(IDENTITY) == set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_returns_elements_are_read_in_every_language(lang):
    found = facts(RETURNS_SPECS, RETURNS[lang], lang)
    present = {k for k, f in found.items() if f.status == "present"}
    assert present == {s.name for s in RETURNS_SPECS} - RETURNS_ABSENT[lang]
    assert all(found[k].quote in RETURNS[lang] for k in present), "quotes are whole sentences of the page"
    assert all(found[k].page == "http://shop.test/p" for k in present)


@pytest.mark.parametrize("lang", LANGS)
def test_returns_elements_are_missing_from_unrelated_text(lang):
    unrelated = DELIVERY[lang][0][:2]  # delivery cost and time say nothing about returns
    found = facts(RETURNS_SPECS, unrelated, lang)
    for element in ("condition", "shipping_payer", "refund_method", "refund_time", "withdrawal_form"):
        assert found[element].status == "missing", (element, found[element].quote)


@pytest.mark.parametrize("lang", LANGS)
def test_refund_time_is_read_only_from_a_sentence_about_refunds(lang):
    period_only = RETURNS[lang][:1]
    found = facts(RETURNS_SPECS, period_only, lang)
    assert found["period"].status == "present"
    assert found["refund_time"].status == "missing"


@pytest.mark.parametrize("lang", LANGS)
def test_delivery_elements_are_read_in_every_language(lang):
    lines, _vague = DELIVERY[lang]
    found = facts(DELIVERY_SPECS, lines, lang)
    present = {k for k, f in found.items() if f.status == "present"}
    assert present == {s.name for s in DELIVERY_SPECS} - DELIVERY_ABSENT[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_fast_delivery_is_vague_not_a_time(lang):
    _lines, vague = DELIVERY[lang]
    found = facts(DELIVERY_SPECS, [vague], lang)
    assert found["time"].status == "vague"
    assert found["time"].quote == vague


def test_a_time_named_without_a_number_is_vague():
    fact = find_fact("refund_time", ["returns.refund_time"], ["Refunds are processed within a reasonable time."],
                     lexicons(), ["en"], require_number=True)
    assert fact.status == "vague"
    fact = find_fact("refund_time", ["returns.refund_time"], ["Refunds are processed within 5 business days."],
                     lexicons(), ["en"], require_number=True)
    assert fact.status == "present"


@pytest.mark.parametrize("text,lang,days", [
    ("You may return any item within 30 days of delivery.", "en", [30]),
    ("30-day returns on everything", "en", [30]),
    ("binnen vierzehn Tagen ohne Angabe von Gründen", "de", [14]),
    ("Vous disposez de 14 jours pour retourner un article.", "fr", [14]),
    ("Tienes 30 días para devolver tu pedido.", "es", [30]),
    ("протягом 14 днів з дня отримання", "uk", [14]),
    ("в течение 7 дней с момента получения", "ru", [7]),
    ("תוך 14 יום מיום קבלת המוצר", "he", [14]),
    ("خلال 14 يومًا من تاريخ الاستلام", "ar", [14]),
    ("Returns accepted for 2 weeks", "en", [14]),
    ("Call 0800 123 456 or visit 12 High Street", "en", []),
])
def test_days_stated(text, lang, days):
    assert days_stated(text, lexicons(), [lang, "en"]) == days


@pytest.mark.parametrize("lang", LANGS)
def test_seller_identity_is_read_in_every_language(lang):
    lex, langs = lexicons(), [lang, "en"]
    trader, address, email, phone, registration = IDENTITY[lang]
    assert trader_in(trader, lex, langs).status == "present"
    assert address_in(address, lex, langs).status == "present"
    assert emails_in(email) == [email.split()[-1]]
    assert len(phones_in(phone, [PHONE_REGION[lang]], lenient=lex.has("seller.phone", phone, langs))) == 1
    assert registration_in(registration, lex, langs).status == "present"


@pytest.mark.parametrize("lang", LANGS)
def test_identity_lines_are_not_mistaken_for_each_other(lang):
    lex, langs = lexicons(), [lang, "en"]
    trader, address, email, phone, _registration = IDENTITY[lang]
    assert address_in(trader, lex, langs) is None
    assert address_in(email, lex, langs) is None
    assert address_in(phone, lex, langs) is None
    assert registration_in(address, lex, langs) is None
    assert emails_in(address) == [] and emails_in(phone) == []


@pytest.mark.parametrize("text", [
    "Only a limited number of jackets left",
    "Limited stock: order soon",
    "Our company ships fast",
])
def test_company_words_without_a_name_are_not_a_trader(text):
    assert trader_in(text, lexicons(), ["en"]) is None


@pytest.mark.parametrize("text", [
    "You have 30 days to return goods to our address.",  # prose with a number of days
    "Based in Kyiv",
    "Free delivery on orders over 50",
])
def test_prose_is_not_an_address(text):
    found = address_in(text, lexicons(), ["en", "uk"])
    assert found is None or found.status == "vague"


def test_address_country_from_postcode_and_names():
    lex = lexicons()
    assert address_in("Unit 4, Riverside Works, Mill Lane, Kendal LA9 6NH", lex, ["en"], "address").value == "GB"
    assert address_in("1 Market St, San Francisco, CA 94105", lex, ["en"]).value == "US"
    assert country_named("вул. Городоцька, 25, м. Львів, 79007, Україна") == "UA"
    assert country_named("רחוב הרצל 15, תל אביב, ישראל") == "IL"
    assert country_named("Lindenstraße 12, 10115 Berlin, Deutschland") == "DE"


def test_links_and_obfuscated_emails():
    assert email_from_href("mailto:hello@shop.test?subject=Hi") == "hello@shop.test"
    assert phone_from_href("tel:+441632960418") == "+441632960418"
    assert phone_from_href("tel:03-1234567", ["IL"]) == "+97231234567"
    assert emails_in("write to info [at] shop [dot] de") == ["info@shop.de"]
    assert emails_in("logo@2x.png and icon@3x.webp") == []


def test_dates_and_order_numbers_are_not_phones():
    assert phones_in("Last updated 2026-01-15, order 123456789", ["GB"]) == []


def test_the_trader_value_is_the_name_not_the_company_form():
    short = trader_in("ООО «Северная Нить»", lexicons(), ["ru"])
    assert short is not None and short.value == "ООО «Северная Нить»"
    long_line = ("Продавец: ООО «Северная Нить», действующее на основании устава, зарегистрированное в "
                 "Едином государственном реестре юридических лиц")
    found = trader_in(long_line, lexicons(), ["ru"])
    assert found is not None and found.value == "«Северная Нить»"
