# en: For a 0-dimensional output, gradient must be 0-dimensional too.
# zh: 输出是零维的，gradient 也必须是零维的。
import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)

(x ** 2).sum().backward()
print("no argument:       ", x.grad)

x.grad = None
(x ** 2).sum().backward(gradient=torch.tensor(1.0))
print("torch.tensor(1.0): ", x.grad)

print("output.shape:             ", (x ** 2).sum().shape)
print("torch.tensor(1.0).shape:  ", torch.tensor(1.0).shape)
print("torch.Tensor([1.0]).shape:", torch.Tensor([1.0]).shape)
x.grad = None
(x ** 2).sum().backward(gradient=torch.Tensor([1.0]))
