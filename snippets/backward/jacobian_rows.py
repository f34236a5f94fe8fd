"""The full Jacobian needs one backward pass per output element: v = e_i picks row i."""
import torch


def f(x):
    return torch.stack([x[0] * x[1], x[0] ** 2, 3 * x[1]])


x = torch.tensor([2.0, 3.0], requires_grad=True)
rows = []
for e in torch.eye(3):  # e = [1, 0, 0], then [0, 1, 0], then [0, 0, 1]
    x.grad = None
    f(x).backward(gradient=e)
    print("v =", e, "-> x.grad =", x.grad)
    rows.append(x.grad)
print(torch.stack(rows))
