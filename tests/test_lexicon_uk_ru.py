"""Ukrainian and Russian lexicons: same contract as en.toml, and realistic shop texts match.

Positive examples are what Ukrainian/Russian shops print (Rozetka, Prom.ua, Epicentr, Comfy,
Ozon, Wildberries, WooCommerce/OpenCart/Horoshop stores), including inflected forms. Negative
examples are neutral texts that must not trip a concept, above all the never-click
action.place_order and the confirmshaming detector.
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from auditor.text.durations import parse_countdown
from auditor.text.lexicon import lexicons

LANGS = ("uk", "ru")


def _concept_keys(lang: str) -> list[str]:
    """Concept keys in file order, as the loader names them."""
    raw = tomllib.loads(resources.files("auditor").joinpath("lexicons", f"{lang}.toml").read_text("utf-8"))
    out: list[str] = []

    def walk(prefix: str, table: dict) -> None:
        for key, value in table.items():
            if not isinstance(value, dict):
                continue
            name = f"{prefix}.{key}" if prefix else key
            if "terms" in value or "patterns" in value:
                out.append(name)
            walk(name, value)

    walk("", raw["concepts"])
    return out


def _header(lang: str) -> dict:
    raw = tomllib.loads(resources.files("auditor").joinpath("lexicons", f"{lang}.toml").read_text("utf-8"))
    return {k: v for k, v in raw.items() if k != "concepts"}


# ---------------------------------------------------------------- the contract

@pytest.mark.parametrize("lang", LANGS)
def test_header_fields(lang: str) -> None:
    head = _header(lang)
    assert set(head) == set(_header("en"))
    assert head["lang"] == lang
    assert head["dir"] == "ltr"
    assert head["clitics"] == []
    assert head["name"]


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


# ---------------------------------------------------------------- positives

UK_POSITIVE = [
    # scarcity, with inflected and reflexive forms
    ("scarcity", "Залишилось 3 шт."),
    ("scarcity", "Залишилося лише 2 товари"),
    ("scarcity", "Залишився 1 товар на складі"),
    ("scarcity", "Лишилось всього 5"),
    ("scarcity", "Закінчується"),
    ("scarcity", "Кількість обмежена!"),
    ("scarcity", "Швидко розкуповують"),
    ("scarcity", "Останні одиниці в наявності"),
    # urgency
    ("urgency", "Поспішайте! Акція закінчується через 2 дні"),
    ("urgency", "Встигніть купити за акційною ціною"),
    ("urgency", "Пропозиція закінчується сьогодні"),
    ("urgency", "Лише сьогодні знижка 30%"),
    ("urgency", "Не пропустіть!"),
    ("countdown_label", "До кінця акції:"),
    # social proof
    ("social_proof", "12 людей переглядають цей товар"),
    ("social_proof", "5 покупців зараз переглядають"),
    ("social_proof", "Купили понад 1 000 разів"),
    ("social_proof", "Хіт продажів"),
    ("social_proof", "Олена з Києва щойно купила"),
    # confirmshaming
    ("confirmshaming", "Ні, я не хочу економити"),
    ("confirmshaming", "Ні, я люблю переплачувати"),
    ("confirmshaming", "Мені не потрібні знижки"),
    ("confirmshaming", "Не хочу знижку 10%"),
    ("confirmshaming", "Ні, дякую, я краще заплачу повну ціну"),
    ("confirmshaming", "Ні, я не хочу отримувати знижки"),
    ("confirmshaming", "Мені не потрібна безкоштовна доставка"),
    # the never-click list
    ("action.place_order", "Оформити замовлення"),
    ("action.place_order", "Оформіть замовлення"),
    ("action.place_order", "Замовлення підтверджую"),
    ("action.place_order", "Підтвердити замовлення"),
    ("action.place_order", "Оплатити 1 299 ₴"),
    ("action.place_order", "Сплатити"),
    ("action.place_order", "Купити зараз"),
    ("action.place_order", "Купити в 1 клік"),
    ("action.place_order", "Замовити"),
    ("action.place_order", "Перейти до оплати"),
    ("action.place_order", "Підтвердження замовлення"),
    ("action.place_order", "Купити за 1 клік"),
    ("action.place_order", "Відправити заявку"),
    ("action.pay_now_wording", "Замовлення з обов'язком оплати"),
    ("action.pay_now_wording", "Замовлення з обовʼязком оплати"),  # U+02BC apostrophe
    # cart and checkout
    ("action.add_to_cart", "Додати в кошик"),
    ("action.add_to_cart", "Додати до кошика"),
    ("action.add_to_cart", "Купити"),
    ("action.add_to_cart", "В кошик"),
    ("action.view_cart", "Кошик"),
    ("action.view_cart", "Перейти в кошик"),
    ("action.view_cart", "В кошику"),
    ("action.checkout", "Оформити замовлення"),
    ("action.checkout", "Перейти до оформлення"),
    ("action.guest_checkout", "Оформити без реєстрації"),
    ("action.decline", "Ні, дякую"),
    ("action.reject_cookies", "Лише необхідні"),
    # policy pages
    ("policy.returns", "Повернення та обмін"),
    ("policy.returns", "Умови повернення товару"),
    ("policy.delivery", "Доставка і оплата"),
    ("policy.delivery", "Інформація щодо доставки"),
    ("policy.terms", "Договір публічної оферти"),
    ("policy.privacy", "Політика конфіденційності"),
    ("policy.payment", "Способи оплати"),
    ("policy.cookies", "Ми використовуємо файли cookie"),
    # prices
    ("price.shipping", "Вартість доставки: 70 грн"),
    ("price.shipping", "Доставкою займається Нова Пошта"),
    ("price.shipping_free", "Безкоштовна доставка від 1000 грн"),
    ("price.shipping_free", "Доставка: 0 грн"),
    ("price.shipping_rule", "Доставка за тарифами перевізника"),
    ("price.tax_included", "Ціна з ПДВ"),
    ("price.tax_included", "у т.ч. ПДВ 20%"),
    ("price.tax_included", "Ціни вказані з урахуванням ПДВ"),
    ("price.tax_excluded", "Ціна без урахування ПДВ"),
    ("price.prior_30d", "Найнижча ціна за останні 30 днів: 1 499 грн"),
    ("price.prior_30d", "Мінімальна ціна за 30 днів до знижки"),
    ("price.fee", "Комісія за грошовий переказ 2% + 20 грн"),
    ("price.total", "Разом до сплати"),
    ("price.reduction", "-25%"),
    ("price.per_unit", "89,90 грн/кг"),
    # promotions
    ("promo", "Промокод на знижку 10%"),
    ("promo", "Знижка -15% за промокодом SPRING"),
    ("promo", "2 за ціною 1"),
    ("promo", "Акція 1+1=3"),
    ("promo", "Подарунковий сертифікат"),
    ("promo_condition.min_spend", "При замовленні від 1500 грн"),
    ("promo_condition.min_spend", "Мінімальна сума замовлення — 500 грн"),
    ("promo_condition.expiry", "Акція діє до 31.05.2025"),
    ("promo_condition.exclusions", "Знижка не поширюється на акційні товари"),
    ("promo_condition.per_customer", "Лише на перше замовлення"),
    ("promo_rejection", "Промокод недійсний"),
    # stock
    ("stock.in", "В наявності"),
    ("stock.in", "Є в наявності"),
    ("stock.in", "Готовий до відправки"),
    ("stock.out", "Немає в наявності"),
    ("stock.out", "Товар закінчився"),
    ("stock.out", "Повідомити про наявність"),
    ("stock.preorder", "Під замовлення"),
    ("stock.cart_refused", "Недостатньо товару на складі"),
    # returns
    ("returns.period", "Повернути товар можна протягом 14 днів"),
    ("returns.period", "14-денний термін повернення"),
    ("returns.period", "протягом чотирнадцяти днів"),
    ("returns.period_start", "з моменту отримання товару"),
    ("returns.period_start", "з дня отримання замовлення"),
    ("returns.condition", "за умови збереження товарного вигляду"),
    ("returns.shipping_payer", "Зворотна доставка здійснюється за рахунок покупця"),
    ("returns.no_returns", "Товар обміну та поверненню не підлягає"),
    ("returns.withdrawal_form", "Ви маєте право на відмову від договору"),
    # delivery
    ("delivery.cash_on_delivery", "Накладений платіж"),
    ("delivery.cash_on_delivery", "Оплата накладеним платежем"),
    ("delivery.cash_on_delivery", "Оплата при отриманні"),
    ("delivery.cash_on_delivery", "Післяплата"),
    ("delivery.cash_on_delivery", "Оплата під час отримання у відділенні"),
    ("delivery.carrier", "Нова Пошта"),
    ("delivery.carrier", "Доставка Новою Поштою"),
    ("delivery.carrier", "Укрпошта"),
    ("delivery.carrier", "Відправка Укрпоштою"),
    ("delivery.pickup", "Самовивіз з магазину"),
    ("delivery.prepayment", "Повна передоплата на картку"),
    ("delivery.time", "Доставка 1-3 робочі дні"),
    ("delivery.inspection", "Огляд товару у відділенні перед оплатою"),
    # seller
    ("seller.company_form", "ФОП Коваленко Іван Петрович"),
    ("seller.company_form", "ТОВ «Розетка.УА»"),
    ("seller.company_form", "Фізична особа-підприємець Шевченко О. М."),
    ("seller.company_form", "ПП «Ромашка»"),
    ("seller.registration", "Код ЄДРПОУ 12345678"),
    ("seller.registration", "РНОКПП 1234567890"),
    ("seller.registration", "ІПН 123456789012"),
    ("seller.address", "Юридична адреса: 01001, м. Київ, вул.Хрещатик, 1"),
    ("contact_opt_out", "Мені можна не телефонувати для підтвердження замовлення"),
    ("subscription", "Автоподовження підписки щомісяця"),
    ("review_claim", "4,8 з 5 — 127 відгуків"),
]

RU_POSITIVE = [
    # scarcity
    ("scarcity", "Осталось 3 шт."),
    ("scarcity", "Осталось всего 2 штуки"),
    ("scarcity", "Остался 1 товар"),
    ("scarcity", "Заканчивается"),
    ("scarcity", "Количество ограничено"),
    ("scarcity", "Быстро раскупают!"),
    ("scarcity", "Последние экземпляры"),
    # urgency
    ("urgency", "Спешите! Акция заканчивается через 3 часа"),
    ("urgency", "Успейте купить по старой цене"),
    ("urgency", "Торопитесь, предложение ограничено"),
    ("urgency", "Только сегодня скидка 20%"),
    ("urgency", "Не упустите свой шанс"),
    ("countdown_label", "До конца акции осталось"),
    # social proof
    ("social_proof", "15 человек смотрят этот товар"),
    ("social_proof", "Купили более 1 000 раз"),
    ("social_proof", "Хит продаж"),
    ("social_proof", "Анна из Москвы только что купила"),
    ("social_proof", "За последние 24 часа купили 12 раз"),
    # confirmshaming
    ("confirmshaming", "Нет, я не хочу экономить"),
    ("confirmshaming", "Нет, я люблю переплачивать"),
    ("confirmshaming", "Мне не нужны скидки"),
    ("confirmshaming", "Не хочу скидку 15%"),
    ("confirmshaming", "Нет, спасибо, я лучше заплачу полную цену"),
    ("confirmshaming", "Нет, мне нравится платить больше"),
    ("confirmshaming", "Нет, я не хочу получать скидки"),
    # the never-click list
    ("action.place_order", "Оформить заказ"),
    ("action.place_order", "Оформите заказ"),
    ("action.place_order", "Заказ подтверждаю"),
    ("action.place_order", "Подтвердить заказ"),
    ("action.place_order", "Подтверждение заказа"),
    ("action.place_order", "Оплатить 2 490 ₽"),
    ("action.place_order", "Оплатить онлайн"),
    ("action.place_order", "Купить сейчас"),
    ("action.place_order", "Купить в 1 клик"),
    ("action.place_order", "Заказать"),
    ("action.place_order", "Перейти к оплате"),
    ("action.place_order", "Оставить заявку"),
    ("action.pay_now_wording", "Заказ с обязательством оплаты"),
    # cart and checkout
    ("action.add_to_cart", "Добавить в корзину"),
    ("action.add_to_cart", "В корзину"),
    ("action.add_to_cart", "Купить"),
    ("action.view_cart", "Корзина"),
    ("action.view_cart", "Перейти в корзину"),
    ("action.view_cart", "В корзине"),
    ("action.checkout", "Оформить заказ"),
    ("action.checkout", "Перейти к оформлению"),
    ("action.guest_checkout", "Купить без регистрации"),
    ("action.decline", "Нет, спасибо"),
    ("action.reject_cookies", "Только необходимые"),
    # policy pages
    ("policy.returns", "Возврат и обмен"),
    ("policy.returns", "Условия возврата товара"),
    ("policy.delivery", "Доставка и оплата"),
    ("policy.delivery", "Информация о доставке"),
    ("policy.terms", "Публичная оферта"),
    ("policy.privacy", "Политика конфиденциальности"),
    ("policy.payment", "Способы оплаты"),
    ("policy.cookies", "Мы используем файлы cookie"),
    # prices
    ("price.shipping", "Стоимость доставки: 350 ₽"),
    ("price.shipping", "Доставкой занимается СДЭК"),
    ("price.shipping_free", "Бесплатная доставка от 3000 ₽"),
    ("price.shipping_free", "Доставка: 0 ₽"),
    ("price.shipping_rule", "Доставка по тарифам перевозчика"),
    ("price.tax_included", "Цена с НДС"),
    ("price.tax_included", "в т.ч. НДС 20%"),
    ("price.tax_included", "Все цены указаны с учётом НДС"),
    ("price.tax_excluded", "Цены без учета НДС"),
    ("price.prior_30d", "Самая низкая цена за последние 30 дней: 1 999 ₽"),
    ("price.prior_30d", "Минимальная цена за 30 дней до скидки"),
    ("price.fee", "Сервисный сбор 99 ₽"),
    ("price.total", "Итого к оплате"),
    ("price.reduction", "-40%"),
    ("price.per_unit", "349 руб/кг"),
    # promotions
    ("promo", "Промокод на скидку 10%"),
    ("promo", "Скидка 500 рублей по промокоду"),
    ("promo", "3 по цене 2"),
    ("promo", "Подарочный сертификат"),
    ("promo", "Кэшбэк 5% баллами"),
    ("promo_condition.min_spend", "При заказе от 2000 рублей"),
    ("promo_condition.min_spend", "Минимальная сумма заказа — 1000 ₽"),
    ("promo_condition.expiry", "Акция действует до 31.12.2025"),
    ("promo_condition.exclusions", "Скидка не распространяется на акционные товары"),
    ("promo_condition.per_customer", "Только на первый заказ"),
    ("promo_rejection", "Срок действия промокода истёк"),
    # stock
    ("stock.in", "В наличии"),
    ("stock.in", "Есть в наличии"),
    ("stock.in", "Готов к отправке"),
    ("stock.out", "Нет в наличии"),
    ("stock.out", "Этот товар закончился"),
    ("stock.out", "Сообщить о поступлении"),
    ("stock.preorder", "Предзаказ"),
    ("stock.cart_refused", "Недостаточно товара на складе"),
    # returns
    ("returns.period", "Вернуть товар можно в течение 14 дней"),
    ("returns.period", "7-дневный срок возврата"),
    ("returns.period", "в течение семи дней после получения"),
    ("returns.period_start", "с момента получения товара"),
    ("returns.period_start", "со дня покупки"),
    ("returns.condition", "если сохранены товарный вид и потребительские свойства"),
    ("returns.shipping_payer", "Обратная доставка за счёт покупателя"),
    ("returns.no_returns", "Товар надлежащего качества возврату не подлежит"),
    ("returns.no_returns", "Не подлежит возврату"),
    ("returns.withdrawal_form", "Покупатель вправе отказаться от товара в любое время"),
    # delivery
    ("delivery.cash_on_delivery", "Наложенный платёж"),
    ("delivery.cash_on_delivery", "Оплата наложенным платежом"),
    ("delivery.cash_on_delivery", "Оплата при получении"),
    ("delivery.cash_on_delivery", "Наличными курьеру"),
    ("delivery.carrier", "Почта России"),
    ("delivery.carrier", "Доставка Новой Почтой"),
    ("delivery.carrier", "Отправим транспортной компанией"),
    ("delivery.pickup", "Самовывоз из пункта выдачи"),
    ("delivery.prepayment", "100% предоплата"),
    ("delivery.time", "Доставка 2-5 рабочих дней"),
    ("delivery.inspection", "Осмотр товара и примерка при получении"),
    # seller
    ("seller.company_form", "ООО «Ромашка»"),
    ("seller.company_form", "ИП Иванов Иван Иванович"),
    ("seller.company_form", "АО «Тинькофф Банк»"),
    ("seller.company_form", "Индивидуальным предпринимателем"),
    ("seller.registration", "ИНН 7701234567"),
    ("seller.registration", "ОГРН 1027700132195"),
    ("seller.registration", "ОГРНИП 304500116000157"),
    ("seller.registration", "КПП 770101001"),
    ("seller.address", "Юридический адрес: 123100, г. Москва, ул.Тверская, д. 1"),
    ("contact_opt_out", "Мне можно не звонить для подтверждения заказа"),
    ("subscription", "Автопродление подписки ежемесячно"),
    ("review_claim", "4,7 из 5 — 312 отзывов"),
]

POSITIVE = [("uk", c, t) for c, t in UK_POSITIVE] + [("ru", c, t) for c, t in RU_POSITIVE]

IMPORTANT = {
    "scarcity", "urgency", "social_proof", "confirmshaming", "action.place_order", "action.add_to_cart",
    "action.checkout", "policy.returns", "policy.delivery", "price.shipping", "price.tax_included",
    "price.prior_30d", "promo", "promo_condition.min_spend", "stock.in", "stock.out", "returns.period",
    "delivery.cash_on_delivery", "seller.company_form", "seller.registration",
}


def test_examples_cover_the_important_concepts() -> None:
    for lang, examples in (("uk", UK_POSITIVE), ("ru", RU_POSITIVE)):
        assert len(examples) >= 40, lang
        assert IMPORTANT <= {c for c, _ in examples}, IMPORTANT - {c for c, _ in examples}


@pytest.mark.parametrize(("lang", "concept", "text"), POSITIVE, ids=[f"{lg}-{c}-{t}" for lg, c, t in POSITIVE])
def test_positive(lang: str, concept: str, text: str) -> None:
    hits = lexicons().find(concept, text, langs=[lang])
    assert hits, f"{lang} {concept} should match {text!r}"
    assert all(h.lang == lang and h.concept == concept for h in hits)


# ---------------------------------------------------------------- negatives

NEGATIVE = [
    # neutral declines are not confirmshaming
    ("uk", "confirmshaming", "Ні, дякую"),
    ("uk", "confirmshaming", "Не зараз"),
    ("uk", "confirmshaming", "Закрити"),
    ("ru", "confirmshaming", "Нет, спасибо"),
    ("ru", "confirmshaming", "Не сейчас"),
    ("ru", "confirmshaming", "Может быть позже"),
    ("uk", "confirmshaming", "Ні, дякую, не зараз"),
    ("ru", "confirmshaming", "Нет, спасибо, не надо"),
    # add to cart, cart, continue shopping, callback are not the order button
    ("uk", "action.place_order", "Додати в кошик"),
    ("uk", "action.place_order", "Купити"),
    ("uk", "action.place_order", "Перейти в кошик"),
    ("uk", "action.place_order", "Продовжити покупки"),
    ("uk", "action.place_order", "Замовити дзвінок"),
    ("uk", "action.place_order", "Спосіб оплати"),
    ("ru", "action.place_order", "Добавить в корзину"),
    ("ru", "action.place_order", "Купить"),
    ("ru", "action.place_order", "Продолжить покупки"),
    ("ru", "action.place_order", "Заказать звонок"),
    ("ru", "action.place_order", "Способ оплаты"),
    # the add-to-cart button is not the cart link (classify drops add buttons matching view_cart)
    ("uk", "action.view_cart", "Додати в кошик"),
    ("uk", "action.view_cart", "В кошик"),
    ("ru", "action.view_cart", "Добавить в корзину"),
    ("ru", "action.view_cart", "В корзину"),
    # "questions left?" before a phone number is not scarcity
    ("uk", "scarcity", "Залишилися питання? Зателефонуйте 0 800 300 100"),
    ("uk", "scarcity", "Залишити відгук"),
    ("ru", "scarcity", "Остались вопросы? Звоните 8 800 555-35-35"),
    ("ru", "scarcity", "Оставить отзыв"),
    # out of stock is not in stock
    ("uk", "stock.in", "Немає в наявності"),
    ("uk", "stock.in", "Нема на складі"),
    ("ru", "stock.in", "Нет в наличии"),
    ("ru", "stock.in", "Нет на складе"),
    # prices without VAT are not "VAT included"
    ("uk", "price.tax_included", "Ціна без ПДВ"),
    ("ru", "price.tax_included", "Цена без НДС"),
    # neutral shop text
    ("uk", "urgency", "Доставка по всій Україні"),
    ("ru", "urgency", "Доставка по всей России"),
    ("uk", "social_proof", "Нещодавно переглянуті товари"),
    ("ru", "social_proof", "Вы недавно смотрели"),
    ("uk", "delivery.cash_on_delivery", "Оплата карткою онлайн"),
    ("ru", "delivery.cash_on_delivery", "Оплата картой онлайн"),
    ("uk", "seller.company_form", "Див. пп. 3 п. 2 цих Умов"),
    ("uk", "seller.company_form", "Товари для дому"),
    ("ru", "seller.registration", "Коробка передач для автомобиля"),
    ("uk", "stock.out", "Оплата частинами доступна"),
    ("uk", "promo_condition.per_customer", "Одноразовий посуд"),
    ("uk", "returns.condition", "Морозиво пломбір"),
    ("uk", "review_claim", "Акція діє з 5 травня"),
    ("uk", "cost_extra", "Додаткова інформація до замовлення"),
    ("uk", "returns.period", "Київ, вул. Дніпровська 14 Дніпро"),
]


@pytest.mark.parametrize(("lang", "concept", "text"), NEGATIVE, ids=[f"{lg}-{c}-{t}" for lg, c, t in NEGATIVE])
def test_negative(lang: str, concept: str, text: str) -> None:
    hits = lexicons().find(concept, text, langs=[lang])
    assert not hits, f"{lang} {concept} should not match {text!r}: {[h.term for h in hits]}"


def test_enough_negatives_per_language() -> None:
    for lang in LANGS:
        assert sum(1 for lg, _, _ in NEGATIVE if lg == lang) >= 15, lang


# ---------------------------------------------------------------- behaviour that depends on both

@pytest.mark.parametrize("lang,text", [("uk", "Оформити замовлення"), ("ru", "Оформить заказ")])
def test_checkout_wording_is_also_never_clicked(lang: str, text: str) -> None:
    """On a cart page it means go to checkout; on the last step it places the order."""
    lex = lexicons()
    assert lex.has("action.checkout", text, langs=[lang])
    assert lex.has("action.place_order", text, langs=[lang])


@pytest.mark.parametrize(("lang", "text", "seconds"), [
    ("uk", "02 год 14 хв 33 сек", 2 * 3600 + 14 * 60 + 33),
    ("uk", "1 день 3 години 4 хвилини 5 секунд", 86400 + 3 * 3600 + 4 * 60 + 5),
    ("uk", "2 дні 05:06:07", 2 * 86400 + 5 * 3600 + 6 * 60 + 7),
    ("uk", "3 доби 2 год", 3 * 86400 + 2 * 3600),
    ("ru", "02 ч 14 мин 33 сек", 2 * 3600 + 14 * 60 + 33),
    ("ru", "1 день 3 часа 4 минуты 5 секунд", 86400 + 3 * 3600 + 4 * 60 + 5),
    ("ru", "5 дней 01:02:03", 5 * 86400 + 3600 + 2 * 60 + 3),
    ("ru", "1д 2ч 3м 4с", 86400 + 2 * 3600 + 3 * 60 + 4),
])
def test_countdown_units(lang: str, text: str, seconds: int) -> None:
    assert parse_countdown(text, lexicons(), [lang]) == seconds
