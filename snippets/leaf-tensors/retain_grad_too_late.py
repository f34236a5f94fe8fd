import torch

x = torch.tensor(1.0, requires_grad=True)
y = 2 * x + 1
loss = 1 - y ** 2
loss.backward()

y.retain_grad()  # too late: the gradient through y is already gone
print("y.retains_grad:", y.retains_grad)
print("y.grad:", y.grad)
