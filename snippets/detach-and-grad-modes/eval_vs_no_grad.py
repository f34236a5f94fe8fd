import contextlib

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4), nn.Dropout(0.5),
                      nn.Linear(4, 1))
bn = model[1]
x = torch.randn(8, 4)


def probe(label, train, mode):
    model.train(train)  # en: model.eval() is model.train(False) # zh: model.eval() 就是 model.train(False)
    seen = bn.num_batches_tracked.item()
    with mode:
        a = model(x)
        b = model(x)
    print(f"{label:23} graph: {a.grad_fn is not None!s:5} "
          f"dropout: {not torch.equal(a, b)!s:5} "
          f"BN stats moved: {bn.num_batches_tracked.item() != seen}")


probe("train()", True, contextlib.nullcontext())
probe("eval()", False, contextlib.nullcontext())
probe("train() + no_grad", True, torch.no_grad())
probe("eval() + no_grad", False, torch.no_grad())
probe("eval() + inference_mode", False, torch.inference_mode())
