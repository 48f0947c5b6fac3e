"""The scorer behind `quotes eval`: alignment, the figures and speaker matching, on hand-made records."""

from __future__ import annotations

from quotes.evaluate import evaluate, same_speaker

TEXT = "Wang Yi said the talks went well. Li Mingjiang said: “We are ready to talk.” The rest is news."


def gold(text, kind, speaker, doc="en_a.txt"):
    return {"doc": doc, "kind": kind, "text": text, "speaker": speaker, "occurrence": 1}


def pred(text, kind, speaker, doc="en_a.txt"):
    start = TEXT.index(text)
    return {"doc": doc, "kind": kind, "text": text, "start": start, "end": start + len(text),
            "speaker": {"name": speaker} if speaker else None}


def test_figures_alignment_and_speakers():
    golds = [gold("the talks went well", "indirect", "Wang Yi"),
             gold("We are ready to talk.", "direct", "Li Mingjiang"),
             gold("Nowhere in this article", "direct", "Ghost", doc="en_not_in_docs.txt")]
    preds = [pred("the talks went well", "indirect", "Mr. Wang Yi"),      # exact, same person
             pred("We are ready to talk", "mixed", "Wang Yi"),            # overlap 20/21, wrong kind and speaker
             pred("ready to", "direct", "Li"),                             # second overlap: one-to-one, so spurious
             pred("The rest is news.", "direct", None)]                    # spurious
    s = evaluate(golds, preds, {"en_a.txt": TEXT})["scores"]["all"]
    assert (s["gold"], s["predicted"], s["matched"]) == (2, 4, 2)  # the article outside the docs is not counted
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 1.0, 0.6667)
    assert s["exact_f1"] == round(2 * 0.25 * 0.5 / 0.75, 4)
    assert (s["kind_accuracy"], s["speaker_accuracy"], s["speaker_n"]) == (0.5, 0.5, 2)


def test_misses_name_what_went_wrong():
    report = evaluate([gold("the talks went well", "indirect", "Wang Yi")],
                      [pred("The rest is news.", "direct", None)], {"en_a.txt": TEXT})
    assert [m["text"] for m in report["misses"]["missed"]] == ["the talks went well"]
    assert [m["text"] for m in report["misses"]["spurious"]] == ["The rest is news."]


def test_same_speaker_by_surname_honorific_or_any_of_several():
    assert same_speaker("Wang Yi", "Herr Wang Yi") and same_speaker("Xi Jinping", "Jinping")
    assert same_speaker("Volker Beck; Wolfgang Wieland", "Wieland")
    assert not same_speaker("Wang Yi", "Li Mingjiang") and not same_speaker("Wang Yi", None)
    # joint speakers on either side: one of each agreeing is enough
    assert same_speaker("Patrick J. Leahy", "Charles E. Grassley; Patrick J. Leahy")
    assert not same_speaker("Wang Yi", "Charles E. Grassley; Patrick J. Leahy")


def test_a_record_with_joint_speakers_is_right_for_either_of_them():
    p = pred("the talks went well", "indirect", "Li Mingjiang")
    p["speaker"]["joint"] = ["Wang Yi"]
    s = evaluate([gold("the talks went well", "indirect", "Wang Yi")], [p], {"en_a.txt": TEXT})["scores"]["all"]
    assert s["speaker_accuracy"] == 1.0
    p["speaker"]["joint"] = []
    s = evaluate([gold("the talks went well", "indirect", "Wang Yi")], [p], {"en_a.txt": TEXT})["scores"]["all"]
    assert s["speaker_accuracy"] == 0.0
