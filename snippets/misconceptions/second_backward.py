import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
z = (x + 2).sum()  # en: neither node saves a tensor # zh: 两个节点都不保存张量
z.backward()
z.backward()  # en: no retain_graph, no error: the gradient just adds up # zh: 没有 retain_graph 也不报错：梯度只是累加
print("x.grad:", x.grad)
z = (x * x).sum()  # en: the multiplication saves x twice # zh: 乘法把 x 保存了两次
z.backward()
z.backward()
