import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
z = (y**2).sum()

handle = y.register_hook(lambda g: print("gradient reaching y:", g))
z.backward()
print("x.grad:", x.grad)
handle.remove()
