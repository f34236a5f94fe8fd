import torch

A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
x = torch.tensor([1.0, 1.0], requires_grad=True)
y = A @ x  # the Jacobian of y with respect to x is A
y.backward(torch.ones_like(y))
print("x.grad:", x.grad)  # 1+3 and 2+4: the column sums of A
print("Jacobian:")
print(torch.func.jacrev(lambda v: A @ v)(x))
