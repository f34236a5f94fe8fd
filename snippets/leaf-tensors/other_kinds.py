import torch
from torch import nn

x = torch.tensor([1.0, 5.0, 3.0], requires_grad=True)
with torch.no_grad():
    n = x * 2  # nothing is recorded inside no_grad
d = (x * 2).detach()  # cut off from the graph
i = x.argmax()  # integer result: not differentiable
p = nn.Parameter(torch.ones(3))  # what layers store their weights in

print("name      is_leaf requires_grad grad_fn dtype")
for name, t in [("no_grad", n), ("detach", d),
                ("argmax", i), ("Parameter", p)]:
    print(f"{name:<9} {t.is_leaf!s:<7} {t.requires_grad!s:<13}"
          f" {t.grad_fn!s:<7} {t.dtype}")

# The rule holds for every tensor here, a fresh result x * 2 included.
print(all(t.is_leaf == (t.grad_fn is None) for t in [x, n, d, i, p, x * 2]))
