# en: A second backward() through the same graph raises: its saved tensors were freed.
# zh: 对同一张图第二次调用 backward() 会报错：保存的张量已经释放了。
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * x
z = y.sum()
print("saved for backward:", y.grad_fn._saved_self)

z.backward()
print("x.grad:", x.grad)
print("z.grad_fn:", z.grad_fn)  # en: the nodes are still there # zh: 节点都还在
z.backward()
