# en: An output with one element works without gradient, whatever its number of dimensions.
# zh: 输出只有一个元素时，不管有几维，都可以不传 gradient。
import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)
y = (x ** 2).sum(dim=0, keepdim=True)  # en: shape [1], not [] # zh: 形状是 [1]，不是 []

print("y:", y)
print("y.shape:", y.shape)
y.backward()
print("x.grad:", x.grad)
