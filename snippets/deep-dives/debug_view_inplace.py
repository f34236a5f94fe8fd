import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
v = y[1:]  # en: a view: it shares y's storage and version counter # zh: 视图：与 y 共用存储和版本计数器
v.mul_(10)
print("y:", y)
print("versions: y", y._version, " v", v._version)
print("y.grad_fn:", type(y.grad_fn).__name__, "->", [type(n).__name__ if n else None for n, _ in y.grad_fn.next_functions])
print("v.grad_fn:", type(v.grad_fn).__name__)
y.sum().backward()
print("x.grad:", x.grad)
