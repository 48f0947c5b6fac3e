"""Confidence: the features, the arithmetic of the model, calibration figures, --min-confidence."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from conftest import ROOT, _models_dir
from quotes.cli import app
from quotes.confidence import ConfidenceModel, features, load_model, reliability
from quotes.evaluate import evaluate
from quotes.record import Quote

TEXT = "„Wir bleiben hier“, sagte die Ministerin Anna Berg."


def _quote(**kw) -> Quote:
    rec = {"id": "x", "doc": "d", "lang": "de", "kind": "direct", "text": "Wir bleiben hier", "start": 1, "end": 17,
           "cue": {"start": 20, "end": 25, "text": "sagte", "lemma": "sagen"},
           "speaker": {"start": 26, "end": 50, "name": "Anna Berg", "mention": "die Ministerin Anna Berg",
                       "type": "person", "via": "subject"},
           "role": "Ministerin", "outlet": None, "publisher": None}
    rec.update(kw)
    return Quote.model_validate(rec)


def test_features_name_what_the_pipeline_knows():
    f = features(_quote(), frozenset({"sagen"}))
    assert f == ["kind=direct", "via=subject", "kind=direct|via=subject", "words=<=3", "type=person", "named",
                 "speaker_gap=<=20", "cue=sagen", "cue_gap=<=20", "role"]
    bare = features(_quote(cue=None, speaker=None, role=None, text="ein sehr langer Satz " * 12, end=241))
    assert bare == ["kind=direct", "via=none", "kind=direct|via=none", "words=>40", "cue=none"]
    assert "cue=other" in features(_quote(), frozenset())  # a lemma the model does not know by name


def test_score_is_the_sigmoid_of_the_summed_weights_and_survives_a_round_trip(tmp_path):
    model = ConfidenceModel("de", -0.5, {"kind=direct": 1.25, "named": 0.75, "cue=sagen": 0.5, "via=none": -3.0},
                            frozenset({"sagen"}))
    assert model.score(_quote()) == pytest.approx(1 / (1 + math.exp(-(-0.5 + 1.25 + 0.75 + 0.5))))
    (tmp_path / "confidence").mkdir()
    (tmp_path / "confidence" / "de.toml").write_text(model.dumps("a note"), encoding="utf-8")
    again = load_model(tmp_path, "de")
    assert again == model and load_model(tmp_path, "en") is None


def test_reliability_table_and_ece_by_hand():
    # bin 0.1-0.2: scores 0.1, 0.1, right 1 of 2 -> |0.1 - 0.5| * 2/4; bin 0.9-1.0: 0.9, 1.0, both right
    # -> |0.95 - 1.0| * 2/4; ECE = 0.2 + 0.025
    table, ece = reliability([0.1, 0.1, 0.9, 1.0], [True, False, True, True])
    assert ece == pytest.approx(0.225)
    assert [(r["bin"], r["n"]) for r in table if r["n"]] == [("0.1-0.2", 2), ("0.9-1.0", 2)]


def test_eval_reports_calibration_and_thresholds_when_records_are_scored():
    texts = {"a.txt": TEXT + " Er sagte, es gehe weiter."}
    gold = [{"doc": "a.txt", "kind": "direct", "text": "Wir bleiben hier", "speaker": "Anna Berg"}]
    right = _quote(doc="a.txt", confidence=0.9).model_dump(mode="json")
    wrong_speaker = {**right, "start": 52, "end": 70, "text": texts["a.txt"][52:70], "confidence": 0.3}
    report = evaluate(gold, [right, wrong_speaker], texts)
    cal = report["calibration"]["all"]
    assert (cal["n"], cal["right"]) == (2, 0.5)
    assert cal["at_threshold"]["0.8"] == {"records": 1, "precision": 1.0, "recall": 1.0}
    assert cal["ece"] == pytest.approx(0.5 * 0.1 + 0.5 * 0.3)


def test_fit_learns_that_unnamed_records_are_less_often_right():
    pytest.importorskip("sklearn")
    from quotes.confidence import fit

    named, unnamed = _quote(), _quote(speaker=None, cue=None)
    records = [named] * 40 + [unnamed] * 40
    labels = [True] * 36 + [False] * 4 + [True] * 8 + [False] * 32  # 90% and 20% right
    model = fit(records, labels, "de", min_lemma_count=1)
    assert model.score(named) == pytest.approx(0.9, abs=0.06) and model.score(unnamed) == pytest.approx(0.2, abs=0.06)
    assert model.cue_lemmas == frozenset({"sagen"})


@pytest.fixture(scope="module")
def models(extractor) -> str:
    return str(_models_dir())


def test_shipped_models_score_every_record_and_min_confidence_filters(models, tmp_path):
    for lang in ("de", "en"):
        assert load_model(ROOT / "rules", lang) is not None, f"rules/confidence/{lang}.toml is missing"
    (tmp_path / "a.txt").write_text(TEXT + "\nDie Lage sei ernst, hieß es.\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["extract", "--no-cache", "--models", models, str(tmp_path)])
    records = [json.loads(x) for x in run.stdout.splitlines()]
    assert records and all(0.0 <= r["confidence"] <= 1.0 for r in records)
    cut = sorted(r["confidence"] for r in records)[-1]
    kept = CliRunner().invoke(app, ["extract", "--no-cache", "--models", models, "--min-confidence", str(cut), str(tmp_path)])
    assert [json.loads(x)["confidence"] for x in kept.stdout.splitlines()] == [r["confidence"] for r in records if r["confidence"] >= cut]
