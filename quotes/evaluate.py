"""`quotes eval`: score predicted quotes against gold annotations.

Alignment per document: every (gold, predicted) pair that overlaps is scored by character
Jaccard; pairs are taken best overlap first, each quote used at most once. A pair counts as
matched at Jaccard >= 0.5 (and separately when the spans are identical). Speaker accuracy is
measured on matched quotes whose gold speaker is named: the prediction must name the same person
(full name, or a name sharing the surname, honorifics dropped). Per `via` (how the speaker was
found: subject, pronoun, description, continuation, …) the same figure is kept apart, so each
resolution step is measured on its own. Mention accuracy is measured on matched quotes whose gold
has a speaker mention: the predicted mention must overlap the gold `speaker_span` (or, without
offsets, contain the gold mention's words or lie inside them).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

THRESHOLD = 0.5
HONORIFICS = {"herr", "frau", "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "president", "präsident"}


def load_gold(path: Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"line {n}: not JSON ({exc.msg})") from None
    return out


def _locate(rec: dict, text: str | None) -> tuple[int, int] | None:
    """Gold span of the quote text: its `occurrence`-th hit in the article, else its annotated spans."""
    t = rec.get("text") or ""
    if text is not None and t:
        pos, hit = -1, None
        for _ in range(max(1, int(rec.get("occurrence") or 1))):
            pos = text.find(t, pos + 1)
            if pos < 0:
                break
            hit = pos
        if pos >= 0 and hit is not None:
            return hit, hit + len(t)
    spans = rec.get("spans")
    if spans:
        return spans[0][0], spans[-1][1]
    if "start" in rec and "end" in rec:
        return rec["start"], rec["end"]
    return None


def _norm_name(name: str) -> list[str]:
    toks = [t.strip(".,;:'’\"").lower() for t in name.replace("-", " ").replace("’", "'").split()]
    return [t for t in toks if t and t not in HONORIFICS]


def same_speaker(gold: str | None, pred: str | None) -> bool:
    """Do the names agree? Either may be joint speakers written "A; B": one of each is enough."""
    if not gold or not pred:
        return False
    for pred_part in pred.split(";"):
        p = _norm_name(pred_part)
        if not p:
            continue
        for part in gold.split(";"):
            g = _norm_name(part)
            if not g:
                continue
            if g == p or g[-1] == p[-1] or set(p) <= set(g) or set(g) <= set(p):
                return True
    return False


def _pred_speaker(rec: dict) -> str | None:
    """The record's speaker name, joint speakers after it as the gold writes them ("A; B")."""
    sp = rec.get("speaker")
    if isinstance(sp, dict):
        return "; ".join([sp["name"], *(sp.get("joint") or [])]) if sp.get("name") else None
    return sp


def mention_matches(gold: dict, pred: dict) -> bool:
    """Does the predicted speaker mention stand where the gold one does?"""
    sp = pred.get("speaker")
    if not isinstance(sp, dict) or not sp.get("mention"):
        return False
    span = gold.get("speaker_span")
    if span and "start" in sp and "end" in sp:
        return min(span[1], sp["end"]) > max(span[0], sp["start"])
    g, p = gold["speaker_mention"].lower(), sp["mention"].lower()
    return g in p or p in g


def _via(rec: dict) -> str:
    sp = rec.get("speaker")
    return sp.get("via") or "none" if isinstance(sp, dict) else "none"


def _lang(doc: str, rec: dict | None = None) -> str:
    if rec and rec.get("lang"):
        return rec["lang"]
    return doc.split("_", 1)[0] if "_" in doc else "?"


def _prf(matched_g: int, gold: int, matched_p: int, pred: int) -> dict:
    p = matched_p / pred if pred else 0.0
    r = matched_g / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _align(golds: list[tuple], preds: list[tuple], exact: bool) -> list[tuple[int, int, float]]:
    pairs = []
    for gi, (gs, ge, _) in enumerate(golds):
        for pi, (ps, pe, _) in enumerate(preds):
            inter = min(ge, pe) - max(gs, ps)
            if inter <= 0:
                continue
            jac = inter / (max(ge, pe) - min(gs, ps))
            if exact and (gs, ge) != (ps, pe) or not exact and jac < THRESHOLD:
                continue
            pairs.append((jac, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), []
    for jac, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi, jac))
    return out


