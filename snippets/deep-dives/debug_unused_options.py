import torch

a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(5.0, requires_grad=True)
out = a * 3
print("allow_unused:     ", torch.autograd.grad(out, [a, b], allow_unused=True, retain_graph=True))
print("materialize_grads:", torch.autograd.grad(out, [a, b], materialize_grads=True, retain_graph=True))
out.backward()
print("backward(): a.grad", a.grad, " b.grad", b.grad)
