import torch

x = torch.ones(2, requires_grad=True)
# en: The first two read only x's shape, dtype and device; x * 0 reads its values.
# zh: 前两个只读 x 的形状、dtype 和设备；x * 0 读的是它的值。
for name, t in [("torch.zeros_like(x)", torch.zeros_like(x)),
                ("x.new_ones(2)", x.new_ones(2)),
                ("x * 0", x * 0)]:
    print(f"{name:<20} requires_grad={t.requires_grad} grad_fn={t.grad_fn}")