def evaluate(gold: list[dict], pred: list[dict], texts: dict[str, str]) -> dict:
    by_doc_g: dict[str, list] = defaultdict(list)
    by_doc_p: dict[str, list] = defaultdict(list)
    for g in gold:
        if g["doc"] not in texts:
            continue  # an article outside --docs: neither found nor missed
        span = _locate(g, texts[g["doc"]])
        if span:
            by_doc_g[g["doc"]].append((*span, g))
    for p in pred:
        if "start" in p and "end" in p:
            by_doc_p[p["doc"]].append((p["start"], p["end"], p))
    # counters keyed by group: "all", "lang:de", "kind:direct", "de:direct"
    c: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses = {"missed": [], "spurious": [], "misattributed": []}
    judged: list[tuple[str, dict, bool]] = []  # (lang, prediction, right): confidence calibration

    def groups(doc: str, kind: str, rec: dict) -> list[str]:
        lang = _lang(doc, rec)
        return ["all", f"lang:{lang}", f"kind:{kind}", f"{lang}:{kind}"]

    for doc in sorted(set(by_doc_g) | set(by_doc_p)):
        gs, ps = by_doc_g.get(doc, []), by_doc_p.get(doc, [])
        pairs = _align(gs, ps, exact=False)
        exact = _align(gs, ps, exact=True)
        for _, _, g in gs:
            for k in groups(doc, g["kind"], g):
                c[k]["gold"] += 1
        for _, _, p in ps:
            for k in groups(doc, p.get("kind", "?"), p):
                c[k]["pred"] += 1
        for gi, pi, _ in pairs:
            g, p = gs[gi][2], ps[pi][2]
            for k in groups(doc, g["kind"], g):
                c[k]["matched_gold"] += 1
                c[k]["kind_ok"] += g["kind"] == p.get("kind")
                if g.get("speaker"):
                    c[k]["speaker_n"] += 1
                    ok = same_speaker(g["speaker"], _pred_speaker(p))
                    c[k]["speaker_ok"] += ok
                    c[f"{k}|via:{_via(p)}"]["n"] += 1
                    c[f"{k}|via:{_via(p)}"]["ok"] += ok
                    if not ok and k == "all":
                        misses["misattributed"].append({"doc": doc, "text": g["text"], "gold": g["speaker"],
                                                        "pred": _pred_speaker(p)})
                if g.get("speaker_mention"):
                    c[k]["mention_n"] += 1
                    c[k]["mention_ok"] += mention_matches(g, p)
                for field in ("role", "outlet"):
                    if g.get(field):
                        c[k][f"{field}_n"] += 1
                        pv = p.get(field)
                        pv = pv.get("name") if isinstance(pv, dict) else pv
                        c[k][f"{field}_ok"] += bool(pv) and (g[field].lower() in pv.lower() or pv.lower() in g[field].lower())
            for k in groups(doc, p.get("kind", "?"), p):
                c[k]["matched_pred"] += 1
        for gi, pi, _ in exact:
            g, p = gs[gi][2], ps[pi][2]
            for k in groups(doc, g["kind"], g):
                c[k]["exact_gold"] += 1
            for k in groups(doc, p.get("kind", "?"), p):
                c[k]["exact_pred"] += 1
        mg = {gi for gi, _, _ in pairs}
        mp = {pi for _, pi, _ in pairs}
        right = {pi for gi, pi, _ in pairs if not gs[gi][2].get("speaker") or
                 same_speaker(gs[gi][2]["speaker"], _pred_speaker(ps[pi][2]))}
        judged += [(_lang(doc, p), p, i in right) for i, (_, _, p) in enumerate(ps)]
        misses["missed"] += [{"doc": doc, "kind": g["kind"], "text": g["text"], "speaker": g.get("speaker")}
                             for i, (_, _, g) in enumerate(gs) if i not in mg]
        misses["spurious"] += [{"doc": doc, "kind": p.get("kind"), "text": p.get("text"),
                                "speaker": _pred_speaker(p)} for i, (_, _, p) in enumerate(ps) if i not in mp]
    scores = {}
    vias: dict[str, dict] = defaultdict(dict)
    for k, v in sorted(c.items()):
        if "|via:" in k:
            group, via = k.split("|via:")
            vias[group][via] = {"n": v["n"], "speaker_accuracy": round(v["ok"] / v["n"], 4)}
            continue
        s = {"gold": v["gold"], "predicted": v["pred"], "matched": v["matched_gold"]}
        s.update(_prf(v["matched_gold"], v["gold"], v["matched_pred"], v["pred"]))
        ex = _prf(v["exact_gold"], v["gold"], v["exact_pred"], v["pred"])
        s["exact_f1"] = ex["f1"]
        s["kind_accuracy"] = round(v["kind_ok"] / v["matched_gold"], 4) if v["matched_gold"] else None
        s["speaker_accuracy"] = round(v["speaker_ok"] / v["speaker_n"], 4) if v["speaker_n"] else None
        s["speaker_n"] = v["speaker_n"]
        s["mention_accuracy"] = round(v["mention_ok"] / v["mention_n"], 4) if v["mention_n"] else None
        s["mention_n"] = v["mention_n"]
        for field in ("role", "outlet"):
            s[f"{field}_accuracy"] = round(v[f"{field}_ok"] / v[f"{field}_n"], 4) if v[f"{field}_n"] else None
        scores[k] = s
    for group, by_via in vias.items():
        scores[group]["speaker_by_via"] = dict(sorted(by_via.items()))
    report = {"scores": scores, "misses": misses, "judged": judged}
    calibration = _calibration(judged, c)
    if calibration:
        report["calibration"] = calibration
    return report


