"""Golden vectors for the tensor-parallel-linear kata, computed with PyTorch (float64).

Run with /usr/bin/python3 tools/golden/tensor-parallel-linear.py from the repository root.
"""
import json
import torch

torch.manual_seed(7)
cases = []
for n, d, f, k, p in [(1, 2, 4, 1, 2), (2, 3, 6, 2, 3), (3, 4, 8, 3, 4), (2, 2, 4, 2, 1), (4, 5, 12, 2, 6), (3, 3, 8, 4, 8)]:
    x = torch.randn(n, d, dtype=torch.float64)
    a = torch.randn(d, f, dtype=torch.float64)
    b1 = torch.randn(f, dtype=torch.float64)
    b = torch.randn(f, k, dtype=torch.float64)
    b2 = torch.randn(k, dtype=torch.float64)
    y = torch.relu(x @ a + b1) @ b + b2
    shards = [s.contiguous() for s in torch.chunk(a, p, dim=1)]
    # the sharded computation, as the ranks do it, agrees with the unsharded layer
    partial = sum(torch.relu(x @ s + c) @ r for s, c, r in zip(shards, torch.chunk(b1, p), torch.chunk(b, p, dim=0))) + b2
    assert torch.allclose(partial, y, rtol=1e-12, atol=1e-12)
    cases.append({"input": {"x": x.tolist(), "a": a.tolist(), "b1": b1.tolist(), "b": b.tolist(), "b2": b2.tolist(), "p": p,
                            "aShards": [s.tolist() for s in shards]},
                  "output": {"y": y.tolist()}})
out = {"kata": "tensor-parallel-linear", "oracle": "PyTorch " + torch.__version__ + " (float64)",
       "semantics": "Y = relu(x @ a + b1) @ b + b2; the shards of A are torch.chunk(a, p, dim=1) (contiguous column blocks)",
       "cases": cases}
with open("grader/src/main/resources/golden/tensor-parallel-linear.json", "w") as f:
    json.dump(out, f)
print(len(cases), "cases")
