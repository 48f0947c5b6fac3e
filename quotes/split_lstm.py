"""Stanza's tokenizer LSTMs run as two one-directional passes over padded rows instead of packed ones.

The tokenizer reads every paragraph character by character through two small bidirectional LSTMs
(64 units), fed as PackedSequences. On a CPU torch runs a packed LSTM step by step, a small
matrix product per step and direction; over rows padded to one length it takes its fused kernel
(oneDNN). Padding cannot simply be added to a bidirectional LSTM, since the backward direction
would start in the padding; so the backward direction runs forwards over each row reversed in
place (its characters in reverse order, padding after them), and its outputs are put back in
order. Each character's output is the packed LSTM's up to float rounding (about 1e-7); the tokens
and sentences of the benchmark corpus, news-dev and both dev splits are the same
(docs/throughput.md), and tests/test_parse_shortcuts.py compares the outputs with the packed
LSTM's. 1.2-1.4x the packed LSTM on the tokenizer's real batches; the tagger's and parser's
LSTMs, over sentences of very different lengths, are faster packed and are left alone.

Stanza modules are imported inside the functions: this module is only used once Stanza is loaded.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

_WEIGHTS = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")


class SplitBiLSTM(nn.Module):
    """A one-layer, bidirectional, batch-first nn.LSTM without initial state, called with a
    PackedSequence: the same outputs, as (PackedSequence, None) (its callers ignore the final state)."""

    def __init__(self, lstm: nn.LSTM):
        super().__init__()
        self.forward_pass = nn.LSTM(lstm.input_size, lstm.hidden_size, batch_first=True)
        self.backward_pass = nn.LSTM(lstm.input_size, lstm.hidden_size, batch_first=True)
        with torch.no_grad():
            for name in _WEIGHTS:
                getattr(self.forward_pass, name).copy_(getattr(lstm, name))
                getattr(self.backward_pass, name).copy_(getattr(lstm, name + "_reverse"))
        self.eval()

    def forward(self, packed: PackedSequence, hx=None):
        x, lengths = pad_packed_sequence(packed, batch_first=True)
        rows, steps, width = x.shape
        at = torch.arange(steps)
        # position t of a reversed row holds its character length-1-t (padding: any, masked below)
        mirror = (lengths[:, None] - 1 - at[None, :]).clamp(min=0)[:, :, None]
        ahead, _ = self.forward_pass(x)
        behind, _ = self.backward_pass(torch.gather(x, 1, mirror.expand(rows, steps, width)))
        behind = torch.gather(behind, 1, mirror.expand(rows, steps, behind.shape[2]))
        out = torch.cat([ahead, behind], 2) * (at[None, :] < lengths[:, None])[:, :, None]
        return pack_padded_sequence(out, lengths, batch_first=True, enforce_sorted=packed.sorted_indices is None), None


def _replaceable(lstm) -> bool:
    return type(lstm) is nn.LSTM and lstm.num_layers == 1 and lstm.bidirectional and lstm.batch_first \
        and lstm.bias and not lstm.proj_size


def use_split_lstms(nlp) -> bool:
    """Give a loaded pipeline's tokenizer the split LSTMs; False (nothing changed) for a tokenizer
    of another build (a character language model, several layers) or on a GPU (whose packed LSTM
    is fused already)."""
    model = getattr(getattr(nlp.processors.get("tokenize"), "trainer", None), "model", None)
    names = [n for n in ("rnn", "rnn2") if hasattr(model, n)]
    if model is None or getattr(model, "charmodel", None) is not None or not names \
            or not all(_replaceable(getattr(model, n)) for n in names) \
            or any(p.device.type != "cpu" for p in model.parameters()):
        return False
    for n in names:
        setattr(model, n, SplitBiLSTM(getattr(model, n)))
    return True
