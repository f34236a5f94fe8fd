# en: With retain_graph=True a second backward() adds the same gradient again.
# zh: 加了 retain_graph=True，第二次 backward() 会把同样的梯度再加一遍。
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x * x).sum()  # en: dz/dx = 2x # zh: dz/dx 等于 2x

z.backward(retain_graph=True)
print("after pass 1:", x.grad)
z.backward(retain_graph=True)
print("after pass 2:", x.grad)

x.grad = None  # en: drop the old sum before the next pass # zh: 下一次反向传播前，先丢掉之前累加的和
z.backward()
print("after reset and pass 3:", x.grad)
