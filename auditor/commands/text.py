"""`shop-audit text`: classify shop copy without a browser, one snippet per line.

    shop-audit text copy.txt
    printf 'Only 2 left!\nNo thanks\n' | shop-audit text -
    shop-audit text banners.txt --lang de

Prints one JSON object per non-empty input line: the snippet, its line number, its language,
the pattern ids it is direct evidence of (confirmshaming, trick-question) or the claims it
makes that only a browser check can verify, its categories (or "none"), the lexicon matches
with their character spans, and a note on what text alone cannot judge.
"""

from __future__ import annotations

import json
from typing import TextIO

import click


def _lang(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    from auditor.text.lexicon import lexicons

    value = value.strip().lower()
    known = lexicons().languages
    if value != "auto" and value not in known:
        raise click.BadParameter(f"{value!r}: use auto or one of {', '.join(known)}")
    return value


@click.command("text")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--lang", default="auto", show_default=True, callback=_lang,
              help="Language of the snippets (a two-letter code the lexicons cover), or auto to "
                   "detect it per snippet.")
def text_command(source: TextIO, lang: str) -> None:
    """Classify marketing copy for dark-pattern wording: SOURCE is a file with one snippet per
    line, or - (the default) for standard input. One JSON object per line goes to standard output."""
    from auditor.text.classifier import TextClassifier

    classifier = TextClassifier()
    for number, line in enumerate(source, start=1):
        snippet = line.rstrip("\r\n")
        if not snippet.strip():
            continue
        result = classifier.classify(snippet, lang)
        record = {"line": number, **result.model_dump(mode="json")}
        click.echo(json.dumps(record, ensure_ascii=False))
