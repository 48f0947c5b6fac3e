"""Multi-word tokens expanded by Stanza's dictionary first, then a memo of the run, then its model.

Stanza's mwt processor runs its seq2seq model on every token the tokenizer marked as a multi-word
token ("zum", "im", "don't") and then, with `ensemble_dict` (both of our models), throws the
model's answer away for every token its dictionary knows: 274 of the 275 marked tokens of 60
German dev articles. The model reads the token's characters only, no context, so its answer for a
token text is always the same. Here it reads only the tokens that are in neither the dictionary
nor the memo, once each; the expansions are Stanza's (tests/test_parse_shortcuts.py). The memo
holds at most MEMO_TOKENS token texts, then starts over.

Stanza modules are imported inside the function: this module is only used once Stanza is loaded.
"""

from __future__ import annotations

MEMO_TOKENS = 100_000


class _Tokens:
    """What Stanza's mwt DataLoader reads from a document: the token texts to expand."""

    def __init__(self, texts: list[str]):
        self.texts = texts

    def get_mwt_expansions(self, evaluation: bool = False) -> list[str]:
        return list(self.texts)


def use_memo(proc) -> bool:
    """Give a loaded mwt processor the dictionary-first process; False (and nothing changed) when
    the processor does not ensemble its dictionary with its model (its answers would differ)."""
    import torch
    from stanza.models.mwt.data import DataLoader

    cfg, trainer = proc.config, proc.trainer
    if cfg.get("dict_only") or not cfg.get("ensemble_dict") or getattr(trainer, "model", None) is None:
        return False
    memo: dict[str, str] = {}

    def process(document):
        if len(memo) > MEMO_TOKENS:
            memo.clear()
        texts = document.get_mwt_expansions(evaluation=True)
        todo = sorted({t for t in texts if t not in memo and trainer.dict_expansion(t) is None})
        if todo:
            batch = DataLoader(_Tokens(todo), cfg["batch_size"], cfg, vocab=proc.vocab, evaluation=True,
                               expand_unk_vocab=True)
            preds: list[str] = []
            with torch.no_grad():
                for b in batch.to_loader():
                    preds += trainer.predict(b, never_decode_unk=True, vocab=batch.vocab)
            memo.update(zip(todo, preds))
        expansions = trainer.ensemble(texts, [memo.get(t, t) for t in texts]) if texts else []
        document.set_mwt_expansions(expansions, process_manual_expanded=False)
        return document

    proc.process = process
    return True
