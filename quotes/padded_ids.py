"""Stanza's padded id tensors, built by numpy in a few calls instead of one small tensor per row.

Every Stanza data loader (tagger, parser, lemmatizer, their character models) turns its id lists
into a padded LongTensor with `stanza.models.common.data.get_long_tensor`, which makes a tensor of
each row and copies it in: thousands of small tensors per batch, 6-8% of the tagger's and the
parser's time in a cold run (py-spy). `padded_long_tensor` returns the same tensor (same shape,
same ids, same padding; tests/test_parse_shortcuts.py compares them) from one numpy array.

Stanza modules are imported inside `use_padded_ids`: this module is only used once Stanza is loaded.
"""

from __future__ import annotations

from itertools import chain

# the Stanza modules that imported get_long_tensor by name, and so are patched one by one
_USERS = ("stanza.models.common.data", "stanza.models.pos.data", "stanza.models.depparse.data",
          "stanza.models.lemma.data", "stanza.models.common.char_model")


def padded_long_tensor(tokens_list: list, batch_size: int, pad_id: int = 0):
    """What Stanza's get_long_tensor returns: `tokens_list` (lists of ids, nested to any depth, rows
    of equal length below the second level) as a LongTensor of `batch_size` rows, padded with
    `pad_id` to the longest list at each level."""
    import numpy as np
    import torch

    sizes, x = [], tokens_list
    while isinstance(x[0], list):
        sizes.append(max(len(y) for y in x))
        x = [z for y in x for z in y]
    out = np.full((batch_size, *sizes), pad_id, dtype=np.int64)
    lengths = np.fromiter((len(s) for s in tokens_list), dtype=np.int64, count=len(tokens_list))
    if len(sizes) == 1:  # rows of ids: one masked assignment
        mask = np.arange(sizes[0]) < lengths[:, None]
        out[:len(tokens_list)][mask] = np.fromiter(chain.from_iterable(tokens_list), dtype=np.int64,
                                                   count=int(lengths.sum()))
    else:  # rows of equal-length id lists (feature ids per word): one assignment per row
        for i, s in enumerate(tokens_list):
            if s:
                out[i, :len(s)] = s
    return torch.from_numpy(out)


def use_padded_ids() -> None:
    """Let every Stanza data loader build its id tensors with `padded_long_tensor`."""
    import importlib

    for name in _USERS:
        module = importlib.import_module(name)
        if hasattr(module, "get_long_tensor"):
            module.get_long_tensor = padded_long_tensor
