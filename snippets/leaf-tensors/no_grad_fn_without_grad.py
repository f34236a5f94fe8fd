import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
print("y:", y.is_leaf, y.requires_grad, y.grad_fn)

# en: detach() gives a y that does not require grad: it has no grad_fn.
# zh: detach() 得到一个不需要梯度的 y：它没有 grad_fn。
d = y.detach()
print("d:", d.is_leaf, d.requires_grad, d.grad_fn)

# en: Switching it off on y itself, grad_fn and all, is refused.
# zh: 在带着 grad_fn 的 y 本身上关掉它，会被拒绝。
y.requires_grad_(False)
