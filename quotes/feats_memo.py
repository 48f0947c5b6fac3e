"""The tagger's feature strings answered from a memo (a shortcut for Stanza's pos processor).

For every position of its padded batch, Stanza's tagger turns the predicted feature ids into a
string ("Case=Nom|Gender=Fem|Number=Sing") by walking every feature the model knows (dozens) and
formatting each one that is set: under cProfile a fifth of the tagger's time on English dev
articles. The same id tuples come back again and again, so the loaded tagger's composite
vocabularies (features, composite XPOS) keep each answer; at most MEMO_ENTRIES, then they start
over. The strings are Stanza's (tests/test_parse_shortcuts.py).

Stanza modules are imported inside the function: this module is only used once Stanza is loaded.
"""

from __future__ import annotations

MEMO_ENTRIES = 100_000


def use_memo(proc) -> int:
    """Give the composite vocabularies of a loaded pos processor a memo; how many got one."""
    from stanza.models.common.vocab import CompositeVocab

    vocabs = getattr(getattr(getattr(proc, "trainer", None), "vocab", None), "_vocabs", None) or {}
    memoised = 0
    for vocab in vocabs.values():
        if isinstance(vocab, CompositeVocab) and "id2unit" not in vars(vocab):
            vocab.id2unit = _memoised(vocab.id2unit)
            memoised += 1
    return memoised


def _memoised(id2unit):
    memo: dict = {}

    def lookup(ids):
        try:
            key = tuple(ids) if isinstance(ids, list) else ids
            return memo[key]
        except KeyError:
            pass
        except TypeError:  # ids that cannot be a key (nested lists): no memo
            return id2unit(ids)
        out = id2unit(ids)
        if isinstance(out, str):  # a vocabulary without a separator gives a list: not shared
            if len(memo) >= MEMO_ENTRIES:
                memo.clear()
            memo[key] = out
        return out

    return lookup
