import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
d = (x * 2).detach()
d.requires_grad_()  # en: a detached tensor is a leaf, so this is allowed # zh: 分离出的张量是叶子，所以可以这样设
print("d.requires_grad:", d.requires_grad, "| d.is_leaf:", d.is_leaf)

(d ** 2).sum().backward()
print("d.grad:", d.grad)
print("x.grad:", x.grad)  # en: nothing flows back past the cut # zh: 梯度传不过切断的地方
