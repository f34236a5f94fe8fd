"""A leaf enters the graph through AccumulateGrad; .variable is the leaf."""
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w * 3).sum()
acc = loss.grad_fn.next_functions[0][0].next_functions[0][0]
print(acc)
print("acc.variable is w:", acc.variable is w)
print("edges out of it:", acc.next_functions)
loss.backward()
print("w.grad:", w.grad)
