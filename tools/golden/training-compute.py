"""Golden vectors for the training-compute kata: exact Python integers and numpy float64.

Run with /usr/bin/python3 tools/golden/training-compute.py from the repository root.
"""
import json
import math
import numpy as np

rng = np.random.default_rng(20260415)
cases = []
configs = [
    # (N, D, C, r, s, b, h, a, tokens/s, gpus, peak)
    (70_000_000_000, 1_400_000_000_000, 5.88e23, 20.0, 2048, 1, 8192, 64, 1.2e6, 1024, 312e12),
    (175_000_000_000, 300_000_000_000, 3.14e23, 20.0, 2048, 1, 12288, 96, 1.6e5, 1024, 312e12),
    (7_000_000_000, 2_000_000_000_000, 8.4e22, 25.0, 4096, 4, 4096, 32, 3.0e6, 512, 989e12),
    (1_000_000_000_000, 10_000_000_000_000, 1e26, 20.0, 8192, 8, 16384, 128, 5.0e6, 16384, 989e12),
    (125_000_000, 2_500_000_000, 1.875e18, 20.0, 3, 1, 4, 2, 2.5e4, 1, 1e15),
]
for _ in range(5):
    heads = int(rng.integers(1, 129))
    configs.append((int(rng.integers(1, 10**12)), int(rng.integers(1, 10**13)), float(10 ** rng.uniform(15, 27)),
                    float(rng.uniform(1, 100)), int(rng.integers(1, 32769)), int(rng.integers(1, 65)),
                    heads * int(rng.integers(1, 257)), heads, float(10 ** rng.uniform(2, 7)), int(rng.integers(1, 4097)),
                    float(10 ** rng.uniform(12, 16))))
for n, d, c, r, s, b, h, a, tps, gpus, peak in configs:
    sbh = s * b * h
    n_opt = float(np.sqrt(np.float64(c) / (6.0 * r)))
    cases.append({
        "input": {"parameters": n, "tokens": d, "computeFlops": c, "tokensPerParameter": r, "seq": s, "batch": b,
                  "hidden": h, "heads": a, "tokensPerSecond": tps, "gpus": gpus, "peakFlopsPerGpu": peak},
        "output": {"trainingFlops": float(6 * n * d),  # exact integer, then rounded once
                   "optimalParameters": n_opt, "optimalTokens": r * n_opt,
                   "activationNONE": 34 * sbh + 5 * a * s * s * b,
                   "activationSELECTIVE": 34 * sbh, "activationFULL": 2 * sbh,
                   "mfu": float(6 * n * tps / (gpus * peak))},
    })
out = {"kata": "training-compute", "oracle": "Python exact integers / numpy " + np.__version__ + " (float64)",
       "semantics": "6ND training FLOPs; Chinchilla N = sqrt(C / (6 r)), D = r N; Korthikanti et al. 2022 activation bytes per layer "
                    "s b h (34 + 5 a s / h) (none), 34 s b h (selective), 2 s b h (full); MFU = 6 N tokens/s / (gpus peak)",
       "cases": cases}
with open("grader/src/main/resources/golden/training-compute.json", "w") as f:
    json.dump(out, f)
print(len(cases), "cases")
