"""Linear-chain CRF inference in numpy, over the weights of a crfsuite model.

python-crfsuite trains the tagger and stays its reference; this module only *decodes*, faster.
Where time goes with crfsuite's own decoder: turning ~40 attribute strings per token into an
``ItemSequence`` and looking each one up in the model's string dictionary, again for every token.
A first-order CRF's state score at a position is the sum of the weights of the attributes present
there, and every attribute the featurizer emits is a function of ONE word (the word itself or a
neighbour, seen from a fixed offset). So each word type's contribution to its own position and to
its neighbours' positions is a fixed vector of label scores: computed once per type, cached,
and a sentence's score matrix is five shifted sums. Viterbi and forward-backward (for the
posteriors the recall bias needs) then run over a whole batch of sentences at once, one numpy
step per token position.

Same model, same decisions: ``tests/test_ner.py`` checks the tags against crfsuite's decoder.
crfsuite 1st-order models have no start/end transitions; neither does this.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

__all__ = ["Weights", "decode"]


class Weights:
    """State and transition weights of a crfsuite model, indexed by label position.

    ``attr[name]`` is the label-score vector of one attribute (only attributes with a weight);
    ``trans[i, j]`` the score of label j following label i.
    """

    def __init__(self, labels: Sequence[str], state_features: dict, transitions: dict):
        self.labels = tuple(labels)
        index = {lb: i for i, lb in enumerate(self.labels)}
        n = len(self.labels)
        attr: dict[str, np.ndarray] = {}
        for (name, label), w in sorted(state_features.items()):
            v = attr.get(name)
            if v is None:
                v = attr[name] = np.zeros(n)
            v[index[label]] += w
        self.attr = attr
        self.trans = np.zeros((n, n))
        for (a, b), w in sorted(transitions.items()):
            self.trans[index[a], index[b]] = w
        self.exp_trans = np.exp(self.trans - self.trans.max())
        self.zero = np.zeros(n)

    @classmethod
    def from_crfsuite(cls, tagger) -> "Weights":
        info = tagger.info()
        return cls(tagger.labels(), info.state_features, info.transitions)

    def score(self, attributes: Sequence[str]) -> np.ndarray:
        """Sum of the label-score vectors of ``attributes`` (unknown ones weigh nothing;
        a repeated one counts each time, as in crfsuite)."""
        out = self.zero.copy()
        get = self.attr.get
        for a in attributes:
            v = get(a)
            if v is not None:
                out += v
        return out


def decode(weights: Weights, scores: np.ndarray, lengths: Sequence[int], o_label: int | None = None,
           o_threshold: float | None = None, max_cells: int = 20_000) -> np.ndarray:
    """Best label index per position for sentences laid end to end.

    ``scores`` is the (N, L) state-score matrix of all positions of all sentences, in order;
    ``lengths`` their lengths (summing to N). Returns N label indexes.

    With ``o_threshold``: a position Viterbi labels ``o_label`` whose posterior probability of
    that label is below the threshold gets its most probable other label instead.
    Sentences are decoded together, longest first, in batches of at most ``max_cells`` padded
    positions; at step t only the sentences longer than t are computed.
    """
    lengths = np.asarray(lengths, dtype=np.intp)
    out = np.zeros(len(scores), dtype=np.intp)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(lengths) else lengths
    order = [i for i in np.argsort(-lengths, kind="stable") if lengths[i] > 0]
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) + 1) * lengths[batch[0]] > max_cells:
            _decode_batch(weights, scores, lengths, starts, batch, out, o_label, o_threshold)
            batch = []
        batch.append(i)
    if batch:
        _decode_batch(weights, scores, lengths, starts, batch, out, o_label, o_threshold)
    return out


def _decode_batch(weights, scores, lengths, starts, batch, out, o_label, o_threshold):
    lens = lengths[batch]                                   # descending
    b, t_max, n = len(batch), int(lens[0]), len(weights.labels)
    pos = np.arange(t_max)
    idx = starts[batch][:, None] + pos[None, :]             # (b, t_max) rows of ``scores``
    valid = pos[None, :] < lens[:, None]
    S = scores[np.where(valid, idx, 0)]                     # (b, t_max, n); padding unused
    active = (lens[None, :] > pos[:, None]).sum(axis=1)     # rows still running at each step
    trans = weights.trans

    delta = S[:, 0].copy()
    back = np.zeros((b, t_max, n), dtype=np.intp)
    for t in range(1, t_max):
        k = active[t]
        cand = delta[:k, :, None] + trans                   # (k, from, to)
        back[:k, t] = cand.argmax(axis=1)
        delta[:k] = cand.max(axis=1) + S[:k, t]
    path = np.zeros((b, t_max), dtype=np.intp)
    path[np.arange(b), lens - 1] = delta.argmax(axis=1)
    for t in range(t_max - 1, 0, -1):
        k = active[t]
        path[:k, t - 1] = back[np.arange(k), t, path[:k, t]]

    if o_threshold is not None and o_label is not None:
        # posteriors by scaled forward-backward (each step renormalised: no overflow)
        E = np.exp(S - S.max(axis=2, keepdims=True))
        M = weights.exp_trans
        alpha = np.ones((b, t_max, n))
        alpha[:, 0] = E[:, 0] / E[:, 0].sum(axis=1, keepdims=True)
        for t in range(1, t_max):
            k = active[t]
            a = (alpha[:k, t - 1] @ M) * E[:k, t]
            alpha[:k, t] = a / a.sum(axis=1, keepdims=True)
        beta = np.ones((b, t_max, n))
        for t in range(t_max - 2, -1, -1):
            k = active[t + 1]
            v = (E[:k, t + 1] * beta[:k, t + 1]) @ M.T
            beta[:k, t] = v / v.sum(axis=1, keepdims=True)
        post = alpha * beta
        post /= post.sum(axis=2, keepdims=True)
        p_o = post[:, :, o_label].copy()
        post[:, :, o_label] = -1.0
        swap = (path == o_label) & (p_o < o_threshold)
        path = np.where(swap, post.argmax(axis=2), path)

    out[idx[valid]] = path[valid]
