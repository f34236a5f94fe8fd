"""The number in an edge says which output of the next node it feeds."""
import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
first, second = x.split(2)
print("one node:", first.grad_fn is second.grad_fn)
y = second * first
print(y.grad_fn.next_functions)
y.sum().backward()  # d/d(first) = second, d/d(second) = first
print("x.grad:", x.grad)
