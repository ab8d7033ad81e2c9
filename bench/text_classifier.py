"""Benchmark: the copy classifier (`shop-audit text`) on mixed snippets in eight languages.

Prints snippets per second (after a warm-up that loads the language models, which is reported
separately), the share of snippets that needed the statistical language detector, and how
often the classifier agreed with the expected categories of bench/text_snippets.tsv.

    python bench/text_classifier.py [--n 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.text.classifier import TextClassifier  # noqa: E402

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def load_templates(path: Path) -> list[tuple[str, set[str], str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, expected, text = line.split("\t", 2)
        rows.append((lang, set(expected.split(",")), text))
    return rows


def snippets(templates: list[tuple[str, set[str], str]], n: int, seed: int) -> list[tuple[str, set[str], str]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        lang, expected, text = templates[i % len(templates)]
        number = str(rnd.randint(2, 59))
        if lang == "ar" and rnd.random() < 0.5:
            number = number.translate(ARABIC_INDIC)
        out.append((lang, expected, text.replace("{n}", number)))
    rnd.shuffle(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    templates = load_templates(Path(__file__).with_name("text_snippets.tsv"))
    corpus = snippets(templates, args.n, args.seed)
    classifier = TextClassifier()

    t0 = time.perf_counter()
    for lang, _expected, text in templates:  # loads lingua's models and compiles the screens
        classifier.classify(text.replace("{n}", "3"))
    warmup = time.perf_counter() - t0

    assert classifier.detector is not None
    statistical = sum(1 for _l, _e, text in corpus
                      if classifier.detector.by_script(text) is None and sum(ch.isalpha() for ch in text) >= 12)
    t0 = time.perf_counter()
    results = [classifier.classify(text) for _lang, _expected, text in corpus]
    elapsed = time.perf_counter() - t0

    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    detected: Counter[str] = Counter()
    for (lang, expected, _text), result in zip(corpus, results):
        total[lang] += 1
        agree[lang] += set(result.categories) == expected
        detected["right" if result.lang == lang else "undecided" if result.lang is None else "wrong"] += 1
    print(f"snippets: {len(corpus)} in {len(set(lg for lg, _e, _t in corpus))} languages "
          f"({len(templates)} templates)")
    print(f"warm-up (models, screens): {warmup:.2f} s")
    print(f"throughput: {len(corpus) / elapsed:,.0f} snippets/s ({elapsed:.2f} s)")
    print(f"needed the statistical detector (Latin or ambiguous Cyrillic, >= 12 letters): "
          f"{statistical / len(corpus):.0%}")
    print("language: " + ", ".join(f"{k} {detected[k] / len(corpus):.1%}" for k in ("right", "undecided", "wrong"))
          + " (undecided: too short to tell, every lexicon is used)")
    print("categories exactly as expected: " + ", ".join(
        f"{lg} {agree[lg] / total[lg]:.0%}" for lg in sorted(total)))


if __name__ == "__main__":
    main()
