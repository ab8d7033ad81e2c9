"""German, French and Spanish lexicons: the same concepts as English, and terms that fire on
what real shops print and stay quiet on the neighbouring labels they must not be confused with."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from auditor.text.durations import parse_countdown
from auditor.text.lexicon import lexicons

LANGS = ("de", "fr", "es")


def _raw(lang: str) -> dict:
    return tomllib.loads(resources.files("auditor").joinpath("lexicons", f"{lang}.toml").read_text("utf-8"))


def _hits(concept: str, text: str, lang: str) -> list[str]:
    return [h.term for h in lexicons().find(concept, text, langs=[lang])]


# ---------------------------------------------------------------- contract with en.toml

@pytest.mark.parametrize("lang", LANGS)
def test_concept_keys_equal_english(lang):
    lx = lexicons()
    assert lang in lx.languages
    assert lx.by_lang[lang].concepts() == lx.by_lang["en"].concepts()


@pytest.mark.parametrize("lang", LANGS)
def test_header_fields(lang):
    raw = _raw(lang)
    assert raw["lang"] == lang
    assert raw["dir"] == "ltr"
    assert raw["clitics"] == []
    assert raw["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_concept_compiles_and_has_content(lang):
    lx = lexicons()
    lex = lx.by_lang[lang]
    for concept in sorted(lex.concepts()):
        assert lx.find(concept, "x", langs=[lang]) is not None
        assert lex.terms.get(concept) or lex.patterns.get(concept), concept
        for pattern in lex.patterns.get(concept, ()):
            re.compile(pattern)


@pytest.mark.parametrize("lang", LANGS)
def test_terms_are_lowercase_and_unique(lang):
    lex = lexicons().by_lang[lang]
    for concept, terms in lex.terms.items():
        for term in terms:
            assert term == term.lower(), (concept, term)
            assert "ß" not in term, (concept, term)  # casefold turns it into "ss"
        assert len(set(terms)) == len(terms), concept


# ---------------------------------------------------------------- positives

POSITIVE = {
    "de": [
        ("scarcity", "Nur noch 3 Stück auf Lager"),
        ("scarcity", "Nur noch 2 Artikel verfügbar!"),
        ("scarcity", "Fast ausverkauft"),
        ("scarcity", "Nur solange der Vorrat reicht"),
        ("urgency", "Angebot endet in 02:14:33"),
        ("urgency", "Nur für kurze Zeit"),
        ("urgency", "Blitzangebote – nur heute!"),
        ("social_proof", "12 Personen sehen sich diesen Artikel gerade an"),
        ("social_proof", "Bereits 500x verkauft"),
        ("social_proof", "Bestseller"),
        ("confirmshaming", "Nein danke, ich zahle lieber den vollen Preis"),
        ("confirmshaming", "Ich verzichte auf meinen 10 % Rabatt"),
        ("action.place_order", "Zahlungspflichtig bestellen"),
        ("action.place_order", "Jetzt kaufen"),
        ("action.place_order", "Kaufen"),
        ("action.place_order", "Bestellung abschicken"),
        ("action.place_order", "Jetzt bezahlen"),
        ("action.place_order", "Kostenpflichtig bestellen"),
        ("action.place_order", "Bestellung zahlungspflichtig absenden"),
        ("action.place_order", "49,99 € bezahlen"),
        ("action.add_to_cart", "In den Warenkorb"),
        ("action.add_to_cart", "In den Warenkorb legen"),
        ("action.checkout", "Zur Kasse"),
        ("action.checkout", "Weiter zur Kasse"),
        ("action.view_cart", "Warenkorb (2)"),
        ("action.guest_checkout", "Als Gast bestellen"),
        ("action.reject_cookies", "Nur notwendige Cookies akzeptieren"),
        ("action.accept_cookies", "Alle akzeptieren"),
        ("policy.returns", "Widerrufsbelehrung"),
        ("policy.returns", "Rücksendungen"),
        ("policy.delivery", "Versand & Lieferung"),
        ("policy.imprint", "Impressum"),
        ("policy.terms", "AGB"),
        ("price.shipping", "zzgl. Versandkosten"),
        ("price.shipping_rule", "zzgl. Versandkosten"),
        ("price.shipping_rule", "zzgl.Versand"),
        ("price.shipping_free", "Versandkostenfrei ab 50 €"),
        ("price.tax_included", "inkl. MwSt."),
        ("price.tax_included", "inkl. 19 % MwSt. zzgl. Versand"),
        ("price.tax_included", "Preis inkl.MwSt."),
        ("price.tax_excluded", "zzgl. 19% MwSt."),
        ("price.was", "UVP 99,99 €"),
        ("price.was", "Streichpreis"),
        ("price.prior_30d", "Niedrigster Preis der letzten 30 Tage: 49,99 €"),
        ("price.prior_30d", "Niedrigster Gesamtpreis der letzten 30 Tage vor der Preisermäßigung"),
        ("price.per_unit", "Grundpreis: 12,50 €/kg"),
        ("promo", "Mit dem Code SOMMER20 sparen"),
        ("promo", "20 % Rabatt auf alles"),
        ("promo", "-30 %"),
        ("promo_condition.min_spend", "Mindestbestellwert 50 €"),
        ("promo_condition.min_spend", "ab einem Bestellwert von 30 €"),
        ("stock.in", "Auf Lager"),
        ("stock.in", "Sofort lieferbar"),
        ("stock.out", "Ausverkauft"),
        ("stock.out", "Derzeit nicht verfügbar"),
        ("returns.period", "Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen."),
        ("returns.period", "30 Tage Rückgaberecht"),
        ("returns.period", "100 Tage kostenlose Rückgabe"),
        ("returns.withdrawal_form", "Muster-Widerrufsformular"),
        ("returns.shipping_payer", "Sie tragen die unmittelbaren Kosten der Rücksendung der Waren."),
        ("delivery.cash_on_delivery", "Zahlung per Nachnahme"),
        ("delivery.prepayment", "Vorkasse"),
        ("delivery.time", "Lieferzeit: 2-3 Werktage"),
        ("seller.company_form", "Zalando SE, Valeska-Gert-Straße 5"),
        ("seller.company_form", "Otto (GmbH & Co KG)"),
        ("seller.company_form", "Muster UG (haftungsbeschränkt)"),
        ("seller.registration", "Amtsgericht Charlottenburg HRB 158855 B"),
        ("seller.registration", "USt-IdNr.: DE260543043"),
        ("seller.registration", "Handelsregister"),
        ("seller.address", "Musterstraße 12a"),
        ("cancellation_path", "Verträge hier kündigen"),
        ("review_verification", "Die Bewertungen werden nicht auf ihre Echtheit überprüft."),
    ],
    "fr": [
        ("scarcity", "Plus que 2 en stock"),
        ("scarcity", "Il ne reste que 3 articles"),
        ("scarcity", "Bientôt épuisé"),
        ("scarcity", "Dans la limite des stocks disponibles"),
        ("urgency", "L'offre se termine dans 02:14:33"),
        ("urgency", "Vente flash"),
        ("urgency", "Offre à durée limitée"),
        ("social_proof", "15 personnes consultent ce produit"),
        ("social_proof", "Meilleure vente"),
        ("social_proof", "Coup de cœur"),
        ("confirmshaming", "Non merci, je préfère payer plus cher"),
        ("confirmshaming", "Je ne veux pas économiser"),
        ("action.place_order", "Commander"),
        ("action.place_order", "Valider la commande"),
        ("action.place_order", "Payer"),
        ("action.place_order", "Confirmer et payer"),
        ("action.place_order", "Commande avec obligation de paiement"),
        ("action.place_order", "Payer maintenant"),
        ("action.place_order", "Passer commande"),
        ("action.place_order", "Payer 49,99 €"),
        ("action.place_order", "Acheter"),
        ("action.add_to_cart", "Ajouter au panier"),
        ("action.checkout", "Passer la commande"),
        ("action.checkout", "Valider mon panier"),
        ("action.view_cart", "Voir le panier"),
        ("action.view_cart", "Mon panier (2)"),
        ("action.guest_checkout", "Commander en tant qu'invité"),
        ("action.reject_cookies", "Continuer sans accepter"),
        ("action.reject_cookies", "Accepter uniquement les cookies nécessaires"),
        ("action.accept_cookies", "Tout accepter"),
        ("policy.returns", "Droit de rétractation"),
        ("policy.returns", "Retours et remboursements"),
        ("policy.delivery", "Livraison"),
        ("policy.imprint", "Mentions légales"),
        ("policy.terms", "CGV"),
        ("price.shipping", "Frais de port : 4,90 €"),
        ("price.shipping_free", "Livraison offerte dès 49 €"),
        ("price.tax_included", "Prix TTC"),
        ("price.tax_included", "dont TVA 3,33 €"),
        ("price.tax_excluded", "Prix HT"),
        ("price.was", "Au lieu de 59,99 €"),
        ("price.prior_30d", "Prix le plus bas des 30 derniers jours : 39,99 €"),
        ("price.prior_30d", "Prix le plus bas pratiqué au cours des 30 derniers jours"),
        ("price.prior_30d", "Prix antérieur : 49,99 €"),
        ("promo", "Code promo BIENVENUE10"),
        ("promo", "-20 % sur tout le site"),
        ("promo", "1 acheté = 1 offert"),
        ("promo_condition.min_spend", "Dès 50 € d'achat"),
        ("promo_condition.min_spend", "Pour toute commande supérieure à 60 €"),
        ("stock.in", "En stock"),
        ("stock.in", "Disponible"),
        ("stock.out", "Rupture de stock"),
        ("stock.out", "Épuisé"),
        ("stock.out", "Victime de son succès"),
        ("returns.period", "Vous disposez d'un délai de quatorze jours pour exercer votre droit de rétractation."),
        ("returns.period", "Retour gratuit sous 30 jours"),
        ("returns.withdrawal_form", "Modèle de formulaire de rétractation"),
        ("returns.no_returns", "Articles ni repris ni échangés"),
        ("returns.shipping_payer", "Vous devrez prendre en charge les frais directs de renvoi du bien."),
        ("delivery.cash_on_delivery", "Paiement à la livraison"),
        ("delivery.cash_on_delivery", "Contre-remboursement"),
        ("delivery.inspection", "Vérifiez le colis en présence du livreur"),
        ("seller.company_form", "SAS au capital de 10 000 €"),
        ("seller.company_form", "SARL"),
        ("seller.registration", "RCS Paris 123 456 789"),
        ("seller.registration", "SIRET : 123 456 789 00012"),
        ("seller.registration", "N° TVA intracommunautaire : FR12345678901"),
        ("seller.address", "12 rue de la Paix, 75002 Paris"),
        ("cancellation_path", "Résilier votre contrat"),
        ("contact_opt_out", "Vous pouvez vous inscrire sur la liste d'opposition Bloctel"),
    ],
    "es": [
        ("scarcity", "¡Solo quedan 2!"),
        ("scarcity", "Últimas unidades"),
        ("scarcity", "Quedan 3 unidades"),
        ("scarcity", "Hasta agotar existencias"),
        ("urgency", "La oferta termina en 02:14:33"),
        ("urgency", "Oferta por tiempo limitado"),
        ("urgency", "Solo hoy"),
        ("social_proof", "8 personas están viendo este producto"),
        ("social_proof", "+5mil vendidos"),
        ("social_proof", "Lo más vendido"),
        ("confirmshaming", "No gracias, prefiero pagar más"),
        ("confirmshaming", "No quiero ahorrar"),
        ("action.place_order", "Finalizar compra"),
        ("action.place_order", "Realizar pedido"),
        ("action.place_order", "Pagar"),
        ("action.place_order", "Confirmar pedido"),
        ("action.place_order", "Comprar ahora"),
        ("action.place_order", "Pedido con obligación de pago"),
        ("action.place_order", "Confirmar compra"),
        ("action.place_order", "Pagar 49,99 €"),
        ("action.place_order", "Comprar"),
        ("action.add_to_cart", "Añadir al carrito"),
        ("action.add_to_cart", "Agregar al carrito"),
        ("action.checkout", "Tramitar pedido"),
        ("action.checkout", "Finalizar compra"),
        ("action.view_cart", "Ver carrito"),
        ("action.view_cart", "Mi cesta (3)"),
        ("action.guest_checkout", "Comprar como invitado"),
        ("action.reject_cookies", "Aceptar solo las necesarias"),
        ("action.reject_cookies", "Rechazar todas"),
        ("action.accept_cookies", "Aceptar todas"),
        ("policy.returns", "Derecho de desistimiento"),
        ("policy.returns", "Cambios y devoluciones"),
        ("policy.delivery", "Envíos y entregas"),
        ("policy.imprint", "Aviso legal"),
        ("price.shipping", "Gastos de envío: 3,95 €"),
        ("price.shipping_free", "Envío gratis"),
        ("price.shipping_free", "ENVIO GRATIS"),
        ("price.tax_included", "IVA incluido"),
        ("price.tax_included", "Precio con IVA"),
        ("price.tax_excluded", "Precio sin IVA"),
        ("price.was", "Antes 59,99 €"),
        ("price.was", "PVPR 99 €"),
        ("price.prior_30d", "Precio más bajo de los últimos 30 días: 39,99 €"),
        ("price.prior_30d", "Precio anterior: 49,99 €"),
        ("promo", "Cupón de descuento VERANO10"),
        ("promo", "2x1 en toda la tienda"),
        ("promo", "2ª unidad al 50 %"),
        ("promo", "-15 %"),
        ("promo_condition.min_spend", "Pedido mínimo 30 €"),
        ("promo_condition.min_spend", "En compras superiores a 50 €"),
        ("stock.in", "En stock"),
        ("stock.in", "Disponible"),
        ("stock.out", "Agotado"),
        ("stock.out", "Sin stock"),
        ("stock.out", "No disponible"),
        ("returns.period", "Tiene usted derecho a desistir del presente contrato en un plazo de 14 días naturales."),
        ("returns.period", "30 días para devoluciones"),
        ("returns.withdrawal_form", "Formulario de desistimiento"),
        ("returns.shipping_payer", "Deberá usted asumir el coste directo de devolución de los bienes."),
        ("delivery.cash_on_delivery", "Pago contra reembolso"),
        ("delivery.cash_on_delivery", "Contrareembolso"),
        ("delivery.time", "Entrega en 24/48h"),
        ("seller.company_form", "El Corte Inglés, S.A."),
        ("seller.company_form", "PcComponentes y Multimedia SLU"),
        ("seller.registration", "CIF: B12345678"),
        ("seller.registration", "NIF B-73347494"),
        ("seller.registration", "Inscrita en el Registro Mercantil de Madrid, Tomo 677, Folio 120, Hoja M-13960"),
        ("seller.address", "C/ Hermosilla, 112"),
        ("cancellation_barrier", "La baja deberá solicitarse por burofax"),
        ("contact_opt_out", "Puedes inscribirte en la Lista Robinson"),
    ],
}


def test_enough_positive_examples():
    important = {"scarcity", "urgency", "social_proof", "confirmshaming", "action.place_order",
                 "action.add_to_cart", "action.checkout", "policy.returns", "policy.delivery",
                 "price.shipping", "price.tax_included", "price.prior_30d", "promo",
                 "promo_condition.min_spend", "stock.in", "stock.out", "returns.period",
                 "delivery.cash_on_delivery", "seller.company_form", "seller.registration"}
    for lang in LANGS:
        assert len(POSITIVE[lang]) >= 35
        assert important <= {c for c, _ in POSITIVE[lang]}, lang


@pytest.mark.parametrize(("lang", "concept", "text"),
                         [(lang, c, t) for lang in LANGS for c, t in POSITIVE[lang]])
def test_positive(lang, concept, text):
    assert _hits(concept, text, lang), f"{lang} {concept!r} should match {text!r}"


# ---------------------------------------------------------------- negatives

NEGATIVE = {
    "de": [
        ("confirmshaming", "Nein, danke"),
        ("confirmshaming", "Nein danke"),
        ("action.place_order", "In den Warenkorb"),
        ("action.place_order", "Zur Kasse"),
        ("action.place_order", "Weiter zur Zahlung"),
        ("action.place_order", "Als Gast bestellen"),
        ("action.place_order", "Ohne Kundenkonto bestellen"),
        ("action.place_order", "Bestellung prüfen"),
        ("action.place_order", "Weiter einkaufen"),
        ("action.place_order", "Nein danke, lieber den vollen Preis zahlen"),
        ("action.view_cart", "In den Warenkorb"),
        ("action.accept_cookies", "Nur notwendige Cookies akzeptieren"),
        ("action.accept_cookies", "Ablehnen"),
        ("stock.in", "Nicht auf Lager"),
        ("stock.in", "Derzeit nicht verfügbar"),
        ("stock.out", "Fast ausverkauft"),
        ("stock.out", "Auf Lager"),
        ("scarcity", "Auf Lager, Lieferzeit 2-3 Werktage"),
        ("seller.company_form", "Gewicht: 2,5 kg"),
        ("seller.company_form", "Preis 3,99 €/kg"),
        ("price.tax_excluded", "inkl. MwSt."),
        ("price.tax_included", "zzgl. MwSt."),
        ("policy.returns", "Zurück zur Startseite"),
    ],
    "fr": [
        ("confirmshaming", "Non merci"),
        ("confirmshaming", "Non, merci"),
        ("action.place_order", "Ajouter au panier"),
        ("action.place_order", "Voir le panier"),
        ("action.place_order", "Continuer vers le paiement"),
        ("action.place_order", "Commander en tant qu'invité"),
        ("action.place_order", "Non merci, je préfère payer plus cher"),
        ("action.place_order", "Continuer mes achats"),
        ("action.view_cart", "Ajouter au panier"),
        ("action.accept_cookies", "Continuer sans accepter"),
        ("action.accept_cookies", "Accepter uniquement les cookies nécessaires"),
        ("stock.in", "Plus disponible"),
        ("stock.in", "Indisponible"),
        ("stock.in", "Pas en stock"),
        ("stock.out", "Bientôt épuisé"),
        ("stock.out", "En stock"),
        ("policy.returns", "Retour à l'accueil"),
        ("price.tax_included", "Prix HT"),
        ("price.tax_excluded", "Prix TTC"),
        ("cost_extra", "Don't miss out"),
        ("seller.company_form", "Sa commande est prête"),
    ],
    "es": [
        ("confirmshaming", "No, gracias"),
        ("confirmshaming", "No gracias"),
        ("action.place_order", "Añadir al carrito"),
        ("action.place_order", "Ver carrito"),
        ("action.place_order", "Tramitar pedido"),
        ("action.place_order", "Continuar al pago"),
        ("action.place_order", "Comprar como invitado"),
        ("action.place_order", "Seguir comprando"),
        ("action.place_order", "No gracias, prefiero pagar más"),
        ("action.view_cart", "Añadir al carrito"),
        ("action.accept_cookies", "Aceptar solo las necesarias"),
        ("action.accept_cookies", "Continuar sin aceptar"),
        ("action.accept_cookies", "No acepto"),
        ("stock.in", "No disponible"),
        ("stock.in", "Próximamente disponible"),
        ("stock.out", "Casi agotado"),
        ("stock.out", "En stock"),
        ("cost_extra", "Pago seguro"),
        ("price.tax_included", "Precio sin IVA"),
        ("price.tax_excluded", "IVA incluido"),
        ("seller.company_form", "Abierto de lunes a sábado"),
    ],
}


def test_enough_negative_examples():
    for lang in LANGS:
        assert len(NEGATIVE[lang]) >= 12


@pytest.mark.parametrize(("lang", "concept", "text"),
                         [(lang, c, t) for lang in LANGS for c, t in NEGATIVE[lang]])
def test_negative(lang, concept, text):
    assert not _hits(concept, text, lang), f"{lang} {concept!r} should not match {text!r}"


# ---------------------------------------------------------------- behaviour the callers rely on

@pytest.mark.parametrize(("lang", "text", "seconds"), [
    ("de", "2 Tage 05 Std. 10 Min. 30 Sek.", 2 * 86400 + 5 * 3600 + 10 * 60 + 30),
    ("de", "1 Tag 03:00:00", 86400 + 3 * 3600),
    ("fr", "1 jour 02 h 03 min 04 s", 86400 + 2 * 3600 + 3 * 60 + 4),
    ("fr", "3 j 04 h", 3 * 86400 + 4 * 3600),
    ("es", "2 días 03 horas 04 min 05 seg", 2 * 86400 + 3 * 3600 + 4 * 60 + 5),
    ("es", "1 día 10:00:00", 86400 + 10 * 3600),
])
def test_countdown_units(lang, text, seconds):
    assert parse_countdown(text, lexicons(), [lang]) == seconds


@pytest.mark.parametrize(("lang", "label"), [
    ("de", "Nein danke, ich zahle lieber den vollen Preis"),
    ("fr", "Non merci, je préfère payer plus cher"),
    ("es", "No gracias, prefiero pagar más"),
])
def test_shaming_decline_is_confirmshaming_but_not_an_order_button(lang, label):
    # overlays.choose_dismiss skips any button matching action.place_order.
    assert _hits("confirmshaming", label, lang)
    assert not _hits("action.place_order", label, lang)


@pytest.mark.parametrize(("lang", "label"), [
    ("de", "Nur notwendige Cookies akzeptieren"),
    ("de", "Alle ablehnen"),
    ("fr", "Continuer sans accepter"),
    ("fr", "Tout refuser"),
    ("es", "Aceptar solo las necesarias"),
    ("es", "Rechazar todas"),
])
def test_reject_label_is_covered_well_enough_to_be_chosen(lang, label):
    # overlays.choose_dismiss needs the hit to cover most of the label.
    hits = lexicons().find("action.reject_cookies", label, langs=[lang])
    assert any(h.end - h.start >= len(label) * 0.6 for h in hits)


@pytest.mark.parametrize(("lang", "label"), [
    ("de", "Zur Kasse"), ("fr", "Valider mon panier"), ("es", "Tramitar pedido"),
])
def test_go_to_checkout_only_labels(lang, label):
    assert _hits("action.checkout", label, lang)
    assert not _hits("action.place_order", label, lang)


@pytest.mark.parametrize(("lang", "label"), [
    ("fr", "Passer commande"), ("fr", "Commander"), ("es", "Finalizar compra"),
    ("es", "Realizar pedido"), ("es", "Pagar"), ("de", "Jetzt kaufen"),
])
def test_ambiguous_labels_are_in_checkout_and_place_order(lang, label):
    assert _hits("action.checkout", label, lang)
    assert _hits("action.place_order", label, lang)


@pytest.mark.parametrize(("lang", "label"), [
    ("de", "Zahlungspflichtig bestellen"), ("de", "Jetzt kaufen"),
    ("fr", "Commande avec obligation de paiement"), ("fr", "Payer"),
    ("es", "Pedido con obligación de pago"), ("es", "Pagar ahora"),
])
def test_button_wording_stating_payment_obligation(lang, label):
    assert _hits("action.pay_now_wording", label, lang)


@pytest.mark.parametrize(("lang", "label"), [
    ("de", "Jetzt bestellen"), ("de", "Bestellung abschicken"),
    ("fr", "Valider la commande"), ("es", "Confirmar pedido"),
])
def test_button_wording_not_stating_payment_obligation(lang, label):
    assert not _hits("action.pay_now_wording", label, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "14 jours pour changer d'avis"), ("fr", "Je suis d'avis que"), ("fr", "Avis de passage du transporteur"),
    ("fr", "Sauf avis contraire"), ("fr", "jusqu'à nouvel avis"), ("es", "30 días para cambiar de opinión"),
])
def test_review_claim_is_not_a_change_of_mind_or_a_notice(lang, text):
    assert _hits("review_claim", text, lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "12 avis"), ("fr", "Avis (3)"), ("fr", "Laisser un avis"), ("es", "1 opinión"), ("es", "Escribe tu opinión"),
])
def test_review_claim_still_matches_reviews(lang, text):
    assert _hits("review_claim", text, lang)
