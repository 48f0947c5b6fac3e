"""The dependency parser's labels, scored only for the arcs of the tree it chose.

Stanza's graph parser scores every relation for every (dependent, head) pair of a sentence, a
tensor of words x words x relations, and then reads one label per dependent: the best relation at
the head its tree search picked. On a CPU that pairwise product was most of the parser's time (a
batched matrix product over that tensor, two thirds of depparse in `torch.profiler`), though only
one row in each sentence's words is used.

`use_labels_at_heads(model)` gives one loaded GraphParser a `predict` that does the same steps in
another order: arc scores as Stanza computes them (its own `forward_scores`), the tree from them
(the search Stanza's decoder uses), and then the relation scores of the tree's arcs only: the same
bilinear form with the same weights, summed in another order, so a label can differ from Stanza's
only where two relations score the same to the last float bits. Stanza's own `predict` still
runs where this does not apply: head-constraint repair (which needs every arc's label
probabilities), arc embeddings, or a model without the expected parts.
"""

from __future__ import annotations

import types

import torch
import torch.nn.functional as F
from stanza.models.common.vocab import VOCAB_PREFIX_SIZE


class _HiddenPair(torch.nn.Module):
    """Stands in for the model's `deprel` scorer: passes its two inputs on, scores nothing yet."""

    def __init__(self, scorer):
        super().__init__()
        self.scorer = scorer  # a DeepBiaffineScorer whose .scorer.W_bilin is a PairwiseBilinear
        bilinear = scorer.scorer.W_bilin
        # relations x dependent x head, the layout F.bilinear takes (a third faster than einsum here)
        self.register_buffer("weight", bilinear.weight.detach().permute(2, 0, 1).contiguous(), persistent=False)

    def forward(self, input1, input2):
        return input1, input2  # the hidden layers are made in `labels_at`, for the words scored only

    def _hidden(self, layer, rows):
        s = self.scorer
        out = s.dropout(s.hidden_func(layer(rows)))
        return torch.cat([out, out.new_ones(*out.shape[:-1], 1)], -1)

    def labels_at(self, pair, heads: torch.Tensor, lengths: list[int]) -> torch.Tensor:
        """Best relation id (0-based, before Stanza's vocab prefix) of each word for its head.

        pair: the parser's (dependents, heads) inputs to its relation scorer, each batch x words x
        size; heads: batch x words; lengths: the words of each sentence, its root included. Only
        the sentences' own words are scored (their hidden layers made for them alone), not the
        root nor the padding of the batch's shorter sentences (a third of the positions of a cold
        run's batches); the rest stay 0."""
        left, right = pair
        batch, width = heads.shape
        sizes = torch.as_tensor(lengths, device=heads.device).unsqueeze(1)
        real = torch.arange(width, device=heads.device).unsqueeze(0) < sizes
        real[:, 0] = False
        sent, dep = real.nonzero(as_tuple=True)
        s = self.scorer
        scores = F.bilinear(self._hidden(s.W1, left[sent, dep]), self._hidden(s.W2, right[sent, heads[sent, dep]]),
                            self.weight, s.scorer.W_bilin.bias)
        labels = torch.zeros(batch, width, dtype=torch.long, device=heads.device)
        labels[sent, dep] = scores.argmax(1)
        return labels


def use_labels_at_heads(model) -> bool:
    """Make `model` (a loaded Stanza GraphParser) score labels at the tree's arcs only; True if done."""
    deprel = getattr(model, "deprel", None)
    if (model.args.get("use_arc_embedding") or deprel is None or isinstance(deprel, _HiddenPair)
            or not hasattr(model, "forward_scores") or not hasattr(model, "decode_graph_predictions")
            or type(getattr(getattr(deprel, "scorer", None), "W_bilin", None)).__name__ != "PairwiseBilinear"):
        return isinstance(deprel, _HiddenPair)
    own_predict = model.predict
    model.deprel = _HiddenPair(deprel)

    def predict(self, *inputs, resolve_head_constraints=False):
        if resolve_head_constraints:  # needs every arc's label scores: Stanza's way
            self.deprel = self.deprel.scorer
            try:
                return own_predict(*inputs, resolve_head_constraints=True)
            finally:
                self.deprel = _HiddenPair(self.deprel)
        sentlens = inputs[12]
        with torch.no_grad():
            arc_scores, pair = self.forward_scores(*inputs)[:2]
            log_probs = F.log_softmax(arc_scores, 2).cpu().numpy()
            search = _tree_search()
            trees = [search(log_probs[i][:n, :n]) for i, n in enumerate(sentlens)]
            heads = torch.zeros(arc_scores.shape[:2], dtype=torch.long)
            for i, tree in enumerate(trees):
                heads[i, : len(tree)] = torch.as_tensor(tree, dtype=torch.long)
            labels = self.deprel.labels_at(pair, heads.to(arc_scores.device), sentlens).cpu().numpy()
        vocab = self.vocab["deprel"]
        out = []
        for i, tree in enumerate(trees):
            names = vocab.unmap([int(labels[i][d]) + VOCAB_PREFIX_SIZE for d in range(1, len(tree))])
            out.append([[int(tree[d]), names[d - 1]] for d in range(1, len(tree))])
        return out

    model.predict = types.MethodType(predict, model)
    return True


def _tree_search():
    """The search Stanza's decoder calls (after `parse._use_fast_tree_search`, ours)."""
    from stanza.models.depparse import model as depparse_model

    return depparse_model.chuliu_edmonds_one_root
