"""`quotes eval-trace`: predicted clusters (`quotes trace`) scored against gold clusters, with
pairwise link precision, recall and F1 (over pairs of records put in one cluster) and B-cubed."""

from __future__ import annotations

import difflib
from collections import defaultdict

MATCH = 0.5  # a gold member is a predicted record of its doc when their longest common run of
             # characters covers at least half of the shorter text


def _overlap(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sm.find_longest_match(0, len(a), 0, len(b)).size / min(len(a), len(b))


def _span_jaccard(gm: dict, m: dict) -> float:
    """Character Jaccard of a gold member's {start, end} and a record's offsets (0 when either lacks them)."""
    try:
        gs, ge, ps, pe = int(gm["start"]), int(gm["end"]), int(m["start"]), int(m["end"])
    except (KeyError, TypeError, ValueError):
        return 0.0
    inter = min(ge, pe) - max(gs, ps)
    return inter / (max(ge, pe) - min(gs, ps)) if inter > 0 else 0.0


def _by_offsets(gm: dict) -> bool:
    return not gm.get("text") and isinstance(gm.get("start"), int) and isinstance(gm.get("end"), int)


def evaluate_clusters(gold: list[dict], pred: list[dict], gold_only: bool = False) -> dict:
    """Score predicted clusters (as `Cluster.as_dict()` writes them) against gold clusters
    ({"cluster", "members": [{"doc", "text"}]}; members may give "id", or "doc" with character
    offsets "start", "end" instead of the text).

    The records scored are the predicted ones. Each gold member is matched to one predicted record
    of its doc: its id; else, for a member given by offsets, the record whose span has a character
    Jaccard of at least evaluate.THRESHOLD (0.5) with it, the rule by which `quotes eval` matches a
    quote; else the best text overlap >= MATCH. Best pairs first, each record once. A predicted
    record no gold member matches is a gold singleton, or, with `gold_only` (for a gold that is
    exhaustive over a subset of the records only: a set of speakers, of articles), left out, and
    so are its links; a gold member matching nothing is counted in `gold_unmatched` and left out.
    Pairwise: over pairs of records put in one cluster (singletons add no pair). B-cubed: per
    record, the share of its predicted cluster in its gold cluster (precision) and of its gold
    cluster in its predicted one (recall), averaged."""
    from .evaluate import THRESHOLD

    pred_of: dict[str, str] = {}
    recs: dict[str, dict] = {}
    for c in pred:
        for m in c.get("members", []):
            if m.get("id") not in recs:
                recs[m["id"]] = m
                pred_of[m["id"]] = c.get("id")
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in recs.values():
        by_doc[m.get("doc")].append(m)
    cands = []
    for gi, g in enumerate(gold):
        for mi, gm in enumerate(g.get("members", [])):
            if gm.get("id") in recs:
                cands.append((2.0, gi, mi, gm["id"]))
                continue
            offsets = _by_offsets(gm)
            for m in by_doc.get(gm.get("doc"), ()):
                score = _span_jaccard(gm, m) if offsets else _overlap(gm.get("text") or "", m.get("text") or "")
                if score >= (THRESHOLD if offsets else MATCH):
                    cands.append((score, gi, mi, m["id"]))
    gold_of: dict[str, str] = {}
    used_members = set()
    for score, gi, mi, rid in sorted(cands, key=lambda c: -c[0]):
        if (gi, mi) in used_members or rid in gold_of:
            continue
        used_members.add((gi, mi))
        gold_of[rid] = gold[gi].get("cluster") or f"gold-{gi}"
    n_gold = sum(len(g.get("members", [])) for g in gold)
    if gold_only:  # the gold covers only its own records: score those, with their predicted clusters
        recs = {rid: m for rid, m in recs.items() if rid in gold_of}
        pred_of = {rid: pred_of[rid] for rid in recs}
    for rid in recs:
        gold_of.setdefault(rid, "\x00" + rid)  # a gold singleton

    def pairs(label: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for rid, lab in label.items():
            groups[lab].append(rid)
        return {(a, b) for g in groups.values() for i, a in enumerate(sorted(g)) for b in sorted(g)[i + 1:]}

    pp, gp = pairs(pred_of), pairs(gold_of)
    hit = len(pp & gp)
    p = hit / len(pp) if pp else 1.0
    r = hit / len(gp) if gp else 1.0
    pred_groups: dict[str, set] = defaultdict(set)
    gold_groups: dict[str, set] = defaultdict(set)
    for rid in recs:
        pred_groups[pred_of[rid]].add(rid)
        gold_groups[gold_of[rid]].add(rid)
    bp = br = 0.0
    for rid in recs:
        both = len(pred_groups[pred_of[rid]] & gold_groups[gold_of[rid]])
        bp += both / len(pred_groups[pred_of[rid]])
        br += both / len(gold_groups[gold_of[rid]])
    n = len(recs) or 1
    bp, br = (bp / n, br / n) if recs else (1.0, 1.0)

    def f1(a, b):
        return 2 * a * b / (a + b) if a + b else 0.0

    missed = sorted(pp ^ gp)
    return {"records": len(recs), "gold_members": n_gold, "gold_unmatched": n_gold - len(used_members),
            "pairwise": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4),
                         "pred_pairs": len(pp), "gold_pairs": len(gp), "common": hit},
            "bcubed": {"precision": round(bp, 4), "recall": round(br, 4), "f1": round(f1(bp, br), 4)},
            "wrong_pairs": [list(x) for x in sorted(pp - gp)], "missed_pairs": [list(x) for x in sorted(gp - pp)],
            "_missed": len(missed)}
