import torch

A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
x = torch.tensor([1.0, 1.0], requires_grad=True)
y = A @ x  # en: the Jacobian of y with respect to x is A # zh: y 对 x 的雅可比矩阵就是 A
y.backward(torch.ones_like(y))
print("x.grad:", x.grad)  # en: 1+3 and 2+4: the column sums of A # zh: 1+3 和 2+4：A 的列和
print("Jacobian:")
print(torch.func.jacrev(lambda v: A @ v)(x))
