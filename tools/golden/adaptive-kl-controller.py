"""Golden vectors for the adaptive-kl-controller kata: TRL's AdaptiveKLController rule in numpy float64.

Run with /usr/bin/python3 tools/golden/adaptive-kl-controller.py (Debian's python3-numpy).
"""
import json
import os

import numpy as np


class AdaptiveKLController:
    """As trl.trainer.utils.AdaptiveKLController (Ziegler et al. 2019)."""

    def __init__(self, init_kl_coef, target, horizon):
        self.value = np.float64(init_kl_coef)
        self.target = np.float64(target)
        self.horizon = horizon

    def update(self, current, n_steps):
        proportional_error = np.clip(np.float64(current) / self.target - 1, -0.2, 0.2)
        mult = 1 + proportional_error * n_steps / self.horizon
        self.value *= mult


rng = np.random.default_rng(15)
cases = []
runs = [
    (0.1, [9.0, 6.6, 6.0, 3.0], [256, 256, 256, 256], 6.0, 10000),
    (0.2, [12.0, 12.0, 0.0], [10, 10, 10], 6.0, 10),
    (0.05, [-0.5, 0.1, 0.12, 0.09], [64, 0, 64, 64], 0.1, 64),
]
for _ in range(5):
    target = float(np.round(rng.uniform(0.05, 8), 3))
    horizon = int(rng.choice([100, 1000, 10000]))
    t = int(rng.integers(1, 12))
    kls = [float(x) for x in np.round(target * rng.uniform(0.3, 2.0, size=t), 4)]
    steps = [int(x) for x in rng.integers(0, min(horizon, 512) + 1, size=t)]
    runs.append((float(np.round(rng.uniform(0.01, 0.5), 3)), kls, steps, target, horizon))
for beta0, kls, steps, target, horizon in runs:
    c = AdaptiveKLController(beta0, target, horizon)
    betas = [float(c.value)]
    for kl, n in zip(kls, steps):
        c.update(kl, n)
        betas.append(float(c.value))
    cases.append({"input": {"beta0": beta0, "kls": kls, "nSteps": steps, "target": target, "horizon": horizon},
                  "output": {"betas": betas}})

out = {
    "kata": "adaptive-kl-controller",
    "oracle": "numpy " + np.__version__ + " (float64), the rule of TRL's AdaptiveKLController",
    "semantics": "betas[0] = beta0; betas[t+1] = betas[t] * (1 + clip(kls[t] / target - 1, -0.2, 0.2) * nSteps[t] / horizon)",
    "cases": cases,
}
path = os.path.join(os.path.dirname(__file__), "..", "..", "grader", "src", "main", "resources", "golden", "adaptive-kl-controller.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", len(cases), "cases to", os.path.normpath(path))
