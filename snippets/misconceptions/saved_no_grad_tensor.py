import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0])  # requires_grad=False
y = x * w
print(y.grad_fn.next_functions)  # no node for w: None
print(y.grad_fn._saved_other)  # but w is saved: d(x*w)/dx = w
w.add_(1)  # change w after the forward pass
y.sum().backward()
