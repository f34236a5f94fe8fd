import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
print("mul.Tensor:        ", torch.ops.aten.mul.Tensor(x, torch.tensor(3)).grad_fn.name())
print("mul.Scalar:        ", torch.ops.aten.mul.Scalar(x, 3).grad_fn.name())
print("pow.Tensor_Scalar: ", torch.ops.aten.pow.Tensor_Scalar(x, 2).grad_fn.name())

y3 = x * 3
y2 = x ** 2
print("x * 3: ", y3.grad_fn.name(), y3.grad_fn.next_functions)
print("x ** 2:", y2.grad_fn.name(), y2.grad_fn.next_functions)
print("x * 3 saved:  other =", repr(y3.grad_fn._saved_other))
print("x ** 2 saved: exponent =", repr(y2.grad_fn._saved_exponent))

s = y3.sum()
s.backward()
print("first backward, x.grad:", x.grad)
s.backward()  # en: the saved tensor(3) is gone # zh: 保存的 tensor(3) 已被释放