THRESHOLDS = (0.5, 0.7, 0.8, 0.9)


def right_labels(gold: list[dict], pred: list[dict], texts: dict[str, str]) -> list[tuple[dict, bool]]:
    """Each prediction (of a doc in `texts`) with whether it is right: it matches a gold quote and
    names its speaker, or the gold names none (the label `quotes fit-confidence` fits)."""
    return [(p, ok) for _, p, ok in evaluate(gold, pred, texts)["judged"]]


def _calibration(judged: list[tuple[str, dict, bool]], counts) -> dict | None:
    """Reliability table, expected calibration error and precision/recall at a few confidence
    thresholds, overall and per language, when the predictions carry a confidence."""
    from .confidence import reliability

    scored = [(lang, float(p["confidence"]), ok) for lang, p, ok in judged if p.get("confidence") is not None]
    if not scored:
        return None
    out = {}
    for group in ["all", *sorted({lang for lang, _, _ in scored})]:
        rows = [(s, ok) for lang, s, ok in scored if group in ("all", lang)]
        table, ece = reliability([s for s, _ in rows], [ok for _, ok in rows])
        gold = counts["all" if group == "all" else f"lang:{group}"]["gold"]
        at = {}
        for t in THRESHOLDS:
            kept = [ok for s, ok in rows if s >= t]
            at[str(t)] = {"records": len(kept), "precision": round(sum(kept) / len(kept), 4) if kept else None,
                          "recall": round(sum(kept) / gold, 4) if gold else None}
        out[group] = {"n": len(rows), "right": round(sum(ok for _, ok in rows) / len(rows), 4), "ece": ece,
                      "reliability": table, "at_threshold": at}
    return out


def format_report(report: dict) -> str:
    head = f"{'group':<16}{'gold':>6}{'pred':>6}{'match':>6}{'P':>7}{'R':>7}{'F1':>7}{'exF1':>7}{'kind':>7}{'spk':>7}{'spk_n':>6}{'ment':>7}{'role':>7}{'outl':>7}"
    lines = [head, "-" * len(head)]

    def f(x):
        return "   n/a" if x is None else f"{x:7.3f}"

    order = sorted(report["scores"], key=lambda k: (k != "all", ":" in k and not k.startswith(("lang", "kind")), k))
    for k in order:
        s = report["scores"][k]
        lines.append(f"{k:<16}{s['gold']:>6}{s['predicted']:>6}{s['matched']:>6}{s['precision']:7.3f}{s['recall']:7.3f}"
                     f"{s['f1']:7.3f}{s['exact_f1']:7.3f}{f(s['kind_accuracy'])}{f(s['speaker_accuracy'])}{s['speaker_n']:>6}"
                     f"{f(s['mention_accuracy'])}{f(s['role_accuracy'])}{f(s['outlet_accuracy'])}")
    by_via = report["scores"].get("all", {}).get("speaker_by_via")
    if by_via:
        lines.append("speaker accuracy by how it was found (all): " + ", ".join(
            f"{via} {v['speaker_accuracy']:.3f} ({v['n']})" for via, v in by_via.items()))
    for group, cal in report.get("calibration", {}).items():
        lines.append(f"confidence ({group}, {cal['n']} records, {cal['right']:.3f} right): ECE {cal['ece']:.3f}; "
                     "reliability " + " ".join(f"{r['bin']}:{r['right']:.2f}/{r['n']}" for r in cal["reliability"] if r["n"]))
        lines.append("  at confidence >= " + ", ".join(
            f"{t}: P {v['precision'] if v['precision'] is not None else float('nan'):.3f} R {v['recall'] if v['recall'] is not None else float('nan'):.3f} ({v['records']})"
            for t, v in cal["at_threshold"].items()))
    return "\n".join(lines)


def format_misses(report: dict) -> str:
    out = []
    for key in ("missed", "spurious", "misattributed"):
        items = report["misses"][key]
        out.append(f"\n## {key} ({len(items)})")
        for m in items:
            out.append(json.dumps(m, ensure_ascii=False))
    return "\n".join(out)
