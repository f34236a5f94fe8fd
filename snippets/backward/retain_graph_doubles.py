"""With retain_graph=True a second backward() adds the same gradient again."""
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x * x).sum()  # dz/dx = 2x

z.backward(retain_graph=True)
print("after pass 1:", x.grad)
z.backward(retain_graph=True)
print("after pass 2:", x.grad)

x.grad = None  # drop the old sum before the next pass
z.backward()
print("after reset and pass 3:", x.grad)
