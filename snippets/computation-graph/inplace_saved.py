# en: Changing a saved tensor in place after the forward breaks backward().
# zh: 前向传播之后原地修改保存的张量，backward() 就会出错。
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([4.0, 5.0, 6.0])  # en: requires_grad=False # zh: requires_grad=False（不需要梯度）
z = x * w
w.add_(1)  # en: changes the value MulBackward0 saved for the gradient of x # zh: 改的正是 MulBackward0 为求 x 的梯度而保存的值
z.sum().backward()
