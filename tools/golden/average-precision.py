"""Golden vectors for the average-precision kata: scikit-learn's precision_recall_curve and
average_precision_score (float64), ties and all.

Run with /usr/bin/python3 tools/golden/average-precision.py (Debian's python3-sklearn).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, precision_recall_curve

rng = np.random.default_rng(15)
inputs = [
    ([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]),
    ([0.9, 0.8, 0.8, 0.5, 0.5, 0.2], [1, 0, 1, 1, 0, 0]),
    ([2.0, 2.0, 1.0], [1, 1, 1]),
    ([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]),
]
for i in range(6):
    n = int(rng.integers(4, 18))
    labels = (rng.random(n) < rng.uniform(0.15, 0.7)).astype(int)
    if labels.sum() == 0:
        labels[0] = 1
    if i % 2 == 0:
        scores = np.round(rng.integers(-4, 5, size=n) / 2.0, 1)  # a coarse grid: many ties
    else:
        scores = rng.normal(0, 1, size=n) + 0.8 * labels
    inputs.append(([float(x) for x in scores], [int(x) for x in labels]))

cases = []
for scores, labels in inputs:
    p, r, t = precision_recall_curve(labels, scores)
    ap = average_precision_score(labels, scores)
    cases.append({"input": {"scores": scores, "labels": labels},
                  "output": {"precision": [float(x) for x in p], "recall": [float(x) for x in r],
                             "thresholds": [float(x) for x in t], "ap": float(ap)}})

out = {
    "kata": "average-precision",
    "oracle": "scikit-learn " + sklearn.__version__ + " / numpy " + np.__version__ + " (float64)",
    "semantics": "precision_recall_curve(labels, scores) (thresholds increasing, last point precision 1 recall 0) and "
                 "average_precision_score: sum of (R_k - R_{k+1}) P_k, no interpolation",
    "cases": cases,
}
path = os.path.join(os.path.dirname(__file__), "..", "..", "grader", "src", "main", "resources", "golden", "average-precision.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", len(cases), "cases to", os.path.normpath(path))
