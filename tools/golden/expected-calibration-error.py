"""Golden vectors for the expected-calibration-error kata: binned ECE in numpy (bin = min(floor(c M), M - 1)),
the NLL of softmax(logits / T) with torch.nn.functional.cross_entropy (float64), and the temperature in
[0.05, 20] minimising it: the root of d NLL / d(1/T), taken by torch autograd and solved with scipy's brentq.

Run with /usr/bin/python3 tools/golden/expected-calibration-error.py (Debian's python3-numpy, -torch, -scipy).
"""
import json
import os

import numpy as np
import scipy
import torch
import torch.nn.functional as F
from scipy.optimize import brentq

MIN_T, MAX_T = 0.05, 20.0


def ece(conf, correct, bins):
    conf = np.asarray(conf, dtype=np.float64)
    correct = np.asarray(correct, dtype=np.float64)
    idx = np.minimum(np.floor(conf * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.sum() / len(conf) * abs(correct[m].mean() - conf[m].mean())
    return float(total)


def nll(z, y, t):
    return float(F.cross_entropy(torch.tensor(z, dtype=torch.float64) / t, torch.tensor(y)))


def slope(z, y, s):
    st = torch.tensor(s, dtype=torch.float64, requires_grad=True)
    loss = F.cross_entropy(torch.tensor(z, dtype=torch.float64) * st, torch.tensor(y))
    loss.backward()
    return float(st.grad)


def fit(z, y):
    lo, hi = 1 / MAX_T, 1 / MIN_T
    if slope(z, y, lo) >= 0:
        return MAX_T
    if slope(z, y, hi) <= 0:
        return MIN_T
    return 1 / brentq(lambda s: slope(z, y, s), lo, hi, xtol=1e-15, rtol=1e-15, maxiter=500)


rng = np.random.default_rng(15)
cases = []
ece_inputs = [
    ([0.0, 0.25, 0.5, 0.75, 1.0], [0, 0, 1, 1, 1], 4),
    ([0.95, 0.9, 0.85, 0.6, 0.55, 0.3], [1, 1, 0, 1, 0, 0], 5),
]
for bins in [10, 15, 3, 1]:
    n = int(rng.integers(5, 40))
    conf = np.round(rng.uniform(0, 1, size=n), 3)
    conf[: n // 5] = rng.integers(0, bins + 1, size=n // 5) / bins  # some exactly on an edge
    correct = (rng.random(n) < conf).astype(int)
    ece_inputs.append(([float(x) for x in conf], [int(x) for x in correct], bins))
for conf, correct, bins in ece_inputs:
    cases.append({"input": {"confidences": conf, "correct": correct, "bins": bins}, "output": {"ece": ece(conf, correct, bins)}})

nll_inputs = [([[2.0, 0.0], [2.0, 0.0], [2.0, 0.0], [0.0, 2.0]], [0, 0, 1, 1], 1.0)]
for n, c, scale, t in [(8, 3, 3.0, 1.5), (12, 4, 5.0, 0.7), (6, 2, 1.0, 2.0), (10, 5, 8.0, 1.0)]:
    z = rng.normal(0, scale, size=(n, c))
    y = np.where(rng.random(n) < 0.7, z.argmax(axis=1), rng.integers(0, c, size=n))
    nll_inputs.append(([[float(v) for v in row] for row in z], [int(v) for v in y], t))
for z, y, t in nll_inputs:
    cases.append({"input": {"logits": z, "labels": y, "temperature": t}, "output": {"nll": nll(z, y, t), "fittedT": fit(z, y)}})

out = {
    "kata": "expected-calibration-error",
    "oracle": "numpy " + np.__version__ + " / PyTorch " + torch.__version__ + " / scipy " + scipy.__version__ + " (float64)",
    "semantics": "ece: equal-width bins, bin = min(floor(c M), M - 1), sum of n_b/N |acc_b - conf_b|; "
                 "nll = F.cross_entropy(logits / T, labels); fittedT = argmin over [0.05, 20] of nll (brentq on d nll / d(1/T))",
    "cases": cases,
}
path = os.path.join(os.path.dirname(__file__), "..", "..", "grader", "src", "main", "resources", "golden", "expected-calibration-error.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", len(cases), "cases to", os.path.normpath(path))
print([c["output"] for c in cases])
