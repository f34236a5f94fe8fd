import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(3, 2)
seen = {}


def show(module, grad_input, grad_output):
    print("  grad_output:", [tuple(g.shape) for g in grad_output])
    print("  grad_input: ", [None if g is None else tuple(g.shape) for g in grad_input])
    seen["grad_input"] = grad_input[0]


handle = layer.register_full_backward_hook(show)

print("input requires grad:")
x = torch.randn(4, 3, requires_grad=True)
layer(x).sum().backward()
print("  grad_input[0] equals x.grad:", torch.equal(seen["grad_input"], x.grad))

print("input does not require grad:")
layer(torch.randn(4, 3)).sum().backward()

handle.remove()
print("after handle.remove():")
layer(x).sum().backward()
print("  (nothing printed by the hook)")
