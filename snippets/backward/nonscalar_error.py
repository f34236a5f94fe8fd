# en: backward() with no argument on an output with several elements raises.
# zh: 输出有多个元素时，不带参数调用 backward() 会报错。
import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)
y = x * x

print("y:", y)
print("y.shape:", y.shape)
y.backward()
