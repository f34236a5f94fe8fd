import torch


def grad_at(f, *values):
    x = torch.tensor(values, requires_grad=True)
    f(x).sum().backward()
    return x.grad


print("relu at 0:         ", grad_at(torch.relu, 0.0))
print("abs at 0:          ", grad_at(torch.abs, 0.0))
print("sqrt at 0:         ", grad_at(torch.sqrt, 0.0))
print("sqrt(x * x) at 0:  ", grad_at(lambda x: torch.sqrt(x * x), 0.0))
print("vector_norm at 0:  ", grad_at(torch.linalg.vector_norm, 0.0, 0.0))
print("sqrt(sum x*x) at 0:", grad_at(lambda x: (x * x).sum().sqrt(), 0.0, 0.0))
