# en: backward() with no argument on a scalar (0-dimensional) output.
# zh: 对标量（零维）输出调用不带参数的 backward()。
import torch

a = torch.tensor([2.0, 3.0], requires_grad=True)
b = a + 3
c = 3 * b * b
out = c.mean()  # en: one number: a 0-dimensional tensor # zh: 只有一个数：零维张量

print("out:", out)
print("out.shape:", out.shape)
out.backward()
print("a.grad:", a.grad)
