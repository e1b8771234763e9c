"""Golden vectors for the moe-load-balancing kata, computed with PyTorch (float64).

Run with /usr/bin/python3 tools/golden/moe-load-balancing.py from the repository root.
"""
import json
import math
import numpy as np
import torch

torch.manual_seed(15)
rng = np.random.default_rng(15)


def case(x, alpha, cf):
    x = torch.tensor(x, dtype=torch.float64)
    t, e = x.shape
    probs = torch.softmax(x, dim=-1)
    top1 = torch.argmax(x, dim=-1)  # first index of the maximum on ties
    mask = torch.nn.functional.one_hot(top1, e).to(torch.float64)
    f = mask.mean(dim=0)
    p = probs.mean(dim=0)
    aux = alpha * e * torch.sum(f * p)
    z = torch.mean(torch.logsumexp(x, dim=-1) ** 2)
    cap = int(math.ceil(cf * t / e))
    position = torch.cumsum(mask, dim=0) * mask  # 1-based position of each token in its expert's queue
    kept = (position <= cap) & (mask > 0)
    dispatch = [int(top1[i]) if bool(kept[i].any()) else -1 for i in range(t)]
    return {"input": {"routerLogits": x.tolist(), "alpha": alpha, "capacityFactor": cf},
            "output": {"auxLoss": float(aux), "zLoss": float(z), "capacity": cap, "dispatch": dispatch}}


cases = [case([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], 0.01, 0.5),
         case([[0.0, 0.0, 0.0]] * 3, 1.0, 1.0),
         case([[1000.0, -1000.0, 999.0], [-1000.0, 1000.0, 0.0], [500.0, 500.0, -500.0]], 0.01, 1.0),
         case([[30.0, 70.0], [-45.5, 12.25]], 1.0, 2.0)]
for _ in range(6):
    t, e = int(rng.integers(1, 9)), int(rng.integers(1, 6))
    x = (torch.randn(t, e, dtype=torch.float64) * float(rng.choice([1.0, 3.0, 30.0]))).tolist()
    cases.append(case(x, float(rng.choice([0.01, 1.0, 0.5])), float(rng.integers(1, 160)) / 64))
out = {"kata": "moe-load-balancing", "oracle": "PyTorch " + torch.__version__ + " (float64)",
       "semantics": "Switch Transformer aux loss alpha * E * sum f_i P_i (f_i from argmax, P_i mean softmax); capacity ceil(cf * T / E); "
                    "top-1 dispatch keeping the first capacity tokens per expert in token order (cumsum of the one-hot mask), -1 when dropped; "
                    "router z-loss mean(logsumexp(x, -1)^2)",
       "cases": cases}
with open("grader/src/main/resources/golden/moe-load-balancing.json", "w") as f:
    json.dump(out, f)
print(len(cases), "cases")
