import torch
from torch import nn

x = torch.tensor([1.0, 5.0, 3.0], requires_grad=True)
with torch.no_grad():
    n = x * 2  # en: nothing is recorded inside no_grad # zh: no_grad 里什么都不记录
d = (x * 2).detach()  # en: cut off from the graph # zh: 已与计算图分离
i = x.argmax()  # en: integer result: not differentiable # zh: 整数结果：不可导
p = nn.Parameter(torch.ones(3))  # en: what layers store their weights in # zh: 各层用它存放权重

print("name      is_leaf requires_grad grad_fn dtype")
for name, t in [("no_grad", n), ("detach", d),
                ("argmax", i), ("Parameter", p)]:
    print(f"{name:<9} {t.is_leaf!s:<7} {t.requires_grad!s:<13}"
          f" {t.grad_fn!s:<7} {t.dtype}")

# en: The rule holds for every tensor here, a fresh result x * 2 included.
# zh: 这条规则对这里的每个张量都成立，包括刚算出来的 x * 2。
print(all(t.is_leaf == (t.grad_fn is None) for t in [x, n, d, i, p, x * 2]))
