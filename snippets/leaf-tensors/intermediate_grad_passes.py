import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
# A hook sees the gradient that flows through y during backward().
y.register_hook(lambda g: print("flowing through y:", g))
loss = (y ** 2).sum()
loss.backward()

print("x.grad:", x.grad)
print("y.retains_grad:", y.retains_grad)
# What stores into x.grad: an AccumulateGrad node holding the leaf x.
print(y.grad_fn.next_functions)
print(y.grad_fn.next_functions[0][0].variable is x)
