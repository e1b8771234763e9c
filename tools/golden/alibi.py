"""Golden vectors for the alibi kata: the ALiBi authors' get_slopes (ofirpress/attention_with_linear_biases)
and causal attention in PyTorch float64 with the bias -m (i - j) added after the 1/sqrt(d) scaling.

Run with /usr/bin/python3 tools/golden/alibi.py (Debian's python3-torch).
"""
import json
import math
import os

import torch


def get_slopes(n):
    # as in the ALiBi repository (fairseq/models/transformer.py) and BLOOM
    def get_slopes_power_of_2(n):
        start = 2 ** (-2 ** -(math.log2(n) - 3))
        ratio = start
        return [start * ratio ** i for i in range(n)]

    if math.log2(n).is_integer():
        return get_slopes_power_of_2(n)
    closest_power_of_2 = 2 ** math.floor(math.log2(n))
    return get_slopes_power_of_2(closest_power_of_2) + get_slopes(2 * closest_power_of_2)[0::2][: n - closest_power_of_2]


def attention(q, k, v):
    h, n, d = q.shape
    m = torch.tensor(get_slopes(h), dtype=torch.float64).view(h, 1, 1)
    pos = torch.arange(n, dtype=torch.float64)
    distance = pos.view(n, 1) - pos.view(1, n)  # i - j
    bias = -m * distance
    mask = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
    scores = q @ k.transpose(-1, -2) / math.sqrt(d) + bias
    scores = scores.masked_fill(mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v


torch.manual_seed(15)
cases = []
for heads in [1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 24, 40]:
    cases.append({"input": {"heads": heads}, "output": {"slopes": [float(x) for x in get_slopes(heads)]}})
for h, n, d, dv in [(1, 3, 2, 2), (2, 4, 3, 2), (3, 5, 4, 3), (4, 4, 2, 1), (6, 6, 4, 2)]:
    q = torch.randn(h, n, d, dtype=torch.float64) * 1.5
    k = torch.randn(h, n, d, dtype=torch.float64) * 1.5
    v = torch.randn(h, n, dv, dtype=torch.float64)
    cases.append({"input": {"q": q.tolist(), "k": k.tolist(), "v": v.tolist()}, "output": {"out": attention(q, k, v).tolist()}})

out = {
    "kata": "alibi",
    "oracle": "PyTorch " + torch.__version__ + " (float64), slopes from the ALiBi authors' get_slopes",
    "semantics": "slopes(H) as get_slopes; out[h] = softmax(q k^T / sqrt(d) - m_h (i - j), causal) v",
    "cases": cases,
}
path = os.path.join(os.path.dirname(__file__), "..", "..", "grader", "src", "main", "resources", "golden", "alibi.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", len(cases), "cases to", os.path.normpath(path))
