"""The copy classifier (auditor/text/classifier.py) and `shop-audit text`, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from auditor.text.classifier import Claim, TextClassifier, normalize_with_offsets
from auditor.text.normalize import normalize
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def clf() -> TextClassifier:
    return TextClassifier()


CATEGORY_CASES = [
    ("urgency", "en", "Hurry! Offer ends in 02:14:33"),
    ("urgency", "de", "Nur heute: Angebot endet in 02:14:33"),
    ("urgency", "uk", "Поспішайте! Тільки сьогодні"),
    ("urgency", "ar", "فرصة أخيرة – اليوم فقط"),
    ("scarcity", "en", "Only 3 left in stock — order soon"),
    ("scarcity", "fr", "Plus que 2 en stock !"),
    ("scarcity", "es", "¡Solo quedan 3 unidades!"),
    ("scarcity", "he", "נותרו רק 3 יחידות במלאי"),
    ("social proof", "en", "23 people are viewing this right now"),
    ("social proof", "de", "12 Personen sehen sich diesen Artikel gerade an"),
    ("social proof", "ru", "Сейчас 14 человек смотрят этот товар"),
    ("social proof", "ar", "١٢ أشخاص يشاهدون هذا المنتج الآن"),
    ("confirmshaming", "en", "No thanks, I prefer to pay full price"),
    ("confirmshaming", "fr", "Non merci, je préfère payer plein tarif"),
    ("confirmshaming", "uk", "Ні, дякую, я не хочу економити"),
    ("confirmshaming", "he", "לא תודה, אני מעדיף לשלם מחיר מלא"),
    ("pressured selling", "en", "Most customers add Order Protection to their order"),
    ("pressured selling", "de", "Die meisten Kunden wählen den Versandschutz dazu"),
    ("pressured selling", "uk", "Більшість покупців додають страхування посилки"),
    ("trick question", "en", "Untick this box if you do not want to receive our offers"),
    ("trick question", "ru", "Снимите галочку, если не хотите получать рассылку"),
    ("trick question", "ar", "قم بإلغاء التحديد إذا كنت لا ترغب في تلقي العروض"),
    ("subscription", "en", "Subscribe & save 10% — renews automatically every month"),
    ("subscription", "es", "Suscripción mensual con renovación automática"),
    ("subscription", "ar", "اشتراك شهري يتجدد تلقائيا"),
]


@pytest.mark.parametrize("category,lang,text", CATEGORY_CASES, ids=[f"{c}-{lg}" for c, lg, _ in CATEGORY_CASES])
def test_category_is_found(clf, category, lang, text):
    result = clf.classify(text)
    assert category in result.categories, result
    assert result.matches and all(m.span is None or m.span[0] < m.span[1] for m in result.matches)


NEUTRAL = [
    ("en", "No thanks"), ("en", "Free UK delivery on orders over £50"),
    ("en", "Send me news and offers by email. No spam, unsubscribe at any time."),
    ("de", "Nein danke"), ("de", "Alle Preise inkl. MwSt."), ("fr", "Livraison gratuite dès 49 €"),
    ("es", "Hecho a mano en Valencia"), ("uk", "Ні, дякую"), ("uk", "Не телефонуйте мені для підтвердження замовлення"),
    ("ru", "Сделано вручную в Казани"), ("he", "לא תודה"), ("ar", "صنع يدويا في عمّان"), ("ar", "لا شكرا"),
    ("fr", "Vous avez 14 jours pour changer d'avis"), ("es", "Tienes 30 días para cambiar de opinión"),
]


@pytest.mark.parametrize("lang,text", NEUTRAL)
def test_neutral_copy_is_none(clf, lang, text):
    result = clf.classify(text)
    assert result.categories == ["none"] and result.patterns == [], result
    assert "cannot rule out" in result.note


def test_direct_evidence_gives_catalogue_ids_and_claims_name_their_browser_check(clf):
    assert clf.classify("No thanks, I prefer to pay full price").patterns == ["confirmshaming"]
    assert clf.classify("Untick this box if you do not want to receive our offers").patterns == ["trick-question"]
    timer = clf.classify("Hurry! Offer ends in 02:14:33")
    assert timer.patterns == [Claim(claim="urgency", verify_with="fake-countdown")]
    assert "fake-countdown" in timer.note and "cannot tell" in timer.note
    stock = clf.classify("Only 3 left in stock")
    assert stock.patterns == [Claim(claim="scarcity", verify_with="fake-scarcity")]


def test_a_count_is_scarcity_not_a_countdown_but_a_clock_is(clf):
    assert clf.classify("Nur noch 2 Artikel verfügbar!").categories == ["scarcity"]
    assert clf.classify("Nur noch 02:14:33").categories == ["urgency"]


def test_spans_point_into_the_original_text(clf):
    text = "Ні,\u00a0дякую,  я не хочу економити"
    result = clf.classify(text)
    spans = [text[m.span[0]:m.span[1]] for m in result.matches if m.span]
    assert spans == ["Ні,\u00a0дякую,  я", "не хочу економити"]  # original spacing kept
    arabic = "لَا أُرِيدُ التَّوْفِير"  # with tashkeel, which matching ignores
    hit = clf.classify(arabic).matches[0]
    assert hit.span is not None and arabic[hit.span[0]:hit.span[1]].startswith("لَا")


def test_normalize_with_offsets_agrees_with_normalize():
    for text in ["  Only\u00a03  LEFT ", "Ёлка — ещё", "שָׁלוֹם  עוֹלָם", "٣ قطع فقط", "Straße"]:
        norm, where = normalize_with_offsets(text)
        assert norm == normalize(text)
        assert where is not None and len(where) == len(norm)


def test_forced_language_limits_the_lexicons(clf):
    auto = clf.classify("Plus que 2 en stock !")
    assert auto.lang == "fr" and auto.categories == ["scarcity"]
    assert clf.classify("Plus que 2 en stock !", lang="de").categories == ["none"]


# ---------------------------------------------------------------- through the CLI

def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor.cli", "text", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_cli_reads_stdin_one_json_object_per_line():
    proc = cli(stdin="Only 2 left!\n\nNo thanks\nלא תודה, אני מעדיף לשלם מחיר מלא\n")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["line"] for r in rows] == [1, 3, 4]  # blank lines skipped, numbering kept
    assert set(rows[0]) >= {"text", "lang", "patterns", "categories", "matches", "note"}
    assert rows[0]["patterns"] == [{"claim": "scarcity", "verify_with": "fake-scarcity"}]
    assert rows[1]["categories"] == ["none"]
    assert rows[2]["lang"] == "he" and rows[2]["patterns"] == ["confirmshaming"]
    assert rows[2]["matches"][0]["span"][0] == 0


def test_cli_reads_a_file_and_honours_lang(tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text("Nein danke, ich zahle lieber den vollen Preis\r\nKostenloser Versand ab 50 €\n", encoding="utf-8")
    proc = cli(str(copy), "--lang", "de")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["lang"] for r in rows] == ["de", "de"]
    assert rows[0]["text"] == "Nein danke, ich zahle lieber den vollen Preis"  # no \r
    assert rows[0]["categories"] == ["confirmshaming"] and rows[1]["categories"] == ["none"]


def test_cli_rejects_unknown_language_and_missing_file():
    bad = cli("--lang", "xx", stdin="hello\n")
    assert bad.returncode == 2 and "use auto or one of" in bad.stderr
    missing = cli("/nonexistent/copy.txt")
    assert missing.returncode == 2 and not missing.stdout
