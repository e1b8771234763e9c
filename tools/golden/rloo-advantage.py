"""Golden vectors for the rloo-advantage kata: numpy, float64, the leave-one-out baseline by definition.

Run with /usr/bin/python3 tools/golden/rloo-advantage.py (Debian's python3-numpy).
"""
import json
import os

import numpy as np

rng = np.random.default_rng(15)


def rloo(rewards):
    out = []
    for row in rewards:
        r = np.asarray(row, dtype=np.float64)
        out.append([float(r[i] - np.delete(r, i).mean()) for i in range(len(r))])
    return out


cases = []
batches = [
    [[1.0, 2.0, 3.0, 6.0]],
    [[0.0, 4.0], [5.0, 5.0, 8.0]],
    [[-1.5, 0.25, 0.25, 3.0, -2.0, 1.0, 0.5, 0.0]],
]
for _ in range(5):
    prompts = int(rng.integers(1, 4))
    batches.append([list(np.round(rng.normal(0, 2, size=int(rng.integers(2, 7))), 3)) for _ in range(prompts)])
batches.append([list(rng.normal(1e6, 1.0, size=5))])
for b in batches:
    cases.append({"input": {"rewards": [[float(x) for x in row] for row in b]}, "output": {"advantages": rloo(b)}})

out = {
    "kata": "rloo-advantage",
    "oracle": "numpy " + np.__version__ + " (float64)",
    "semantics": "per prompt, A_i = r_i - mean of the other k - 1 rewards (np.delete(r, i).mean())",
    "cases": cases,
}
path = os.path.join(os.path.dirname(__file__), "..", "..", "grader", "src", "main", "resources", "golden", "rloo-advantage.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", len(cases), "cases to", os.path.normpath(path))
