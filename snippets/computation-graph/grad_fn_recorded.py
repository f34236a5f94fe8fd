# en: An operation on a tensor that requires grad records its node at once.
# zh: 对需要梯度的张量做运算，节点当场就记录下来。
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x ** 2
print("y.grad_fn:", y.grad_fn)  # en: no backward() has run yet # zh: 此时还没调用过 backward()
z = y.sigmoid()
print(z)
print("z.grad_fn:", z.grad_fn)
print("x.grad_fn:", x.grad_fn)  # en: x was created, not computed # zh: x 是创建出来的，不是算出来的
