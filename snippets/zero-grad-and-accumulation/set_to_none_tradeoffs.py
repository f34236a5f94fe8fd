import weakref

import torch
from torch import nn

torch.manual_seed(0)
model = nn.ModuleDict({"used": nn.Linear(2, 1), "unused": nn.Linear(2, 1)})
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(4, 2)

for set_to_none in [True, False]:
    (model["used"](x) + model["unused"](x)).sum().backward()  # en: both used # zh: 两层都用到
    old = weakref.ref(model["used"].weight.grad)
    optimizer.zero_grad(set_to_none=set_to_none)
    model["used"](x).sum().backward()  # en: this step skips "unused" # zh: 这一步没用到 "unused"
    print(f"set_to_none={set_to_none!s:5}  unused.weight.grad: {model['unused'].weight.grad}")
    print(f"{'':19}old .grad tensor freed: {old() is None!s:5}"
          f"  new .grad is the old tensor: {old() is model['used'].weight.grad}")
    optimizer.zero_grad()

model["used"](x).sum().backward()
for p in model.parameters():  # en: e.g. hand-written weight decay # zh: 比如手写的权重衰减
    p.grad.add_(p.detach(), alpha=1e-4)
